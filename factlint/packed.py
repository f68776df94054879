"""Results kept for the report as pickled bytes: memory flat in the number of files.

A linted file's compacted result (its findings and the lines they are on) is 10 to 20 KB of live
Python objects but about 2 KB pickled; over an archive of 7,148 articles with grammar on that is
the difference between about 80 MB and 15 MB held until the report is written. Reading a result
back gives a fresh object, so this is only for results nobody changes after linting (the
--diff-from filter edits them in place and keeps a plain list).

A result from the cache is kept as it is: unpickling costs about 13 microseconds a finding
(a third of a second for the corpus's 18,000, twice for the text report), more than the whole
look-up, and every reporter holds all the findings at once anyway, so the report, not the
results held before it, sets the peak of a run that linted nothing (the one that pays for
holding is the run that also holds the grammar engine while it lints, and its results are
packed).
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator, Sequence
from typing import overload

from factlint.engine import FileResult
from factlint.finding import Severity


class PackedResults(Sequence[FileResult]):
    """A list of results that stores each one pickled."""

    def __init__(self) -> None:
        self._packed: list[bytes | FileResult] = []
        self._severities: list[tuple[str, set[Severity]]] = []

    def append(self, result: FileResult) -> None:
        self._packed.append(
            result if result.cached else pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        self._severities.append((result.path, {f.severity for f in result.findings}))

    def severities(self) -> list[tuple[str, set[Severity]]]:
        """Each result's path and the severities of its findings, without unpickling it (the
        exit code needs no more)."""
        return self._severities

    def __len__(self) -> int:
        return len(self._packed)

    @overload
    def __getitem__(self, index: int) -> FileResult: ...

    @overload
    def __getitem__(self, index: slice) -> list[FileResult]: ...

    def __getitem__(self, index: int | slice) -> FileResult | list[FileResult]:
        if isinstance(index, slice):
            return [_unpack(packed) for packed in self._packed[index]]
        return _unpack(self._packed[index])

    def __iter__(self) -> Iterator[FileResult]:
        return (_unpack(packed) for packed in self._packed)


def _unpack(packed: bytes | FileResult) -> FileResult:
    return packed if isinstance(packed, FileResult) else pickle.loads(packed)  # type: ignore[no-any-return]
