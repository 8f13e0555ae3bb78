# Wrong: the pieces of an over-long sentence are emitted as chunks of their own instead of being
# packed like ordinary units, so a following short sentence never joins the last piece.
import re

# A sentence ends after 。！？ (always), after . ! ? only when whitespace or the end follows,
# or at a newline; closing quotes/brackets and the whitespace after the end stay with the sentence.
_SENTENCE = re.compile(
    r".*?(?:[。！？]+|[.!?]+(?=[”’\"'」』）)\]]*(?:\s|$))|\n)[”’\"'」』）)\]]*\s*|.+$",
    re.S,
)


def split_sentences(text: str) -> list[str]:
    """Sentences in order; "".join(result) == text."""
    return _SENTENCE.findall(text)


def chunk_text(text: str, max_chars: int, overlap: int = 0) -> list[str]:
    """Pack whole sentences into chunks of at most max_chars characters.

    A sentence longer than max_chars is cut into max_chars-sized pieces. Each chunk after the
    first starts with the longest run of trailing units of the previous chunk that is at most
    overlap characters and still leaves room for the next new unit.
    """
    if max_chars <= 0:
        raise ValueError("max_chars must be positive")
    if not 0 <= overlap < max_chars:
        raise ValueError("overlap must satisfy 0 <= overlap < max_chars")
    if not text.strip():
        return []
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for unit in split_sentences(text):
        if len(unit) > max_chars:
            if current:
                chunks.append("".join(current))
            chunks += [unit[i:i + max_chars] for i in range(0, len(unit), max_chars)]
            current, size = [], 0
            continue
        if current and size + len(unit) > max_chars:
            chunks.append("".join(current))
            carried: list[str] = []
            carried_size = 0
            for prev in reversed(current):  # take whole units from the end
                if carried_size + len(prev) > overlap:
                    break
                carried.insert(0, prev)
                carried_size += len(prev)
            while carried and carried_size + len(unit) > max_chars:
                carried_size -= len(carried.pop(0))  # drop the oldest until the new unit fits
            current, size = carried, carried_size
        current.append(unit)
        size += len(unit)
    if current:
        chunks.append("".join(current))
    return chunks
