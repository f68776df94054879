"""Baselines: an archive adopts the gate without editing old copy; only new findings fail it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gate_drafts import FAST, factlint, newsroom


def check(room: Path, *args: str, cwd: Path | None = None):  # type: ignore[no-untyped-def]
    return factlint("check", *(args or ("drafts",)), "--format", "json", *FAST, "--no-cache",
                    cwd=cwd or room)


@pytest.fixture
def room(tmp_path: Path) -> Path:
    room = newsroom(tmp_path / "room")
    proc = factlint("check", "drafts", "--write-baseline", "baseline.json", *FAST, cwd=room)
    assert proc.returncode == 0 and "wrote" in proc.stderr, proc.stderr
    assert proc.stdout == ""
    return room


def reported(room: Path, *args: str, cwd: Path | None = None) -> list[dict]:  # type: ignore[type-arg]
    proc = check(room, *(args or ("drafts", "--baseline", "baseline.json")), cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)["findings"]


def test_the_baseline_silences_todays_findings(room: Path) -> None:
    before = json.loads(check(room).stdout)["findings"]
    recorded = json.loads((room / "baseline.json").read_text("utf-8"))["findings"]
    assert len(recorded) == len(before) > 3
    assert all("line" not in entry for entry in recorded)
    proc = check(room, "drafts", "--baseline", "baseline.json")
    assert proc.returncode == 0 and json.loads(proc.stdout)["findings"] == []


def test_moving_a_paragraph_and_editing_another_sentence_resurrect_nothing(room: Path) -> None:
    floods = room / "drafts" / "floods.txt"
    head, first, second, third = floods.read_text("utf-8").split("\n\n")
    first = first.replace("since 2007", "since records began in 1910")  # another sentence edited
    floods.write_text("\n\n".join([head, third.rstrip("\n"), second, first]) + "\n", "utf-8")
    assert reported(room) == []
    council = room / "drafts" / "council.md"
    council.write_text("An update on the scheme.\n\n" + council.read_text("utf-8"), "utf-8")
    assert reported(room) == []


def test_a_new_finding_and_a_rewritten_sentence_are_reported(room: Path) -> None:
    floods = room / "drafts" / "floods.txt"
    text = floods.read_text("utf-8")
    text = text.replace("Critics say the flood defences", "Critics say privately the flood defences")
    text += "\nThe defense of the town held overnight.\n"
    floods.write_text(text, "utf-8")
    found = reported(room)
    assert {(f["rule"], f["text"]) for f in found} == {
        ("sourcing/vague", "Critics say"),  # its sentence was rewritten
        ("consistency/spelling", "defense"),  # a new sentence
    }


def test_a_repeated_old_sentence_is_new_copy(room: Path) -> None:
    floods = room / "drafts" / "floods.txt"
    floods.write_text(floods.read_text("utf-8") + "\nCritics say the flood defences were never finished.\n",
                      "utf-8")
    found = reported(room)
    assert [(f["rule"], f["line"]) for f in found] == [("sourcing/vague", 11)]


def test_the_baseline_works_from_another_folder(room: Path) -> None:
    proc = check(room, ".", "--baseline", "../baseline.json", cwd=room / "drafts")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["findings"] == []


@pytest.mark.parametrize(("content", "needle"), [
    ("{not json", "not valid JSON"),
    ('{"tool": "factlint", "format": 0, "findings": []}', "stale baseline"),
    ('{"findings": [{"path": "a.txt"}]}', "not a factlint baseline"),
    ('[1, 2, 3]', "not a factlint baseline"),
])
def test_a_malformed_or_stale_baseline_is_a_one_line_error(room: Path, content: str, needle: str) -> None:
    (room / "bad.json").write_text(content, "utf-8")
    proc = check(room, "drafts", "--baseline", "bad.json")
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and needle in proc.stderr, proc.stderr
    missing = check(room, "drafts", "--baseline", "nowhere.json")
    assert missing.returncode == 2 and "cannot read baseline" in missing.stderr
