"""Findings as LSP diagnostics: exact ranges, severities, rule codes with documentation links."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types

from factlint.finding import Finding, Severity
from factlint.lsp.positions import LineIndex

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.spec import RuleSpec

SOURCE = "factlint"
SEVERITIES = {
    Severity.error: types.DiagnosticSeverity.Error,
    Severity.warning: types.DiagnosticSeverity.Warning,
    Severity.info: types.DiagnosticSeverity.Information,
}
UNNECESSARY = {"meta/unused-suppression"}  # shown faded, as editors show unused code
CONFIG_CODE = "config"  # the one diagnostic of a config that cannot be used


def base_rule(rule: str) -> str:
    """The documented rule of a finding: grammar/lt:EN_A_VS_AN -> grammar/lt."""
    return rule.split(":", 1)[0]


class RuleDocs:
    """Each rule's documentation: its own link, else a page of `factlint explain` written once."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._links: dict[str, str] = {}

    def link(self, spec: RuleSpec) -> str:
        if spec.link:
            return spec.link
        if spec.id not in self._links:
            from factlint.docs import explain

            page = self.folder / "rules" / (spec.id.replace("/", ".") + ".txt")
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(explain(spec) + "\n", encoding="utf-8")
            self._links[spec.id] = page.as_uri()
        return self._links[spec.id]


@dataclass
class Mapper:
    """Converts one document's code-point spans to LSP ranges in the negotiated encoding."""

    doc: Document
    index: LineIndex
    uri: str
    shift: int = 0  # 1 when the editor's text starts with a BOM that Document.parse removed
    specs: dict[str, RuleSpec] = field(default_factory=dict)

    def range(self, start: int, end: int) -> types.Range:
        (line, char), (end_line, end_char) = (
            self.index.position(start + self.shift),
            self.index.position(end + self.shift),
        )
        return types.Range(types.Position(line, char), types.Position(end_line, end_char))

    def offset(self, position: types.Position) -> int:
        """The Document offset of an LSP position."""
        return max(0, self.index.offset(position.line, position.character) - self.shift)

    def diagnostic(self, finding: Finding, docs: RuleDocs) -> types.Diagnostic:
        spec = self.specs.get(base_rule(finding.rule))
        related = [
            types.DiagnosticRelatedInformation(
                types.Location(self.uri, self._related_range(r.line, r.column, len(r.text))),
                f"'{r.text}' (line {r.line})",
            )
            for r in finding.related
        ]
        return types.Diagnostic(
            range=self.range(finding.offset, finding.end_offset),
            message=finding.message,
            severity=SEVERITIES[finding.severity],
            code=finding.rule,
            code_description=types.CodeDescription(href=docs.link(spec)) if spec else None,
            source=SOURCE,
            related_information=related or None,
            tags=[types.DiagnosticTag.Unnecessary] if finding.rule in UNNECESSARY else None,
            data={"rule": finding.rule, "offset": finding.offset, "end": finding.end_offset},
        )

    def _related_range(self, line: int, column: int, length: int) -> types.Range:
        starts = self.doc.line_starts
        start = starts[min(line, len(starts)) - 1] + column - 1
        return self.range(start, start + length)


def config_diagnostic(message: str) -> types.Diagnostic:
    """The single diagnostic shown when the config (or a pack, vocabulary, registry) is broken."""
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        message=f"factlint cannot lint this file: {message}",
        severity=types.DiagnosticSeverity.Error,
        code=CONFIG_CODE,
        source=SOURCE,
    )
