"""--diff-from REV: the files changed since a git revision and their added or changed lines.

Uses the repository's own git: ``git diff --unified=0 REV`` (the working tree against REV, so
staged and unstaged edits count) plus untracked files, which are new in every line.
"""

from __future__ import annotations

import re
import subprocess
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from factlint.errors import FactlintError
from factlint.groups import fold, unfold

if TYPE_CHECKING:
    from factlint.engine import FileResult
    from factlint.finding import Finding

HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
ALL_LINES = None  # an untracked or added file: every line is new


@dataclass
class ChangedLines:
    """Per file (resolved path): sorted, merged (first, last) line ranges, or ALL_LINES."""

    files: dict[Path, list[tuple[int, int]] | None] = field(default_factory=dict)

    def covers(self, path: Path, finding: Finding) -> bool:
        ranges = self.files.get(path.resolve(), [])
        if ranges is ALL_LINES:
            return True
        if finding.rule.startswith("io/"):  # the file as a whole is broken
            return True
        i = bisect_right(ranges, (finding.line, float("inf"))) - 1
        if i >= 0 and ranges[i][1] >= finding.line:
            return True
        j = i + 1  # a multi-line finding reaching into a later range
        return j < len(ranges) and ranges[j][0] <= finding.end_line


def _git(args: Sequence[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                              encoding="utf-8", errors="surrogateescape")
    except FileNotFoundError:
        raise FactlintError("--diff-from needs git, which is not installed") from None
    if proc.returncode != 0:
        message = (proc.stderr.strip().splitlines() or ["git failed"])[-1]
        raise FactlintError(f"--diff-from: {message}")
    return proc.stdout


def changed_lines(revision: str, cwd: Path | None = None) -> ChangedLines:
    """What changed in the working tree of the repository around ``cwd`` since ``revision``."""
    here = (cwd or Path.cwd()).resolve()
    top = Path(_git(["rev-parse", "--show-toplevel"], here).strip())
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], top)
    except FactlintError:
        raise FactlintError(f"--diff-from: {revision!r} is not a commit of {top}") from None
    diff = _git(["-c", "core.quotePath=off", "diff", "--unified=0", "--no-color", "--no-ext-diff", "--find-renames",
                 "--diff-filter=AMRC", revision, "--"], top)
    changes = ChangedLines()
    current: list[tuple[int, int]] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = _unquote(line[4:])
            current = None
            if name != "/dev/null":
                current = changes.files.setdefault((top / name[2:]).resolve(), [])
        elif current is not None and (match := HUNK.match(line)):
            start, count = int(match.group(1)), int(match.group(2) or 1)
            if count:
                current.append((start, start + count - 1))
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], top)
    for name in filter(None, untracked.split("\0")):
        changes.files[(top / name).resolve()] = ALL_LINES
    return changes


def _unquote(name: str) -> str:
    """git quotes unusual paths as C strings ("a\\303\\251.md")."""
    if not name.startswith('"'):
        return name
    raw = name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
    return raw.encode("latin-1").decode("utf-8", "surrogateescape")


def changed_files(changes: ChangedLines, paths: Sequence[Path]) -> list[Path]:
    """The files among ``paths`` (already expanded) that changed."""
    return [p for p in paths if p.resolve() in changes.files]


def on_changed_lines(results: Sequence[FileResult], changes: ChangedLines) -> None:
    """Keep, in place, only the findings on added or changed lines."""
    for result in results:
        path = Path(result.path)
        result.findings = fold(f for f in unfold(result.findings) if changes.covers(path, f))
