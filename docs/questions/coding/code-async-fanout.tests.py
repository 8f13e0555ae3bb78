"""Tests for code-async-fanout: written against the spec on the page, not against the reference solution."""
import asyncio

from solution import Result, fan_out


class FakeLLM:
    """Fake async LLM call: sleeps a few ms and tracks how many calls run at once."""

    def __init__(self, delay=0.002, fail=(), slow=(), slow_delay=0.2):
        self.delay, self.fail, self.slow, self.slow_delay = delay, set(fail), set(slow), slow_delay
        self.running = 0
        self.max_running = 0
        self.calls = []

    async def __call__(self, prompt: str) -> str:
        self.calls.append(prompt)
        self.running += 1
        self.max_running = max(self.max_running, self.running)
        try:
            delay = self.delay(prompt) if callable(self.delay) else self.delay
            await asyncio.sleep(self.slow_delay if prompt in self.slow else delay)
            if prompt in self.fail:
                raise RuntimeError(f"upstream 500 for {prompt}")
            return prompt.upper()
        finally:
            self.running -= 1


async def test_all_succeed_in_input_order():
    prompts = [f"q{i}" for i in range(100)]
    llm = FakeLLM(delay=lambda p: 0.001 * (int(p[1:]) % 5))   # later prompts often finish first
    got = await fan_out(prompts, llm, max_concurrency=10, timeout=1.0)
    assert [r.value for r in got] == [p.upper() for p in prompts], "results must be in input order"
    assert all(r.ok and r.error is None for r in got), "every call succeeded"
    assert sorted(llm.calls) == sorted(prompts), "each prompt is called exactly once"


async def test_concurrency_is_capped_and_used():
    llm = FakeLLM(delay=0.003)
    await fan_out([f"q{i}" for i in range(30)], llm, max_concurrency=4, timeout=1.0)
    assert llm.max_running == 4, f"expected exactly 4 calls in flight at peak, saw {llm.max_running}"


async def test_failures_are_returned_not_raised():
    llm = FakeLLM(fail={"b", "d"})
    got = await fan_out(["a", "b", "c", "d"], llm, max_concurrency=2, timeout=1.0)
    assert [r.ok for r in got] == [True, False, True, False], f"got {[r.ok for r in got]}"
    assert got[0].value == "A" and got[2].value == "C"
    assert isinstance(got[1].error, RuntimeError) and got[1].value is None, f"got {got[1]}"
    assert got[0].error is None and got[2].error is None, f"a success carries no error, got {got[0]}, {got[2]}"
    assert all(isinstance(r, Result) for r in got), f"expected Result objects, got {got}"


async def test_slow_call_times_out_alone():
    llm = FakeLLM(slow={"slow"}, slow_delay=0.5)
    got = await fan_out(["a", "slow", "c"], llm, max_concurrency=3, timeout=0.05)
    assert got[1].ok is False and isinstance(got[1].error, TimeoutError), \
        f"the slow call should fail with TimeoutError, got {got[1]}"
    assert got[0].value == "A" and got[2].value == "C", "the other calls still succeed"


async def test_timeout_does_not_count_queue_time():
    llm = FakeLLM(delay=0.02)
    got = await fan_out([f"q{i}" for i in range(6)], llm, max_concurrency=2, timeout=0.06)
    failed = [i for i, r in enumerate(got) if not r.ok]
    assert not failed, f"each call takes 20 ms < 60 ms timeout; waiting for a slot must not count, failed: {failed}"


async def test_empty_input():
    llm = FakeLLM()
    got = await fan_out([], llm)
    assert got == [] and llm.calls == [], f"expected [] and no calls, got {got}"


async def test_duplicate_prompts_keep_their_positions():
    llm = FakeLLM(fail={"x"})
    got = await fan_out(["x", "y", "x"], llm, max_concurrency=3, timeout=1.0)
    assert [r.ok for r in got] == [False, True, False] and got[1].value == "Y", f"got {got}"
    assert len(llm.calls) == 3, "duplicates are separate calls (deduplication is the caller's choice)"


async def test_bad_arguments_raise_value_error():
    for kwargs in ({"max_concurrency": 0}, {"timeout": 0}, {"timeout": -1}):
        try:
            await fan_out(["a"], FakeLLM(), **kwargs)
        except ValueError:
            continue
        raise AssertionError(f"fan_out(..., {kwargs}) should raise ValueError")


async def test_cancelling_fan_out_propagates_and_stops_the_calls():
    llm = FakeLLM(delay=0.2)
    task = asyncio.ensure_future(fan_out([f"q{i}" for i in range(6)], llm, max_concurrency=2, timeout=1.0))
    await asyncio.sleep(0.02)                      # two calls are in flight, four are queued
    task.cancel()
    try:
        got = await task
    except asyncio.CancelledError:
        pass
    else:
        raise AssertionError(f"cancelling fan_out must raise CancelledError, it returned {got}")
    await asyncio.sleep(0.02)
    assert llm.running == 0, f"{llm.running} call(s) still running after fan_out was cancelled"
    assert len(llm.calls) == 2, f"queued prompts must not start after cancellation, calls: {llm.calls}"


class Abort(BaseException):
    """Not an Exception: like CancelledError or KeyboardInterrupt, fan_out must not turn it into a Result."""


async def test_base_exceptions_are_not_swallowed():
    async def call(prompt: str) -> str:
        await asyncio.sleep(0.001)
        if prompt == "stop":
            raise Abort()
        return prompt.upper()

    try:
        got = await fan_out(["a", "stop", "c"], call, max_concurrency=3, timeout=1.0)
    except Abort:
        await asyncio.sleep(0.005)  # let the other calls finish
        return
    raise AssertionError(f"only Exception subclasses become failed Results; a BaseException must propagate, got {got}")
