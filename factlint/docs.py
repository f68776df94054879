"""Rule documentation rendered from rule metadata: `rules`, `explain` and the README table."""

from __future__ import annotations

import json
from typing import Any

from factlint.kinds import kinds
from factlint.spec import RuleSpec


# The zones of a document a scope names, and why a rule usually reads or skips each.
ZONES = {
    "prose": "prose",
    "quotes": "quotations",
    "headline": "display type (headlines, subheads, captions, bylines, datelines)",
}
WHY_SKIPPED = {
    "quotes": "a quotation keeps the speaker's words as said",
    "headline": "display type has its own conventions (surnames, title case, no full sentences)",
}


# Kinds that report on the file, the run or suppression comments rather than on its text.
FILE_KINDS = frozenset({"internal", "refused"})


def zones(spec: RuleSpec) -> str:
    """Which zones a rule reads and why, from its scope (and its scope_note, if any)."""
    if spec.kind in FILE_KINDS:
        return ("Reads no zone of the text: it reports on the file itself (reading, decoding, "
                "size, suppression comments, the run).")
    scope = {"prose", "quotes", "headline"} if "all" in spec.scope else set(spec.scope)
    read = [ZONES[z] for z in ZONES if z in scope]
    skipped = [f"not {ZONES[z]}: {WHY_SKIPPED[z]}" for z in WHY_SKIPPED if z not in scope]
    text = "Reads " + ", ".join(read) + ("; " + "; ".join(skipped) if skipped else "") + "."
    return text + (f" {spec.scope_note.strip()}" if spec.scope_note else "")


def short_zones(spec: RuleSpec) -> str:
    scope = {"prose", "quotes", "headline"} if "all" in spec.scope else set(spec.scope)
    names = {"prose": "prose", "quotes": "quotations", "headline": "display"}
    return ", ".join(names[z] for z in names if z in scope)


def rule_record(spec: RuleSpec) -> dict[str, Any]:
    kind = kinds()[spec.kind]
    return {
        "id": spec.id,
        "kind": spec.kind,
        "severity": spec.severity.value,
        "fixable": kind.fixable,
        "enabled": spec.enabled,
        "summary": spec.summary,
        "rationale": spec.rationale,
        "scope": list(spec.scope),
        "zones": zones(spec),
        "examples": spec.examples.model_dump(),
        "options": spec.options,
        "options_schema": kind.options_model.model_json_schema(),
        "link": spec.link,
        "aliases": spec.aliases,
    }


def rules_text(specs: list[RuleSpec]) -> str:
    width = max((len(s.id) for s in specs), default=10)
    lines = []
    for spec in sorted(specs, key=lambda s: s.id):
        fix = "[*]" if kinds()[spec.kind].fixable else "   "
        off = "" if spec.enabled else " (off by default)"
        lines.append(f"{spec.id:<{width}}  {spec.severity.value:<7} {fix} {spec.summary}{off}")
    return "\n".join(lines)


def rules_markdown(specs: list[RuleSpec]) -> str:
    rows = ["| Rule | Severity | Fix | Reads | Summary |", "| --- | --- | --- | --- | --- |"]
    for spec in sorted(specs, key=lambda s: s.id):
        fix = "yes" if kinds()[spec.kind].fixable else ""
        summary = spec.summary.replace("|", "\\|") + ("" if spec.enabled else " *(off by default)*")
        rows.append(f"| `{spec.id}` | {spec.severity.value} | {fix} | {short_zones(spec)} | {summary} |")
    return "\n".join(rows)


def rules_json(specs: list[RuleSpec]) -> str:
    return json.dumps([rule_record(s) for s in sorted(specs, key=lambda s: s.id)], indent=2)


def explain(spec: RuleSpec) -> str:
    record = rule_record(spec)
    lines = [
        f"{spec.id}  ({record['severity']}{', fixable' if record['fixable'] else ''}"
        f"{'' if spec.enabled else ', off by default'})",
        "",
        spec.summary,
        "",
        spec.rationale.strip(),
        "",
        f"Scope: {', '.join(spec.scope)}. {zones(spec)}",
        "",
        "Bad:",
        _indent(spec.examples.bad),
        "",
        "Good:",
        _indent(spec.examples.good),
    ]
    if spec.examples.config or spec.examples.path:  # the context the examples need to hold
        context = [f"{k} = {json.dumps(v)}" for k, v in spec.examples.config.items()]
        if spec.examples.path:
            context.append(f"linted as {spec.examples.path}")
        lines += ["", f"Examples run with: {'; '.join(context)} (paths in the pack's folder)"]
    properties = record["options_schema"].get("properties", {})
    if properties:
        lines += ["", "Options (set under [tool.factlint.rules.\"%s\"]):" % spec.id]
        for name, schema in properties.items():
            current = spec.options.get(name, schema.get("default"))
            description = schema.get("description", "")
            lines.append(f"  {name}: {json.dumps(current)}  {description}".rstrip())
    if spec.link:
        lines += ["", f"See: {spec.link}"]
    if spec.aliases:
        lines += ["", f"Former ids: {', '.join(spec.aliases)}"]
    return "\n".join(lines)


def explain_markdown(spec: RuleSpec) -> str:
    """The documentation of ``explain`` as Markdown, for report viewers (SARIF help)."""
    lines = [f"**{spec.summary}**", "", spec.rationale.strip(), "", zones(spec)]
    for label, example in (("Bad", spec.examples.bad), ("Good", spec.examples.good)):
        lines += ["", f"{label}:", "", "```text", example.rstrip("\n"), "```"]
    lines += ["", f"Options and examples: `factlint explain {spec.id}`."]
    if spec.link:
        lines += ["", f"See: <{spec.link}>"]
    return "\n".join(lines)


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())
