"""Source documents for quote verification: read once, normalised to words, indexed.

A source becomes a list of normalised words (lower case; curly quotes, dashes and punctuation
folded away) with each word's offset in the file, so a match can name the file's line. The index
maps each word to its positions: building it is O(N) for N source words, and it is built once per
file per run (cached by path, size and modification time).
"""

from __future__ import annotations

import re
import stat
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from factlint.confine import MAX_DATA_BYTES, Refused, file_type, read_regular
from factlint.errors import FactlintError

WORD = re.compile(r"\w+(?:'\w+)*")
FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
READABLE = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")
BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "title",
    "td",
    "th",
    "dd",
    "dt",
    "pre",
}
SKIP_TAGS = {"script", "style", "noscript", "template", "head"}


def normalise(text: str) -> list[tuple[str, int, int]]:
    """Words of ``text`` as (normalised word, start, end); case, quote marks, punctuation folded."""
    folded = text.translate(FOLD).lower()
    return [(m.group(), m.start(), m.end()) for m in WORD.finditer(folded)]


@dataclass
class SourceText:
    """One source: its words, where each sits in the file, and a word -> positions index."""

    path: str  # as shown in messages (relative to the draft's folder when possible)
    text: str  # the readable text (for HTML: the text content, with its file lines kept)
    words: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # file line of each word
    index: dict[str, list[int]] = field(default_factory=dict)

    def between(self, i: int, j: int) -> str:
        """The text between the end of word i and the start of word j."""
        return self.text[self.ends[i] : self.starts[j]]

    def original(self, i: int, j: int) -> list[str]:
        """The words i..j-1 as written in the source."""
        return [self.text[self.starts[k] : self.ends[k]] for k in range(i, j)]


def build(path: str, text: str, lines_of: list[int] | None = None) -> SourceText:
    """Normalise and index a readable text; ``lines_of[k]`` = file line of character k, if given."""
    source = SourceText(path, text)
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    index: dict[str, list[int]] = defaultdict(list)
    for n, (word, start, end) in enumerate(normalise(text)):
        source.words.append(word)
        source.starts.append(start)
        source.ends.append(end)
        line = lines_of[start] if lines_of else bisect_right(line_starts, start)
        source.lines.append(line)
        index[word].append(n)
    source.index = dict(index)
    return source


def load_source(path: Path, shown: str) -> SourceText:
    """Read and index a source file (cached per path, size and modification time).

    ``path`` is already confined to the repository (confine.py); a FIFO, device or folder, or a
    file over MAX_DATA_BYTES, is refused (``Refused``) before anything is opened."""
    try:
        info = path.stat()
    except OSError as exc:
        raise FactlintError(f"source {shown!r} cannot be read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise Refused(f"source {shown!r} is {file_type(info.st_mode)}, not a regular file; not read")
    if info.st_size > MAX_DATA_BYTES:
        raise Refused(f"source {shown!r} is larger than {MAX_DATA_BYTES // (1024 * 1024)} MB; not read")
    return _load(str(path), info.st_mtime_ns, info.st_size, shown)


@lru_cache(maxsize=64)
def _load(path: str, mtime: int, size: int, shown: str) -> SourceText:
    suffix = Path(path).suffix.lower()
    if suffix not in READABLE:
        raise FactlintError(
            f"source {shown!r}: cannot read {suffix or 'extensionless'} files "
            f"(readable: {', '.join(READABLE)})"
        )
    if suffix == ".docx":
        return build(shown, _docx_text(path, shown))
    if suffix == ".pdf":
        return build(shown, _pdf_text(path, shown))
    try:
        raw = read_regular(Path(path), "source").decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise FactlintError(f"source {shown!r} cannot be read: {exc}") from None
    if suffix in (".html", ".htm"):
        text, lines = html_text(raw)
        return build(shown, text, lines)
    if suffix in (".md", ".markdown"):
        return build(shown, _markdown_text(raw, shown))
    return build(shown, raw)


class _TextParser(HTMLParser):
    """Collects an HTML page's text with the file line of every character."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.lines: list[int] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS:
            self.skip += 1
        elif tag in BLOCK_TAGS:
            self._add("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK_TAGS:
            self._add("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self._add(data)

    def _add(self, text: str) -> None:
        line = self.getpos()[0]
        # Characters of a data chunk that spans lines get the line they are on.
        for k, piece in enumerate(text.split("\n")):
            if k:
                self.parts.append("\n")
                self.lines.append(line + k - 1)
            self.parts.append(piece)
            self.lines.extend([line + k] * len(piece))


def html_text(raw: str) -> tuple[str, list[int]]:
    """The text of an HTML page (stdlib html.parser) and the file line of each character."""
    parser = _TextParser()
    parser.feed(raw)
    parser.close()
    return "".join(parser.parts), parser.lines


def _markdown_text(raw: str, shown: str) -> str:
    """Markdown source: link destinations and markup do not count as words, lines are kept."""
    # Blank out link destinations and emphasis marks in place, so offsets and lines stay exact.
    text = re.sub(r"\]\([^)]*\)", lambda m: " " * len(m.group()), raw)
    return re.sub(r"[*_`#>]", " ", text)


def _docx_text(path: str, shown: str) -> str:
    try:
        import docx  # python-docx, optional: pip install 'factlint[sources]'
    except ImportError:
        raise FactlintError(
            f"source {shown!r}: reading .docx needs python-docx (pip install 'factlint[sources]')"
        ) from None
    return "\n".join(p.text for p in docx.Document(path).paragraphs)


def _pdf_text(path: str, shown: str) -> str:
    try:
        from pypdf import PdfReader  # optional: pip install 'factlint[sources]'
    except ImportError:
        raise FactlintError(
            f"source {shown!r}: reading .pdf needs pypdf (pip install 'factlint[sources]')"
        ) from None
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
