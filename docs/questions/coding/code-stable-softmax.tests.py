"""Tests for code-stable-softmax: written against the spec on the page, not against the reference solution."""
import math

from solution import log_softmax, softmax


def close(got, expected, tol=1e-9):
    return len(got) == len(expected) and all(
        (g == e) or (not math.isinf(e) and abs(g - e) <= tol) for g, e in zip(got, expected)
    )


def raises_value_error(fn, arg):
    try:
        fn(arg)
    except ValueError:
        return True
    except Exception:  # noqa: BLE001 - any other exception is the wrong one
        return False
    return False


def test_small_example():
    got = softmax([1.0, 2.0, 3.0])
    expected = [0.09003057317038046, 0.24472847105479764, 0.6652409557748218]
    assert close(got, expected), f"softmax([1, 2, 3]): expected {expected}, got {got}"


def test_large_logits_do_not_overflow():
    try:
        got = softmax([1000.0, 1001.0, 1002.0])
    except OverflowError:
        raise AssertionError("softmax([1000, 1001, 1002]) overflowed: subtract the max before exp") from None
    expected = [0.09003057317038046, 0.24472847105479764, 0.6652409557748218]
    assert close(got, expected), f"softmax is shift-invariant: expected {expected}, got {got}"


def test_very_negative_logits_do_not_underflow_to_nan():
    got = softmax([-1000.0, -1000.0])
    assert got == [0.5, 0.5], f"softmax([-1000, -1000]): expected [0.5, 0.5], got {got}"


def test_wide_spread_needs_the_max_not_the_mean_or_min():
    # shifting by the mean (0 here) or the min (-1000) still leaves exp(1000) or exp(2000): only the max is safe
    try:
        got = softmax([-1000.0, 1000.0])
        got_log = log_softmax([-1000.0, 1000.0])
    except OverflowError:
        raise AssertionError("softmax([-1000, 1000]) overflowed: shift by the max, not the mean or the min") from None
    assert got == [0.0, 1.0], f"softmax([-1000, 1000]): expected [0.0, 1.0], got {got}"
    assert close(got_log, [-2000.0, 0.0]), f"log_softmax([-1000, 1000]): expected [-2000.0, 0.0], got {got_log}"


def test_probabilities_sum_to_one_and_keep_order():
    logits = [3.5, -2.0, 0.0, 7.25, 7.25, -40.0]
    got = softmax(logits)
    assert abs(sum(got) - 1.0) < 1e-12, f"probabilities should sum to 1, sum was {sum(got)}"
    ranked = sorted(range(len(logits)), key=lambda i: logits[i])
    assert all(got[a] <= got[b] for a, b in zip(ranked, ranked[1:])), f"order of logits not kept: {got}"
    assert got[3] == got[4], f"equal logits must get equal probabilities, got {got[3]} and {got[4]}"


def test_single_element_and_input_untouched():
    logits = [42.0]
    assert softmax(logits) == [1.0], f"softmax([42]) should be [1.0], got {softmax(logits)}"
    assert log_softmax(logits) == [0.0], f"log_softmax([42]) should be [0.0], got {log_softmax(logits)}"
    assert logits == [42.0], f"the input list was modified: {logits}"


def test_log_softmax_small_example():
    got = log_softmax([1.0, 2.0, 3.0])
    expected = [-2.4076059644443806, -1.4076059644443806, -0.4076059644443806]
    assert close(got, expected), f"log_softmax([1, 2, 3]): expected {expected}, got {got}"


def test_log_softmax_keeps_tiny_probabilities_finite():
    try:
        got = log_softmax([0.0, -1000.0])
    except (ValueError, OverflowError) as error:
        raise AssertionError(f"log_softmax([0, -1000]) raised {error!r}: do not take log(softmax(x))") from None
    assert close(got, [0.0, -1000.0]), f"log_softmax([0, -1000]): expected [0.0, -1000.0], got {got}"


def test_log_softmax_large_logits():
    try:
        got = log_softmax([1000.0, 0.0])
    except OverflowError:
        raise AssertionError("log_softmax([1000, 0]) overflowed: use the logsumexp trick") from None
    assert close(got, [0.0, -1000.0]), f"log_softmax([1000, 0]): expected [0.0, -1000.0], got {got}"


def test_masked_minus_inf_gets_zero_probability():
    got = softmax([0.0, -math.inf, 0.0])
    assert got == [0.5, 0.0, 0.5], f"softmax([0, -inf, 0]): expected [0.5, 0.0, 0.5], got {got}"
    got_log = log_softmax([0.0, -math.inf])
    assert got_log == [0.0, -math.inf], f"log_softmax([0, -inf]): expected [0.0, -inf], got {got_log}"


def test_bad_input_raises_value_error():
    bad_inputs = [[], [1.0, math.nan], [math.inf, 1.0], [-math.inf, -math.inf]]
    for fn in (softmax, log_softmax):
        for bad in bad_inputs:
            assert raises_value_error(fn, bad), f"{fn.__name__}({bad}) should raise ValueError"
