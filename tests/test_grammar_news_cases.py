"""News conventions the engines misread, as data: tests/cases/grammar_news.yaml (Harper, run by
test_cases.py) and tests/cases/languagetool/*.yaml (the real LanguageTool server, run here).

Each pass_ case names the engine rule that really fires on its draft (``misread``): the case is
checked to misfire in the engine itself, so that it keeps testing factlint's filter."""

from __future__ import annotations

import pytest

import test_cases
import test_languagetool_real
from caselib import CASES, Case, load_cases
from factlint.config import FileConfig, Overrides, settings_from
from factlint.document import Document
from factlint.engines import Text, close_all, get_engine, lt_server

HARPER_CASES = [c for c in load_cases() if c.file == "grammar_news" and "misread" in c.body]
LT_CASES = load_cases(CASES / "languagetool")


# skipped, with the reason naming the install command, where LanguageTool is not installed
needs_lt = test_languagetool_real.pytestmark


def engine_rules(case: Case) -> set[str]:
    """The engine's own rules that fire on the case's draft, before factlint's filters."""
    settings = settings_from(FileConfig.model_validate(case.config), "<case>", str(CASES),
                             Overrides())
    doc = Document.parse(case.body["text"], case.body.get("path", "case.txt"))
    engine = get_engine(settings.config.grammar, settings.dialect)
    assert engine is not None
    texts = [Text(s.text, s.kind != "prose") for s in doc.segments if s.text.strip()]
    return {lint.rule for lints in engine.check(texts) for lint in lints if not lint.spelling}


@pytest.mark.parametrize("case", HARPER_CASES, ids=[c.id for c in HARPER_CASES])
def test_harper_really_misfires_on_the_pass_case(case: Case) -> None:
    assert case.body["misread"] in engine_rules(case), "Harper no longer misfires: untested"


@pytest.fixture(scope="module")
def _lt_server():
    yield
    close_all()
    lt_server.stop_all()


@needs_lt
@pytest.mark.parametrize("case", LT_CASES, ids=[c.id for c in LT_CASES])
def test_languagetool_news_case(case: Case, _lt_server: None) -> None:
    if "misread" in case.body:
        assert case.body["misread"] in engine_rules(case), "LanguageTool no longer misfires"
    test_cases.test_case(case)
