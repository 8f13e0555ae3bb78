"""Tests for code-sse-parser: written against the spec on the page (WHATWG event-stream rules), not the reference solution."""
import json

from solution import IncompleteStreamError, SSEParser, stream_chat_text


def _chunk(content, role=None):
    delta = {"content": content}
    if role:
        delta["role"] = role
    body = {"object": "chat.completion.chunk", "choices": [{"index": 0, "delta": delta, "finish_reason": None}]}
    return "data: " + json.dumps(body, ensure_ascii=False) + "\n\n"


STREAM = (_chunk("", role="assistant") + ": keep-alive\n\n" + _chunk("你好") + _chunk("，世界")
          + 'data: {"choices": [], "usage": {"total_tokens": 9}}\n\n' + "data: [DONE]\n\n").encode("utf-8")


def _feed_all(parser, pieces):
    events = []
    for piece in pieces:
        events.extend(parser.feed(piece))
    return events


def _as_tuples(events):
    return [(e.event, e.data, e.id) for e in events]


def test_whole_stream_in_one_chunk():
    events = SSEParser().feed(STREAM)
    assert [e.data for e in events][-1] == "[DONE]", f"the last event should carry [DONE], got {events!r}"
    assert len(events) == 5, f"expected 5 events (comment block is not an event), got {len(events)}: {events!r}"
    assert all(e.event == "message" for e in events), f"event type should default to 'message', got {events!r}"


def test_byte_by_byte_splits_utf8_characters():
    one = _as_tuples(SSEParser().feed(STREAM))
    split = _as_tuples(_feed_all(SSEParser(), [STREAM[i:i + 1] for i in range(len(STREAM))]))
    assert split == one, f"feeding one byte at a time (splitting 你/好 inside UTF-8) changed the result: {split!r}"


def test_crlf_split_across_chunks_is_one_line_ending():
    events = _feed_all(SSEParser(), [b"data: a\r", b"\ndata: b\r\n", b"\r", b"\n"])
    assert _as_tuples(events) == [("message", "a\nb", "")], f"expected one event 'a\\nb', got {_as_tuples(events)!r}"


def test_cr_only_and_lf_only_line_endings():
    cr = SSEParser().feed(b"data: x\rdata: y\r\r")
    lf = SSEParser().feed(b"data: x\ndata: y\n\n")
    assert _as_tuples(cr) == _as_tuples(lf) == [("message", "x\ny", "")], f"CR: {_as_tuples(cr)!r}, LF: {_as_tuples(lf)!r}"


def test_only_one_leading_space_is_removed():
    events = SSEParser().feed(b"data:no-space\ndata:  two-spaces\ndata: trailing  \n\n")
    got = events[0].data if events else None
    assert got == "no-space\n two-spaces\ntrailing  ", f"got {got!r}"


def test_field_without_colon_and_comments():
    events = SSEParser().feed(b": comment\ndata\ndata\n\n:only a comment\n\ndata:\n\n")
    expected = [("message", "\n", ""), ("message", "", "")]
    assert _as_tuples(events) == expected, (
        f"'data' twice without colon gives data '\\n', and one empty 'data:' line is still an event with data ''; "
        f"expected {expected!r}, got {_as_tuples(events)!r}")


def test_event_type_and_id_persist_and_nul_id_ignored():
    events = SSEParser().feed(b"event: delta\nid: 7\ndata: a\n\ndata: b\n\nid: 8\x00\ndata: c\n\n")
    got = _as_tuples(events)
    assert got == [("delta", "a", "7"), ("message", "b", "7"), ("message", "c", "7")], f"got {got!r}"


def test_blank_line_without_data_dispatches_nothing_but_resets_event_type():
    parser = SSEParser()
    events = parser.feed(b"event: ping\n\nid: 3\n\n\n\n")
    assert events == [], f"no data lines means no event, got {events!r}"
    got = _as_tuples(parser.feed(b"data: x\n\n"))
    assert got == [("message", "x", "3")], (
        f"the blank line after 'event: ping' clears the event type even though nothing was dispatched, "
        f"and the id persists; expected [('message', 'x', '3')], got {got!r}")


def test_unfinished_event_is_not_dispatched():
    parser = SSEParser()
    assert parser.feed(b"data: half") == [], "a line without its ending is not processed yet"
    assert parser.feed(b"\n") == [], "an event without its blank line is not dispatched yet"
    got = _as_tuples(parser.feed(b"\n"))
    assert got == [("message", "half", "")], f"got {got!r}"


def test_invalid_utf8_becomes_replacement_character():
    events = _feed_all(SSEParser(), [b"data: a\xff", b"b\xe4\xbd\n\n"])
    got = _as_tuples(events)
    assert got == [("message", "a\ufffdb\ufffd", "")], f"undecodable bytes become U+FFFD, never an exception; got {got!r}"


def test_leading_bom_is_stripped():
    events = _feed_all(SSEParser(), [b"\xef\xbb", b"\xbfdata: x\n\n"])
    assert _as_tuples(events) == [("message", "x", "")], f"the UTF-8 BOM must not become part of the field name; got {_as_tuples(events)!r}"


def test_feed_rejects_str():
    try:
        SSEParser().feed("data: x\n\n")
    except TypeError:
        return
    raise AssertionError("feed(str) should raise TypeError: the parser takes bytes")


def test_stream_chat_text_joins_deltas_and_stops_at_done():
    pieces = [STREAM[i:i + 7] for i in range(0, len(STREAM), 7)] + [b"data: not json\n\n"]
    got = stream_chat_text(pieces)
    assert got == "你好，世界", f"expected '你好，世界', got {got!r}"


def test_stream_chat_text_reads_only_choice_0_and_skips_missing_content():
    events = [
        {"choices": [{"index": 1, "delta": {"role": "assistant", "content": ""}}]},
        {"choices": [{"index": 0, "delta": {"role": "assistant", "content": None}}]},
        {"choices": [{"index": 1, "delta": {"content": "B"}}]},
        {"choices": [{"index": 0, "delta": {"content": "A"}}, {"index": 1, "delta": {"content": "B"}}]},
        {"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]},
    ]
    body = "".join("data: " + json.dumps(e) + "\n\n" for e in events) + "data: [DONE]\n\n"
    got = stream_chat_text([body.encode()])
    assert got == "A", f"with n=2 only the choice with index 0 counts, and content None or absent is skipped; expected 'A', got {got!r}"


def test_stream_without_done_or_with_bad_json_raises():
    try:
        stream_chat_text([_chunk("partial").encode()])
    except IncompleteStreamError as error:
        assert isinstance(error, ValueError), "IncompleteStreamError should subclass ValueError"
    else:
        raise AssertionError("a stream that ends without data: [DONE] should raise IncompleteStreamError")
    try:
        stream_chat_text([b"data: {\"choices\": [\n\n", b"data: [DONE]\n\n"])
    except json.JSONDecodeError:
        return
    except Exception as error:  # noqa: BLE001 - report what came back instead
        raise AssertionError(f"data that is not valid JSON should raise json.JSONDecodeError, got {type(error).__name__}: {error}")
    raise AssertionError("data that is not valid JSON should raise json.JSONDecodeError, not be skipped")
