import email.utils
import random
import time
from collections.abc import Callable
from datetime import timezone
from typing import TypeVar

T = TypeVar("T")
RETRYABLE_STATUS = frozenset({408, 429})   # plus every 5xx


class HTTPError(Exception):
    def __init__(self, status: int, retry_after: str | None = None) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status
        self.retry_after = retry_after      # raw Retry-After header value, if any


def parse_retry_after(value: str, now: float) -> float | None:
    value = value.strip()
    if value.isascii() and value.isdigit():          # delay-seconds = 1*DIGIT
        return float(int(value))
    try:
        when = email.utils.parsedate_to_datetime(value)  # IMF-fixdate, RFC 850, asctime
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:                          # asctime carries no zone: HTTP dates are UTC
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, when.timestamp() - now)


def is_retryable(error: Exception) -> bool:
    if isinstance(error, HTTPError):
        return error.status in RETRYABLE_STATUS or 500 <= error.status <= 599
    return isinstance(error, (ConnectionError, TimeoutError))


def retry_call(
    fn: Callable[[], T],
    *,
    max_attempts: int = 4,
    base: float = 0.5,
    cap: float = 8.0,
    max_retry_after: float = 60.0,
    sleep: Callable[[float], None] = time.sleep,
    rng: random.Random | None = None,
    now: Callable[[], float] = time.time,
) -> T:
    if max_attempts < 1:
        raise ValueError("max_attempts must be >= 1")
    if base < 0 or cap < 0 or max_retry_after < 0:
        raise ValueError("base, cap and max_retry_after must be >= 0")
    rng = rng or random.Random()
    for attempt in range(max_attempts):
        try:
            return fn()
        except Exception as error:
            if not is_retryable(error) or attempt == max_attempts - 1:
                raise                                  # the original error, unwrapped
            delay = None
            if isinstance(error, HTTPError) and error.retry_after is not None:
                delay = parse_retry_after(error.retry_after, now())
            if delay is not None and delay > max_retry_after:
                raise                                  # the server asks for too long: fail fast
            if delay is None:                          # full jitter
                delay = min(cap, base * 2 ** attempt)   # plain exponential: all clients retry in lockstep
            sleep(delay)
    raise AssertionError("unreachable")
