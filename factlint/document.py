"""The document model: a draft parsed once into prose segments with exact offset maps.

Every position factlint reports is an offset into ``Document.text`` (the file as read, BOM removed,
line endings unchanged), converted to 1-based line and code-point column on output.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from factlint.limits import Budget

if TYPE_CHECKING:
    from factlint.analysis import Analysis
    from factlint.confine import ReadPolicy

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
PROSE_FRONT_MATTER_KEYS = {"title": "headline", "headline": "headline", "description": "prose"}
FRONT_MATTER_FENCE = re.compile(r"\A---[ \t]*\r?\n")
FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]\"“”]+[^\s<>()\[\]\"“”.,;:!?'’]")
LONE_CR = re.compile(r"\r(?!\n)")
SENTENCE_END = re.compile(r"[.!?…:]['\"’”)\]]*\s*$")
# Markup in plain text (web exports): embeds whose content is not prose either, then any tag.
EMBED_NAMES = "tweet|iframe|script|style|embed|object|video|audio|svg|noscript|figure|table|form"
MARKUP = re.compile(
    # an embed's content stops at the next tag of its name, so a run of unclosed tags is read
    # once, not once per tag (nested embeds of one name are not expected in web exports)
    rf"<(?P<embed>{EMBED_NAMES})\b[^<>]*(?<!/)>(?:(?!<(?P=embed)\b).){{0,20000}}?</(?P=embed)\s*>"
    r"|</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|<!--.*?-->",
    re.DOTALL | re.IGNORECASE,
)
# Display type in plain text and Markdown paragraphs: bylines, captions, short subheads, and a
# dateline at the start of the first paragraph ("LONDON (Reuters) - ", "BUENOS AIRES, Feb 26 - ").
BYLINE = re.compile(r"(?i:by)\s+[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|de|van|von)){0,5}(?:\s*[,|–—-]\s*[^\n]{0,60})?\s*$")
CAPTION = re.compile(r"(?i:image caption|caption|photo(?:graph)?|picture|pictured|illustration|video)\s*[:|–—-]")
SUBHEAD_WORDS = 12
# The place is in capitals ("ST. LOUIS, Mo., March 3 - "), or in title case before an agency or a
# date ("New York, March 3 - ", "Caracas, Feb 26 - "); a state, province or country may follow it
# ("BERKELEY, Calif., Oct 19 - ", "SOWETO, South Africa, March 2 - ").
_REGION = r"(?:\s*,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)"
_DAY = (r"(?:\s*,)?\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?")
DATELINE = re.compile(
    r"(?:(?:[A-Z]{2}\.?\s+)?[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,3}"
    rf"(?:{_REGION}{{0,2}}{_DAY}|{_REGION}(?:\s+\d{{1,2}})?)?"
    r"(?:\s+\([A-Z][\w. -]{1,30}\))?"
    r"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}"
    rf"(?:{_REGION}?\s+\((?:Reuters|AP|AFP|PA|UPI|Bloomberg|dpa|CP)\)|{_REGION}{{0,2}}{_DAY}))"
    r"\s+[-–—]{1,2}\s+(?!\d)"  # "March 3 - 5" is a range
)


@dataclass(frozen=True)
class Link:
    """A Markdown link: the source span of its visible text and its destination."""

    start: int
    end: int
    href: str


@dataclass
class Segment:
    """A run of prose (a paragraph, heading or front-matter value) with a map back to the source.

    ``text`` is what rules read; ``run_starts[k]`` is where run k begins in ``text`` and
    ``run_sources[k]`` where it begins in the source. Markup removed from the prose (link
    destinations, code spans, emphasis marks) breaks a run, so offsets stay exact.
    """

    kind: str  # "headline" | "heading" | "prose"
    text: str
    run_starts: list[int]
    run_sources: list[int]
    index: int = 0
    line_end: int = -1  # source offset of the segment's end

    def source_offset(self, i: int) -> int:
        """Map an offset in ``text`` to an offset in the document source."""
        if i >= len(self.text):
            return self.source_end
        k = bisect_right(self.run_starts, i) - 1
        return self.run_sources[k] + (i - self.run_starts[k])

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) range of ``text`` to the source."""
        if end <= start:
            s = self.source_offset(start)
            return s, s
        return self.source_offset(start), self.source_offset(end - 1) + 1

    @property
    def source_start(self) -> int:
        return self.run_sources[0] if self.run_sources else 0

    def split_dateline(self) -> Segment | None:
        """Split a dateline ("LONDON (Reuters) - ") off the start of this segment: return it as a
        segment of its own and keep the rest here, offsets unchanged; None when there is none."""
        match = DATELINE.match(self.text)
        if match is None or match.end() >= len(self.text):
            return None
        at = match.end()
        head = SegmentBuilder("dateline")
        head.add(self.source_offset(0), self.text[: len(match.group().rstrip())])
        k = bisect_right(self.run_starts, at) - 1
        starts = [at] + [r for r in self.run_starts[k + 1 :]]
        sources = [self.source_offset(at)] + self.run_sources[k + 1 :]
        self.text = self.text[at:]
        self.run_starts = [r - at for r in starts]
        self.run_sources = sources
        return head.build()

    @property
    def source_end(self) -> int:
        return self.source_offset(len(self.text) - 1) + 1 if self.text else self.source_start


