"""Where a draft's config file is: the nearest .factlint.toml, factlint.toml or pyproject.toml
with a [tool.factlint] table, at or above the draft's folder. No pydantic here, so the command line
can look a config up before it loads the rest (launch.py)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

CONFIG_FILES = (".factlint.toml", "factlint.toml", "pyproject.toml")


@lru_cache(maxsize=256)
def find_config(folder: Path) -> Path | None:
    """The nearest config file at or above ``folder`` (cached per folder)."""
    for candidate in CONFIG_FILES:
        path = folder / candidate
        if path.is_file() and (candidate != "pyproject.toml" or _has_factlint_table(path)):
            return path
    parent = folder.parent
    return None if parent == folder else find_config(parent)


def _has_factlint_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return "[tool.factlint" in text
