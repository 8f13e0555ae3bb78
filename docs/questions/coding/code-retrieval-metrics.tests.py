"""Tests for code-retrieval-metrics: written against the spec on the page, not against the reference solution."""
import math

from solution import mrr, ndcg_at_k, recall_at_k


def _raises_value_error(fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except ValueError:
        return True
    return False


def test_recall_example():
    got = recall_at_k(["d3", "d1", "d7", "d2"], {"d1", "d2", "d8"}, 3)
    assert math.isclose(got, 1 / 3), f"1 of 3 relevant docs in the top 3: expected 0.3333, got {got}"


def test_recall_divides_by_relevant_count_not_k():
    got = recall_at_k(["d1", "d2", "d9", "d8", "d7"], {"d1", "d2"}, 5)
    assert math.isclose(got, 1.0), f"both relevant docs found: expected 1.0, got {got}"


def test_recall_duplicates_count_once():
    got = recall_at_k(["d1", "d1", "d2"], {"d1", "d3", "d4"}, 2)
    assert math.isclose(got, 1 / 3), f"a repeated id is one doc: top 2 distinct are d1, d2, so 1 of 3 found, expected 0.3333, got {got}"


def test_mrr_example_keeps_misses_in_denominator():
    got = mrr([["d3", "d1"], ["d5", "d9"], ["d2"]], [{"d1"}, {"d7"}, {"d2"}])
    assert math.isclose(got, 0.5), f"(1/2 + 0 + 1) / 3 = 0.5 expected, got {got}"


def test_mrr_uses_first_relevant_only():
    got = mrr([["x", "a", "b"]], [{"a", "b"}])
    assert math.isclose(got, 0.5), f"first relevant doc at rank 2: expected 0.5, got {got}"


def test_ndcg_linear_gain_example():
    rel = {"d1": 3, "d2": 2, "d3": 0, "d4": 1}
    got = ndcg_at_k(["d2", "d3", "d1", "d4"], rel, 3, gain="linear")
    want = (2 + 0 + 3 / 2) / (3 + 2 / math.log2(3) + 1 / 2)
    assert math.isclose(got, want), f"linear gain: expected {want:.6f}, got {got}"


def test_ndcg_exponential_gain_example():
    rel = {"d1": 3, "d2": 2, "d3": 0, "d4": 1}
    got = ndcg_at_k(["d2", "d3", "d1", "d4"], rel, 3, gain="exponential")
    want = (3 + 0 + 7 / 2) / (7 + 3 / math.log2(3) + 1 / 2)
    assert math.isclose(got, want), f"gain 2**rel - 1: expected {want:.6f}, got {got}"
    default = ndcg_at_k(["d2", "d3", "d1", "d4"], rel, 3)
    assert math.isclose(default, want), f"the default gain is exponential: expected {want:.6f}, got {default}"


def test_ndcg_ideal_uses_all_judged_docs():
    # the only retrieved doc is relevant, but a better doc was missed
    got = ndcg_at_k(["d2"], {"d1": 3, "d2": 1}, 2, gain="linear")
    want = 1 / (3 + 1 / math.log2(3))
    assert math.isclose(got, want), f"ideal ranking must include the missed d1: expected {want:.6f}, got {got}"


def test_ndcg_perfect_and_unjudged():
    rel = {"a": 2, "b": 1}
    assert math.isclose(ndcg_at_k(["a", "b", "zzz"], rel, 3), 1.0), "ideal order should score 1.0"
    got = ndcg_at_k(["zzz", "a", "b"], rel, 3)
    assert got < 1.0, f"an unjudged doc at rank 1 counts as grade 0, expected < 1.0, got {got}"


def test_ndcg_duplicate_cannot_exceed_one():
    got = ndcg_at_k(["a", "a", "a"], {"a": 3, "b": 1}, 3, gain="linear")
    want = 3 / (3 + 1 / math.log2(3))
    assert math.isclose(got, want), f"a repeated doc earns its gain once: expected {want:.6f}, got {got}"


def test_duplicates_dropped_before_taking_top_k():
    # dedupe first, then cut: the top 2 of ["d1", "d1", "d2"] are d1 and d2
    got = recall_at_k(["d1", "d1", "d2"], {"d1", "d2"}, 2)
    assert math.isclose(got, 1.0), f"top 2 distinct docs are d1, d2: expected recall 1.0, got {got}"
    got = ndcg_at_k(["a", "a", "b"], {"a": 2, "b": 1}, 2)
    assert math.isclose(got, 1.0), f"top 2 distinct docs are a, b (the ideal order): expected nDCG 1.0, got {got}"


def test_mrr_duplicates_do_not_push_the_hit_down():
    got = mrr([["x", "x", "a"]], [{"a"}])
    assert math.isclose(got, 0.5), f"after dropping the repeated x, a is at rank 2: expected 0.5, got {got}"


def test_ndcg_ideal_is_cut_at_k():
    # IDCG@1 is the single best grade, not the sum over every judged doc
    for gain in ("exponential", "linear"):
        got = ndcg_at_k(["a"], {"a": 3, "b": 2}, 1, gain=gain)
        assert math.isclose(got, 1.0), f"best doc at rank 1 with k=1 ({gain} gain): expected 1.0, got {got}"


def test_bad_input_raises_value_error():
    cases = [
        ("recall with no relevant docs", lambda: recall_at_k(["a"], set(), 1)),
        ("recall with k=0", lambda: recall_at_k(["a"], {"a"}, 0)),
        ("mrr with no queries", lambda: mrr([], [])),
        ("mrr with mismatched lengths", lambda: mrr([["a"]], [{"a"}, {"b"}])),
        ("mrr with a query that has no relevant docs", lambda: mrr([["a"]], [set()])),
        ("ndcg with all grades 0", lambda: ndcg_at_k(["a"], {"a": 0}, 1)),
        ("ndcg with a negative grade", lambda: ndcg_at_k(["a"], {"a": 1, "b": -1}, 1)),
        ("ndcg with an unknown gain", lambda: ndcg_at_k(["a"], {"a": 1}, 1, gain="log")),
        ("ndcg with k=0", lambda: ndcg_at_k(["a"], {"a": 1}, 0)),
    ]
    missing = [name for name, call in cases if not _raises_value_error(call)]
    assert not missing, f"expected ValueError for: {missing}"
