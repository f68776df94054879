"""The substitution kind: a wrong -> preferred map, case-preserving and optionally inflected."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factlint.kinds._text import inflections, keep_breaks, match_case
from factlint.kinds.base import Kind, Options
from factlint.records import check_bounds, describe

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.finding import Finding


@dataclass(frozen=True, kw_only=True)
class SubstitutionOptions(Options):
    """Options of the substitution kind."""

    swap: dict[str, str] = describe("Wrong word or phrase -> preferred one", non_empty=True)
    inflections: bool = describe(
        "Also match -s/-ed/-ing forms of the last word and inflect the fix",
        default=False,
    )
    case: bool = describe("Match the wrong form's case exactly", default=False)

    def __post_init__(self) -> None:
        check_bounds(self)
        if any(not k.strip() for k in self.swap):
            raise ValueError("a wrong form must not be empty")


class Substitution(Kind[SubstitutionOptions]):
    """Flag a wrong form and suggest the preferred one with the same capitalisation."""

    name = "substitution"
    options_model = SubstitutionOptions
    fixable = True

    def check(self, doc: Document) -> Iterator[Finding]:
        for wrong, right in self._forms().items():
            for hit in doc.analysis.term_hits(wrong, self.scope, case=self.options.case):
                fix = match_case(right, hit.text)
                if fix == hit.text:
                    continue
                kept = keep_breaks(hit.text, fix)
                yield self.finding_at(doc, hit, suggestions=[kept or fix], fixable=kept is not None,
                                      expected=fix, wrong=wrong)

    def _forms(self) -> dict[str, str]:
        """Every wrong form to look for, mapped to its preferred form."""
        forms: dict[str, str] = {}
        for wrong, right in self.options.swap.items():
            forms.setdefault(wrong, right)
            if not self.options.inflections:
                continue
            head, _, last = wrong.rpartition(" ")
            r_head, _, r_last = right.rpartition(" ")
            right_forms = inflections(r_last)
            for suffix, form in inflections(last).items():
                key = f"{head} {form}".strip()
                forms.setdefault(key, f"{r_head} {right_forms[suffix]}".strip())
        return forms
