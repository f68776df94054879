"""The confusable kind: a wrong word known by the words around it (lose for loose after "to").

Each pattern is an RE2 expression (linear time) whose group ``wrong`` is the flagged span; other
named groups can be excused with ``unless`` (e.g. "will to" after "the": the noun, not the verb).
``{name}`` in a pattern stands for the word list ``name`` of ``words``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

import re2

from factlint.kinds._text import compile_user_pattern, match_case
from factlint.kinds.base import Kind, Options
from factlint.records import FieldError, check_bounds, describe

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.finding import Finding

PLACEHOLDER = re.compile(r"\{(\w+)\}")
# What keeps a pattern's matches in a segment from being matches in the joined segment texts: an
# anchor to the ends of the whole text, or multi-line mode turned off.
TEXT_ANCHOR = re.compile(r"\\[Az]|\(\?[a-z]*-[a-z]*m")


@dataclass(frozen=True, kw_only=True)
class ConfusableOptions(Options):
    """Options of the confusable kind."""

    patterns: list[str] = describe(
        "RE2 patterns; the group (?P<wrong>...) is the flagged span", non_empty=True
    )
    fix: dict[str, str] = describe("The wrong word (lower case) -> the fix", non_empty=True)
    words: dict[str, list[str]] = describe(
        "Word lists, written {name} in a pattern",
        default_factory=dict,
    )
    unless: dict[str, str] = describe(
        "Group name -> RE2 pattern: a match whose group matches it whole is not flagged",
        default_factory=dict,
    )
    case: bool = describe("Match case exactly (write [Ww]ho for either)", default=True)

    def __post_init__(self) -> None:
        check_bounds(self)
        try:
            for pattern in self.expanded():
                compiled = compile_user_pattern(pattern, self.case)
                if "wrong" not in compiled.groupindex:
                    raise ValueError(f"pattern {pattern!r} has no group (?P<wrong>...)")
        except ValueError as exc:  # it names the pattern or the word list
            raise FieldError("patterns", str(exc)) from None
        for pattern in self.unless.values():
            try:
                compile_user_pattern(pattern, self.case)
            except ValueError as exc:
                raise FieldError("unless", str(exc)) from None

    def expanded(self) -> list[str]:
        """The patterns with each {name} replaced by its word list."""

        def words(match: re.Match[str]) -> str:
            if match.group(1) not in self.words:
                raise ValueError(f"no word list {match.group(1)!r} for {match.group()}")
            return "(?:" + "|".join(re.escape(w) for w in self.words[match.group(1)]) + ")"

        return [PLACEHOLDER.sub(words, pattern) for pattern in self.patterns]


class Confusable(Kind[ConfusableOptions]):
    """Flag a word its neighbours show to be the wrong one of a pair, with the right one."""

    name = "confusable"
    options_model = ConfusableOptions

    @cached_property
    def _compiled(self) -> tuple[list[tuple[Any, dict[str, int]]], dict[str, Any]]:
        """The patterns with their named groups (RE2 builds that dict anew at each asking), and
        the ``unless`` tests."""
        case = self.options.case
        unless = {g: compile_user_pattern(f"^(?:{p})$", case) for g, p in self.options.unless.items()}
        patterns = [compile_user_pattern(p, case) for p in self.options.expanded()]
        return [(pattern, pattern.groupindex) for pattern in patterns], unless

    @cached_property
    def _any_pattern(self) -> Any | None:
        """One RE2 pattern that matches the joined segment texts wherever a pattern matches a
        segment: the alternation of them all, capturing nothing, with ^ and $ at line ends (a
        segment's ends are line ends in the joined text). Few documents hold a confusable
        context, and this skips the others with one scan, not one per pattern and segment.
        None when a pattern anchors to the ends of the whole text."""
        expanded = self.options.expanded()
        if any(TEXT_ANCHOR.search(pattern) for pattern in expanded):
            return None
        options = re2.Options()
        options.log_errors = False
        options.case_sensitive = self.options.case
        options.never_capture = True  # the patterns' group names repeat
        return re2.compile("(?m)" + "|".join(f"(?:{p})" for p in expanded), options)

    def check(self, doc: Document) -> Iterator[Finding]:
        patterns, unless = self._compiled
        analysis = doc.analysis
        if self._any_pattern is not None and not self._any_pattern.search(analysis.joined_text):
            return
        for segment in doc.segments:
            for pattern, groups in patterns:
                for match in pattern.finditer(segment.text):
                    if any(name in groups and match.group(groups[name]) is not None
                           and test.search(match.group(groups[name]))
                           for name, test in unless.items()):
                        continue
                    start, end = match.span(groups["wrong"])
                    if not analysis.in_scope(segment, start, end, self.scope):
                        continue
                    found = segment.text[start:end]
                    right = self.options.fix.get(" ".join(found.lower().replace("’", "'").split()))
                    if right is None:
                        continue
                    fix = match_case(right, found)
                    yield self.finding_at(doc, analysis.hit(segment, start, end),
                                          suggestions=[fix], expected=fix)
