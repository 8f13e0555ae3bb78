"""Wrong on purpose: removes duplicates, returning the k-th largest DISTINCT value."""
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
    items = list(set(nums))  # dedupe first: wrong, duplicates must count
    if k > len(items):
        raise ValueError('k too large')
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
    return heapq.nsmallest(k, counts, key=lambda x: (-counts[x], first_seen[x]))
