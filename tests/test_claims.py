"""`factlint claims`: the fact-checker's worksheet, on the seed draft and a draft with sources."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "seed" / "article.txt"
REGISTRY = ROOT / "fixtures" / "facts" / "registry.yaml"


def worksheet(path: Path, *args: str) -> dict:
    result = CliRunner().invoke(cli, ["claims", str(path), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture(scope="module")
def seed() -> dict:
    return worksheet(SEED, "--facts", str(REGISTRY), "--as-of", "2023-09-22")


def claims_of(sheet: dict, kind: str) -> list[dict]:
    return [c for c in sheet["claims"] if c["type"] == kind]


def test_seed_dates(seed: dict) -> None:
    assert seed["story_date"] == "2023-09-22" and seed["date_source"] == "--as-of"
    assert [(c["text"], c["line"]) for c in claims_of(seed, "date")] == [("February 2022", 7)]
    assert [c["text"] for c in claims_of(seed, "relative-date")] == ["recently", "just last month"]


def test_seed_quotations_have_their_speakers(seed: dict) -> None:
    quotes = claims_of(seed, "quotation")
    assert [(q["line"], q["details"]["resolved"]) for q in quotes] == [
        (9, "Volodymyr Zelensky"),
        (13, "Rustem Umerov"),
    ]
    assert quotes[0]["details"]["speaker"] == "the president"
    assert all("verification: no sources declared" in q["note"] for q in quotes)


def test_seed_people_with_titles_and_registry(seed: dict) -> None:
    people = {c["text"]: c for c in claims_of(seed, "person")}
    umerov = people["Rustem Umerov"]
    assert (umerov["details"]["title"], umerov["details"]["organisation"]) == (
        "Defence Minister",
        "Ukraine",
    )
    assert "held on 2023-09-22" in umerov["note"]
    shapps = people["Shapps"]
    assert shapps["details"]["title"] == "Defence Secretary"
    assert "“just last month”" in shapps["note"] and "2023-08-31" in shapps["note"]
    unnamed = people["Defence Secretary"]  # the headline's never-named British Defence Secretary
    assert unnamed["line"] == 1 and "Grant Shapps" in unnamed["note"]


def test_seed_vague_source(seed: dict) -> None:
    [vague] = claims_of(seed, "vague-source")
    assert vague["text"] == "are believed to" and vague["line"] == 5
    assert vague["context"].startswith("The discussions, held behind closed doors")


def test_seed_markdown_has_a_checkbox_per_claim() -> None:
    result = CliRunner().invoke(
        cli, ["claims", str(SEED), "--facts", str(REGISTRY), "--as-of", "2023-09-22"]
    )
    boxes = [line for line in result.output.splitlines() if line.startswith("- [ ] ")]
    sheet = worksheet(SEED, "--facts", str(REGISTRY), "--as-of", "2023-09-22")
    assert len(boxes) == len(sheet["claims"]) >= 10
    assert any("**February 2022** (line 7:205)" in line for line in boxes)


def test_worksheet_reports_verification_statuses() -> None:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        sheet = worksheet(Path("fixtures/facts/visit.md"))
    finally:
        os.chdir(cwd)
    assert sheet["date_source"] == "front matter"
    statuses = [q["details"]["verification"] for q in claims_of(sheet, "quotation")]
    assert statuses == [
        "verified",
        "verified",
        "verified",
        "verified",
        "mismatch",
        "truncated",
        "unverified",
    ]
    speakers = [q["details"]["resolved"] for q in claims_of(sheet, "quotation")]
    assert speakers == [
        "Volodymyr Zelensky",
        "Rustem Umerov",
        "Rustem Umerov",
        "Grant Shapps",
        "Grant Shapps",
        "Grant Shapps",
        "Grant Shapps",
    ]


def test_money_percentages_numbers_superlatives(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(
        "Britain pledged £2.5bn and 10,000 troops on 24 February 2022. Inflation hit 11.1 per cent,"
        " the highest in 41 years, officials said. It was the first such visit.\n",
        "utf-8",
    )
    sheet = worksheet(draft, "--as-of", "2023-01-01")
    found = {(c["type"], c["text"]) for c in sheet["claims"]}
    assert {
        ("money", "£2.5bn"),
        ("number", "10,000 troops"),
        ("date", "24 February 2022"),
        ("percentage", "11.1 per cent"),
        ("superlative", "highest"),
        ("number", "41 years"),
        ("superlative", "first"),
        ("vague-source", "officials said"),
    } <= found


def test_figures_bounds_and_weekdays_in_us_copy(tmp_path: Path) -> None:
    """An age in apposition is the figure alone, "at least 42" is a bound and not a superlative,
    a bare AP-style weekday is a relative date and "Good Friday" is none."""
    draft = tmp_path / "d.txt"
    draft.write_text(
        "Linda Marsh, 71, said at least 42 homes burned. Crews returned Saturday, days before"
        " Good Friday. It was the most destructive fire in the county.\n",
        "utf-8",
    )
    found = {(c["type"], c["text"]) for c in worksheet(draft, "--as-of", "2026-08-15")["claims"]}
    assert {("number", "71"), ("number", "42 homes"), ("relative-date", "Saturday"),
            ("superlative", "most destructive")} <= found
    assert not {c for c in found if c[0] == "superlative" and "least" in c[1]}
    assert ("relative-date", "Friday") not in found
    assert ("number", "71, said") not in found


def test_an_abbreviated_title_is_the_person_title(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("Gov. Gavin Newsom toured the fire zone with Linda Marsh.\n", "utf-8")
    people = {c["details"]["name"]: c for c in claims_of(worksheet(draft), "person")}
    assert people["Gavin Newsom"]["details"]["title"] == "Gov."
    assert people["Linda Marsh"]["details"]["title"] is None


def test_relative_dates_resolved_on_the_story_date(seed: dict) -> None:
    notes = {c["text"]: c["note"] for c in claims_of(seed, "relative-date")}
    assert "(August 2023)" in notes["just last month"]
    assert "give the date (story" in notes["recently"]  # nothing to resolve


def test_people_the_registry_does_not_know(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("Foreign Secretary James Cleverly met Grant Shapps in London.\n", "utf-8")
    sheet = worksheet(draft, "--facts", str(REGISTRY), "--as-of", "2023-09-22")
    people = {c["details"]["name"]: c for c in claims_of(sheet, "person")}
    assert "not in the registry" in people["James Cleverly"]["note"]
    assert "Foreign Secretary" in people["James Cleverly"]["note"]
    assert "registry: " in people["Grant Shapps"]["note"]


def test_worksheet_json_validates_against_its_schema(seed: dict) -> None:
    import jsonschema

    result = CliRunner().invoke(cli, ["facts", "schema", "--worksheet"])
    jsonschema.validate(seed, json.loads(result.output))


def test_a_pronoun_speaker_the_registry_does_not_know_stays_the_analysis_person(
    tmp_path: Path,
) -> None:
    """"He" after Tom Barrett (not in the registry) is Barrett, not the last registry person."""
    draft = tmp_path / "d.txt"
    draft.write_text(
        "Defence Secretary Grant Shapps arrived in Kyiv on Friday.\n\n"
        "Tom Barrett, a British MP, went with him. “This visit matters,” Barrett said. "
        "He added that “the people of Kharkiv deserve better”.\n", "utf-8")
    sheet = worksheet(draft, "--facts", str(REGISTRY), "--as-of", "2023-09-22")
    quotes = claims_of(sheet, "quotation")
    assert [(q["details"]["speaker"], q["details"]["resolved"]) for q in quotes] == [
        ("Barrett", "Tom Barrett"), ("He", "Tom Barrett")]


@pytest.mark.parametrize(
    ("opening", "today", "expected"),
    [
        ("NEW YORK, Nov 24 (Reuters) - Oil fell.", "2026-12-02", "2026-11-24"),
        ("NEW YORK, Nov 24 (Reuters) - Oil fell.", "2026-11-20", "2025-11-24"),  # not ahead
        ("WASHINGTON, Sept. 3 (AP) — Talks ended.", "2026-12-02", "2026-09-03"),
        ("BUENOS AIRES, Feb 29 - Talks ended.", "2026-12-02", "2024-02-29"),
        ("NEW YORK (Reuters) - Oil fell.", "2026-12-02", None),  # a dateline without a day
        ("On Nov 24 oil fell.", "2026-12-02", None),  # no dateline
    ],
)
def test_a_dateline_gives_the_story_date(opening: str, today: str, expected: str | None) -> None:
    import datetime as dt

    from factlint.document import Document, dateline_date

    doc = Document.parse(f"Oil prices\n\n{opening}\n", "story.txt")
    day = dateline_date(doc, dt.date.fromisoformat(today))
    assert (day.isoformat() if day else None) == expected
