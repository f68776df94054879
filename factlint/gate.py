"""The CI gate around `factlint check`: which files, cached and parallel linting, progress,
changed lines and baselines. run.py calls these; each piece lives in its own module."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from collections import Counter

    from factlint.changed import ChangedLines
    from factlint.engine import FileResult, Runner


@dataclass(frozen=True)
class GateOptions:
    """The check flags of the gate (see `factlint check --help`)."""

    jobs: int | None = None  # None: as many as CPUs, and only when there is enough to share
    cache: bool = True
    cache_dir: str | None = None
    progress: bool = True
    diff_from: str | None = None
    baseline: str | None = None
    write_baseline: str | None = None
    output_file: str | None = None


class Gate:
    def __init__(self, runner: Runner, options: GateOptions) -> None:
        self.runner, self.options = runner, options
        self.changes: ChangedLines | None = None
        self.recorded: Counter[tuple[str, str]] | None = None
        if options.diff_from:  # each piece is imported only when asked for
            from factlint.changed import changed_lines

            self.changes = changed_lines(options.diff_from)
        if options.baseline:
            from factlint.baseline import read_baseline

            self.recorded = read_baseline(Path(options.baseline))

    def targets(self, paths: Sequence[Path]) -> list[Path]:
        """The files to lint: with --diff-from, only those changed since the revision."""
        if self.changes is None:
            return list(paths)
        from factlint.changed import changed_files

        return changed_files(self.changes, paths)

    def lint(self, paths: Sequence[Path], *, sources: bool = True) -> Iterator[FileResult]:
        """Every file's result in order: from the cache, this process or a process pool.
        ``sources=False``: results from the cache may come without the file's text."""
        from factlint.cache import Cache, cache_folder
        from factlint.parallel import lint_many
        from factlint.progress import Progress

        cache = Cache(cache_folder(self.runner, self.options.cache_dir), self.runner) if (
            self.options.cache) else None
        progress = Progress.for_terminal(len(paths), self.options.progress)
        try:
            yield from lint_many(self.runner, paths, jobs=self.options.jobs, cache=cache,
                                 progress=progress, sources=sources)
        finally:
            if progress:
                progress.close()

    def select(self, results: Sequence[FileResult]) -> bool:
        """Apply --diff-from and --baseline to the results; True when a baseline was written."""
        if self.changes is not None:
            from factlint.changed import on_changed_lines

            on_changed_lines(results, self.changes)
        if self.options.write_baseline:
            from factlint.baseline import write_baseline

            count = write_baseline(results, Path(self.options.write_baseline))
            click.echo(f"factlint: wrote {count} findings to {self.options.write_baseline}", err=True)
            return True
        if self.recorded is not None:
            from factlint.baseline import without_baselined

            without_baselined(results, self.recorded, Path(self.options.baseline or ""))
        return False
