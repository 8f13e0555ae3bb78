"""The site's own data files under ``docs/`` (topics, tag vocabulary): read once per build, and a broken one is
broken setup, so it raises ``PluginError`` naming the file and what was expected."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import PluginError


def read_data_file(docs_dir: str, name: str, what: str) -> Any:
    """The parsed YAML of ``docs/<name>``; ``what`` says what the file holds, for the error."""
    try:
        return yaml.safe_load((Path(docs_dir) / name).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PluginError(f"docs/{name}: expected {what}, found no such file") from None
    except yaml.YAMLError as error:
        raise PluginError(f"docs/{name}: expected valid YAML, found: {' '.join(str(error).split())}") from None
