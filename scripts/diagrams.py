"""Draw every ```mermaid diagram that has no SVG in diagrams/ yet, and delete the SVGs no page uses any more.

    make diagrams                                   (.venv/bin/python scripts/diagrams.py)
    .venv/bin/python scripts/diagrams.py --check    (change nothing; exit 1 if anything is missing or unused)

Sources are read as the build reads them (qbank.diagrams.diagrams_in_docs). Drawing needs Chromium and the
font WenQuanYi Micro Hei (qbank.diagram_render); nothing else does, and --check needs neither.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from mkdocs.config import load_config  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402

from qbank.diagram_render import Renderer, RenderError  # noqa: E402
from qbank.diagrams import (  # noqa: E402
    CACHE_DIR, MERMAID_JS, RENDER_COMMAND, DiagramError, diagram_id, diagram_key, diagrams_in_docs, finish_svg,
    renderer_fingerprint,
)


@dataclass
class Survey:
    project: Path
    wanted: dict[str, tuple[str, str]]  # key -> (where, source), for every diagram of the site
    missing: dict[str, tuple[str, str]]  # the same, for those with no SVG yet
    unused: list[Path]  # SVGs no diagram has as its key any more

    def problems(self) -> list[str]:
        return ([f"{where}: not drawn yet: run `{RENDER_COMMAND}`" for where, _ in self.missing.values()]
                + [f"{path.relative_to(self.project).as_posix()}: no diagram uses it any more: run `{RENDER_COMMAND}`, "
                   "which deletes it" for path in self.unused])


def survey(config: MkDocsConfig) -> Survey:
    project = Path(config.config_file_path).parent
    fingerprint = renderer_fingerprint(project)
    wanted = {}
    for page, sources in diagrams_in_docs(Path(config.docs_dir), config.markdown_extensions, config.mdx_configs).items():
        for n, source in enumerate(sources, 1):
            wanted.setdefault(diagram_key(source, fingerprint), (f"{page}: diagram {n} of {len(sources)}", source))
    cached = {path.stem: path for path in (project / CACHE_DIR).glob("*.svg")}
    return Survey(project, wanted, {key: found for key, found in wanted.items() if key not in cached},
                  sorted(path for key, path in cached.items() if key not in wanted))


def draw(project: Path, missing: dict[str, tuple[str, str]]) -> list[str]:
    """Draw the missing diagrams into the cache; the problems, one line each."""
    cache = project / CACHE_DIR
    cache.mkdir(exist_ok=True)
    problems = []
    with Renderer(project / MERMAID_JS) as renderer:
        for key, (where, source) in missing.items():
            try:
                svg = renderer.render(diagram_id(key), source)
                finish_svg(svg, f"{CACHE_DIR}/{key}.svg")  # what the build will do with it: fail here, not there
            except (RenderError, DiagramError) as error:
                problems.append(f"{where}: {error}")
                continue
            (cache / f"{key}.svg").write_text(svg, encoding="utf-8")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a drawing is missing or unused")
    args = parser.parse_args()
    found = survey(load_config(str(ROOT / "mkdocs.yml")))
    if args.check:
        for problem in found.problems():
            print(problem)
        return 1 if found.problems() else 0
    start = time.perf_counter()
    try:
        problems = draw(ROOT, found.missing) if found.missing else []
    except RenderError as error:
        print(f"{RENDER_COMMAND}: {error}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - start
    for path in found.unused:
        path.unlink()
    print(f"{len(found.wanted)} diagrams: {len(found.missing) - len(problems)} drawn in {seconds:.1f} s, "
          f"{len(found.unused)} unused SVGs deleted, {len(found.wanted) - len(found.missing)} already drawn")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
