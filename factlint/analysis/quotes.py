"""Quotations: spans between quotation marks, told apart from apostrophes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factlint.document import Document

OPEN_CLOSE = {"“": "”", '"': '"'}


@dataclass(frozen=True)
class Quotation:
    """A quotation: segment offsets include the marks; ``start``/``end`` are source offsets."""

    segment: int
    seg_start: int
    seg_end: int
    start: int
    end: int
    text: str
    closed: bool = True


def find_quotations(doc: Document) -> list[Quotation]:
    """Double-quoted spans in each segment (straight or curly marks)."""
    found = []
    for segment in doc.segments:
        text = segment.text
        i = 0
        while i < len(text):
            ch = text[i]
            if ch in OPEN_CLOSE:
                close = text.find(OPEN_CLOSE[ch], i + 1)
                closed = close != -1
                end = close + 1 if closed else len(text)
                s, e = segment.source_span(i, end)
                found.append(Quotation(segment.index, i, end, s, e, text[i:end], closed))
                i = end
                continue
            i += 1
    return found
