"""Tests for code-cosine-top-k: written against the spec on the page, not against the reference solution."""
import math

from solution import cosine_top_k


def _close(got, want):
    return len(got) == len(want) and all(
        g[0] == w[0] and math.isclose(g[1], w[1], rel_tol=1e-9, abs_tol=1e-12) for g, w in zip(got, want)
    )


def test_example_order_and_scores():
    got = cosine_top_k([1.0, 2.0], [[2.0, 4.0], [1.0, 0.0], [-1.0, -2.0]], 2)
    want = [(0, 1.0), (1, 1 / math.sqrt(5))]
    assert _close(got, want), f"expected {want}, got {got}"


def test_cosine_ignores_length_not_just_dot_product():
    # the long doc has the biggest dot product but points the wrong way
    got = cosine_top_k([1.0, 0.0], [[10.0, 10.0], [0.5, 0.0]], 1)
    assert [i for i, _ in got] == [1], f"expected doc 1 (same direction), got {got}"


def test_negative_similarity_kept_and_last():
    got = cosine_top_k([1.0, 0.0], [[-1.0, 0.0], [0.0, 1.0]], 2)
    want = [(1, 0.0), (0, -1.0)]
    assert _close(got, want), f"expected {want}, got {got}"


def test_zero_doc_scores_zero_without_error():
    got = cosine_top_k([1.0, 0.0], [[0.0, 0.0], [1.0, 1.0]], 2)
    want = [(1, 1 / math.sqrt(2)), (0, 0.0)]
    assert _close(got, want), f"expected {want}, got {got}"


def test_ties_broken_by_smaller_index():
    docs = [[1.0, 1.0], [3.0, 0.0], [2.0, 2.0], [1.0, 0.0], [5.0, 0.0]]
    got = [i for i, _ in cosine_top_k([1.0, 0.0], docs, 2)]
    assert got == [1, 3], f"docs 1, 3 and 4 all score 1.0; expected [1, 3] (smaller index first), got {got}"


def test_ties_across_the_whole_list():
    got = [i for i, _ in cosine_top_k([1.0], [[2.0], [1.0], [3.0], [0.5]], 4)]
    assert got == [0, 1, 2, 3], f"all equal: expected index order [0, 1, 2, 3], got {got}"


def test_k_larger_than_n_returns_all():
    got = cosine_top_k([0.0, 1.0], [[1.0, 0.0], [0.0, 2.0]], 10)
    assert [i for i, _ in got] == [1, 0], f"expected both docs [1, 0], got {got}"


def test_k_zero_and_no_docs_give_empty():
    assert cosine_top_k([1.0], [[1.0]], 0) == [], "k=0 should return []"
    assert cosine_top_k([1.0], [], 3) == [], "no docs should return []"


def test_zero_query_raises_value_error():
    try:
        cosine_top_k([0.0, 0.0], [[1.0, 0.0]], 1)
    except ValueError:
        return
    raise AssertionError("a zero query vector should raise ValueError")


def test_empty_query_raises_value_error():
    # an empty query is the caller's bug (cosine undefined), not "no input": it must not quietly return []
    try:
        got = cosine_top_k([], [[1.0, 0.0]], 1)
    except ValueError:
        return
    raise AssertionError(f"an empty query should raise ValueError, got {got!r}")


def test_dimension_mismatch_raises_value_error():
    try:
        cosine_top_k([1.0, 0.0], [[1.0, 0.0], [1.0, 0.0, 0.0]], 1)
    except ValueError:
        return
    raise AssertionError("a doc of another dimension should raise ValueError")


def test_negative_k_raises_value_error():
    try:
        cosine_top_k([1.0], [[1.0]], -1)
    except ValueError:
        return
    raise AssertionError("k=-1 should raise ValueError")
