"""Wrong on purpose: breaks equal counts by the element's value instead of its first appearance."""
import heapq
import random
from collections import Counter
from collections.abc import Hashable, Sequence


def kth_largest(nums: Sequence[int], k: int, rng: random.Random | None = None) -> int:
    """The k-th largest value counting duplicates (k=1 is the maximum), by quickselect.

    Does not modify nums. rng picks pivots (default random.Random(0)); the result never depends on it.
    Raises ValueError unless 1 <= k <= len(nums).
    """
    if not 1 <= k <= len(nums):
        raise ValueError(f"k must be in [1, {len(nums)}], got {k}")
    rng = rng or random.Random(0)
    items = list(nums)  # work on a copy: the caller's list stays as it was
    while True:
        pivot = items[rng.randrange(len(items))]
        greater = [x for x in items if x > pivot]
        equal_count = sum(1 for x in items if x == pivot)
        if k <= len(greater):
            items = greater
        elif k <= len(greater) + equal_count:
            return pivot  # three-way split: runs of duplicates cannot stall the loop
        else:
            k -= len(greater) + equal_count
            items = [x for x in items if x < pivot]


def top_k_frequent(nums: Sequence[Hashable], k: int) -> list[Hashable]:
    """The k most frequent elements, most frequent first; equal counts in order of first appearance in nums.

    k larger than the number of distinct elements returns them all. Raises ValueError if k < 0.
    """
    if k < 0:
        raise ValueError(f"k must be >= 0, got {k}")
    counts = Counter(nums)  # dict order = order of first appearance
    first_seen = {x: i for i, x in enumerate(counts)}
    # heap of size k: O(n + d log k) for d distinct elements
    return [x for _, x in heapq.nsmallest(k, ((-c, x) for x, c in counts.items()))]  # ties by value
