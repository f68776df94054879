"""Annotated analysis cases (tests/analysis/*.yaml): quotations, their kind and their speakers."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factlint.analysis.export import analyze_text

CASES = {
    f"{path.stem}::{name}": body
    for path in sorted((Path(__file__).parent / "analysis").glob("*.yaml"))
    for name, body in yaml.safe_load(path.read_text("utf-8"))["cases"].items()
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_analysis_case(name: str) -> None:
    case = CASES[name]
    result = analyze_text(case["text"], case.get("path", "case.txt"))
    quotes = result["quotations"]
    expected = case["quotes"]
    assert len(quotes) == len(expected), [q["text"] for q in quotes]
    for got, want in zip(quotes, expected, strict=False):
        attribution = got["attribution"]
        speaker = attribution["speaker"] if attribution else None
        assert case["text"][got["start"] : got["end"]] == got["text"]
        if "text" in want:
            assert got["text"] == want["text"]
        if "kind" in want:
            assert got["kind"] == want["kind"], got
        if "speaker" in want:
            assert (speaker["text"] if speaker else None) == want["speaker"], got
        if "resolved" in want:
            assert speaker is not None and speaker["resolved"] == want["resolved"], got
        if "how" in want:
            assert attribution is not None and attribution["how"] == want["how"], got


def test_offsets_are_code_points_into_the_text_as_read() -> None:
    text = "\ufeff# Title 🙂\n\n“Yes we can,” she said.\n"
    result = analyze_text(text, "a.md")
    quote = result["quotations"][0]
    assert text[1:][quote["start"] : quote["end"]] == "“Yes we can,”"


def test_relative_date_message_resolves_against_front_matter() -> None:
    from factlint.config import FileConfig, Overrides, settings_from
    from factlint.document import Document
    from factlint.engine import Linter

    config = FileConfig(select=["dates/relative"], rules={"dates/relative": {"evergreen": True}})
    settings = settings_from(config, "<t>", ".", Overrides())
    doc = Document.parse("---\ndate: 2023-09-04\n---\nHe took office just last month.\n", "s.md")
    [finding] = Linter(settings).lint_document(doc)
    assert "August 2023" in finding.message


def test_surname_first_message_names_the_full_name() -> None:
    from factlint.config import FileConfig, Overrides, settings_from
    from factlint.document import Document
    from factlint.engine import Linter

    settings = settings_from(
        FileConfig(select=["references/surname-first"]), "<t>", ".", Overrides()
    )
    doc = Document.parse(
        "Shapps’ trip was short.\n\nDefence Secretary Grant Shapps met officials.\n", "s.txt"
    )
    [finding] = Linter(settings).lint_document(doc)
    assert "'Grant Shapps' (line 3)" in finding.message


def test_analyze_command_prints_the_documented_json(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from factlint.cli import cli

    path = tmp_path / "story.txt"
    path.write_text("Rustem Umerov met officials. “We are ready for winter,” he said.\n", "utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["version"] == 1 and data["path"] == str(path)
    [quote] = data["quotations"]
    assert quote["kind"] == "speech" and quote["text"] == "“We are ready for winter,”"
    speaker = quote["attribution"]["speaker"]
    assert (speaker["text"], speaker["resolved"]) == ("he", "Rustem Umerov")
    assert quote["attribution"]["cue"]["text"] == "said"
    assert [p["text"] for p in data["people"]] == ["Rustem Umerov"]
