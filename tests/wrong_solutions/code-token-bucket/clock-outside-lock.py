import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager


class CostExceedsCapacityError(ValueError):
    """The cost can never be paid: it is larger than the bucket's capacity."""


class TokenBucket:
    def __init__(
        self,
        rate: float,
        capacity: float,
        clock: Callable[[], float] = time.monotonic,
        lock: AbstractContextManager | None = None,
    ) -> None:
        if rate <= 0 or capacity <= 0:
            raise ValueError("rate and capacity must be > 0")
        self._rate = float(rate)
        self._capacity = float(capacity)
        self._clock = clock
        self._lock = lock if lock is not None else threading.Lock()
        self._tokens = self._capacity          # starts full
        self._last = clock()

    def _refill(self, now: float) -> None:
        elapsed = max(0.0, now - self._last)   # a clock that steps back adds nothing
        self._tokens = min(self._capacity, self._tokens + elapsed * self._rate)
        self._last = max(self._last, now)

    def _check(self, cost: float) -> None:
        if cost <= 0:
            raise ValueError("cost must be > 0")
        if cost > self._capacity:
            raise CostExceedsCapacityError(f"cost {cost} > capacity {self._capacity}")

    def try_acquire(self, cost: float = 1.0) -> bool:
        self._check(cost)
        now = self._clock()                    # read before taking the lock: a later reading can land first
        with self._lock:
            self._refill(now)
            if self._tokens >= cost:
                self._tokens -= cost           # all or nothing
                return True
            return False

    def wait_time(self, cost: float = 1.0) -> float:
        self._check(cost)
        with self._lock:
            self._refill(self._clock())
            missing = cost - self._tokens
            return 0.0 if missing <= 0 else missing / self._rate

    def available(self) -> float:
        with self._lock:
            self._refill(self._clock())
            return self._tokens
