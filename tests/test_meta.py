"""Meta-tests: docs come from the rules, every rule's examples hold, the published schema is current."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from factlint import docs
from factlint.config import FileConfig, Overrides, settings_from
from factlint.document import Document
from factlint.engine import Linter, all_specs
from factlint.finding import Report
from factlint.kinds import kinds

ROOT = Path(__file__).resolve().parents[1]
SPECS = [s for s in all_specs() if s.kind != "internal"]
# Rules whose examples need an outside service; where they are tested instead.
NEEDS_SERVICE = {"grammar/lt": "needs a LanguageTool server: see tests/test_languagetool.py"}


def lint_example(rule_id: str, text: str) -> list[str]:
    spec = next(s for s in SPECS if s.id == rule_id)
    config = FileConfig.model_validate({**spec.examples.config, "select": [rule_id]})
    root = spec.base_dir if spec.examples.config else str(ROOT)  # example paths: pack-relative
    settings = settings_from(config, "<meta>", root, Overrides())
    name = "example.md" if text.lstrip().startswith(("#", "---", "<!--")) else "example.txt"
    if spec.examples.path:
        name = str(Path(spec.base_dir) / spec.examples.path)
    doc = Document.parse(text, name)
    return [f.rule for f in Linter(settings).lint_document(doc)]


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.id)
def test_rule_examples(spec) -> None:
    if spec.id in NEEDS_SERVICE:
        pytest.skip(NEEDS_SERVICE[spec.id])
    assert spec.id in lint_example(spec.id, spec.examples.bad), "examples.bad must produce a finding"
    assert spec.id not in lint_example(spec.id, spec.examples.good), "examples.good must not"


def test_every_kind_has_cases_or_rules() -> None:
    cases = {p.stem for p in (ROOT / "tests" / "cases").glob("*.yaml")}
    used = {s.kind for s in all_specs()}
    for name in kinds():
        assert name in cases or name in used, f"kind {name} has neither rules nor cases"


def test_readme_rule_table_is_current() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    match = re.search(r"<!-- rules:start -->\n(.*?)\n<!-- rules:end -->", readme, re.DOTALL)
    assert match, "README.md needs the generated rule table between rules:start/end markers"
    assert match.group(1) == docs.rules_markdown(all_specs()), (
        "README rule table is stale: run `factlint rules --format markdown` and paste it"
    )


def test_published_schema_is_current() -> None:
    published = json.loads((ROOT / "docs" / "report.schema.json").read_text("utf-8"))
    assert published == Report.model_json_schema(), "run `factlint schema > docs/report.schema.json`"


def test_fixture_reports_validate_against_schema() -> None:
    schema = Report.model_json_schema()
    expected = list((ROOT / "fixtures").rglob("*.expected.json"))
    assert expected
    for path in expected:
        jsonschema.validate(json.loads(path.read_text("utf-8")), schema)


def test_readme_registry_example_is_valid(tmp_path: Path) -> None:
    import subprocess
    import sys

    readme = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"```yaml\n(people:\n.*?)```", readme, re.DOTALL)
    assert block, "README shows a facts registry example"
    registry = tmp_path / "house.yaml"
    registry.write_text(block.group(1), "utf-8")
    proc = subprocess.run([sys.executable, "-m", "factlint", "facts", "check", str(registry)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
