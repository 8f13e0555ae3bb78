# Wrong: except BaseException turns every BaseException (CancelledError, KeyboardInterrupt, ...) into a failed Result.
import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass


@dataclass
class Result:
    ok: bool
    value: str | None = None
    error: Exception | None = None


async def fan_out(
    prompts: list[str],
    call: Callable[[str], Awaitable[str]],
    *,
    max_concurrency: int = 10,
    timeout: float = 30.0,
) -> list[Result]:
    if max_concurrency < 1:
        raise ValueError("max_concurrency must be >= 1")
    if timeout <= 0:
        raise ValueError("timeout must be > 0")
    semaphore = asyncio.Semaphore(max_concurrency)

    async def one(prompt: str) -> Result:
        async with semaphore:                        # wait for a slot first ...
            try:
                async with asyncio.timeout(timeout):  # ... then time only the call itself
                    value = await call(prompt)
            except BaseException as error:               # not BaseException: cancellation must propagate
                return Result(ok=False, error=error)
            return Result(ok=True, value=value)

    # gather keeps input order; each task turns its own failure into a Result
    return list(await asyncio.gather(*(one(p) for p in prompts)))
