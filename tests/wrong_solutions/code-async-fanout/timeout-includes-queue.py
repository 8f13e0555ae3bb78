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
        try:
            async with asyncio.timeout(timeout):      # the clock starts before the slot is free
                async with semaphore:
                    value = await call(prompt)
        except Exception as error:
            return Result(ok=False, error=error)
        return Result(ok=True, value=value)

    # gather keeps input order; each task turns its own failure into a Result
    return list(await asyncio.gather(*(one(p) for p in prompts)))
