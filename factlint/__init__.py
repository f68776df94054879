"""factlint: editorial fact-check and style linter for news article drafts."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["__version__", "lint_paths", "lint_text"]

if TYPE_CHECKING:
    from collections.abc import Iterable

    from factlint.config import Overrides
    from factlint.finding import Finding


def lint_text(
    text: str, *, path: str | None = None, config: str | None = None,
    overrides: Overrides | None = None,
) -> list[Finding]:
    """Lint a draft given as text. ``path`` sets Markdown vs text and where config is found."""
    from pathlib import Path

    from factlint.engine import Runner, Source

    runner = Runner(overrides, config)
    location = Path(path).resolve() if path else None
    return runner.lint_source(Source(text), path or "-", location).findings


def lint_paths(
    paths: Iterable[str], *, config: str | None = None, overrides: Overrides | None = None
) -> dict[str, list[Finding]]:
    """Lint files and folders; returns findings per path (unreadable files included)."""
    from pathlib import Path

    from factlint.engine import Runner

    runner = Runner(overrides, config)
    results: dict[str, list[Finding]] = {}
    for raw in paths:
        targets = list(runner.expand([raw])) if Path(raw).exists() else [Path(raw)]
        for target in targets:
            result = runner.lint_file(target)
            results[result.path] = result.findings
    return results
