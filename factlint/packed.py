"""Results kept for the report as pickled bytes: memory flat in the number of files.

A linted file's compacted result (its findings and the lines they are on) is 10 to 20 KB of live
Python objects but about 2 KB pickled; over an archive of 7,148 articles with grammar on that is
the difference between about 80 MB and 15 MB held until the report is written. Reading a result
back gives a fresh object, so this is only for results nobody changes after linting (the
--diff-from filter edits them in place and keeps a plain list).
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator, Sequence
from typing import overload

from factlint.engine import FileResult


class PackedResults(Sequence[FileResult]):
    """A list of results that stores each one pickled."""

    def __init__(self) -> None:
        self._packed: list[bytes] = []

    def append(self, result: FileResult) -> None:
        self._packed.append(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))

    def __len__(self) -> int:
        return len(self._packed)

    @overload
    def __getitem__(self, index: int) -> FileResult: ...

    @overload
    def __getitem__(self, index: slice) -> list[FileResult]: ...

    def __getitem__(self, index: int | slice) -> FileResult | list[FileResult]:
        if isinstance(index, slice):
            return [pickle.loads(packed) for packed in self._packed[index]]
        return pickle.loads(self._packed[index])  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[FileResult]:
        return (pickle.loads(packed) for packed in self._packed)
