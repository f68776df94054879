"""What keeps memory flat over an archive changes nothing in the findings: Harper's linters are
replaced after a number of texts."""

from __future__ import annotations

import pytest

from factlint.config import HarperConfig
from factlint.engines import Text

PARAGRAPHS = [
    Text("Storm floods hit Cumbria", headline=True),
    Text("The council said it would recieve an extra £2m to repair the bridge at Pooley Bridge, "
         "which was swept away in a hour of heavy rain.", headline=False),
    Text("Residents said the color of the water had changed overnight and their neighbours had "
         "travelled to higher ground.", headline=False),
    Text("Its a disaster for the the village, said one shopkeeper.", headline=False),
    Text("The Environment Agency has issued a flood warning for the River Eamont.", headline=False),
]


def test_harper_linters_renewed_mid_run_give_the_same_lints(monkeypatch: pytest.MonkeyPatch) -> None:
    from factlint.engines import harper

    baseline = harper.HarperEngine("en-GB", HarperConfig()).check(PARAGRAPHS)
    assert any(lint.spelling for lints in baseline for lint in lints)  # "recieve"
    assert any(not lint.spelling for lints in baseline for lint in lints)  # "a hour", "the the"
    monkeypatch.setattr(harper, "TEXTS_PER_LINTER", 2)
    renewing = harper.HarperEngine("en-GB", HarperConfig())
    first = renewing.linter
    assert renewing.check(PARAGRAPHS) == baseline
    assert renewing.linter is not first  # 5 texts, renewed every 2: the linters were replaced
    assert renewing._texts_linted < 2