class SegmentBuilder:
    """Collects source slices into one segment, recording where each run came from."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.parts: list[str] = []
        self.run_starts: list[int] = []
        self.run_sources: list[int] = []
        self.length = 0
        self._next_source = -1

    def add(self, source_start: int, text: str) -> None:
        """Append ``text`` that sits at ``source_start`` in the source."""
        if not text:
            return
        if source_start != self._next_source:
            self.run_starts.append(self.length)
            self.run_sources.append(source_start)
        self.parts.append(text)
        self.length += len(text)
        self._next_source = source_start + len(text)

    def add_break(self, source_start: int) -> None:
        """Append a line break that stands for the source line ending at ``source_start``."""
        self.run_starts.append(self.length)
        self.run_sources.append(source_start)
        self.parts.append("\n")
        self.length += 1
        self._next_source = -1

    def build(self) -> Segment | None:
        text = "".join(self.parts)
        if not text.strip():
            return None
        return Segment(self.kind, text, self.run_starts, self.run_sources)


@dataclass
class Document:
    """One draft: its source text and the prose segments parsed from it."""

    path: str
    text: str
    is_markdown: bool = False
    bom: bool = False
    front_matter: dict[str, Any] = field(default_factory=dict)
    front_matter_error: str | None = None
    segments: list[Segment] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    comments: list[tuple[int, int, str]] = field(default_factory=list)  # HTML comments (start, end, body)
    reads: ReadPolicy | None = None  # what the draft may read (front matter sources); set by the engine
    budget: Budget = field(default_factory=Budget)  # set by the engine: time left, parts skipped

    @classmethod
    def parse(cls, text: str, path: str = "-", *, markdown: bool | None = None) -> Document:
        """Parse ``text`` (already decoded) into a document. ``markdown`` defaults from the suffix."""
        bom = text.startswith("\ufeff")
        if bom:
            text = text[1:]
        if markdown is None:
            markdown = PurePath(path).suffix.lower() in MARKDOWN_SUFFIXES
        # A lone CR ends a line (old Mac files; markdown-it reads it so): parse the text with
        # each one as LF, a one-for-one swap that keeps every offset, then keep the original.
        doc = cls(path=path, text=lf_line_ends(text), is_markdown=markdown, bom=bom)
        body_start = doc._parse_front_matter() if markdown else 0
        if markdown:
            from factlint.markdown import parse_markdown

            parse_markdown(doc, body_start)
        else:
            doc._parse_plain_text()
        for i, segment in enumerate(doc.segments):
            segment.index = i
        doc.text = text
        return doc

    # -- positions -------------------------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        find = lf_line_ends(self.text).find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and code-point column of a source offset."""
        line = bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line ending."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    @cached_property
    def analysis(self) -> Analysis:
        """Shared, lazily computed facts about this document (sentences, quotations, ...)."""
        from factlint.analysis import Analysis

        return Analysis(self)

    # -- parsing ---------------------------------------------------------------------------
    def _parse_front_matter(self) -> int:
        fence = FRONT_MATTER_FENCE.match(self.text)
        if not fence:
            return 0
        end = FRONT_MATTER_END.search(self.text, fence.end())
        if not end:
            return 0
        import yaml

        yaml_text = self.text[fence.end() : end.start()]
        try:
            node = yaml.compose(yaml_text, Loader=_yaml_loader())
            data = yaml.load(yaml_text, Loader=_yaml_loader()) if node is not None else {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"line {mark.line + 2}: " if mark is not None else ""
            self.front_matter_error = f"front matter is not valid YAML: {where}{_first_line(exc)}"
            return end.end()
        if not isinstance(data, dict):
            self.front_matter_error = "front matter must be a mapping of keys to values"
            return end.end()
        self.front_matter = data
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                kind = PROSE_FRONT_MATTER_KEYS.get(str(key_node.value))
                if kind and isinstance(value_node, yaml.ScalarNode):
                    self._add_front_matter_value(kind, value_node, fence.end(), yaml_text)
        return end.end() + (1 if self.text[end.end() : end.end() + 1] == "\n" else 0)

    def _add_front_matter_value(self, kind: str, node: Any, base: int, yaml_text: str) -> None:
        start, stop = node.start_mark.index, node.end_mark.index
        raw = yaml_text[start:stop]
        quoted = node.style in ("'", '"')
        inner = raw[1:-1] if quoted else raw
        if inner != node.value:  # folded, escaped or multi-line value: position is unreliable
            return
        builder = SegmentBuilder(kind)
        builder.add(base + start + (1 if quoted else 0), inner)
        segment = builder.build()
        if segment:
            self.segments.append(segment)

    def _parse_plain_text(self) -> None:
        text = self.text
        masked = [m.span() for m in MARKUP.finditer(text)] if "<" in text else []
        paragraphs: list[tuple[int, int]] = []
        pos = 0
        for match in BLANK_LINE.finditer(text):
            paragraphs.append((pos, match.start()))
            pos = match.end()
        paragraphs.append((pos, len(text)))
        first, body_started = True, False  # the first prose paragraph may open with a dateline
        for start, end in paragraphs:
            chunk = text[start:end]
            if not chunk.strip() or _all_masked(masked, start, end, chunk):
                continue
            is_headline = (
                first and "\n" not in chunk.strip() and len(paragraphs) > 1
                and not SENTENCE_END.search(chunk)
            )
            kind = "headline" if is_headline else display_kind(chunk.strip()) or "prose"
            first = False
            builder = SegmentBuilder(kind)
            self._add_lines(builder, start, chunk, masked)
            segment = builder.build()
            if segment:
                body_started = self.add_body_segment(segment, body_started)

    def add_body_segment(self, segment: Segment, body_started: bool) -> bool:
        """Append a segment, splitting a dateline off the first prose paragraph; returns whether
        the body has started."""
        if segment.kind in ("prose", "heading") and not body_started:
            # a short first paragraph ("SANTA CLARA, Calif., March 24 - March Eight") is read as a
            # subhead, but its dateline is one all the same
            dateline = segment.split_dateline()
            if dateline:
                self.segments.append(dateline)
        self.segments.append(segment)
        return body_started or segment.kind == "prose"

    def _add_lines(
        self, builder: SegmentBuilder, start: int, chunk: str, masked: list[tuple[int, int]] = ()  # type: ignore[assignment]
    ) -> None:
        """Add a chunk of plain lines, URLs and markup removed, line endings as single breaks."""
        offset = start
        lines = chunk.split("\n")
        for n, line in enumerate(lines):
            body = line.rstrip("\r")
            stripped = body.strip()
            lead = len(body) - len(body.lstrip())
            if stripped:
                for piece_start, piece in _unmasked(masked, offset + lead, stripped):
                    add_prose(builder, piece_start, piece)
            if n < len(lines) - 1:
                builder.add_break(offset + len(body))
            offset += len(line) + 1


def display_kind(paragraph: str) -> str | None:
    """A paragraph that is display type, not prose: a byline, a caption or a subhead."""
    if "\n" in paragraph:
        return None
    if CAPTION.match(paragraph):
        return "caption"
    if BYLINE.match(paragraph) and len(paragraph.split()) <= 10:
        return "byline"
    if (
        len(paragraph.split()) <= SUBHEAD_WORDS and paragraph[:1].isupper()
        and not SENTENCE_END.search(paragraph) and not paragraph.rstrip().endswith((",", ";", "”", '"'))
    ):
        return "heading"
    return None


def _unmasked(masked: list[tuple[int, int]], start: int, text: str) -> list[tuple[int, str]]:
    """The pieces of ``text`` (at ``start`` in the source) outside the masked spans."""
    end = start + len(text)
    k = bisect_right(masked, (start, float("inf"))) - 1
    k = max(k, 0)
    pieces, pos = [], start
    while k < len(masked) and masked[k][0] < end:
        m_start, m_end = masked[k]
        if m_end > pos:
            if m_start > pos:
                pieces.append((pos, text[pos - start : m_start - start]))
            pos = max(pos, m_end)
        k += 1
    if pos < end:
        pieces.append((pos, text[pos - start :]))
    return [(s, t) for s, t in pieces if t.strip()]


def _all_masked(masked: list[tuple[int, int]], start: int, end: int, chunk: str) -> bool:
    return bool(masked) and not _unmasked(masked, start, chunk)


def lf_line_ends(text: str) -> str:
    """``text`` with each lone CR (not followed by LF) turned into LF: same length, same offsets."""
    return LONE_CR.sub("\n", text) if "\r" in text else text


def add_prose(builder: SegmentBuilder, start: int, text: str) -> None:
    """Add plain prose, leaving out bare URLs (they are not prose)."""
    if "http" not in text and "www." not in text:  # no URL can start here: skip the regex scan
        builder.add(start, text)
        return
    pos = 0
    for match in URL.finditer(text):
        builder.add(start + pos, text[pos : match.start()])
        pos = match.end()
    builder.add(start + pos, text[pos:])


def _yaml_loader() -> Any:
    from factlint.yamlpos import LOADER

    return LOADER


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


MONTH_PREFIXES = "jan feb mar apr may jun jul aug sep oct nov dec".split()
DATELINE_DAY = re.compile(
    r",\s+(?P<month>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec))[a-z]*\.?\s+"
    r"(?P<day>\d{1,2})\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
)


def dateline_date(doc: Document, today: dt.date) -> dt.date | None:
    """The day a dateline gives ("WASHINGTON, Nov. 24 (AP) —"), in its year if it has one, else
    the latest such day not after ``today``."""
    dateline = next((s for s in doc.segments[:3] if s.kind == "dateline"), None)
    match = DATELINE_DAY.search(dateline.text) if dateline is not None else None
    if match is None:
        return None
    month = MONTH_PREFIXES.index(match["month"].lower()[:3]) + 1
    day = int(match["day"])
    # without a year: this year or an earlier one (four back, for 29 February)
    years = [int(match["year"])] if match["year"] else range(today.year, today.year - 5, -1)
    for year in years:
        try:
            found = dt.date(year, month, day)
        except ValueError:
            continue
        if match["year"] or found <= today:
            return found
    return None


ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: object) -> dt.date | None:
    """A date from front matter or a flag: a YAML date, a datetime, or text starting YYYY-MM-DD."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and (match := ISO_DATE.match(value)):
        try:
            return dt.date(*map(int, match.groups()))
        except ValueError:
            return None
    return None


def story_date(doc: Document, as_of: str | None) -> tuple[dt.date, str] | None:
    """The story's date and where it comes from: front matter ``date``, else ``--as-of``, else
    the day of its dateline ("NEW YORK, Nov 24 (Reuters) -": wire copy is dated by it); None
    when the draft is not dated (the rules then say so, or read it against today)."""
    if (day := parse_date(doc.front_matter.get("date"))) is not None:
        return day, "front matter"
    if (day := parse_date(as_of)) is not None:
        return day, "--as-of"
    if (day := dateline_date(doc, dt.date.today())) is not None:
        return day, "dateline"
    return None

