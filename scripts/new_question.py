"""Scaffold a question page pair from templates/: `make new TOPIC=rag SLUG=what-is-rag`."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from qbank.schema import SLUG  # noqa: E402
from qbank.topics import load_topics  # noqa: E402

LANGUAGE_SUFFIXES = {"zh": ".md", "en": ".en.md"}


def scaffold(topic: str, slug: str, *, docs: Path = ROOT / "docs", today: datetime.date | None = None) -> list[Path]:
    topics = load_topics(str(docs), list(LANGUAGE_SUFFIXES))
    if topic not in topics:
        raise SystemExit(f"TOPIC: expected one of {', '.join(topics)}, found '{topic}'")
    if not SLUG.match(slug):
        raise SystemExit(f"SLUG: expected a lowercase ASCII slug such as 'what-is-rag', found '{slug}'")
    targets = [docs / "questions" / topic / f"{slug}{suffix}" for suffix in LANGUAGE_SUFFIXES.values()]
    existing = [t for t in targets if t.exists()]
    if existing:
        raise SystemExit(f"{existing[0]}: expected a new file, found one already there")
    values = {"{{id}}": slug, "{{topic}}": topic, "{{today}}": (today or datetime.date.today()).isoformat()}
    for target, suffix in zip(targets, LANGUAGE_SUFFIXES.values(), strict=True):
        text = (ROOT / "templates" / f"question{suffix}").read_text(encoding="utf-8")
        for placeholder, value in values.items():
            text = text.replace(placeholder, value)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return targets


if __name__ == "__main__":
    if len(sys.argv) != 3 or not all(sys.argv[1:]):
        raise SystemExit("usage: make new TOPIC=<topic id> SLUG=<slug>")
    for path in scaffold(sys.argv[1], sys.argv[2]):
        print(f"created {path.relative_to(ROOT / 'docs')}")
    print(f"Next: write both pages, `make translated ID={sys.argv[2]}` once the English follows the Chinese, "
          "then `make serve` to preview and `make test` before opening a pull request.")
