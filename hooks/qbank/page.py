"""Parse one question file: front matter, title and the reference-answer block."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

import yaml

from .problems import Problem
from .schema import QuestionMeta, check_meta

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)^---[ \t]*\r?$\n?", re.S | re.M)
ANSWER_BLOCK = re.compile(r'^\?\?\?(?P<open>\+?) +success +"(?P<title>[^"]*)"[ \t]*$', re.M)
TITLE = re.compile(r"^# +(?P<title>\S.*?)[ \t]*#*[ \t]*$")
# An exercise's code: ```{ .python .starter } before the answer, ```{ .python .solution } inside it.
EXERCISE_BLOCK = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,})[ \t]*\{[^}\n]*\.python\b[^}\n]*\.(?P<role>starter|solution)\b[^}\n]*\}[ \t]*\n"
                            r"(?P<code>.*?)^(?P=indent)(?P=fence)[ \t]*$", re.S | re.M)
EXERCISE_ROLES = {"starter": "before the answer", "solution": "inside the answer"}


@dataclass(frozen=True)
class QuestionPage:
    src_uri: str
    locale: str
    meta: QuestionMeta
    title: str
    body: str
    # an exercise's code blocks, dedented (None on an ordinary question)
    starter: str | None = None
    solution: str | None = None

    @property
    def path(self) -> str:
        return source_path(self.src_uri)


def source_path(src_uri: str) -> str:
    """How problems name a file: relative to the repository root, as a contributor sees it."""
    return f"docs/{src_uri}"


# libyaml's parser when PyYAML has it: about ten times faster than the pure-Python one, over thousands of files.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(text: str):
    try:
        return yaml.load(text, Loader=FAST_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return yaml.safe_load(text)  # raises again, with the pure-Python parser's fuller message (it quotes the line)


def parse_question(src_uri: str, source: str, *, locale: str, answer_title: str) -> tuple[QuestionPage | None, list[Problem]]:
    path = source_path(src_uri)
    match = FRONT_MATTER.match(source)
    if not match:
        return None, [Problem(path, "front matter", "expected a YAML block between '---' lines at the top, found none")]
    try:
        raw = _load_yaml(match["yaml"]) or {}
    except yaml.YAMLError as error:
        return None, [Problem(path, "front matter", f"expected valid YAML, found: {' '.join(str(error).split())}")]
    if not isinstance(raw, dict):
        return None, [Problem(path, "front matter", f"expected a mapping of fields, found {type(raw).__name__}")]

    meta, field_problems = check_meta(raw)
    problems = [Problem(path, field, message) for field, message in field_problems]

    body = source[match.end():]
    title = _title(body)
    if title is None:
        problems.append(Problem(path, "title", "expected the question as a '# ' heading on the first line after the front matter, found none"))
    problems.extend(_answer_problems(path, body, answer_title))
    code: dict[str, str] = {}
    if meta is not None:
        code, code_problems = exercise_code(path, body, kind=meta.kind, kind_given="kind" in raw)
        problems.extend(code_problems)

    if problems or meta is None or title is None:
        return None, problems
    return QuestionPage(src_uri, locale, meta, title, body, **code), []


def exercise_code(path: str, body: str, *, kind: str, kind_given: bool) -> tuple[dict[str, str], list[Problem]]:
    """An exercise's one starter block (before the answer) and one solution block (inside it)."""
    answer = ANSWER_BLOCK.search(body)
    found: dict[str, list[tuple[bool, str]]] = {"starter": [], "solution": []}
    for match in EXERCISE_BLOCK.finditer(body):
        inside = answer is not None and match.start() > answer.start()
        found[match["role"]].append((inside, textwrap.dedent(match["code"])))
    if kind != "exercise":
        roles = [role for role, blocks in found.items() if blocks]
        if roles:
            found_kind = f"'kind: {kind}'" if kind_given else "no kind"
            return {}, [Problem(path, "kind", f"expected 'kind: exercise' on a page with a ```{{ .python .{roles[0]} }} block, found {found_kind}")]
        return {}, []
    code, problems = {}, []
    for role, where in EXERCISE_ROLES.items():
        wanted = [source for inside, source in found[role] if inside == (role == "solution")]
        misplaced = len(found[role]) - len(wanted)
        if len(wanted) == 1 and not misplaced:
            code[role] = wanted[0]
            continue
        detail = f"found {len(wanted)}" + (f" and {misplaced} {'outside' if role == 'solution' else 'inside'} it" if misplaced else "")
        problems.append(Problem(path, role, f"expected exactly one ```{{ .python .{role} }} block {where}, {detail}"))
    return code, problems


def _title(body: str) -> str | None:
    for line in body.splitlines():
        if line.strip():
            match = TITLE.match(line)
            return match["title"] if match else None
    return None


def _answer_problems(path: str, body: str, answer_title: str) -> list[Problem]:
    expected = f'one closed answer block \'??? success "{answer_title}"\''
    blocks = list(ANSWER_BLOCK.finditer(body))
    if len(blocks) != 1:
        return [Problem(path, "answer", f"expected {expected}, found {len(blocks)}")]
    block = blocks[0]
    if block["open"]:
        return [Problem(path, "answer", f"expected {expected}, found it open by default ('???+')")]
    if block["title"] != answer_title:
        return [Problem(path, "answer", f"expected {expected}, found the title \"{block['title']}\"")]
    # The answer is the last part of a page: a line that is not indented would end the block early
    # and leave the rest of the answer visible before the reader opens it.
    lines = lines_after(body, block)
    end = block_end(lines)
    if end < len(lines):
        return [Problem(path, "answer", f"expected the rest of the page inside the answer block, indented four spaces, found {lines[end].strip()[:60]!r} outside it")]
    return []


def after_title(markdown: str, blocks: list[str]) -> str:
    """A page's Markdown with blocks inserted right after its title, its first line (the catalog checked it)."""
    lines = markdown.split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip())
    inserted = [line for block in blocks for line in ("", block)]
    return "\n".join(lines[: at + 1] + inserted + [""] + lines[at + 1:])


def lines_after(body: str, block: re.Match) -> list[str]:
    """The lines that follow the answer block's opening line."""
    return body[block.end():].split("\n")[1:]


def block_end(lines: list[str]) -> int:
    """Index of the first non-blank line that is not indented (four spaces or a tab): where a block ends."""
    for i, line in enumerate(lines):
        if line.strip() and not line.startswith(("    ", "\t")):
            return i
    return len(lines)
