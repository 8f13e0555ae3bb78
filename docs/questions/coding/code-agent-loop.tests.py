"""Tests for code-agent-loop: written against the spec on the page, not against the reference solution."""
import copy
import json

from solution import AgentResult, ModelReply, StepLimitExceeded, ToolCall, ToolRegistry, run_agent


class ScriptedModel:
    """A fake model: returns the scripted replies in order and records what it was shown."""

    def __init__(self, *replies):
        self.replies = list(replies)
        self.seen = []

    def __call__(self, messages):
        self.seen.append(copy.deepcopy(messages))
        assert self.replies, f"the model was called more times than scripted ({len(self.seen)})"
        reply = self.replies.pop(0)
        return reply(messages) if callable(reply) else reply


def make_registry(calls=None):
    calls = calls if calls is not None else []
    registry = ToolRegistry()

    def add(a: int, b: int) -> int:
        calls.append(("add", a, b))
        return a + b

    def lookup(city: str) -> dict:
        return {"city": city, "天气": "晴"}

    def divide(a: float, b: float) -> float:
        return a / b

    def buggy(x: int) -> int:
        return len(x)                     # raises TypeError inside the tool

    for fn in (add, lookup, divide, buggy):
        registry.register(fn)
    return registry


def call(name, args, id_="c1"):
    return ModelReply(tool_calls=(ToolCall(id=id_, name=name, arguments=args),))


def last_tool_content(model, call_index):
    return model.seen[call_index][-1]["content"]


def test_direct_answer_takes_one_step():
    model = ScriptedModel(ModelReply(content="42"))
    result = run_agent(model, make_registry(), "6*7?")
    assert isinstance(result, AgentResult) and result.answer == "42" and result.steps == 1, f"got {result!r}"
    assert result.messages == [{"role": "user", "content": "6*7?"}, {"role": "assistant", "content": "42"}], result.messages


def test_tool_result_is_fed_back():
    model = ScriptedModel(call("add", '{"a": 2, "b": 3}'), ModelReply(content="5"))
    result = run_agent(model, make_registry(), "2+3?")
    tool_msg = model.seen[1][-1]
    assert tool_msg == {"role": "tool", "tool_call_id": "c1", "content": "5"}, f"got {tool_msg!r}"
    assistant = model.seen[1][-2]
    assert assistant["role"] == "assistant" and assistant["tool_calls"][0]["function"] == {
        "name": "add", "arguments": '{"a": 2, "b": 3}'}, f"the assistant turn must keep the tool call: {assistant!r}"
    assert result.answer == "5" and result.steps == 2, f"got {result!r}"


def test_non_string_result_is_json_without_ascii_escapes():
    model = ScriptedModel(call("lookup", '{"city": "北京"}'), ModelReply(content="ok"))
    run_agent(model, make_registry(), "weather")
    got = last_tool_content(model, 1)
    assert json.loads(got) == {"city": "北京", "天气": "晴"} and "北京" in got, f"got {got!r}"


def test_string_results_verbatim_empty_arguments_and_decorator_use():
    registry = ToolRegistry()

    @registry.register
    def today() -> str:
        return "2026-12-07"

    assert callable(today), f"register() returns fn so it can be used as a decorator, got {today!r}"
    got = registry.call("today", "{}")
    assert got == "2026-12-07", f"a str result is returned as is, not JSON-quoted; got {got!r}"
    got = registry.call("today", "")
    assert got == "2026-12-07", f"empty arguments mean {{}}; got {got!r}"
    result = run_agent(ScriptedModel(ModelReply(content=None)), registry, "x")
    assert result.answer == "" and result.messages[-1] == {"role": "assistant", "content": ""}, (
        f"a final reply with content None gives the answer '' ; got {result.answer!r}, {result.messages[-1]!r}")


def test_unknown_tool_becomes_an_error_message():
    model = ScriptedModel(call("serach", "{}"), ModelReply(content="sorry"))
    result = run_agent(model, make_registry(), "x")
    got = last_tool_content(model, 1)
    assert got.startswith("error: unknown tool 'serach'") and "add, buggy, divide, lookup" in got, f"got {got!r}"
    assert result.answer == "sorry", f"the loop should continue after a bad call, got {result!r}"


def test_invalid_json_arguments():
    model = ScriptedModel(call("add", '{"a": 2, "b": }'), ModelReply(content="x"))
    run_agent(model, make_registry(), "x")
    got = last_tool_content(model, 1)
    assert got.startswith("error: arguments for 'add' are not valid JSON"), f"got {got!r}"


