from typing import Any, Callable

Message = dict[str, Any]
PINNED = ("system", "developer")  # instruction roles kept at the front


def _units(messages: list[Message]) -> list[list[Message]]:
    """Group messages: an assistant message with tool_calls plus all its tool results is one unit."""
    units: list[list[Message]] = []
    i = 0
    while i < len(messages):
        msg = messages[i]
        if msg.get("role") == "tool":
            raise ValueError(f"message {i}: tool result without a preceding tool call")
        calls = (msg.get("tool_calls") or []) if msg.get("role") == "assistant" else []
        unit, i = [msg], i + 1
        pending = {call["id"] for call in calls}
        while pending and i < len(messages) and messages[i].get("role") == "tool":
            call_id = messages[i].get("tool_call_id")
            if call_id not in pending:
                raise ValueError(f"message {i}: tool_call_id {call_id!r} answers no open call")
            pending.discard(call_id)
            unit.append(messages[i])
            i += 1
        if pending:
            raise ValueError(f"tool calls without results: {sorted(pending)}")
        units.append(unit)
    return units


def truncate_history(
    messages: list[Message],
    max_tokens: int,
    count_tokens: Callable[[Message], int],
) -> list[Message]:
    """Keep the leading system/developer messages and the newest whole units that fit in max_tokens."""
    if max_tokens < 0:
        raise ValueError("max_tokens must be >= 0")
    n_pinned = 0
    if messages and messages[0].get("role") == "system":
        n_pinned = 1  # assumes exactly one system message
    pinned, units = messages[:n_pinned], _units(messages[n_pinned:])
    budget = max_tokens - sum(count_tokens(m) for m in pinned)
    if budget < 0:
        raise ValueError("the pinned messages alone exceed max_tokens")

    kept: list[list[Message]] = []
    for unit in reversed(units):  # newest first
        cost = sum(count_tokens(m) for m in unit)
        if cost > budget:
            break  # stop at the first unit that does not fit: no gaps in the history
        kept.append(unit)
        budget -= cost
    if units and not kept:
        raise ValueError("max_tokens cannot hold the pinned messages and the newest message")
    kept.reverse()

    first_user = next((k for k, unit in enumerate(kept) if unit[0].get("role") == "user"), 0)
    return pinned + [m for unit in kept[first_user:] for m in unit]
