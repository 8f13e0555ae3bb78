"""Tests for code-top-k-heap: written against the spec on the page, not against the reference solution."""
import random

from solution import kth_largest, top_k_frequent


def _raises_value_error(fn):
    try:
        fn()
    except ValueError:
        return True
    return False


def test_kth_largest_examples():
    assert kth_largest([3, 2, 1, 5, 6, 4], 2) == 5, "kth_largest([3,2,1,5,6,4], 2) should be 5"
    got = kth_largest([3, 2, 3, 1, 2, 4, 5, 5, 6], 4)
    assert got == 4, f"duplicates count: sorted desc 6,5,5,4 -> expected 4, got {got}"


def test_kth_largest_extremes_and_negatives():
    nums = [7, -3, 0, 7, -10]
    assert kth_largest(nums, 1) == 7, "k=1 is the maximum"
    assert kth_largest(nums, 5) == -10, "k=len(nums) is the minimum"
    assert kth_largest(nums, 2) == 7, "the second 7 is the 2nd largest"


def test_kth_largest_all_equal():
    assert kth_largest([5] * 1000, 500) == 5, "all-equal input must terminate and return 5"


def test_kth_largest_matches_sorting_on_random_input():
    rng = random.Random(42)
    for _ in range(200):
        nums = [rng.randint(-20, 20) for _ in range(rng.randint(1, 40))]
        k = rng.randint(1, len(nums))
        want = sorted(nums, reverse=True)[k - 1]
        got = kth_largest(nums, k, rng=random.Random(7))
        assert got == want, f"kth_largest({nums}, {k}) expected {want}, got {got}"


def test_kth_largest_does_not_modify_input():
    nums = [3, 1, 2, 5, 4]
    kth_largest(nums, 2)
    assert nums == [3, 1, 2, 5, 4], f"input list was modified: {nums}"


def test_kth_largest_bad_k_raises_value_error():
    bad = [k for k in (0, -1, 4) if not _raises_value_error(lambda k=k: kth_largest([1, 2, 3], k))]
    assert not bad, f"expected ValueError for k in {bad} with 3 numbers"
    assert _raises_value_error(lambda: kth_largest([], 1)), "empty nums should raise ValueError"


def test_top_k_frequent_example():
    got = top_k_frequent([1, 1, 1, 2, 2, 3], 2)
    assert got == [1, 2], f"expected [1, 2], got {got}"


def test_top_k_frequent_ties_by_first_appearance():
    got = top_k_frequent([4, 1, -1, 2, -1, 2, 3], 3)
    assert got == [-1, 2, 4], f"-1 and 2 appear twice (-1 first), then 4 is the first of the singles: expected [-1, 2, 4], got {got}"
    got = top_k_frequent(["b", "a", "a", "b", "c"], 2)
    assert got == ["b", "a"], f"'b' and 'a' both appear twice, 'b' first: expected ['b', 'a'], got {got}"


def test_top_k_frequent_order_is_by_count():
    got = top_k_frequent([5, 3, 3, 9, 9, 9], 3)
    assert got == [9, 3, 5], f"expected most frequent first [9, 3, 5], got {got}"


def test_top_k_frequent_k_edges():
    assert top_k_frequent([1, 2], 0) == [], "k=0 should give []"
    assert top_k_frequent([], 3) == [], "empty nums should give []"
    got = top_k_frequent([2, 1, 2], 10)
    assert got == [2, 1], f"k beyond the distinct count returns all: expected [2, 1], got {got}"
    assert _raises_value_error(lambda: top_k_frequent([1], -1)), "k=-1 should raise ValueError"
