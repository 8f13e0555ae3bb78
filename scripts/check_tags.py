"""Check every question's tags against the vocabulary, docs/questions/tags.yml: `make tags` (report), `make tags FIX=1`.

Lists each unknown tag once, with the files that carry it and the tag that replaces it (an alias in the
vocabulary, or the same tag in another case) or the nearest known tags. With --fix, replaced tags are
rewritten in the files' `tags: [...]` lines (duplicates dropped, order kept); tags with no replacement are
left for a person to choose, and the exit status is 1 while any remain.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from qbank.page import FRONT_MATTER  # noqa: E402
from qbank.tags import TAGS_FILE, Vocabulary, load_vocabulary  # noqa: E402

TAGS_LINE = re.compile(r"^tags:[ \t]*\[.*\][ \t]*$", re.M)


def question_files(docs: Path) -> list[Path]:
    return sorted(path for path in (docs / "questions").glob("*/*.md") if not path.name.startswith("index."))


def tags_of(text: str) -> list[str]:
    match = FRONT_MATTER.match(text)
    meta = yaml.safe_load(match["yaml"]) if match else None
    tags = meta.get("tags") if isinstance(meta, dict) else None
    return [str(tag) for tag in tags] if isinstance(tags, list) else []


def fixed(text: str, vocabulary: Vocabulary) -> str:
    """The file with replaceable tags replaced in its one-line `tags: [...]`; unchanged if it has none."""
    match = FRONT_MATTER.match(text)
    line = TAGS_LINE.search(text, 0, match.end("yaml")) if match else None
    if line is None:
        return text
    tags = [tag if tag in vocabulary.tags else vocabulary.replacement(tag) or tag for tag in tags_of(text)]
    new_line = f"tags: [{', '.join(dict.fromkeys(tags))}]"
    return text[:line.start()] + new_line + text[line.end():]


def main(argv: list[str]) -> int:
    fix = argv == ["--fix"]
    if argv and not fix:
        print("usage: python scripts/check_tags.py [--fix]", file=sys.stderr)
        return 2
    docs = ROOT / "docs"
    vocabulary = load_vocabulary(str(docs))
    unknown: dict[str, list[str]] = defaultdict(list)
    for path in question_files(docs):
        text = path.read_text(encoding="utf-8")
        if fix:
            new_text = fixed(text, vocabulary)
            if new_text != text:
                path.write_text(new_text, encoding="utf-8")
                print(f"{path.relative_to(ROOT)}: tags: rewrote to {tags_of(new_text)}")
                text = new_text
        for tag in tags_of(text):
            if tag not in vocabulary.tags:
                unknown[tag].append(str(path.relative_to(ROOT)))
    for tag, files in sorted(unknown.items(), key=lambda item: item[0].casefold()):
        print(f"'{tag}' ({len(files)} files: {', '.join(files)}): {vocabulary.advice(tag)}")
    replaceable = sum(1 for tag in unknown if vocabulary.replacement(tag))
    print(f"{len(unknown)} unknown tags ({replaceable} with a replacement: `make tags FIX=1` rewrites them); "
          f"vocabulary: docs/{TAGS_FILE}, {len(vocabulary.tags)} tags")
    return 1 if unknown else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