def test_arguments_must_be_an_object():
    model = ScriptedModel(call("add", "[2, 3]"), ModelReply(content="x"))
    run_agent(model, make_registry(), "x")
    got = last_tool_content(model, 1)
    assert got == "error: arguments for 'add' must be a JSON object", f"got {got!r}"


def test_wrong_argument_names_do_not_run_the_tool():
    calls = []
    model = ScriptedModel(call("add", '{"a": 1, "c": 2}'), ModelReply(content="x"))
    run_agent(model, make_registry(calls), "x")
    got = last_tool_content(model, 1)
    assert got.startswith("error: invalid arguments for 'add'"), f"got {got!r}"
    assert calls == [], f"the tool must not run with bad arguments, it ran: {calls!r}"


def test_tool_exception_is_reported_and_loop_continues():
    model = ScriptedModel(call("divide", '{"a": 1, "b": 0}'), ModelReply(content="cannot divide by zero"))
    result = run_agent(model, make_registry(), "1/0")
    got = last_tool_content(model, 1)
    assert got == "error: 'divide' raised ZeroDivisionError: division by zero", f"got {got!r}"
    assert result.answer == "cannot divide by zero", f"got {result!r}"


def test_type_error_inside_tool_is_not_bad_arguments():
    model = ScriptedModel(call("buggy", '{"x": 3}'), ModelReply(content="x"))
    run_agent(model, make_registry(), "x")
    got = last_tool_content(model, 1)
    assert got.startswith("error: 'buggy' raised TypeError"), f"a TypeError raised by the tool's own code is a tool failure, got {got!r}"


def test_parallel_calls_each_get_a_tool_message_in_order():
    reply = ModelReply(tool_calls=(ToolCall("a1", "add", '{"a": 1, "b": 1}'), ToolCall("a2", "nope", "{}"),
                                   ToolCall("a3", "add", '{"a": 2, "b": 2}')))
    model = ScriptedModel(reply, ModelReply(content="done"))
    run_agent(model, make_registry(), "x")
    tail = model.seen[1][-4:]
    assert tail[0]["role"] == "assistant" and len(tail[0]["tool_calls"]) == 3, f"one assistant turn with 3 calls, got {tail[0]!r}"
    got = [(m["role"], m["tool_call_id"], m["content"][:6]) for m in tail[1:]]
    assert got == [("tool", "a1", "2"), ("tool", "a2", "error:"), ("tool", "a3", "4")], f"got {got!r}"


def test_step_cap_raises_after_exactly_max_steps_model_calls():
    model = ScriptedModel(*[call("add", '{"a": 1, "b": 1}', id_=f"c{i}") for i in range(10)])
    try:
        run_agent(model, make_registry(), "loop forever", max_steps=3)
    except StepLimitExceeded as exc:
        assert len(model.seen) == 3, f"max_steps=3 allows exactly 3 model calls, made {len(model.seen)}"
        assert exc.steps == 3 and exc.messages[-1]["role"] == "tool", f"got steps={exc.steps}, last={exc.messages[-1]!r}"
        assert isinstance(exc, RuntimeError), "StepLimitExceeded should subclass RuntimeError"
        return
    raise AssertionError("a model that never answers should make run_agent raise StepLimitExceeded")


def test_answer_on_the_last_allowed_step_is_returned():
    model = ScriptedModel(call("add", '{"a": 1, "b": 1}'), ModelReply(content="2"))
    result = run_agent(model, make_registry(), "x", max_steps=2)
    assert result.answer == "2" and result.steps == 2, f"got {result!r}"


def test_bad_configuration_raises_value_error():
    for bad in (0, -1):
        try:
            run_agent(ScriptedModel(ModelReply(content="x")), make_registry(), "x", max_steps=bad)
        except ValueError:
            continue
        raise AssertionError(f"max_steps={bad} should raise ValueError")
    registry = make_registry()
    try:
        registry.register(lambda a, b: 0, name="add")
    except ValueError:
        return
    raise AssertionError("registering a second tool named 'add' should raise ValueError")


def test_keyboard_interrupt_is_not_swallowed():
    registry = ToolRegistry()

    def stop() -> str:
        raise KeyboardInterrupt

    registry.register(stop)
    try:
        run_agent(ScriptedModel(call("stop", "{}"), ModelReply(content="x")), registry, "x")
    except KeyboardInterrupt:
        return
    raise AssertionError("only Exception subclasses become tool errors; KeyboardInterrupt must propagate")
