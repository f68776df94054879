"""Word-bounded alternations of data patterns, scanned fast with RE2 and matched exactly with re.

Lexicon patterns ("are believed to", "last month", "as also mentioned here") are long alternations
wrapped in look-arounds that keep them to whole words. Python's ``re`` must try such a pattern at
every position of the text; RE2 scans for the bare alternation in one linear pass, about twenty
times faster on news copy. RE2 has no look-arounds, so it only proposes candidate starts: the
Python pattern, look-arounds included, decides at each candidate, which keeps Python's semantics.
A full match at some position implies a bare match starting there, so no match is missed. Look-
arounds and word boundaries inside the alternation ("late(?! May)") are left out of the
candidate, which then matches more, never less; where the rest cannot be given to RE2
(back-references, the negated classes of words, spaces and digits), Python scans alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

try:  # google-re2 is a dependency; the fallback keeps factlint working without its wheel
    import re2
except ImportError:  # pragma: no cover
    re2 = None  # type: ignore[assignment]
_UNANCHORED = getattr(getattr(re2, "_Anchor", None), "UNANCHORED", None)

WORD_EDGE = r"[\w’'-]"
# Python's \w, \s and \d are Unicode-aware; RE2's are ASCII. These are the Unicode spellings.
UNICODE_CLASSES = {"w": r"\pL\pN_", "s": r"\s\v\pZ\x{85}\x{1c}-\x{1f}", "d": r"\p{Nd}"}
UNSUPPORTED = re.compile(r"\(\?[=!<]|\\[1-9bBWSDAZ]")
# What a candidate may leave out of a pattern: a look-around group (its start) or \b, \B, \A, \Z
ASSERTION = re.compile(r"\(\?<?[=!]|\\[bBAZ]")
QUANTIFIER = re.compile(r"[?*+{]")


class CandidateScan:
    """``pattern`` (Python ``re`` source) found faster: RE2 scans for ``candidate``, which must
    match wherever ``pattern`` can start (a prefix of it, without look-arounds), and ``pattern``
    decides at each candidate position. ``regex`` is the compiled pattern and ``pattern`` its
    source, as on ``re.Pattern``. ``regex`` is compiled at the first candidate: most lexicon
    patterns find none in most drafts, and Python compiles a long alternation slowly (a tenth
    of a cold start went to compiling patterns)."""

    def __init__(self, pattern: str, candidate: str) -> None:
        self.pattern = pattern
        self.candidates = re2_or_none(without_assertions(candidate))

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches ``self.regex.finditer(text)`` gives, found faster."""
        if self.candidates is None:
            yield from self.regex.finditer(text)
            return
        match_at = None
        pos = 0
        for start, end in re2_spans(self.candidates, text):
            if match_at is None:
                match_at = self.regex.match
            # RE2 reports non-overlapping matches, so a full match may start at any position up
            # to the candidate's end: try each (most fail at once, on the look-behind).
            p = max(start, pos)
            stop = max(end, start + 1)
            while p < stop:
                full = match_at(text, p)
                if full is not None and full.end() > full.start():
                    yield full
                    pos = p = full.end()
                else:
                    p += 1


class BoundedPattern(CandidateScan):
    """``(?<!edge)(?:inner)(?!edge)`` with Python semantics and an RE2 candidate scan."""

    def __init__(self, inner: str, *, edge: str = WORD_EDGE, ignore_case: bool = True) -> None:
        flags = "(?i)" if ignore_case else ""
        super().__init__(f"{flags}(?<!{edge})(?:{inner})(?!{edge})", f"{flags}(?:{inner})")


def re2_spans(compiled: object, text: str) -> Iterator[tuple[int, int]]:
    """The spans of an RE2 pattern's matches, in code points. RE2 is given UTF-8 bytes, and byte
    offsets are turned into code points here, in one pass: the str interface of the re2 module
    does that conversion at much greater cost (it doubles the time of a scan)."""
    encoded = text.encode("utf-8")
    if len(encoded) == len(text):  # ASCII: byte and code-point offsets agree
        yield from _byte_spans(compiled, encoded)
        return
    byte, char = 0, 0
    for start, end in _byte_spans(compiled, encoded):
        char += len(encoded[byte:start].decode("utf-8"))
        start_char = char
        char += len(encoded[start:end].decode("utf-8"))
        byte = end
        yield start_char, char


def _byte_spans(compiled: object, encoded: bytes) -> Iterator[tuple[int, int]]:
    """The byte spans of the pattern's matches, as ``compiled.finditer(encoded)`` gives them.
    The module's finditer builds a match object per match in Python, a third of a scan's time
    here (lexicon scans find thousands per article); its compiled pattern's own ``Match`` gives
    the spans directly. Where a version of the module lacks it, its finditer is used."""
    match = getattr(getattr(compiled, "_regexp", None), "Match", None)
    if match is None or _UNANCHORED is None:  # pragma: no cover  (another version of re2)
        for found in compiled.finditer(encoded):  # type: ignore[attr-defined]
            yield found.span()
        return
    pos, end = 0, len(encoded)
    while True:
        start, stop = match(_UNANCHORED, encoded, pos, end)[0]
        if start < 0:
            return
        yield start, stop
        if stop == pos:  # an empty match: step on by one character, as the module's finditer does
            if pos == end:
                return
            pos += 1
            while pos < end and encoded[pos] & 0xC0 == 0x80:  # not into a UTF-8 sequence
                pos += 1
        else:
            pos = stop


def re2_or_none(source: str) -> object | None:
    """``source`` compiled by RE2, or None where RE2 is missing or cannot take it."""
    if re2 is None or UNSUPPORTED.search(source):
        return None
    try:
        return re2.compile(_to_re2(source))
    except Exception:  # re2.error, or syntax RE2 does not share with Python: scan with re only
        return None


def without_assertions(source: str) -> str:
    """``source`` without its look-around groups and its \\b, \\B, \\A and \\Z: each only
    narrows where a match can be, so the result matches wherever ``source`` does (and more).
    A quantified assertion ("(?=x)?") is left in place (and RE2 is then not used)."""
    out: list[str] = []
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            escape = source[i : i + 2]
            dropped = ASSERTION.fullmatch(escape) and not QUANTIFIER.match(source, i + 2)
            out.append("" if dropped else escape)
            i += 2
        elif char == "[":
            end = _class_end(source, i)
            out.append(source[i:end])
            i = end
        elif ASSERTION.match(source, i) and not QUANTIFIER.match(source, _group_end(source, i)):
            i = _group_end(source, i)
        else:
            out.append(char)
            i += 1
    return "".join(out)


def _class_end(source: str, start: int) -> int:
    """The offset after the character class that opens at ``start`` ("[^]a-z\\]]")."""
    i = start + 1
    if source[i : i + 1] == "^":
        i += 1
    if source[i : i + 1] == "]":  # a "]" first in a class is literal
        i += 1
    while i < len(source) and source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i + 1


def _group_end(source: str, start: int) -> int:
    """The offset after the group that opens at ``start``, nested groups and classes skipped."""
    depth, i = 0, start
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(source, i)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return i


def _to_re2(source: str) -> str:
    """Spell Python's Unicode \\w, \\s and \\d the way RE2 understands them."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\" and i + 1 < len(source):
            escaped = source[i + 1]
            if escaped in UNICODE_CLASSES:
                spelled = UNICODE_CLASSES[escaped]
                out.append(spelled if in_class else f"[{spelled}]")
            else:
                out.append(source[i : i + 2])
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class and out and out[-1] != "[":
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)
