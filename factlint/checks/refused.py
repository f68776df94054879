"""io/refused: a path the draft names that factlint will not read (see factlint/confine.py).

Refused drafts (a symbolic link out of the repository, a FIFO or device) are reported by the
engine with the same rule id; this kind reports the draft's refused front matter ``sources``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from factlint.kinds.base import Kind, Options

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.finding import Finding


class RefusedPath(Kind[Options]):
    """One finding per declared source outside the repository root or not a regular file."""

    name = "refused"

    def check(self, doc: Document) -> Iterator[Finding]:
        if not doc.front_matter.get("sources"):
            return
        for problem in doc.analysis.source_checks.refused:
            yield self.finding(doc, problem.offset, problem.end, message=problem.message)
