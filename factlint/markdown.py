"""Markdown to prose segments: markdown-it-py finds the blocks, a small inline scanner keeps prose.

markdown-it-py gives block structure with line maps but no character positions for inline
content, so each inline block's raw content is located in the source line by line and then
scanned here: code spans, raw HTML, autolinks, link destinations, images and emphasis marks
are dropped; link text and plain prose are kept with their exact source offsets.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt

from factlint.document import MARKUP, URL, Link, SegmentBuilder, display_kind

if TYPE_CHECKING:
    from factlint.document import Document

HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
SPECIAL = re.compile(r"[\\`<!\[\]*_~]")
ASCII_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

_PARSER: MarkdownIt | None = None


def _parser() -> MarkdownIt:
    global _PARSER  # one parser per process: building it costs more than parsing an article
    if _PARSER is None:
        _PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return _PARSER


def parse_markdown(doc: Document, body_start: int) -> None:
    """Fill ``doc.segments``, ``doc.links`` and ``doc.comments`` from the Markdown body."""
    text = doc.text
    # Blank out front matter but keep its line count, so markdown-it's line maps stay true.
    masked = "\n" * text.count("\n", 0, body_start) + text[body_start:]
    tokens = _parser().parse(masked)
    has_title = any(s.kind == "headline" for s in doc.segments)
    body_started = False
    line_starts = doc.line_starts
    for n, token in enumerate(tokens):
        if token.type == "html_block" and token.map:
            start = line_starts[token.map[0]]
            end = line_starts[token.map[1]] if token.map[1] < len(line_starts) else len(text)
            for match in HTML_COMMENT.finditer(text, start, end):
                doc.comments.append((match.start(), match.end(), match.group(1)))
            continue
        if token.type != "inline" or not token.map:
            continue
        opener = tokens[n - 1] if n else None
        kind = "prose"
        if opener is not None and opener.type == "heading_open":
            kind = "headline" if opener.tag == "h1" and not has_title else "heading"
            has_title = has_title or kind == "headline"
        builder = SegmentBuilder(kind)
        located = _locate_lines(doc, token.content, token.map[0])
        if located is None:
            continue
        _scan_inline(doc, builder, located)
        segment = builder.build()
        if segment:
            if kind == "prose" and opener is not None and opener.type == "paragraph_open":
                segment.kind = display_kind(segment.text.strip()) or "prose"
            body_started = doc.add_body_segment(segment, body_started)
    doc.segments.sort(key=lambda s: s.source_start)


def _locate_lines(doc: Document, content: str, first_line: int) -> list[tuple[str, int, int]] | None:
    """Find each content line in the source: (line text, source offset, source line end)."""
    text, starts = doc.text, doc.line_starts
    located = []
    line_no = first_line
    for line in content.split("\n"):
        while line_no < len(starts):
            begin = starts[line_no]
            end = starts[line_no + 1] - 1 if line_no + 1 < len(starts) else len(text)
            source_line = text[begin:end].rstrip("\r")
            line_no += 1
            if not line:
                break
            trimmed = source_line.rstrip()
            if trimmed.endswith(line):
                located.append((line, begin + len(trimmed) - len(line), begin + len(source_line)))
                break
            at = source_line.find(line)
            if at != -1:
                located.append((line, begin + at, begin + len(source_line)))
                break
        else:
            return None
    return located


def _scan_inline(doc: Document, builder: SegmentBuilder, lines: list[tuple[str, int, int]]) -> None:
    """Keep the prose of an inline block, dropping markup, with exact source offsets."""
    content = "\n".join(line for line, _, _ in lines)
    positions: list[int] = []  # source offset of each content character
    for line, source, line_end in lines:
        positions.extend(range(source, source + len(line)))
        positions.append(line_end)  # the "\n" stands for the source line ending
    skip_to: dict[int, int] = {}  # link destinations to jump over when reached
    i, n = 0, len(content)
    plain_start = 0

    def flush(stop: int) -> None:
        start = plain_start
        while start < stop:
            newline = content.find("\n", start, stop)
            chunk_end = stop if newline == -1 else newline
            _add_plain(builder, positions, content, start, chunk_end)
            if newline == -1:
                break
            builder.add_break(positions[newline])
            start = newline + 1

    while i < n:
        if i in skip_to:
            flush(i)
            i = plain_start = skip_to.pop(i)
            continue
        match = SPECIAL.search(content, i)
        if match is None:
            break
        j = match.start()
        if any(i < k <= j for k in skip_to):
            j = min(k for k in skip_to if i < k <= j)
            i = j
            continue
        ch = content[j]
        end = _markup_end(doc, content, j, positions, skip_to)
        if end is None:
            i = j + 1
            continue
        flush(j)
        if ch == "\\":  # an escape: drop the backslash, keep the character
            plain_start = j + 1
            i = j + 2
        else:
            i = plain_start = end
    flush(n)


def _markup_end(
    doc: Document, s: str, j: int, positions: list[int], skip_to: dict[int, int]
) -> int | None:
    """If markup starts at ``s[j]``, return where it ends (exclusive); else None."""
    ch = s[j]
    if ch == "\\":
        return j + 2 if j + 1 < len(s) and s[j + 1] in ASCII_PUNCT else None
    if ch == "`":
        run = len(s[j:]) - len(s[j:].lstrip("`"))
        fence = "`" * run
        k = s.find(fence, j + run)
        while k != -1 and k + run < len(s) and s[k + run] == "`":
            k = s.find(fence, k + run + 1)
        return k + run if k != -1 else j + run
    if ch == "<":
        for pattern in (HTML_COMMENT, AUTOLINK, MARKUP):  # an embed's content is not prose either
            m = pattern.match(s, j)
            if m:
                if pattern is HTML_COMMENT:
                    doc.comments.append((positions[j], positions[m.end() - 1] + 1, m.group(1)))
                return m.end()
        return None
    if ch in "![":
        image = ch == "!"
        if image and not s.startswith("[", j + 1):
            return None
        open_at = j + 1 if image else j
        close = _matching(s, open_at, "[", "]")
        if close is None:
            return None
        if s.startswith("(", close + 1):
            dest_end = _matching(s, close + 1, "(", ")")
            if dest_end is None:
                return None
            if image:
                return dest_end + 1
            href = s[close + 2 : dest_end].strip().split(" ")[0].strip("<>")
            doc.links.append(Link(positions[j + 1], positions[close - 1] + 1, href))
            skip_to[close] = dest_end + 1
            return j + 1
        if s.startswith("[", close + 1):
            ref_end = _matching(s, close + 1, "[", "]")
            if ref_end is None:
                return None
            if image:
                return ref_end + 1
            doc.links.append(Link(positions[j + 1], positions[close - 1] + 1, s[close + 2 : ref_end]))
            skip_to[close] = ref_end + 1
            return j + 1
        return None
    if ch == "*" or ch == "~":
        run = len(s[j:]) - len(s[j:].lstrip(ch))
        before = s[j - 1] if j else " "
        after = s[j + run] if j + run < len(s) else " "
        if ch == "~" and run != 2:
            return None
        return j + run if not (before.isspace() and after.isspace()) else None
    if ch == "_":
        run = len(s[j:]) - len(s[j:].lstrip("_"))
        before = s[j - 1] if j else " "
        after = s[j + run] if j + run < len(s) else " "
        intraword = before.isalnum() and after.isalnum()
        return j + run if not intraword and not (before.isspace() and after.isspace()) else None
    return None


def _matching(s: str, at: int, open_ch: str, close_ch: str) -> int | None:
    depth = 0
    k = at
    while k < len(s):
        c = s[k]
        if c == "\\":
            k += 2
            continue
        if c == open_ch:
            depth += 1
        elif c == close_ch:
            depth -= 1
            if depth == 0:
                return k
        k += 1
    return None


def _add_plain(builder: SegmentBuilder, positions: list[int], s: str, start: int, end: int) -> None:
    """Add s[start:end] (one line) to the segment, leaving bare URLs out."""
    pos = start
    for match in URL.finditer(s, start, end):
        _add_run(builder, positions, s, pos, match.start())
        pos = match.end()
    _add_run(builder, positions, s, pos, end)


def _add_run(builder: SegmentBuilder, positions: list[int], s: str, start: int, end: int) -> None:
    # Characters of one content line are contiguous in the source, so one add() per run suffices.
    if start < end:
        builder.add(positions[start], s[start:end])
