"""SARIF 2.1.0 for code-scanning dashboards: one run, the rules it reported with their summaries
and documentation (a help URI where the rule links its own page or the config names a
``rule-docs-url``), each finding a result with its region (1-based lines, columns in Unicode code
points, the same convention as every other format) and its safe fix as a SARIF fix."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from factlint import __version__
from factlint.docs import explain, explain_markdown
from factlint.fingerprint import fingerprints
from factlint.finding import Finding, Severity
from factlint.groups import unfold

if TYPE_CHECKING:
    from factlint.engine import FileResult
    from factlint.reporters.text import TextOptions
    from factlint.spec import RuleSpec

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}


def sarif_report(results: Sequence[FileResult], options: TextOptions) -> str:
    rule_index: dict[str, int] = {}
    rules: list[dict[str, Any]] = []
    out: list[dict[str, Any]] = []
    for result in results:
        for f, print_ in fingerprints(result):
            if f.rule not in rule_index:
                rule_index[f.rule] = len(rules)
                spec = options.specs.get(f.rule.split(":", 1)[0])
                rules.append(_rule(f.rule, spec, options.docs_url))
            out.append(_result(f, rule_index[f.rule], print_))
    run = {
        "tool": {"driver": {
            "name": "factlint", "version": __version__, "semanticVersion": __version__,
            "rules": rules,
        }},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": out,
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]},
                      ensure_ascii=False, indent=2)


def _rule(rule_id: str, spec: RuleSpec | None, docs_url: str | None) -> dict[str, Any]:
    """A rule's descriptor: its summary, its documentation as help (`factlint explain`), and a
    help URI only where a real one exists (the rule's own link, or the config's rule-docs-url)."""
    pack = rule_id.split("/", 1)[0]
    rule: dict[str, Any] = {"id": rule_id, "properties": {"tags": [pack]}}
    link = spec.link if spec and spec.link else None
    if link or docs_url:
        rule["helpUri"] = link or docs_url.replace("{rule}", quote(rule_id))  # type: ignore[union-attr]
    if spec is not None:
        rule["shortDescription"] = {"text": spec.summary}
        rule["fullDescription"] = {"text": spec.rationale.strip()}
        rule["help"] = {"text": explain(spec), "markdown": explain_markdown(spec)}
        rule["defaultConfiguration"] = {"level": LEVELS[spec.severity], "enabled": spec.enabled}
    return rule


def _artifact(path: str) -> dict[str, str]:
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(pure.as_posix()), "uriBaseId": "%SRCROOT%"}


def _region(f: Finding) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": f.line, "startColumn": f.column,
        "endLine": f.end_line, "endColumn": f.end_column,
    }
    if f.text:
        region["snippet"] = {"text": f.text}
    return region


def _result(f: Finding, index: int, print_: str) -> dict[str, Any]:
    location = {"physicalLocation": {"artifactLocation": _artifact(f.path), "region": _region(f)}}
    result: dict[str, Any] = {
        "ruleId": f.rule, "ruleIndex": index, "level": LEVELS[f.severity],
        "message": {"text": f.message}, "locations": [location],
        "partialFingerprints": {"factlintFingerprint/v1": print_},
    }
    if f.related:
        result["relatedLocations"] = [
            {"id": i, "message": {"text": r.text}, "physicalLocation": {
                "artifactLocation": _artifact(f.path),
                "region": {"startLine": r.line, "startColumn": r.column},
            }} for i, r in enumerate(f.related)
        ]
    if f.fixable and f.suggestions:
        result["fixes"] = [{
            "description": {"text": f"Replace {f.text!r} with {f.suggestions[0]!r}"},
            "artifactChanges": [{
                "artifactLocation": _artifact(f.path),
                "replacements": [{  # a folded finding's every place (factlint.groups)
                    "deletedRegion": {k: v for k, v in _region(m).items() if k != "snippet"},
                    "insertedContent": {"text": m.suggestions[0]},
                } for m in unfold([f]) if m.fixable and m.suggestions],
            }],
        }]
    return result
