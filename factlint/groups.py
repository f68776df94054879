"""One finding per group: a rule's findings that share a group key (a spelling family) are
folded into the first in the document, with the others in its ``related`` list and kept whole
as its ``members``, each with its own fix.

Folding is the last step of linting a document, after suppressions: a comment that disables the
first place leaves the family's later places reported. Whatever acts on single places unfolds
first: ``--fix`` applies every member's fix, a baseline records and matches each member (a new
slip in new copy is never folded into an old, accepted finding), ``--diff-from`` reports the members
on changed lines, and the cache stores the members.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from factlint.finding import Finding, Related, sort_key

MAX_RELATED = 10  # places listed in a folded finding's related list (all are fixed)
SHOWN = 5  # places named in its message (line:column), for reports that show no related list


def fold(findings: Iterable[Finding]) -> list[Finding]:
    """The findings with each group folded into its first member, in report order."""
    out: list[Finding] = []
    groups: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        if finding.group is None:
            out.append(finding)
        else:
            groups.setdefault((finding.rule, finding.group), []).append(finding)
    if not groups:
        return out
    out += [_folded(sorted(members, key=lambda f: f.offset)) for members in groups.values()]
    return sorted(out, key=sort_key)


def unfold(findings: Iterable[Finding]) -> Iterator[Finding]:
    """Every single-place finding: a folded finding's members, others as they are."""
    for finding in findings:
        yield from finding.members or (finding,)


def _folded(members: list[Finding]) -> Finding:
    first = members[0]
    if len(members) == 1:
        return first
    rest = members[1:]
    places = [Related(line=m.line, column=m.column, text=m.text) for m in rest]
    shown = ", ".join(f"{m.line}:{m.column}" for m in rest[:SHOWN])
    shown += f" and {len(rest) - SHOWN} more" if len(rest) > SHOWN else ""
    note = f" (also at {shown}: the same word family; --fix converts every place)"
    return first.model_copy(update={
        "message": first.message + note,
        "related": (places + first.related)[: max(MAX_RELATED, len(places))],
        "members": members,
    })
