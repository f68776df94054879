"""One finding per fault: when rules report the same name or office, the most specific one wins.

A finding of a rule listed under another rule in ``SUPERSEDES`` is dropped when its span overlaps a
finding of that rule; the kept finding's message names what the dropped one said. Precedence (see
docs/people.md): the house registry's spelling over the draft's own consistency, a misspelt
surname over a surname used before the full name, the registry's office dates over the draft's
title forms.
"""

from __future__ import annotations

from bisect import bisect_right

from factlint.finding import Finding

SUPERSEDES: dict[str, tuple[str, ...]] = {
    "facts/name-spelling": ("consistency/name", "references/surname-first"),
    "consistency/name": ("references/surname-first",),
    "facts/office": ("consistency/title",),
}
LOWER = frozenset(rule for rules in SUPERSEDES.values() for rule in rules)


def one_per_fault(findings: list[Finding]) -> list[Finding]:
    """The findings with those superseded by an overlapping, more specific finding folded in."""
    if not any(f.rule in LOWER for f in findings) or not any(f.rule in SUPERSEDES for f in findings):
        return findings
    kept = list(findings)
    for higher in SUPERSEDES:  # in precedence order: a folded finding cannot fold others
        winners = sorted((f.offset, k) for k, f in enumerate(kept) if f.rule == higher)
        if not winners:
            continue
        starts = [offset for offset, _ in winners]
        notes: dict[int, list[str]] = {}
        dropped = set()
        for k, finding in enumerate(kept):
            if finding.rule not in SUPERSEDES[higher]:
                continue
            # the winner that starts last at or before this finding's end and overlaps it
            j = bisect_right(starts, max(finding.end_offset - 1, finding.offset)) - 1
            while j >= 0:
                winner = kept[winners[j][1]]
                if winner.end_offset > finding.offset or winner.offset == finding.offset:
                    notes.setdefault(winners[j][1], []).append(f"{finding.rule}: {finding.message}")
                    dropped.add(k)
                    break
                if finding.offset - winner.end_offset > 200:
                    break
                j -= 1
        kept = [
            f.model_copy(update={"message": f"{f.message}; also {'; '.join(notes[k])}"})
            if k in notes else f
            for k, f in enumerate(kept) if k not in dropped
        ]
    return kept
