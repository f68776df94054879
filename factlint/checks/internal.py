"""The internal kind: rules whose findings the engine itself reports (io, meta)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from factlint.kinds.base import Kind, Options

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.finding import Finding


class Internal(Kind[Options]):
    """Documented here, reported by the engine (unreadable files, suppressions)."""

    name = "internal"

    def check(self, doc: Document) -> Iterator[Finding]:
        return iter(())
