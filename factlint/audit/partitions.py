"""Group an archive's files into partitions: contiguous runs of files of about a target size.

A partition's key is a hash of its file list, so the same archive gives the same keys on every
run (``--resume`` skips the keys already written) and a retried task writes the same file.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

# About 500 KB of text (~250 news articles: ~0.4 s with grammar off, ~1 min with grammar on):
# long enough that the scheduler's cost per task (a few ms) is small, short enough to balance
# the workers at the end of a run and that a lost worker loses little work.
TARGET_BYTES = 500_000
MAX_FILES = 2_000


@dataclass(frozen=True)
class Partition:
    """A run of files linted by one task: ``key`` names its output files."""

    key: str
    paths: tuple[str, ...]
    size: int


def partitions(paths: Iterable[str], target_bytes: int = TARGET_BYTES,
               max_files: int = MAX_FILES) -> Iterator[Partition]:
    """Partitions of ``paths`` in order, each about ``target_bytes`` (at least one file)."""
    batch: list[str] = []
    size = 0
    index = 0
    for path in paths:
        batch.append(path)
        size += _size(path)
        if size >= target_bytes or len(batch) >= max_files:
            yield _partition(index, batch, size)
            index, batch, size = index + 1, [], 0
    if batch:
        yield _partition(index, batch, size)


def _partition(index: int, batch: list[str], size: int) -> Partition:
    digest = hashlib.sha1("\n".join(batch).encode("utf-8", "surrogateescape")).hexdigest()[:12]
    return Partition(f"part-{index:06d}-{digest}", tuple(batch), size)


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # unreadable: the worker reports it as io/unreadable
