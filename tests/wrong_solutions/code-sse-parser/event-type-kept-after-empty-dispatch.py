"""Wrong: on a blank line with no data it returns before clearing the event type, so "event: ping" followed by a blank line leaks its type into the next event."""
import codecs
import json
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class SSEEvent:
    event: str = "message"
    data: str = ""
    id: str = ""


class IncompleteStreamError(ValueError):
    """The byte stream ended before the `data: [DONE]` sentinel."""


class SSEParser:
    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._line = ""          # the current, unfinished line
        self._after_cr = False   # the previous character was a CR: a following LF belongs to it
        self._bom_checked = False
        self._data: list[str] = []
        self._event = ""
        self._last_id = ""       # last event ID buffer: survives dispatches

    def feed(self, chunk: bytes) -> list[SSEEvent]:
        if not isinstance(chunk, (bytes, bytearray)):
            raise TypeError(f"feed() takes bytes, not {type(chunk).__name__}")
        text = self._decoder.decode(bytes(chunk))
        if not self._bom_checked and text:
            self._bom_checked = True
            if text.startswith("\ufeff"):
                text = text[1:]
        events: list[SSEEvent] = []
        start = 0
        for i, ch in enumerate(text):
            if ch == "\n" and self._after_cr:   # second half of a CRLF
                self._after_cr = False
                start = i + 1
                continue
            self._after_cr = ch == "\r"
            if ch in "\r\n":
                line, self._line = self._line + text[start:i], ""
                start = i + 1
                event = self._process_line(line)
                if event is not None:
                    events.append(event)
        self._line += text[start:]
        return events

    def _process_line(self, line: str) -> SSEEvent | None:
        if line == "":
            return self._dispatch()
        if line.startswith(":"):
            return None                          # comment, e.g. a keep-alive
        field, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]                    # exactly one leading space
        if field == "data":
            self._data.append(value)
        elif field == "event":
            self._event = value
        elif field == "id" and "\0" not in value:
            self._last_id = value
        return None                              # retry and unknown fields: ignored

    def _dispatch(self) -> SSEEvent | None:
        if not self._data:
            return None
        data, event = self._data, self._event
        self._data, self._event = [], ""
        return SSEEvent(event=event or "message", data="\n".join(data), id=self._last_id)


def stream_chat_text(chunks: Iterable[bytes]) -> str:
    parser = SSEParser()
    parts: list[str] = []
    for chunk in chunks:
        for event in parser.feed(chunk):
            if event.data == "[DONE]":
                return "".join(parts)
            payload = json.loads(event.data)
            for choice in payload.get("choices", []):
                if choice.get("index", 0) == 0:
                    content = (choice.get("delta") or {}).get("content")
                    if content:
                        parts.append(content)
    raise IncompleteStreamError("stream ended without data: [DONE]")
