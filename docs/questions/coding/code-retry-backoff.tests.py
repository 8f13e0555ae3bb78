"""Tests for code-retry-backoff: written against the spec on the page, not against the reference solution."""
import random

from solution import HTTPError, parse_retry_after, retry_call

NOW = 784111777.0  # Sun, 06 Nov 1994 08:49:37 GMT


class FixedRng(random.Random):
    """random() always returns the same fraction, so uniform(0, x) == fraction * x."""

    def __init__(self, fraction: float) -> None:
        super().__init__(0)
        self.fraction = fraction

    def random(self) -> float:
        return self.fraction


def flaky(*errors, result="ok"):
    """A callable that raises the given errors in turn, then returns result; counts calls."""
    pending = list(errors)

    def fn():
        fn.calls += 1
        if pending:
            raise pending.pop(0)
        return result

    fn.calls = 0
    return fn


def run(fn, **kw):
    sleeps = []
    kw.setdefault("rng", FixedRng(0.5))
    kw.setdefault("now", lambda: NOW)
    value = retry_call(fn, sleep=sleeps.append, **kw)
    return value, sleeps


def expect_raise(fn, kw, error_type):
    sleeps = []
    kw.setdefault("rng", FixedRng(0.5))
    kw.setdefault("now", lambda: NOW)
    try:
        retry_call(fn, sleep=sleeps.append, **kw)
    except error_type as error:
        return error, sleeps
    raise AssertionError(f"expected {error_type.__name__} to propagate; fn was called {fn.calls} time(s), sleeps {sleeps}")


def test_retries_5xx_then_succeeds():
    fn = flaky(HTTPError(503), HTTPError(500))
    value, sleeps = run(fn)
    assert value == "ok" and fn.calls == 3, f"expected 'ok' after 3 calls, got {value!r} after {fn.calls}"
    assert len(sleeps) == 2, f"expected 2 sleeps, got {sleeps}"


def test_full_jitter_uses_rng_over_whole_range():
    fn = flaky(*[HTTPError(502)] * 5)
    _, sleeps = run(fn, max_attempts=6, base=0.5, cap=4.0, rng=FixedRng(0.25))
    want = [0.125, 0.25, 0.5, 1.0, 1.0]  # 0.25 * min(4, 0.5 * 2**n)
    assert sleeps == want, f"full jitter = uniform(0, min(cap, base*2**n)); expected {want}, got {sleeps}"


def test_seeded_rng_is_deterministic_and_bounded():
    a = run(flaky(*[HTTPError(429)] * 3), rng=random.Random(7))[1]
    b = run(flaky(*[HTTPError(429)] * 3), rng=random.Random(7))[1]
    assert a == b, f"the same seed must give the same delays: {a} vs {b}"
    for n, d in enumerate(a):
        assert 0 <= d <= min(8.0, 0.5 * 2 ** n), f"delay {n} = {d} outside [0, {min(8.0, 0.5 * 2 ** n)}]"


def test_non_retryable_status_is_raised_at_once():
    for status in (400, 401, 404, 422):
        fn = flaky(HTTPError(status))
        error, sleeps = expect_raise(fn, {}, HTTPError)
        assert fn.calls == 1 and not sleeps, f"{status} must not be retried; calls={fn.calls}, sleeps={sleeps}"
        assert error.status == status


def test_408_429_and_network_errors_are_retried():
    for error in (HTTPError(408), HTTPError(429), ConnectionResetError(), TimeoutError()):
        fn = flaky(error)
        value, sleeps = run(fn)
        assert value == "ok" and fn.calls == 2, f"{error!r} should be retried once, calls={fn.calls}"


def test_other_exceptions_are_not_retried():
    fn = flaky(KeyError("bug"))
    _, sleeps = expect_raise(fn, {}, KeyError)
    assert fn.calls == 1 and not sleeps, "a programming error is not transient: do not retry it"


def test_gives_up_after_max_attempts_with_last_error():
    errors = [HTTPError(500), HTTPError(502), HTTPError(503)]
    fn = flaky(*errors)
    error, sleeps = expect_raise(fn, {"max_attempts": 3}, HTTPError)
    assert fn.calls == 3 and len(sleeps) == 2, f"3 attempts, 2 sleeps; got {fn.calls} calls, sleeps {sleeps}"
    assert error is errors[2], f"expected the last error (503) unwrapped, got {error!r}"


def test_retry_after_seconds_is_honored_without_jitter():
    _, sleeps = run(flaky(HTTPError(429, retry_after="3")))
    assert sleeps == [3.0], f"Retry-After: 3 means sleep exactly 3 s, got {sleeps}"


def test_retry_after_http_date():
    _, sleeps = run(flaky(HTTPError(503, retry_after="Sun, 06 Nov 1994 08:49:42 GMT")))
    assert sleeps == [5.0], f"a date 5 s after now means sleep 5 s, got {sleeps}"
    _, sleeps = run(flaky(HTTPError(503, retry_after="Sun, 06 Nov 1994 08:40:00 GMT")))
    assert sleeps == [0.0], f"a date in the past means retry now (0 s), got {sleeps}"


def test_too_long_retry_after_fails_fast():
    fn = flaky(HTTPError(429, retry_after="3600"))
    _, sleeps = expect_raise(fn, {"max_retry_after": 60}, HTTPError)
    assert fn.calls == 1 and not sleeps, f"Retry-After 3600 > 60 should raise at once, sleeps={sleeps}"


def test_unparseable_retry_after_falls_back_to_backoff():
    _, sleeps = run(flaky(HTTPError(503, retry_after="soon")), rng=FixedRng(0.5))
    assert sleeps == [0.25], f"an invalid Retry-After is ignored: expected jittered 0.25, got {sleeps}"


def test_parse_retry_after_forms():
    cases = {"120": 120.0, " 7 ": 7.0, "0": 0.0, "-1": None, "1.5": None, "soon": None,
             "Sun, 06 Nov 1994 08:49:47 GMT": 10.0,     # IMF-fixdate
             "Sunday, 06-Nov-94 08:49:47 GMT": 10.0,    # obsolete RFC 850
             "Sun Nov  6 08:49:47 1994": 10.0}          # obsolete asctime
    for value, want in cases.items():
        got = parse_retry_after(value, NOW)
        assert got == want, f"parse_retry_after({value!r}) expected {want}, got {got}"


def test_bad_arguments_raise_value_error():
    for kw in ({"max_attempts": 0}, {"base": -1.0}, {"cap": -1.0}, {"max_retry_after": -1.0}):
        try:
            retry_call(lambda: "ok", sleep=lambda s: None, **kw)
        except ValueError:
            continue
        raise AssertionError(f"retry_call(..., {kw}) should raise ValueError")


def test_http_dates_are_utc_whatever_the_local_zone():
    import os
    import time
    saved = os.environ.get("TZ")
    switched = hasattr(time, "tzset")
    try:
        if switched:  # pretend the machine runs 8 h east of UTC (POSIX TZ, no tz database needed)
            os.environ["TZ"] = "XXX-8"
            time.tzset()
        got = {value: parse_retry_after(value, NOW) for value in
               ("Sun Nov  6 08:49:47 1994", "Sun, 06 Nov 1994 08:49:47 GMT")}
    finally:
        if switched:
            if saved is None:
                os.environ.pop("TZ", None)
            else:
                os.environ["TZ"] = saved
            time.tzset()
    for value, seconds in got.items():
        assert seconds == 10.0, (f"HTTP dates are always UTC (asctime carries no zone but is still GMT): "
                                 f"parse_retry_after({value!r}) expected 10.0 with a non-UTC local zone, got {seconds}")
