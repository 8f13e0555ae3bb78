"""Tiny bilingual doc trees built with MkDocs' own API, for the hook tests.

The i18n section (languages, UI strings) is taken from the real mkdocs.yml so
fixtures and site never drift apart.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.utils.yaml import yaml_load

from conftest import HOOKS, ROOT

HOOK_MODULES = ["question_bank", "topic_pages", "related_questions", "question_index", "downloads",
                "page_header", "page_meta", "whats_new", "exercises"]
# Not a GitHub address: Material's own source partial (the fixture has no overrides) would ask api.github.com for stars.
REPO_URL = "https://git.example.org/fixture/fixture"
FOCUS_TITLES = {"zh": "考察点", "en": "What the interviewer is looking for"}
# Every answer ends with its follow-up questions (qbank.followups); a fixture body without the section gets this one.
FOLLOWUPS = {"zh": "### 追问\n\n    **追问 1：还有呢？**\n\n    还有。",
             "en": "### Follow-up questions\n\n    **Follow-up 1: Anything else?**\n\n    More."}

TOPICS = """\
- id: basics
  name: {zh: 基础, en: Basics}
  description: {zh: 基础题。, en: Basic questions.}
- id: rag
  name: {zh: 检索, en: Retrieval}
  description: {zh: 检索题。, en: Retrieval questions.}
