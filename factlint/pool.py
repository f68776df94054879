"""The process pool behind --jobs: one Runner per worker, and survival of a worker's death.

A worker that dies breaks a ProcessPoolExecutor; the files it had not finished are then rerun
one by one in a fresh single-worker pool, and the file that kills its worker again is reported as
a ``meta/worker-crash`` error.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from factlint.engine import FileResult, Runner, Source, _file_finding, decode
from factlint.parallel import Item, Work, start_worker

IN_FLIGHT_PER_JOB = 4  # files queued per worker: enough to keep it busy, memory flat


class Pool:
    """A process pool that survives a worker's death."""

    def __init__(self, jobs: int, runner: Runner, work: Work) -> None:
        self.jobs = jobs
        config = str(runner.config_path) if runner.config_path else None
        self.initargs = (runner.overrides, config)
        self.work = work
        self.pool = self._new(jobs)

    def _new(self, jobs: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            jobs, mp_context=multiprocessing.get_context("spawn"),
            initializer=start_worker, initargs=self.initargs,
        )

    def run(self, items: Sequence[Item]) -> Iterator[FileResult]:
        pending: deque[tuple[Item, Future[FileResult]]] = deque()
        try:
            for item in items:
                self._submit(pending, item)
                if len(pending) >= self.jobs * IN_FLIGHT_PER_JOB:
                    yield self._next(pending)
            while pending:
                yield self._next(pending)
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def _submit(self, pending: deque[tuple[Item, Future[FileResult]]], item: Item) -> None:
        try:
            future = self.pool.submit(self.work, item.data, item.shown, item.path)
        except BrokenProcessPool:  # a worker died since the last result was collected
            self._recover(pending)
            future = self.pool.submit(self.work, item.data, item.shown, item.path)
        pending.append((item, future))

    def _next(self, pending: deque[tuple[Item, Future[FileResult]]]) -> FileResult:
        try:
            result = pending[0][1].result()
        except BrokenProcessPool:
            self._recover(pending)
            result = pending[0][1].result()
        pending.popleft()
        return result

    def _recover(self, pending: deque[tuple[Item, Future[FileResult]]]) -> None:
        """Rerun alone every file the broken pool had not finished; then start a new pool."""
        self.pool.shutdown(wait=True, cancel_futures=True)
        redone: list[tuple[Item, Future[FileResult]]] = []
        for item, future in pending:
            if not (future.done() and not future.cancelled() and future.exception() is None):
                future = _finished(self._alone(item))
            redone.append((item, future))
        pending.clear()
        pending.extend(redone)
        self.pool = self._new(self.jobs)

    def _alone(self, item: Item) -> FileResult:
        with self._new(1) as single:
            try:
                return single.submit(self.work, item.data, item.shown, item.path).result()
            except BrokenProcessPool:
                message = "the worker process linting this file died; the file is unchecked"
                source = _decoded(item.data)
                return FileResult(item.shown, [_file_finding(item.shown, "meta/worker-crash", message)],
                                  source)


def _decoded(data: bytes | None) -> Source | None:
    if data is None:
        return None
    try:
        return decode(data)
    except UnicodeDecodeError:
        return None


def _finished(result: FileResult) -> Future[FileResult]:
    future: Future[FileResult] = Future()
    future.set_result(result)
    return future
