"""Tests for code-top-k-top-p: written against the spec on the page, not against the reference solution."""
import math
import random

from solution import filter_probs, sample_next_token

LOGITS = [2.0, 1.0, 0.5, -1.0]


class FixedRandom(random.Random):
    """random() returns the given values in turn and counts the calls."""

    def __init__(self, *values):
        super().__init__(0)
        self.values, self.calls = list(values), 0

    def random(self):
        self.calls += 1
        return self.values.pop(0)


class NoRandom(random.Random):
    def random(self):
        raise AssertionError("greedy decoding (temperature=0) must not draw from rng")


def close(got, expected, tol=1e-4):
    return len(got) == len(expected) and all(abs(g - e) <= tol for g, e in zip(got, expected))


def raises_value_error(fn):
    try:
        fn()
    except ValueError:
        return True
    except Exception:  # noqa: BLE001 - any other exception is the wrong one
        return False
    return False


def test_plain_softmax_without_filters():
    got = filter_probs(LOGITS)
    expected = [0.6095, 0.2242, 0.136, 0.0303]
    assert close(got, expected), f"filter_probs(LOGITS): expected {expected}, got {got}"


def test_temperature_divides_the_logits():
    got = filter_probs(LOGITS, temperature=0.5)
    expected = [0.842, 0.114, 0.0419, 0.0021]
    assert close(got, expected), f"temperature=0.5 should sharpen: expected {expected}, got {got}"


def test_top_k_keeps_k_tokens_and_renormalises():
    got = filter_probs(LOGITS, top_k=2)
    expected = [0.7311, 0.2689, 0.0, 0.0]
    assert close(got, expected), f"top_k=2: expected {expected}, got {got}"
    every = filter_probs(LOGITS, top_k=10)
    assert close(every, filter_probs(LOGITS)), f"top_k larger than the vocabulary keeps all tokens, got {every}"


def test_top_p_keeps_the_token_that_crosses_p():
    got = filter_probs(LOGITS, top_p=0.8)  # 0.6095 < 0.8, 0.6095 + 0.2242 >= 0.8
    expected = [0.7311, 0.2689, 0.0, 0.0]
    assert close(got, expected), f"top_p=0.8: expected {expected} (the crossing token stays), got {got}"
    tiny = filter_probs(LOGITS, top_p=0.01)
    assert close(tiny, [1.0, 0.0, 0.0, 0.0]), f"a tiny top_p still keeps the most likely token, got {tiny}"


def test_top_p_reached_exactly_and_top_p_one():
    # four equal tokens: 0.25 + 0.25 reaches 0.5 exactly, so the smallest prefix with mass >= 0.5 has 2 tokens
    got = filter_probs([1.0, 1.0, 1.0, 1.0], top_p=0.5)
    assert close(got, [0.5, 0.5, 0.0, 0.0]), f"top_p=0.5 on four equal tokens: expected [0.5, 0.5, 0, 0], got {got}"
    # top_p=1.0 filters nothing, even when the float cumulative sum ends at 0.9999999999999999
    try:
        every = filter_probs(LOGITS, top_p=1.0)
    except IndexError:
        raise AssertionError("top_p=1.0 ran past the end: rounding can keep the cumulative sum just below 1") from None
    assert close(every, filter_probs(LOGITS)), f"top_p=1.0 must keep every token, got {every}"


def test_top_p_is_applied_after_top_k_on_the_renormalised_distribution():
    # after top_k=2 the two survivors have 0.7311 and 0.2689; 0.7311 >= 0.7 already
    got = filter_probs(LOGITS, top_k=2, top_p=0.7)
    assert close(got, [1.0, 0.0, 0.0, 0.0]), f"top_k=2 then top_p=0.7: expected [1, 0, 0, 0], got {got}"


def test_temperature_comes_before_top_p():
    # a higher temperature flattens the distribution first, so the nucleus grows to 3 tokens
    got = filter_probs(LOGITS, temperature=2.0, top_p=0.8)
    expected = [0.481, 0.2918, 0.2272, 0.0]
    assert close(got, expected), f"temperature=2 then top_p=0.8: expected {expected}, got {got}"


def test_ties_at_the_cut_go_to_the_smaller_index():
    got = filter_probs([1.0, 3.0, 1.0, 1.0], top_k=2)
    assert close(got, [0.1192, 0.8808, 0.0, 0.0]), f"top_k=2 with a tie: expected index 0 to win, got {got}"