"""


# The tags the fixtures use; a fixture may pass its own vocabulary to write_site.
TAG_VOCABULARY = """\
rag: [retrieval-augmented-generation]
retrieval: []
chunking: []
tokenizer: []
"""


def question(qid: str, topic: str, title: str, *, locale: str = "zh", tags=("rag",), difficulty="easy",
             seed=None, related=None, body: str = "正文。", extra_meta: str = "", updated: str = "2026-11-30",
             focus: str | None = None) -> str:
    answer = "参考答案" if locale == "zh" else "Reference answer"
    meta = [f"id: {qid}", f"topic: {topic}", f"tags: [{', '.join(tags)}]", f"difficulty: {difficulty}", f"updated: {updated}"]
    if seed is not None:
        meta.append(f"seed: {seed}")
    if related is not None:
        meta.append(f"related: [{', '.join(related)}]")
    front = "\n".join(meta) + ("\n" + extra_meta if extra_meta else "")
    focus_block = f'!!! info "{FOCUS_TITLES[locale]}"\n\n    {focus}\n\n' if focus else ""
    if FOLLOWUPS[locale].split("\n")[0] not in body:
        body = f"{body}\n\n    {FOLLOWUPS[locale]}"
    return f'---\n{front}\n---\n\n# {title}\n\n{focus_block}??? success "{answer}"\n\n    {body}\n'


def pair(qid: str, topic: str, zh_title: str, en_title: str, *, zh: dict | None = None, en: dict | None = None,
         **kwargs) -> dict[str, str]:
    """Both language files of one question, as {src path: text}; ``zh`` and ``en`` hold arguments for one side only."""
    base = f"questions/{topic}/{qid}"
    return {
        f"{base}.md": question(qid, topic, zh_title, locale="zh", **kwargs, **(zh or {})),
        f"{base}.en.md": question(qid, topic, en_title, locale="en", **kwargs, **(en or {})),
    }


STARTER = "def double(x: int) -> int:\n    raise NotImplementedError\n"
SOLUTION = "def double(x: int) -> int:\n    return 2 * x\n"
TESTS = "from solution import double\n\n\ndef test_two():\n    assert double(2) == 4, f'expected 4, got {double(2)}'\n"


def exercise(qid: str, topic: str, title: str, *, locale: str = "zh", kind: str | None = "exercise", starter: int = 1,
             solution: int = 1, solution_outside: bool = False, tags=("rag",)) -> str:
    """An exercise page: the task and its starter code before the answer, the reference solution inside it."""
    answer = "参考答案" if locale == "zh" else "Reference answer"
    task = "## 题目" if locale == "zh" else "## Task"
    meta = [f"id: {qid}", f"topic: {topic}", f"tags: [{', '.join(tags)}]", "difficulty: easy", "updated: 2026-11-30"]
    if kind:
        meta.append(f"kind: {kind}")
    fence = lambda role, code, indent="": "".join(
        f"{indent}{line}\n" if line else "\n" for line in [f"```{{ .python .{role} }}", *code.splitlines(), "```", ""])
    outside = fence("solution", SOLUTION) if solution_outside else ""
    return (f"---\n{chr(10).join(meta)}\n---\n\n# {title}\n\n{task}\n\nWrite `double(x)`: twice `x`.\n\n"
            + fence("starter", STARTER) * starter + outside
            + f'??? success "{answer}"\n\n    Double it.\n\n' + fence("solution", SOLUTION, "    ") * solution
            + f"\n    {FOLLOWUPS[locale]}\n")


def exercise_pair(qid: str, topic: str, *, tests: bool = True, zh: dict | None = None, en: dict | None = None) -> dict[str, str]:
    """Both pages of an exercise and its tests file, as {src path: text}."""
    base = f"questions/{topic}/{qid}"
    files = {f"{base}.md": exercise(qid, topic, "写出 double", **(zh or {})),
             f"{base}.en.md": exercise(qid, topic, "Write double", locale="en", **(en or {}))}
    if tests:
        files[f"{base}.tests.py"] = TESTS
    return files


def real_i18n_config() -> dict:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        config = yaml_load(f)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    for language in i18n["languages"]:
        language.pop("theme", None)  # palette labels; the fixture theme has no palette
    return i18n


def write_site(root: Path, pages: dict[str, str], *, topics: str = TOPICS, tags: str = TAG_VOCABULARY,
               hooks: list[str] = HOOK_MODULES) -> Path:
    docs = root / "docs"
    (docs / "questions").mkdir(parents=True)
    (docs / "questions" / "topics.yml").write_text(topics, encoding="utf-8")
    (docs / "questions" / "tags.yml").write_text(tags, encoding="utf-8")
    (docs / "index.md").write_text("# 首页\n\n<!-- qbank:topics -->\n", encoding="utf-8")
    (docs / "index.en.md").write_text("# Home\n\n<!-- qbank:topics -->\n", encoding="utf-8")
    for path, text in pages.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(textwrap.dedent(text), encoding="utf-8")
    config = {
        "site_name": "Fixture",
        "site_url": "https://example.org/fixture/",
        "repo_url": REPO_URL,
        "strict": True,
        "exclude_docs": "questions/topics.yml\nquestions/tags.yml\n",
        "theme": {"name": "material"},
        "markdown_extensions": ["admonition", "pymdownx.details", "pymdownx.superfences", "md_in_html", "tables", "attr_list"],
        "site_description": "Fixture site.",
        "plugins": [{"i18n": real_i18n_config()}],
        "hooks": [str(HOOKS / f"{name}.py") for name in hooks],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return root / "mkdocs.yml"


def with_real_fences(config_file: Path) -> dict:
    """load_config overrides: the fixture's Markdown extensions with pymdownx.superfences configured as in
    mkdocs.yml, so ```mermaid fences render as they do on the site (a loaded value: yaml cannot dump it)."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        real = yaml_load(f)["markdown_extensions"]
    superfences = next(e for e in real if isinstance(e, dict) and "pymdownx.superfences" in e)
    fixture = yaml.safe_load(config_file.read_text(encoding="utf-8"))["markdown_extensions"]
    return {"markdown_extensions": [superfences if e == "pymdownx.superfences" else e for e in fixture]}


def build_site(config_file: Path, **overrides) -> Path:
    config = load_config(str(config_file), **overrides)
    build(config)
    return Path(config.site_dir)


def questions_json(site: Path, locale_prefix: str = "") -> list[dict]:
    return json.loads((site / locale_prefix / "questions.json").read_text(encoding="utf-8"))


def article(html: str) -> str:
    """The page's own content, without nav, header and footer."""
    start = html.index("<article")
    return html[start:html.index("</article>", start)]
