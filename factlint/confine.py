"""What factlint may read: files inside the repository root, regular files only, size-limited.

The *root* of a draft is the git top level (the nearest folder holding ``.git``) above the folder
of the config file that applies to it, else that config file's folder; with no config file, the
git top level above the draft's own folder, else that folder. Paths named in a draft (front
matter ``sources:``) or in a config (``facts``, ``packs``, ``vocab``) must resolve, after
following every symbolic link, inside the root or inside a folder the config lists in
``allow-outside``. Drafts reached through a symbolic link obey the same rule. See docs/security.md.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from factlint.errors import FactlintError

MAX_DATA_BYTES = 16 * 1024 * 1024  # a source, registry, pack, vocabulary or config file
FILE_TYPES = {
    stat.S_IFDIR: "a folder", stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device", stat.S_IFSOCK: "a socket",
}


class Refused(FactlintError):
    """A path factlint will not read: outside the root, not a regular file, or too large."""


class TooLarge(Refused):
    """A regular file over the size limit, refused before it is read whole."""


@dataclass(frozen=True)
class ReadPolicy:
    """The folders one draft or config may read from (all resolved, symbolic links followed)."""

    root: Path
    allowed: tuple[Path, ...] = ()

    def permits(self, resolved: Path) -> bool:
        return any(resolved == base or base in resolved.parents for base in (self.root, *self.allowed))

    def confine(self, path: Path, what: str) -> Path:
        """``path`` with every link followed, if it lies inside the root or an allowed folder."""
        resolved = real(path)
        if not self.permits(resolved):
            via = f" (a symbolic link to {resolved})" if path.is_symlink() else ""
            raise Refused(
                f"{what} {str(path)!r}{via} is outside the repository root {self.root}; "
                "not read (list its folder in allow-outside to permit it)"
            )
        return resolved


def real(path: Path) -> Path:
    """The absolute path with symbolic links followed (a loop is left for open() to report)."""
    return Path(os.path.realpath(path))


@lru_cache(maxsize=256)
def repository_root(folder: Path) -> Path:
    """The nearest folder at or above ``folder`` (resolved) that holds ``.git``, else ``folder``."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


def in_repository(folder: Path) -> bool:
    """Whether ``folder`` (resolved) is in a git work tree: .git at or above it."""
    return (repository_root(folder) / ".git").exists()


def policy(config_folder: Path | None, near: Path | None, allow_outside: tuple[str, ...] = ()) -> ReadPolicy:
    """The read policy of a config (``config_folder``) or, with none, of a draft's folder."""
    base = real(config_folder or near or Path.cwd())
    allowed = tuple(real(base / entry) for entry in allow_outside)
    return ReadPolicy(repository_root(base), allowed)


def file_type(mode: int) -> str:
    return FILE_TYPES.get(stat.S_IFMT(mode), "not a regular file")


def read_regular(path: Path, what: str, limit: int | None = MAX_DATA_BYTES) -> bytes:
    """A regular file's bytes; a FIFO, device, socket or folder is refused without blocking, and
    a file over ``limit`` bytes is refused without reading it all. OSError for a missing file."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused(f"{what} {str(path)!r} is {file_type(info.st_mode)}, not a regular file; not read")
        os.set_blocking(fd, True)
        chunks = []
        size = 0
        while chunk := os.read(fd, 1 << 20):
            size += len(chunk)
            if limit is not None and size > limit:
                raise TooLarge(f"{what} {str(path)!r} is larger than {limit:,} bytes; not read")
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_text(path: Path, what: str) -> str:
    """A UTF-8 data file (config, registry, pack, vocabulary), read as ``read_regular`` reads."""
    return read_regular(path, what).decode("utf-8-sig")
