"""per-file-ignores: rule ids or packs switched off for the files that match a glob (as in ruff)."""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factlint.config import Settings
    from factlint.finding import Finding


def ignored_for_path(
    settings: Settings, path: Path | None, shown: str, findings: list[Finding]
) -> list[Finding]:
    """``findings`` without those the config's per-file-ignores switch off for this file."""
    table = settings.config.per_file_ignores
    if not table or not findings:
        return findings
    names = _names_for(settings, path, shown)
    if not names:
        return findings
    return [f for f in findings if not _named(f.rule, names)]


def _names_for(settings: Settings, path: Path | None, shown: str) -> set[str]:
    target = PurePath(shown)
    if path is not None:
        try:
            target = path.resolve().relative_to(Path(settings.root).resolve())
        except ValueError:
            target = path
    text = target.as_posix()
    names: set[str] = set()
    for glob, rules in settings.config.per_file_ignores.items():
        if fnmatch(text, glob) or fnmatch(target.name, glob) or fnmatch(text, f"*/{glob}"):
            names.update(rules)
    return names


def _named(rule: str, names: set[str]) -> bool:
    base = rule.split(":", 1)[0]
    return rule in names or base in names or base.split("/", 1)[0] in names
