"""Tests for code-token-bucket: written against the spec on the page, not against the reference solution."""
from solution import CostExceedsCapacityError, TokenBucket


class FakeClock:
    def __init__(self, t: float = 0.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


def test_starts_full_and_spends_by_cost():
    clock = FakeClock()
    bucket = TokenBucket(rate=2, capacity=5, clock=clock)
    assert bucket.try_acquire(3) is True, "a full bucket of 5 should pay a cost of 3"
    got = bucket.available()
    assert got == 2, f"expected 2 tokens left, got {got}"


def test_failed_acquire_takes_nothing():
    clock = FakeClock()
    bucket = TokenBucket(rate=2, capacity=5, clock=clock)
    bucket.try_acquire(3)
    assert bucket.try_acquire(3) is False, "2 tokens cannot pay a cost of 3"
    got = bucket.available()
    assert got == 2, f"a refused request must not take tokens: expected 2 left, got {got}"


def test_refills_at_rate():
    clock = FakeClock()
    bucket = TokenBucket(rate=2, capacity=5, clock=clock)
    bucket.try_acquire(5)
    clock.t = 0.5
    got = bucket.available()
    assert got == 1, f"after 0.5 s at 2 tokens/s expected 1 token, got {got}"
    clock.t = 1.5
    assert bucket.try_acquire(3) is True, "after 1.5 s the bucket should hold 3 tokens"


def test_refill_is_capped_at_capacity():
    clock = FakeClock()
    bucket = TokenBucket(rate=2, capacity=5, clock=clock)
    bucket.try_acquire(1)
    clock.t = 1000.0
    got = bucket.available()
    assert got == 5, f"an idle bucket holds at most its capacity 5, got {got}"
    assert bucket.try_acquire(5) is True
    assert bucket.try_acquire(1) is False, "after spending the burst of 5 nothing is left"


def test_wait_time():
    clock = FakeClock()
    bucket = TokenBucket(rate=2, capacity=5, clock=clock)
    bucket.try_acquire(4)
    got = bucket.wait_time(3)
    assert got == 1.0, f"1 token held, 3 needed, 2/s: expected 1.0 s, got {got}"
    assert bucket.wait_time(1) == 0.0, "a cost that is available now needs no wait"
    assert bucket.available() == 1, "wait_time must not take tokens"


def test_cost_over_capacity_raises_named_error():
    bucket = TokenBucket(rate=2, capacity=5, clock=FakeClock())
    for method in (bucket.try_acquire, bucket.wait_time):
        try:
            method(6)
        except CostExceedsCapacityError:
            continue
        raise AssertionError(f"{method.__name__}(6) on capacity 5 should raise CostExceedsCapacityError")
    assert issubclass(CostExceedsCapacityError, ValueError), "CostExceedsCapacityError should subclass ValueError"


def test_bad_arguments_raise_value_error():
    cases = [lambda: TokenBucket(rate=0, capacity=5, clock=FakeClock()),
             lambda: TokenBucket(rate=1, capacity=0, clock=FakeClock()),
             lambda: TokenBucket(rate=1, capacity=5, clock=FakeClock()).try_acquire(0),
             lambda: TokenBucket(rate=1, capacity=5, clock=FakeClock()).try_acquire(-1)]
    for i, case in enumerate(cases):
        try:
            case()
        except ValueError:
            continue
        raise AssertionError(f"case {i}: zero/negative rate, capacity or cost should raise ValueError")


def test_clock_stepping_back_adds_no_tokens():
    clock = FakeClock(10.0)
    bucket = TokenBucket(rate=2, capacity=5, clock=clock)
    bucket.try_acquire(5)
    clock.t = 9.0
    assert bucket.available() == 0, "a clock that steps back must not add (or remove) tokens"
    clock.t = 10.5
    got = bucket.available()
    assert got == 1, f"0.5 s after the last real reading expected 1 token, got {got}"


def test_fractional_costs():
    clock = FakeClock()
    bucket = TokenBucket(rate=1, capacity=1, clock=clock)
    assert bucket.try_acquire(0.25) and bucket.try_acquire(0.75), "costs may be fractional"
    assert bucket.try_acquire(0.25) is False


class SpyLock:
    """Counts critical sections; the clock below checks that it is read inside one."""

    def __init__(self) -> None:
        self.held = False
        self.entered = 0

    def __enter__(self):
        assert not self.held, "the lock was entered twice without being released"
        self.held, self.entered = True, self.entered + 1
        return self

    def __exit__(self, *exc) -> None:
        self.held = False


def test_check_and_take_happen_under_the_lock():
    lock = SpyLock()
    reads_outside = []

    def clock() -> float:
        if not lock.held:
            reads_outside.append(1)
        return 0.0

    bucket = TokenBucket(rate=1, capacity=3, clock=clock, lock=lock)
    reads_outside.clear()  # reading the clock in __init__ is fine: no other thread sees the bucket yet
    assert bucket.try_acquire(2) is True
    assert bucket.try_acquire(2) is False
    assert lock.entered >= 2, f"each try_acquire must enter the injected lock, entered {lock.entered} times"
    assert not reads_outside, "the clock was read outside the lock: refill + check + take must be one critical section"
    assert not lock.held, "the lock must be released after try_acquire"


def test_wait_time_and_available_also_read_the_clock_under_the_lock():
    lock = SpyLock()
    reads_outside = []

    def clock() -> float:
        if not lock.held:
            reads_outside.append(1)
        return 0.0

    bucket = TokenBucket(rate=1, capacity=3, clock=clock, lock=lock)
    reads_outside.clear()
    bucket.wait_time(2)
    bucket.available()
    assert not reads_outside, ("wait_time / available read the clock outside the lock: every refill "
                               "(clock read + state update) must happen inside the injected lock")
    assert lock.entered >= 2, f"wait_time and available must each enter the injected lock, entered {lock.entered} times"
