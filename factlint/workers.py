"""How many worker processes lint a run's files (--jobs): a small module, so that the command
line can tell before it loads the rest whether this process will lint (launch.py)."""

from __future__ import annotations

import os

MIN_FILES_PER_WORKER = 8  # by default, fewer files than this per worker are linted in-process


def pool_size(jobs: int | None, files: int) -> int:
    """Workers for ``files`` drafts none of which are cached (at most 1: none, this process)."""
    if jobs is None:
        return min(os.cpu_count() or 1, files // MIN_FILES_PER_WORKER)
    return min(jobs, files)


def lints_here(jobs: int | None, files: int) -> bool:
    """Whether ``files`` drafts, none of them cached, are linted in this process (no pool)."""
    return pool_size(jobs, files) <= 1
