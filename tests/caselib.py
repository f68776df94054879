"""Data-driven rule cases: tests/cases/*.yaml (sqlfluff-style), run through the real engine."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from factlint.config import FileConfig, Overrides, settings_from
from factlint.document import Document
from factlint.engine import Linter
from factlint.fix import apply_fixes
from factlint.packs import builtin_rules_dir
from factlint.spec import RuleSpec

CASES = Path(__file__).parent / "cases"


@dataclass
class Case:
    id: str
    file: str
    rule: dict[str, Any] | str
    config: dict[str, Any]
    body: dict[str, Any]


def load_cases(folder: Path = CASES) -> list[Case]:
    cases = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        for name, body in data["cases"].items():
            cases.append(Case(f"{path.stem}::{name}", path.stem, body.get("rule", data.get("rule")),
                              {**data.get("config", {}), **body.get("config", {})}, body))
    return cases


def run_case(case: Case) -> tuple[list[Any], Document, Linter]:
    config = FileConfig.model_validate(case.config)
    if isinstance(case.rule, (str, list)):  # one rule, or several to show one finding per fault
        config = config.model_copy(update={"select": [case.rule] if isinstance(case.rule, str) else case.rule})
    settings = settings_from(config, "<case>", str(CASES), Overrides())
    linter = Linter(settings)
    if isinstance(case.rule, dict):  # an ad-hoc rule of a kind, as a user pack would write it
        from factlint.kinds import kinds

        spec = RuleSpec.model_validate({
            "name": "case", "pack": "test", "summary": "test rule", "rationale": "test",
            "examples": {"bad": "x", "good": "y"}, "base_dir": str(builtin_rules_dir()),
            **case.rule,
        })
        kind = kinds()[spec.kind]
        linter.specs = [spec]
        linter.rules = [kind(spec, kind.options_model.model_validate(spec.options), settings)]
    doc = Document.parse(case.body["text"], case.body.get("path", "case.txt"))
    return linter.lint_document(doc), doc, linter


def fixed_text(findings: list[Any], text: str) -> str:
    return apply_fixes(text, findings)[0]
