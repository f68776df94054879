"""Lint many files: cache lookups first, then the misses in this process or in a process pool.

Results come back in the order of the paths, whatever the number of jobs. The pool has one Runner
per worker (built by the initializer); a worker that dies breaks the pool, so the files it held
are retried one by one in a fresh single-worker pool and the file that kills its worker again is
reported as a ``meta/worker-crash`` error, the others linted as usual.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from factlint import prebuild
from factlint.engine import FileResult, Runner, decode
from factlint.workers import MIN_FILES_PER_WORKER, pool_size

if TYPE_CHECKING:
    from factlint.cache import Cache
    from factlint.config import Overrides
    from factlint.progress import Progress

Work = Callable[[bytes | None, str, Path], FileResult]


@dataclass
class Item:
    """One file to lint: what was read, its cache key, and the result once known."""

    path: Path
    shown: str
    data: bytes | None  # None: not readable (linting it reports io/unreadable)
    key: str | None = None
    result: FileResult | None = None


def lint_many(
    runner: Runner, paths: Sequence[Path], *, jobs: int | None = 1, cache: Cache | None = None,
    progress: Progress | None = None, work: Work | None = None, sources: bool = True,
) -> Iterator[FileResult]:
    """The result of every path, in order; ``work`` replaces the worker function (tests).

    ``jobs=None`` is the default of the command line: a worker per CPU, but only as many as have
    MIN_FILES_PER_WORKER files to lint (a worker's start-up costs more than a few files).
    ``sources=False``: the caller needs no file's text, only its findings and the lines they are
    on, so a cached file the stat index vouches for is not read at all.
    """
    items: list[Item] = []
    for path in paths:
        item = _look_up(runner, cache, path, sources)
        if item.result is None and not prebuild.started() and _lints_here_first(
                jobs, len(items), len(paths)) and runner.linter_for(path).wants_harper:
            prebuild.start()  # Harper's dictionary builds while the other files are looked up
        items.append(item)
    if cache is not None:
        cache.save_index()
    misses = [item for item in items if item.result is None]
    if progress:
        progress.advance(len(items) - len(misses))
    if jobs is None and misses and _one_server(runner, misses[0].path):
        jobs = 1
    workers = pool_size(jobs, len(misses))
    if workers <= 1 and misses and runner.linter_for(misses[0].path).wants_harper:
        prebuild.start()  # (if not started yet) while the first file's other rules run

    def done(item: Item, result: FileResult) -> None:  # as each file is linted, in any order
        if cache is not None and item.key is not None and result.source is not None:
            cache.put(item.key, result.findings, result.finding_lines())
        if progress:
            progress.advance()

    if workers > 1:
        from factlint.pool import Pool  # the process machinery only when it is used

        pool = Pool(workers, runner, work or lint_in_worker)
        linted: Iterator[FileResult] = pool.run(misses, done)
    else:
        linted = (_lint_and_store(runner, item, done) for item in misses)
    for item in items:
        if item.result is None:
            item.result = next(linted)
        yield item.result
        item.result = item.data = None  # memory flat: the caller keeps what it needs


def _lints_here_first(jobs: int | None, looked_up: int, files: int) -> bool:
    """At the first cache miss: whether this process will most likely lint it itself, so the
    grammar engine is worth preparing before the look-ups end. Yes with --jobs 1 or too few
    files to share; by default, also when at least MIN_FILES_PER_WORKER files per CPU came from
    the cache before it (an incremental run, where a few files changed). An incremental run
    that finds enough misses to start a pool after all has then built a dictionary it does not
    use (about half a second of another core, and Harper's memory in this process)."""
    if jobs == 1 or files < 2 * MIN_FILES_PER_WORKER:
        return True
    return jobs is None and looked_up >= MIN_FILES_PER_WORKER * (os.cpu_count() or 1)


def _one_server(runner: Runner, path: Path) -> bool:
    """LanguageTool is a server that checks in parallel itself: by default a run starts one and
    lints in-process, instead of a server (about 1 GB) per worker. ``--jobs N`` still forks."""
    return runner.linter_for(path).settings.config.grammar.backend == "languagetool"




def _look_up(runner: Runner, cache: Cache | None, path: Path, sources: bool = True) -> Item:
    shown = str(path)
    if cache is not None and not sources and not runner.has_problem(path):
        key = cache.indexed_key(shown, path)  # unchanged since it was last read: not read again
        found = cache.get_with_lines(key) if key is not None else None
        if found is not None:
            item = Item(path, shown, None, key)
            item.result = FileResult(shown, found[0], lines=found[1], cached=True)
            return item
    info = cache.stat_before_read(path) if cache is not None else None
    data = runner.read_file(path, shown)  # confined and size-limited, as lint_file reads
    if isinstance(data, FileResult):  # refused, too large or unreadable: reported, not linted
        item = Item(path, shown, None)
        item.result = data
        return item
    item = Item(path, shown, data)
    if cache is not None:
        item.key = cache.keyed(data, shown, path, info)
        found = cache.get_with_lines(item.key)
        if found is not None:
            findings, lines = found
            item.result = (FileResult(shown, findings, decode(data), cached=True) if sources
                           else FileResult(shown, findings, lines=lines, cached=True))
    return item


def _lint_and_store(runner: Runner, item: Item, done: Callable[[Item, FileResult], None]) -> FileResult:
    result = _lint_here(runner, item)
    done(item, result)
    return result


def _lint_here(runner: Runner, item: Item) -> FileResult:
    result = runner.lint_file(item.path) if item.data is None else runner.lint_bytes(
        item.data, item.shown, item.path)
    result.extra = {}  # the parsed document is not kept: memory stays flat in the number of files
    return result


# -- the worker side ---------------------------------------------------------------------------
_RUNNER: Runner | None = None


def start_worker(overrides: Overrides, config_path: str | None) -> None:
    global _RUNNER
    import multiprocessing

    from factlint.watchdog import exit_with_parent

    parent = multiprocessing.parent_process()
    if parent is not None and parent.pid is not None:
        exit_with_parent(parent.pid)
    _RUNNER = Runner(overrides, config_path)


def lint_in_worker(data: bytes | None, shown: str, path: Path) -> FileResult:
    """Lint one file with this worker's Runner; the result travels back without its document."""
    assert _RUNNER is not None, "worker not initialised"
    return _lint_here(_RUNNER, Item(path, shown, data))
