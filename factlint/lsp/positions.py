"""Code-point offsets to LSP positions and back, in the negotiated position encoding.

factlint reports spans as code-point offsets; an LSP position is a 0-based line (lines end at
``\\n``, ``\\r\\n`` or ``\\r``) and a character counted in UTF-16 code units (the default), UTF-8
bytes or UTF-32 code points (code points).
"""

from __future__ import annotations

import re
from bisect import bisect_right

LINE_END = re.compile(r"\r\n|\r|\n")
UNIT_CODECS = {"utf-8": "utf-8", "utf-16": "utf-16-le", "utf-32": None}


class LineIndex:
    """Line starts of one text, for converting offsets to (line, character) in one encoding."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.codec = UNIT_CODECS.get(str(encoding), "utf-16-le")
        self.starts = [0] + [m.end() for m in LINE_END.finditer(text)]

    def units(self, chunk: str) -> int:
        """How many code units of the encoding ``chunk`` takes."""
        if self.codec is None or chunk.isascii():
            return len(chunk)
        size = len(chunk.encode(self.codec, "surrogatepass"))
        return size // 2 if self.codec == "utf-16-le" else size

    def position(self, offset: int) -> tuple[int, int]:
        """The 0-based line and character (in code units) of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        return line, self.units(self.text[self.starts[line] : offset])

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of an LSP position (clamped to its line and the text)."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        body = LINE_END.sub("", self.text[start:end])
        if self.codec is None or body.isascii():
            return start + min(character, len(body))
        count = 0
        for i, ch in enumerate(body):
            if count >= character:
                return start + i
            count += self.units(ch)
        return start + len(body)
