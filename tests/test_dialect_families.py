"""Under a house dialect, an off-dialect spelling is reported once per word family per document:
a British wire story in an American house gives one finding for "labour", "labour", "labour", at
the first place, with the others under ``related``; every place keeps its own fix, so --fix
converts the whole draft. Folding comes after suppressions and is undone for baselines, so a
comment over the first place or an accepted old place never hides another (factlint.groups)."""

from __future__ import annotations

import json
from pathlib import Path

from gate_drafts import FAST, factlint

from factlint import lint_text
from factlint.config import Overrides
from factlint.fix import apply_fixes
from factlint.groups import unfold

WIRE = (
    "LONDON, March 3 - The government's privatisation programme will go ahead, the labour "
    "minister said, although labour unions criticised the plan.\n\n"
    "The privatisation of the airline, like earlier privatisations, is to be finalised by June, "
    "and the programme's critics said the labour market would suffer.\n"
)


def _spelling(text: str, dialect: str = "en-US", path: str | None = None) -> list:
    return lint_text(text, path=path,
                     overrides=Overrides(select=("consistency/spelling",), dialect=dialect))


def test_one_finding_per_word_family_at_its_first_place() -> None:
    found = _spelling(WIRE)
    assert [f.text for f in found] == [
        "privatisation", "programme", "labour", "criticised", "finalised",
    ]
    labour = found[2]
    assert [(r.line, r.text) for r in labour.related] == [(1, "labour"), (3, "labour")]
    assert "(also at 1:110, 3:129: the same word family" in labour.message
    assert [m.text for m in found[0].members] == ["privatisation", "privatisation", "privatisations"]
    for f in unfold(found):  # every place, folded or not, is an exact, fixable span
        assert WIRE[f.offset : f.end_offset] == f.text and f.fixable


def test_the_fix_converts_every_place_in_one_pass() -> None:
    fixed, applied = apply_fixes(WIRE, _spelling(WIRE))
    assert applied == 10
    assert "privatizations" in fixed and "program's critics" in fixed and "labor market" in fixed
    assert _spelling(fixed) == []


def test_a_single_slip_is_reported_at_its_own_place() -> None:
    text = ("The organization said it organized the vote. Its organizers later organised a second "
            "one, the organization's spokesman said.\n")
    found = _spelling(text)
    assert [(f.text, f.members) for f in found] == [("organised", [])]
    assert text[found[0].offset : found[0].end_offset] == "organised"


def test_auto_folds_the_minority_spellings_of_a_family() -> None:
    text = ("Labor leaders met on Monday. The labor talks, the labor minister said, went well; "
            "labour unions in the north were less sure, and the labour vote split.\n")
    found = _spelling(text, "auto")
    assert [f.text for f in found] == ["labour"]
    assert [m.text for m in found[0].members] == ["labour", "labour"]
    assert apply_fixes(text, found)[0].lower().count("labor") == 5


def test_a_comment_over_the_first_place_leaves_the_others_reported() -> None:
    text = ("<!-- factlint-disable-next-line consistency/spelling -->\n"
            "The labour minister spoke first.\n\n"
            "Later the labour unions walked out, and the labour market slowed.\n")
    found = _spelling(text, path="draft.md")
    assert [(f.text, f.line) for f in found] == [("labour", 4)]
    assert [r.line for r in found[0].related] == [4]
    fixed, applied = apply_fixes(text, found)
    assert applied == 2 and "The labour minister" in fixed  # the disabled place is left alone


def test_a_new_place_of_a_baselined_family_is_reported(tmp_path: Path) -> None:
    (tmp_path / ".factlint.toml").write_text('dialect = "en-US"\nfail-on = "warning"\n', "utf-8")
    draft = tmp_path / "wire.txt"
    draft.write_text(WIRE, "utf-8")
    proc = factlint("check", "wire.txt", "--write-baseline", "baseline.json", *FAST, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    recorded = json.loads((tmp_path / "baseline.json").read_text("utf-8"))["findings"]
    assert len(recorded) == 10  # each place, not each family
    draft.write_text(WIRE + "\nUnions said the new labour law would pass.\n", "utf-8")
    proc = factlint("check", "wire.txt", "--baseline", "baseline.json", "--format", "json",
                    *FAST, "--no-cache", cwd=tmp_path)
    found = json.loads(proc.stdout)["findings"]
    assert [(f["text"], f["line"], f["related"]) for f in found] == [("labour", 5, [])]
    assert proc.returncode == 1
