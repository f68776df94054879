"""Safe fixes: apply non-overlapping suggestions and write files atomically, form preserved."""

from __future__ import annotations

import difflib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factlint.engine import Source
    from factlint.finding import Finding


def fix_edits(findings: Sequence[Finding]) -> list[tuple[int, int, str]]:
    """(start, end, replacement) of the first suggestion of each fixable finding, in order,
    without overlaps (an edit overlapping one taken waits for the next run)."""
    edits = sorted(
        {(f.offset, f.end_offset, f.suggestions[0]) for f in findings if f.fixable and f.suggestions}
    )
    taken: list[tuple[int, int, str]] = []
    pos = 0
    for start, end, replacement in edits:
        if start >= pos:
            taken.append((start, end, replacement))
            pos = end
    return taken


def apply_fixes(text: str, findings: Sequence[Finding]) -> tuple[str, int]:
    """Apply the first suggestion of each fixable finding; overlapping edits are skipped."""
    edits = fix_edits(findings)
    parts: list[str] = []
    pos = 0
    for start, end, replacement in edits:
        parts.append(text[pos:start])
        parts.append(replacement)
        pos = end
    parts.append(text[pos:])
    return "".join(parts), len(edits)


def encode(source: Source, text: str) -> bytes:
    """Encode text as the file was: same encoding and BOM (line endings are in the text)."""
    return source.bom + text.encode(source.encoding)


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder and rename over the original."""
    mode = path.stat().st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".factlint", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of one file's fix, keeping its line endings visible to patch."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True),
        fromfile=f"a/{path}", tofile=f"b/{path}",
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
