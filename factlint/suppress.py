"""In-document suppressions: <!-- factlint-disable[-next-line] RULE, ... --> and factlint-enable."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.finding import Finding

DIRECTIVE = re.compile(r"^\s*factlint-(disable-next-line|disable|enable)\b(.*?)\s*$", re.DOTALL)


@dataclass
class Suppression:
    """One disable directive and the source range it covers."""

    action: str  # "disable" | "disable-next-line"
    rules: tuple[str, ...]  # empty = all rules
    start: int  # comment span in the source
    end: int
    first_line: int  # lines covered (inclusive); ranges for disable, one line for next-line
    last_line: int
    used: bool = field(default=False)

    def matches(self, rule: str) -> bool:
        return not self.rules or any(rule == r or rule.startswith((r + "/", r + ":")) for r in self.rules)


def parse_suppressions(doc: Document) -> list[Suppression]:
    """Read the directives in a document's HTML comments, in order."""
    found: list[Suppression] = []
    last_line = len(doc.line_starts)
    for start, end, body in sorted(doc.comments):
        match = DIRECTIVE.match(body)
        if not match:
            continue
        action, names = match.group(1), match.group(2)
        rules = tuple(r for r in re.split(r"[\s,]+", names.strip()) if r)
        comment_line = doc.line_col(end)[0]
        if action == "enable":
            for open_ in found:
                if open_.action == "disable" and open_.last_line == last_line and (
                    not rules or set(open_.rules) <= set(rules)
                ):
                    open_.last_line = comment_line
            continue
        if action == "disable":
            found.append(Suppression(action, rules, start, end, doc.line_col(start)[0], last_line))
            continue
        target = comment_line + 1
        while target < last_line and not doc.line_text(target).strip():
            target += 1
        found.append(Suppression(action, rules, start, end, target, target))
    return found


def apply_suppressions(
    findings: list[Finding], suppressions: list[Suppression]
) -> list[Finding]:
    """Drop suppressed findings, marking each suppression that was used."""
    kept = []
    for finding in findings:
        hit = False
        for suppression in suppressions:
            if suppression.first_line <= finding.line <= suppression.last_line and suppression.matches(
                finding.rule
            ):
                suppression.used = hit = True
        if not hit:
            kept.append(finding)
    return kept
