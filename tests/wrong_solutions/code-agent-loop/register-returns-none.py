"""Wrong: register() stores the tool but returns None, so using it as a decorator replaces the function with None."""
import inspect
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ToolCall:
    id: str
    name: str
    arguments: str                      # 模型给出的 JSON 文本，原样保存


@dataclass(frozen=True)
class ModelReply:
    content: str | None = None
    tool_calls: tuple[ToolCall, ...] = ()


@dataclass
class AgentResult:
    answer: str
    steps: int                          # 调用模型的次数
    messages: list[dict] = field(default_factory=list)


class StepLimitExceeded(RuntimeError):
    def __init__(self, steps: int, messages: list[dict]) -> None:
        super().__init__(f"no final answer after {steps} model calls")
        self.steps = steps
        self.messages = messages


class ToolRegistry:
    def __init__(self) -> None:
        self._tools: dict[str, Callable[..., Any]] = {}

    def register(self, fn: Callable[..., Any], name: str | None = None) -> Callable[..., Any]:
        tool_name = name or fn.__name__
        if tool_name in self._tools:
            raise ValueError(f"tool {tool_name!r} is already registered")
        self._tools[tool_name] = fn
        return None

    def names(self) -> list[str]:
        return sorted(self._tools)

    def call(self, name: str, arguments: str) -> str:
        """执行一次工具调用；任何失败都以 'error: ...' 字符串返回，绝不抛异常。"""
        fn = self._tools.get(name)
        if fn is None:
            return f"error: unknown tool {name!r}; available tools: {', '.join(self.names())}"
        try:
            args = json.loads(arguments or "{}")
        except ValueError as exc:
            return f"error: arguments for {name!r} are not valid JSON: {exc}"
        if not isinstance(args, dict):
            return f"error: arguments for {name!r} must be a JSON object"
        try:
            inspect.signature(fn).bind(**args)          # 先校验参数，再执行
        except TypeError as exc:
            return f"error: invalid arguments for {name!r}: {exc}"
        try:
            result = fn(**args)
        except Exception as exc:                        # 不是 BaseException：Ctrl-C 要能穿透
            return f"error: {name!r} raised {type(exc).__name__}: {exc}"
        return result if isinstance(result, str) else json.dumps(result, ensure_ascii=False)


def run_agent(
    model: Callable[[list[dict]], ModelReply],
    registry: ToolRegistry,
    user_input: str,
    max_steps: int = 8,
) -> AgentResult:
    if max_steps < 1:
        raise ValueError("max_steps must be at least 1")
    messages: list[dict] = [{"role": "user", "content": user_input}]
    for step in range(1, max_steps + 1):
        reply = model(messages)
        if not reply.tool_calls:
            messages.append({"role": "assistant", "content": reply.content or ""})
            return AgentResult(answer=reply.content or "", steps=step, messages=messages)
        messages.append({
            "role": "assistant",
            "content": reply.content,
            "tool_calls": [{"id": c.id, "type": "function",
                            "function": {"name": c.name, "arguments": c.arguments}}
                           for c in reply.tool_calls],
        })
        for call in reply.tool_calls:                   # 每个 call id 一条 tool 消息，保持顺序
            messages.append({"role": "tool", "tool_call_id": call.id,
                             "content": registry.call(call.name, call.arguments)})
    raise StepLimitExceeded(max_steps, messages)
