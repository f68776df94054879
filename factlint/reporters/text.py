"""The text reporter: path:line:col: severity rule message, the source line and a caret underline."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import click

from factlint.finding import Finding, Severity

if TYPE_CHECKING:
    from factlint.engine import FileResult
    from factlint.spec import RuleSpec

EXCERPT_WIDTH = 120
CONTEXT = 50
COLOURS = {Severity.error: "red", Severity.warning: "yellow", Severity.info: "cyan"}


@dataclass(frozen=True)
class TextOptions:
    """How the text reporter renders (the other reporters ignore what they do not need)."""

    colour: bool = False
    quiet: bool = False
    statistics: bool = False
    show_source: bool = True
    specs: Mapping[str, RuleSpec] = field(default_factory=dict)  # rule metadata (sarif)
    docs_url: str | None = None  # the config's rule-docs-url (sarif helpUri)
    fail_on: Callable[[FileResult], Severity] | None = None  # per file, from its config (junit)


def text_report(results: Sequence[FileResult], options: TextOptions) -> str:
    lines: list[str] = []
    findings = [f for r in results for f in r.findings]
    if options.statistics:
        return statistics(findings, options)
    for result in results:
        source_lines = result.finding_lines()
        for f in result.findings:
            lines.append(_headline(f, options))
            if options.show_source and not options.quiet and f.line in source_lines:
                lines += _excerpt(f, source_lines[f.line], options)
    fixed = sum(r.fixed for r in results)
    if not options.quiet:
        lines.append(summary_line(len(results), findings, fixed))
    return "\n".join(lines)


def _headline(f: Finding, options: TextOptions) -> str:
    severity = click.style(f.severity.value, fg=COLOURS[f.severity], bold=True) if options.colour else f.severity.value
    rule = click.style(f.rule, dim=True) if options.colour else f.rule
    fix = " [*]" if f.fixable else ""
    return f"{f.path}:{f.line}:{f.column}: {severity} {rule}{fix} {f.message}"


def _excerpt(f: Finding, source_line: str, options: TextOptions) -> list[str]:
    line = source_line.rstrip("\r").expandtabs(1)
    start = f.column - 1
    end = f.end_column - 1 if f.end_line == f.line else len(line)
    if len(line) > EXCERPT_WIDTH:  # prose lines are whole paragraphs: show a window around the span
        left = max(0, start - CONTEXT)
        right = min(len(line), max(end, start + 1) + CONTEXT)
        prefix = "…" if left else ""
        line = prefix + line[left:right] + ("…" if right < len(line) else "")
        start, end = start - left + len(prefix), end - left + len(prefix)
    caret = " " * start + "^" * max(1, end - start)
    if options.colour:
        caret = click.style(caret, fg=COLOURS[f.severity])
    gutter = f"{f.line:>5} | "
    return [f"{gutter}{line}", f"{' ' * (len(gutter) - 2)}| {caret}"]


def summary_line(files: int, findings: Sequence[Finding], fixed: int = 0) -> str:
    counts = Counter(f.severity for f in findings)
    parts = [f"{counts[s]} {s.value}{'s' if counts[s] != 1 and s != Severity.info else ''}"
             for s in (Severity.error, Severity.warning, Severity.info)]
    fixable = sum(1 for f in findings if f.fixable)
    text = f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''} in {files} file{'s' if files != 1 else ''} ({', '.join(parts)})."
    if fixable:
        text += f" {fixable} fixable with --fix."
    if fixed:
        text += f" Fixed {fixed}."
    return text


def statistics(findings: Sequence[Finding], options: TextOptions) -> str:
    by_rule = Counter(f.rule for f in findings)
    severity = {f.rule: f.severity.value for f in findings}
    fixable = {f.rule for f in findings if f.fixable}
    rows = []
    for rule, count in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        mark = "[*]" if rule in fixable else ""
        rows.append(f"{count:>5}  {rule:<32} {severity[rule]:<8} {mark}".rstrip())
    return "\n".join(rows)
