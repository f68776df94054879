"""Safe fixes: apply non-overlapping suggestions and write files atomically, form preserved."""

from __future__ import annotations

import difflib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from factlint.confine import read_regular, real
from factlint.errors import FactlintError
from factlint.groups import unfold

if TYPE_CHECKING:
    from factlint.engine import Source
    from factlint.finding import Finding

TEMP_SUFFIX = ".factlint-tmp"


def fix_edits(findings: Sequence[Finding]) -> list[tuple[int, int, str]]:
    """(start, end, replacement) of the first suggestion of each fixable finding (each member of
    a folded one), in order, without overlaps (an edit overlapping one taken waits for the next run)."""
    edits = sorted(
        {(f.offset, f.end_offset, f.suggestions[0]) for f in unfold(findings) if f.fixable and f.suggestions}
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


class NotFixed(Exception):
    """A fix that was not written, and why; the file is left exactly as it is."""


def write_fixed(path: Path, original: bytes, data: bytes) -> None:
    """Replace a draft's bytes ``original`` with ``data`` atomically, or raise NotFixed.

    A symbolic link is kept and its target written (the engine read the draft only if the target
    is inside the repository). Left alone, with the reason: a read-only file or folder, a file with
    hard links (a new file would break them), and a file that no longer holds ``original`` (an edit
    saved while factlint ran), compared just before the rename.
    """
    target = real(path)
    try:
        info = target.stat()
        if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
            raise NotFixed("the file is read-only")
        if info.st_nlink > 1:
            raise NotFixed(f"the file has {info.st_nlink} hard links, which a rewrite would break "
                           "(apply the fix by hand, or with --diff and patch)")
        folder = target.parent.stat().st_mode
        if not folder & 0o222:
            raise NotFixed("its folder is read-only")
        write_atomic(target, data, info, original)
    except (OSError, FactlintError) as exc:
        raise NotFixed(f"cannot write it: {getattr(exc, 'strerror', None) or exc}") from None


def write_atomic(path: Path, data: bytes, info: os.stat_result, expected: bytes | None = None) -> None:
    """Write via a temporary file in the same folder and rename it over ``path``, unless ``path``
    no longer holds ``expected``; permission bits and (when allowed) owner are those of ``info``.
    The temporary file is named for cleanup after a kill -9."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, info.st_mode & 0o7777)
        if (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
            try:  # root fixing another user's draft keeps it theirs
                os.chown(tmp, info.st_uid, info.st_gid)
            except OSError:
                pass
        if expected is not None and read_regular(path, "draft", limit=None) != expected:
            raise NotFixed("it changed while factlint ran: left as saved (run --fix again)")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_stale_temporaries(folder: Path) -> None:
    """Delete the temporary files of --fix runs that were killed (their process is gone)."""
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith(".") and e.name.endswith(TEMP_SUFFIX)]
    except OSError:
        return
    for entry in entries:
        parts = entry.name[: -len(TEMP_SUFFIX)].rsplit(".", 2)
        if len(parts) == 3 and parts[1].isdigit() and not _alive(int(parts[1])):
            Path(entry.path).unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of one file's fix, keeping its line endings visible to patch."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True),
        fromfile=f"a/{path}", tofile=f"b/{path}",
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
