"""Realistic drafts compared with their exact JSON report: fixtures/**/NAME.ext + NAME.expected.json.

Adding a case is adding two files; `pytest --update-fixtures` rewrites the expected reports.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from factlint.engine import Runner
from factlint.reporters.json import build_report

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
DRAFT_SUFFIXES = {".md", ".markdown", ".txt"}


def fixture_drafts() -> list[Path]:
    return sorted(
        p for p in FIXTURES.rglob("*")
        if p.suffix in DRAFT_SUFFIXES and p.with_suffix(".expected.json").exists()
    )


def lint_fixture(draft: Path) -> dict:
    cwd = os.getcwd()
    os.chdir(ROOT)  # report paths relative to the checkout, as a user running from it sees them
    try:
        result = Runner().lint_file(draft.relative_to(ROOT))
    finally:
        os.chdir(cwd)
    return json.loads(build_report([result]).model_dump_json())


def languagetool_missing() -> str | None:
    """Why the fixtures/languagetool drafts cannot run here (they need the installed server)."""
    from factlint.engines.lt_install import DEFAULT_VERSION, find_installation
    from factlint.errors import FactlintError

    try:
        find_installation(DEFAULT_VERSION)
    except FactlintError:
        return "LanguageTool is not installed: run `factlint languagetool install`"
    return None


@pytest.mark.parametrize("draft", fixture_drafts(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture_report(draft: Path, update_fixtures: bool) -> None:
    if "languagetool" in draft.relative_to(FIXTURES).parts and languagetool_missing():
        pytest.skip(languagetool_missing())
    expected_path = draft.with_suffix(".expected.json")
    actual = lint_fixture(draft)
    if update_fixtures:
        expected_path.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", "utf-8")
    expected = json.loads(expected_path.read_text("utf-8"))
    assert actual == expected


def test_every_fixture_draft_has_expected_findings() -> None:
    drafts = [p for p in FIXTURES.rglob("*") if p.suffix in DRAFT_SUFFIXES and "sources" not in p.parts]
    missing = [str(p) for p in drafts if not p.with_suffix(".expected.json").exists()]
    assert not missing, f"drafts without .expected.json: {missing}"
