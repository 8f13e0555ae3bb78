"""Find the fenced code blocks of a Markdown page, including those indented inside the answer block.

A ```python block is executed by the suite; ```{ .python .fragment } marks one that is not.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>.*)$")


@dataclass(frozen=True)
class CodeBlock:
    language: str
    classes: tuple[str, ...]
    code: str
    line: int

    @property
    def runnable_python(self) -> bool:
        return self.language == "python" and "fragment" not in self.classes


def code_blocks(markdown: str) -> list[CodeBlock]:
    lines = markdown.splitlines()
    blocks, i = [], 0
    while i < len(lines):
        opening = FENCE_OPEN.match(lines[i])
        if not opening:
            i += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        language, classes = _parse_info(opening["info"])
        end = i + 1
        while end < len(lines) and not re.match(rf"^{re.escape(indent)}{re.escape(fence)}[`~]*[ \t]*$", lines[end]):
            end += 1
        body = "\n".join(line[len(indent):] if line.startswith(indent) else line.lstrip() for line in lines[i + 1:end])
        blocks.append(CodeBlock(language, classes, textwrap.dedent(body) + "\n", i + 1))
        i = end + 1
    return blocks


def _parse_info(info: str) -> tuple[str, tuple[str, ...]]:
    info = info.strip()
    if info.startswith("{"):
        classes = tuple(word[1:] for word in info.strip("{} ").split() if word.startswith("."))
        return (classes[0] if classes else ""), classes[1:]
    words = info.split()
    return (words[0] if words else ""), ()
