"""Tests for code-rrf: written against the spec on the page, not against the reference solution."""
import math

from solution import rrf


def _close(got, want):
    return len(got) == len(want) and all(
        g[0] == w[0] and math.isclose(g[1], w[1], rel_tol=1e-12) for g, w in zip(got, want)
    )


def test_example_two_lists():
    got = rrf([["a", "b"], ["b", "c"]], k=60)
    want = [("b", 1 / 62 + 1 / 61), ("a", 1 / 61), ("c", 1 / 62)]
    assert _close(got, want), f"expected {want}, got {got}"


def test_ranks_start_at_one():
    got = rrf([["x"]], k=60)
    assert _close(got, [("x", 1 / 61)]), f"rank 1 with k=60 scores 1/61 = {1 / 61}, got {got}"


def test_single_list_keeps_its_order():
    got = [doc for doc, _ in rrf([["c", "a", "b"]])]
    assert got == ["c", "a", "b"], f"expected ['c', 'a', 'b'], got {got}"


def test_bm25_and_vector_fusion_rewards_agreement():
    bm25 = ["d3", "d1", "d7", "d2"]
    vector = ["d1", "d5", "d3", "d9"]
    got = rrf([bm25, vector], top_n=3)
    want = [("d1", 1 / 62 + 1 / 61), ("d3", 1 / 61 + 1 / 63), ("d5", 1 / 62)]
    assert _close(got, want), f"expected {want}, got {got}"


def test_k_changes_scores():
    got = rrf([["a", "b"]], k=0)
    assert _close(got, [("a", 1.0), ("b", 0.5)]), f"k=0 gives 1/rank: expected [('a', 1.0), ('b', 0.5)], got {got}"


def test_ties_broken_by_doc_id():
    got = [doc for doc, _ in rrf([["b", "a"], ["a", "b"]])]
    assert got == ["a", "b"], f"equal scores: expected id order ['a', 'b'], got {got}"


def test_duplicate_in_one_list_counts_once():
    got = dict(rrf([["a", "a", "b"]]))
    want = {"a": 1 / 61, "b": 1 / 62}
    assert got.keys() == want.keys() and all(math.isclose(got[d], want[d]) for d in want), (
        f"a repeated id is one vote at its first position, and does not push later ids down: expected {want}, got {got}"
    )


def test_empty_inputs():
    assert rrf([]) == [], "no rankings should give []"
    assert rrf([[], []]) == [], "empty rankings should give []"
    assert rrf([["a"]], top_n=0) == [], "top_n=0 should give []"


def test_top_n_larger_than_docs():
    got = [doc for doc, _ in rrf([["a", "b"]], top_n=10)]
    assert got == ["a", "b"], f"top_n beyond the number of docs returns them all, got {got}"


def test_negative_k_raises_value_error():
    try:
        rrf([["a"]], k=-1)
    except ValueError:
        return
    raise AssertionError("rrf(..., k=-1) should raise ValueError")


def test_negative_top_n_raises_value_error():
    try:
        rrf([["a"]], top_n=-1)
    except ValueError:
        return
    raise AssertionError("rrf(..., top_n=-1) should raise ValueError")
