"""Quote verification: each speech quotation of a draft matched against its declared sources.

Matching compares normalised words (case, quote marks, dashes and punctuation folded). In the
draft, "…" or "..." is a gap (any number of source words, up to ``MAX_GAP``) and a [bracketed]
phrase is an editorial insertion (it stands for up to ``MAX_INSERTION`` source words, or none).

Cost: sources are indexed once (O(N) words, see sources.py). For a quotation of q words, exact
matching probes the positions of its rarest word (r of them) at O(q) each, and the closest-passage
search votes with the positions of the quotation's words, capped at ``MAX_POSTINGS`` per word,
then aligns one window of O(q) words with difflib: O(q·r + q·MAX_POSTINGS + q²) per quotation,
independent of the source length N. No quotation is compared with the whole source.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from factlint.confine import Refused, policy
from factlint.errors import FactlintError
from factlint.facts.sources import SourceText, load_source, normalise

if TYPE_CHECKING:
    from factlint.analysis.quotes import Quotation
    from factlint.document import Document

MAX_GAP = 400
MAX_INSERTION = 8
MAX_POSTINGS = 2000
MIN_WORDS = 4
MISMATCH_RATIO = 0.6
QUALIFIERS = frozenset(
    {
        "but",
        "except",
        "unless",
        "not",
        "although",
        "though",
        "however",
        "only",
        "until",
        "yet",
        "if",
        "provided",
        "without",
    }
)
MARKER = re.compile(r"(…|\.\s?\.\s?\.|\[[^\]]*\])")
QUOTE_MARKS = "\"“”„‘’'«»"
Status = Literal["verified", "mismatch", "unverified", "truncated"]
GAP, INSERT = "\x00gap", "\x00insert"


@dataclass(frozen=True)
class QuoteCheck:
    """The verdict for one quotation: ``start``/``end`` are the source offsets of its words."""

    quotation: Quotation
    start: int
    end: int
    status: Status
    source: str | None = None
    line: int | None = None
    detail: str = ""  # the word diff (mismatch) or the qualifier that follows (truncated)


@dataclass(frozen=True)
class SourceProblem:
    """A declared source that cannot be used, at the offset of its name in the draft."""

    offset: int
    end: int
    message: str


@dataclass(frozen=True)
class SourceChecks:
    """Every verdict for one document, and the sources that could not be read."""

    declared: tuple[str, ...]
    checks: tuple[QuoteCheck, ...]
    problems: tuple[SourceProblem, ...]
    refused: tuple[SourceProblem, ...] = ()  # outside the repository, not a regular file, too large


def declared_sources(doc: Document) -> list[str]:
    """The ``sources:`` of the front matter: a path or a list of paths, relative to the draft."""
    value = doc.front_matter.get("sources")
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value if isinstance(v, (str, int, float))]
    return []


def is_speech(doc: Document, quotation: Quotation) -> bool:
    """Words someone said, to verify: speech, or a partial quotation attributed to a speaker.

    The shared analysis classes each quotation; a ``term`` of ``MIN_WORDS`` words or more that
    has an attribution ("He said that “the coalition has never been stronger”") counts too.
    """
    if quotation.kind == "speech":
        return True
    long_enough = quotation.closed and len(normalise(quotation.text)) >= MIN_WORDS
    return long_enough and doc.analysis.attributions[quotation.index] is not None


def check_document(doc: Document) -> SourceChecks:
    """Verify each speech quotation of ``doc`` against the sources its front matter declares."""
    declared = declared_sources(doc)
    if not declared:
        return SourceChecks((), (), ())
    base = Path(doc.path).parent if doc.path not in ("-", "") else Path.cwd()
    reads = doc.reads or policy(None, base)  # no config known: the draft's own repository
    sources: list[SourceText] = []
    problems: list[SourceProblem] = []
    refused: list[SourceProblem] = []
    for name in declared:
        try:
            sources.append(load_source(reads.confine(base / name, "source"), name))
        except FactlintError as exc:
            at = doc.text.find(name)
            problem = SourceProblem(max(at, 0), max(at, 0) + (len(name) if at >= 0 else 0), str(exc))
            (refused if isinstance(exc, Refused) else problems).append(problem)
    checks = []
    for quotation in doc.analysis.quotations:
        if is_speech(doc, quotation) and sources:
            checks.append(verify(quotation, sources, doc))
    return SourceChecks(tuple(declared), tuple(checks), tuple(problems), tuple(refused))


def verify(
    quotation: Quotation, sources: list[SourceText], doc: Document | None = None
) -> QuoteCheck:
    """Match one quotation: verified, truncated, mismatch (closest passage) or unverified.

    The verdict's span is the quotation's words without its marks, mapped through the segment
    when ``doc`` is given (a quotation over several Markdown lines).
    """
    inner = quotation.text
    lead = len(inner) - len(inner.lstrip(QUOTE_MARKS))
    body = inner.strip(QUOTE_MARKS)
    words = len(body.rstrip())
    if doc is not None:
        segment = doc.segments[quotation.segment]
        start, end = segment.source_span(
            quotation.seg_start + lead, quotation.seg_start + lead + words
        )
    else:
        start, end = quotation.start + lead, quotation.start + lead + words
    items, draft = parse_quote(body)
    for source in sources:
        found = exact(items, source)
        if found is not None:
            first, last = found
            qualifier = _qualifier_after(source, last)
            status: Status = "truncated" if qualifier else "verified"
            return QuoteCheck(
                quotation, start, end, status, source.path, source.lines[first], qualifier or ""
            )
    best = closest(items, draft, sources)
    if best is not None:
        source, first, diff = best
        return QuoteCheck(quotation, start, end, "mismatch", source.path, source.lines[first], diff)
    return QuoteCheck(quotation, start, end, "unverified")


def parse_quote(body: str) -> tuple[list[str], list[str]]:
    """Normalised words of a draft quotation, with GAP for an ellipsis and INSERT for [words],
    and the same items as written (for messages)."""
    items: list[str] = []
    written: list[str] = []
    for piece in MARKER.split(body):
        if not piece:
            continue
        if piece.startswith("["):
            items.append(INSERT)
            written.append(piece)
        elif MARKER.fullmatch(piece):
            items.append(GAP)
            written.append("…")
        else:
            for word, start, end in normalise(piece):
                items.append(word)
                written.append(piece[start:end])
    return items, written


def _fragments(items: list[str]) -> list[tuple[str, list[str]]]:
    """(marker before, words) runs: the first marker is '' (start of quote)."""
    runs: list[tuple[str, list[str]]] = [("", [])]
    for item in items:
        if item in (GAP, INSERT):
            runs.append((item, []))
        else:
            runs[-1][1].append(item)
    return runs


def exact(items: list[str], source: SourceText) -> tuple[int, int] | None:
    """(first, last) source word positions of an exact match, gaps and insertions allowed."""
    runs = [r for r in _fragments(items) if r[1] or r[0] == INSERT]
    words = [r for r in runs if r[1]]
    if not words:
        return None
    first_words = words[0][1]
    rare = min(range(len(first_words)), key=lambda k: len(source.index.get(first_words[k], ())))
    for position in source.index.get(first_words[rare], ()):
        begin = position - rare
        if begin < 0 or source.words[begin : begin + len(first_words)] != first_words:
            continue
        end = _match_rest(runs[runs.index(words[0]) + 1 :], source, begin + len(first_words))
        if end is not None:
            return begin, end - 1
    return None


def _match_rest(runs: list[tuple[str, list[str]]], source: SourceText, at: int) -> int | None:
    """Match the remaining runs from source position ``at``; the end position, or None."""
    if not runs:
        return at
    marker, words = runs[0]
    if not words:  # a trailing insertion: "we will win [the war]"
        return _match_rest(runs[1:], source, at)
    reach = MAX_GAP if marker == GAP else MAX_INSERTION if marker == INSERT else 0
    for skip in range(0, reach + 1):
        begin = at + skip
        if source.words[begin : begin + len(words)] == words:
            end = _match_rest(runs[1:], source, begin + len(words))
            if end is not None:
                return end
    return None


def _qualifier_after(source: SourceText, last: int) -> str | None:
    """The qualifier ("but", "unless", ...) that follows the match in the same sentence."""
    nxt = last + 1
    if nxt >= len(source.words) or source.words[nxt] not in QUALIFIERS:
        return None
    if re.search(r"[.!?…]|\n\s*\n", source.between(last, nxt)):
        return None
    return source.original(nxt, nxt + 1)[0]


def closest(
    items: list[str], draft: list[str], sources: list[SourceText]
) -> tuple[SourceText, int, str] | None:
    """The most similar source passage, if similar enough: (source, first word, word diff)."""
    words = [w for w in items if w not in (GAP, INSERT)]
    if len(words) < 2:
        return None
    best: tuple[int, SourceText, int] | None = None
    for source in sources:
        votes: Counter[int] = Counter()
        for j, word in enumerate(words):
            postings = source.index.get(word, ())
            if len(postings) > MAX_POSTINGS:
                continue  # "the", "and": no signal, and the cost would grow with the source
            for position in postings:
                votes[position - j] += 1
        # A passage, not one offset: sum votes of offsets within a few words of each other.
        for offset, _ in votes.most_common(5):
            score = sum(votes.get(offset + d, 0) for d in range(-3, 4))
            if best is None or score > best[0]:
                best = (score, source, offset)
    if best is None:
        return None
    _, source, offset = best
    lo = max(0, offset - 3)
    hi = min(len(source.words), offset + len(items) + 10 + (MAX_GAP if GAP in items else 0))
    window = source.words[lo:hi]
    matcher = difflib.SequenceMatcher(None, items, window, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return None
    first, last = blocks[0].b, blocks[-1].b + blocks[-1].size
    # Draft words before the first or after the last matching word face as many source words.
    first = max(0, first - blocks[0].a)
    trailing = len(items) - (blocks[-1].a + blocks[-1].size)
    last = min(len(window), last + trailing)
    if trailing:  # "before the [-end of the year-]{+winter+}": run to the sentence end if near
        for k in range(last, min(len(window), last + 6)):
            if re.search(r"[.!?;]", source.between(lo + k - 1, lo + k)):
                last = k
                break
    matched = sum(b.size for b in blocks)
    if 2 * matched / (len(words) + (last - first)) < MISMATCH_RATIO:
        return None
    passage = source.original(lo + first, lo + last)
    return source, lo + first, word_diff(items, draft, window[first:last], passage)


def word_diff(items: list[str], draft: list[str], window: list[str], passage: list[str]) -> str:
    """Git-style word diff, draft against source: ``[-source-]{+draft+}``, with some context."""
    matcher = difflib.SequenceMatcher(None, items, window, autojunk=False)
    out: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            same = passage[j1:j2]
            out.append(" ".join(same if len(same) <= 6 else [*same[:3], "…", *same[-3:]]))
            continue
        if tag == "delete" and all(w in (GAP, INSERT) for w in items[i1:i2]):
            continue
        if (
            tag in ("replace", "insert")
            and all(w in (GAP, INSERT) for w in items[i1:i2])
            and ((INSERT in items[i1:i2] and j2 - j1 <= MAX_INSERTION) or GAP in items[i1:i2])
        ):
            out.append("…")
            continue
        change = ""
        if j2 > j1:
            change += "[-" + " ".join(passage[j1:j2]) + "-]"
        if i2 > i1:
            change += "{+" + " ".join(draft[i1:i2]) + "+}"
        out.append(change)
    return " ".join(part for part in out if part)
