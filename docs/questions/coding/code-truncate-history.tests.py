"""Tests for code-truncate-history: written against the spec on the page, not against the reference solution."""
import copy

from solution import truncate_history


def count(m):
    """Toy token counter: 1 per message + 1 per word of content + 2 per tool call."""
    return 1 + len((m.get("content") or "").split()) + 2 * len(m.get("tool_calls") or [])


def call(call_id):
    return {"id": call_id, "type": "function", "function": {"name": "weather", "arguments": "{}"}}


HISTORY = [
    {"role": "system", "content": "You are a travel agent."},                      # 0: 6
    {"role": "user", "content": "Hi, I need a trip."},                             # 1: 6
    {"role": "assistant", "content": "Sure, where to?"},                           # 2: 4
    {"role": "user", "content": "Weather in Paris and Rome?"},                     # 3: 6
    {"role": "assistant", "content": None, "tool_calls": [call("c1"), call("c2")]},  # 4: 5
    {"role": "tool", "tool_call_id": "c1", "content": "Paris: 18 C, rain"},        # 5: 5
    {"role": "tool", "tool_call_id": "c2", "content": "Rome: 24 C, sun"},          # 6: 5
    {"role": "assistant", "content": "Paris is rainy, Rome is sunny."},            # 7: 7
    {"role": "user", "content": "Book Rome then."},                                # 8: 4
]


def picked(result, history=HISTORY):
    return [next(i for i, m in enumerate(history) if m is r) for r in result]


def expect_value_error(fn, what):
    try:
        fn()
    except ValueError:
        return
    raise AssertionError(f"{what} should raise ValueError")


def test_everything_fits():
    got = picked(truncate_history(HISTORY, 48, count))
    assert got == list(range(9)), f"budget 48 >= total 48: expected all 9 messages, got indices {got}"


def test_keeps_system_and_newest_whole_turns():
    got = picked(truncate_history(HISTORY, 38, count))
    assert got == [0, 3, 4, 5, 6, 7, 8], f"expected [0, 3, 4, 5, 6, 7, 8], got {got}"


def test_tool_call_and_results_are_dropped_together():
    got = picked(truncate_history(HISTORY, 28, count))
    tool_ids = {HISTORY[i]["tool_call_id"] for i in got if HISTORY[i]["role"] == "tool"}
    assert not tool_ids or 4 in got, f"tool results {tool_ids} kept without their assistant tool_calls: {got}"
    assert got == [0, 8], f"expected [0, 8], got {got}"


def test_partial_tool_turn_is_never_kept():
    # the newest unit (4, 5, 6) costs 15; only 11 are left after the system message
    expect_value_error(lambda: truncate_history(HISTORY[:7], 17, count), "a tool turn that only partly fits")


def test_result_starts_at_a_user_message():
    # 7 and 8 fit (11 tokens) after the system (6) in 20, but 7 is an assistant reply: start at 8
    got = picked(truncate_history(HISTORY, 20, count))
    assert got == [0, 8], f"expected [0, 8] (no leading assistant message), got {got}"


def test_stops_at_first_unit_that_does_not_fit():
    history = [
        {"role": "user", "content": "short"},
        {"role": "assistant", "content": "a very long answer " * 5},
        {"role": "user", "content": "ok"},
    ]
    got = picked(truncate_history(history, 10, count), history)
    assert got == [2], f"the old short message must not be kept once the long one is dropped; got {got}"


def test_several_leading_system_and_developer_messages_are_pinned():
    history = [{"role": "system", "content": "rules"}, {"role": "developer", "content": "more rules"}] + HISTORY[1:]
    got = picked(truncate_history(history, 12, count), history)
    assert got == [0, 1, 9], f"expected the system and developer messages and the last user message, got {got}"


def test_only_the_leading_system_messages_are_pinned():
    history = [
        {"role": "system", "content": "rules"},            # 0: 2, pinned
        {"role": "user", "content": "old question"},       # 1: 3
        {"role": "system", "content": "mid-conversation note"},  # 2: 3, an ordinary unit
        {"role": "assistant", "content": "old answer"},    # 3: 3
        {"role": "user", "content": "new"},                # 4: 2
    ]
    got = picked(truncate_history(history, 7, count), history)
    assert got == [0, 4], f"a system message after the first user message is trimmed like history; expected [0, 4], got {got}"


def test_agent_mid_loop_keeps_the_open_tool_turn():
    history = HISTORY[:7]
    got = picked(truncate_history(history, 21, count), history)
    assert got == [0, 4, 5, 6], f"newest unit is a tool turn with no user message left: expected [0, 4, 5, 6], got {got}"


def test_does_not_mutate_input():
    before = copy.deepcopy(HISTORY)
    truncate_history(HISTORY, 20, count)
    assert HISTORY == before, "the input list or its messages were modified"


def test_empty_history():
    assert truncate_history([], 10, count) == [], "empty history should give []"


def test_budget_too_small_raises_value_error():
    expect_value_error(lambda: truncate_history(HISTORY, 9, count), "system (6) + newest message (4) > 9")
    expect_value_error(lambda: truncate_history(HISTORY[:1], 5, count), "system alone (6) > 5")
    expect_value_error(lambda: truncate_history(HISTORY, -1, count), "max_tokens=-1")


def test_malformed_tool_messages_raise_value_error():
    orphan = [HISTORY[0], {"role": "tool", "tool_call_id": "zz", "content": "?"}, HISTORY[8]]
    expect_value_error(lambda: truncate_history(orphan, 100, count), "a tool message with no preceding tool call")
    missing = HISTORY[:6] + HISTORY[7:]
    expect_value_error(lambda: truncate_history(missing, 100, count), "a tool call (c2) without a result")
    wrong_id = HISTORY[:5] + [{"role": "tool", "tool_call_id": "c9", "content": "?"}] + HISTORY[6:]
    expect_value_error(lambda: truncate_history(wrong_id, 100, count), "a tool_call_id that matches no open call")
    twice = HISTORY[:6] + [dict(HISTORY[5])] + HISTORY[6:]
    expect_value_error(lambda: truncate_history(twice, 100, count), "a second result for the already answered call c1")
