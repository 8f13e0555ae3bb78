"""Tests for code-rrf: written against the spec on the page, not against the reference solution."""
from solution import rrf


def rounded(result):
    return [(doc, round(score, 5)) for doc, score in result]


def test_example_from_the_page():
    got = rounded(rrf([["a", "b"], ["b", "c"]], k=60))
    expected = [("b", 0.03252), ("a", 0.01639), ("c", 0.01613)]
    assert got == expected, f"expected {expected}, got {got}"


def test_ranks_start_at_one():
    got = rrf([["a"]], k=60)
    assert len(got) == 1 and abs(got[0][1] - 1 / 61) < 1e-12, f"expected [('a', 1/61 = 0.016393...)], got {got}"


def test_ties_are_ordered_by_id():
    got = [doc for doc, _ in rrf([["b", "a"], ["a", "b"]])]
    assert got == ["a", "b"], f"equal scores: expected ids in ascending order ['a', 'b'], got {got}"


def test_duplicate_in_one_list_counts_once():
    got = rounded(rrf([["a", "a", "b"]], k=1))
    expected = [("a", 0.5), ("b", round(1 / 4, 5))]
    assert got == expected, f"expected {expected} (a at its first rank only, b at rank 3), got {got}"


def test_empty_input_returns_empty_list():
    got = rrf([])
    assert got == [], f"expected [], got {got!r}"


def test_non_positive_k_raises_value_error():
    for k in (0, -5):
        try:
            rrf([["a"]], k=k)
        except ValueError:
            continue
        raise AssertionError(f"rrf([['a']], k={k}) should raise ValueError")