def test_masked_token_is_never_kept():
    got = filter_probs([0.0, -math.inf, 0.0])
    assert got == [0.5, 0.0, 0.5], f"a -inf logit has probability 0: expected [0.5, 0.0, 0.5], got {got}"


def test_sampling_is_the_inverse_cdf_in_index_order_with_one_draw():
    for u, expected in ((0.0, 0), (0.61, 1), (0.84, 2), (0.99, 3)):
        rng = FixedRandom(u)
        got = sample_next_token(LOGITS, rng)
        assert got == expected, f"with rng.random() = {u}: expected token {expected}, got {got}"
        assert rng.calls == 1, f"expected exactly one rng.random() call, got {rng.calls}"
    got = sample_next_token(LOGITS, FixedRandom(0.75), top_k=2)
    assert got == 1, f"top_k=2, rng.random() = 0.75 (CDF 0.7311, 1.0): expected token 1, got {got}"


def test_zero_probability_tokens_are_never_drawn_even_at_the_ends_of_u():
    # u = 0.0 and u = the largest float below 1.0 are both possible values of rng.random()
    masked_first = [-math.inf, 0.0, 0.0]
    got = sample_next_token(masked_first, FixedRandom(0.0))
    assert got == 1, f"rng.random() = 0.0 with token 0 masked: expected token 1 (use u < cumulative), got {got}"
    got = sample_next_token([0.0, 5.0], FixedRandom(0.0), top_k=1)
    assert got == 1, f"rng.random() = 0.0, top_k=1 keeps only token 1: expected 1, got {got}"
    # the cumulative sum of these probabilities ends at 0.9999999999999999, below u
    u_max = 1.0 - 2.0**-53
    got = sample_next_token(LOGITS + [-math.inf], FixedRandom(u_max))
    assert got == 3, f"rng.random() = {u_max!r}: expected the last token with probability > 0 (3), got {got}"


def test_filtered_tokens_are_never_sampled_and_frequencies_match():
    rng = random.Random(1234)
    n = 4000  # small enough for the browser (Pyodide); the seed makes the counts fixed
    counts = [0, 0, 0, 0]
    for _ in range(n):
        counts[sample_next_token(LOGITS, rng, temperature=2.0, top_p=0.8)] += 1
    assert counts[3] == 0, f"token 3 is outside the nucleus but was drawn {counts[3]} times"
    freqs = [c / n for c in counts]
    assert close(freqs, [0.481, 0.2918, 0.2272, 0.0], tol=0.02), f"frequencies {freqs} far from the distribution"


def test_same_seed_same_tokens():
    a = [sample_next_token(LOGITS, random.Random(7), top_k=3) for _ in range(3)]
    rng1, rng2 = random.Random(7), random.Random(7)
    b = [sample_next_token(LOGITS, rng1, top_p=0.9) for _ in range(20)]
    c = [sample_next_token(LOGITS, rng2, top_p=0.9) for _ in range(20)]
    assert len(set(a)) == 1 and b == c, f"the same seed must give the same tokens, got {b} and {c}"


def test_temperature_zero_is_greedy_and_does_not_draw():
    got = sample_next_token([0.5, 2.0, 2.0, -1.0], NoRandom(), temperature=0)
    assert got == 1, f"greedy with a tie between 1 and 2: expected 1, got {got}"


def test_bad_input_raises_value_error():
    cases = {
        "empty logits": lambda: filter_probs([]),
        "NaN logit": lambda: filter_probs([1.0, math.nan]),
        "+inf logit": lambda: filter_probs([math.inf, 0.0]),
        "all -inf": lambda: filter_probs([-math.inf, -math.inf]),
        "temperature < 0": lambda: filter_probs(LOGITS, temperature=-1.0),
        "temperature 0 in filter_probs": lambda: filter_probs(LOGITS, temperature=0),
        "top_k = 0": lambda: filter_probs(LOGITS, top_k=0),
        "top_p = 0": lambda: filter_probs(LOGITS, top_p=0.0),
        "top_p > 1": lambda: filter_probs(LOGITS, top_p=1.5),
        "greedy with top_k = 0": lambda: sample_next_token(LOGITS, NoRandom(), temperature=0, top_k=0),
        "greedy with empty logits": lambda: sample_next_token([], NoRandom(), temperature=0),
    }
    for name, call in cases.items():
        assert raises_value_error(call), f"{name} should raise ValueError"
