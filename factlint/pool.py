"""The process pool behind --jobs: one Runner per worker, and survival of a worker's death.

A worker that dies breaks a ProcessPoolExecutor; the files it had not finished are then rerun
one by one in a fresh single-worker pool, and the file that kills its worker again is reported as
a ``meta/worker-crash`` error.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from factlint.engine import FileResult, Runner, Source, _file_finding, decode
from factlint.parallel import Item, Work, start_worker

IN_FLIGHT_PER_JOB = 4  # files queued per worker: enough to keep it busy, memory flat

Done = Callable[[Item, FileResult], None]


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

    def run(self, items: Sequence[Item], done: Done) -> Iterator[FileResult]:
        """Every item's result in the order of ``items``; ``done`` is called as each arrives.

        Files are handed out longest first, so the last ones to finish are short and the workers
        end together; a result waits until those before it are in.
        """
        queue = deque(sorted(range(len(items)), key=lambda i: -len(items[i].data or b"")))
        pending: dict[int, Future[FileResult]] = {}
        results: dict[int, FileResult] = {}
        try:
            for index in range(len(items)):
                while index not in results:
                    while queue and len(pending) < self.jobs * IN_FLIGHT_PER_JOB:
                        i = queue.popleft()
                        pending[i] = self._submit(items, pending, results, i)
                    self._collect(items, pending, results, done)
                yield results.pop(index)
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def _submit(self, items: Sequence[Item], pending: dict[int, Future[FileResult]],
                results: dict[int, FileResult], i: int) -> Future[FileResult]:
        item = items[i]
        try:
            return self.pool.submit(self.work, item.data, item.shown, item.path)
        except BrokenProcessPool:  # a worker died since the last result was collected
            self._recover(items, pending, results)
            return self.pool.submit(self.work, item.data, item.shown, item.path)

    def _collect(self, items: Sequence[Item], pending: dict[int, Future[FileResult]],
                 results: dict[int, FileResult], done: Done) -> None:
        """Wait for at least one file to finish; a broken pool reruns its files alone."""
        wait(pending.values(), return_when=FIRST_COMPLETED)
        finished = [i for i, future in pending.items() if future.done()]
        if any(isinstance(pending[i].exception(), BrokenProcessPool) for i in finished):
            finished = list(pending)
            self._recover(items, pending, results)
        else:
            results.update((i, pending.pop(i).result()) for i in finished)
        for i in finished:
            done(items[i], results[i])

    def _recover(self, items: Sequence[Item], pending: dict[int, Future[FileResult]],
                 results: dict[int, FileResult]) -> None:
        """Rerun alone every file the broken pool had not finished; then start a new pool."""
        self.pool.shutdown(wait=True, cancel_futures=True)
        for i, future in pending.items():
            ok = future.done() and not future.cancelled() and future.exception() is None
            results[i] = future.result() if ok else self._alone(items[i])
        pending.clear()
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
