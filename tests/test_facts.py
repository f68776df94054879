"""The facts registry: loading errors, problems, lookups by name and office + date, CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from factlint.cli import cli
from factlint.config import FileConfig, Overrides, settings_from
from factlint.document import Document
from factlint.engine import Linter
from factlint.errors import FactlintError
from factlint.facts import load_registry
from factlint.facts.commands import schema

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = ROOT / "fixtures" / "facts" / "registry.yaml"


def write(tmp_path: Path, text: str, name: str = "house.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_fixture_registry_is_clean_and_valid_against_schema() -> None:
    registry = load_registry([REGISTRY])
    assert registry.problems == []
    assert len(registry.people) >= 5
    data = json.loads(json.dumps(yaml.safe_load(REGISTRY.read_text("utf-8")), default=str))
    jsonschema.validate(data, json.loads(schema()))  # as an editor sees it: dates are strings


def test_schema_rejects_unknown_key_but_allows_extensions() -> None:
    data = {"people": [{"name": "A B", "x-desk": "politics"}]}
    jsonschema.validate(data, json.loads(schema()))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"people": [{"name": "A B", "nmae": 1}]}, json.loads(schema()))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "people:\n  - name: A B\n    offices:\n"
            "      - {title: X, organisation: Y, start: soon}\n",
            ":4: people[0].offices[0].start: Input should be a valid date",
        ),
        ("people:\n  - name: A B\n    alias: [C]\n", ":3: people[0].alias: unknown key"),
        (
            "people:\n  - name: A B\n    offices:\n      - title: X\n        organisation: Y\n"
            "        start: 2020-01-02\n        end: 2020-01-01\n",
            ":4: people[0].offices[0]: end 2020-01-01 must be after start 2020-01-02",
        ),
        ("people: [\n", ": invalid YAML"),
        ("- just a list\n", ":1: a facts registry must be a mapping"),
    ],
)
def test_errors_name_file_line_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(FactlintError) as info:
        load_registry([path])
    assert str(info.value).startswith(str(path))
    assert message in str(info.value)


def test_duplicate_ids_and_overlapping_offices_are_problems(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
people:
  - name: Ann Lee
    offices:
      - {title: Mayor, organisation: Town, start: 2020-01-01, end: 2022-01-01}
  - name: Bo Chan
    offices:
      - {title: Mayor, organisation: Town, start: 2021-06-01}
  - name: Ann Lee
""",
    )
    problems = load_registry([path]).problems
    assert any(p.startswith(f"{path}:8: people: duplicate id 'ann-lee'") for p in problems)
    overlap = [p for p in problems if "Bo Chan holds Mayor (Town) from 2021-06-01" in p]
    assert overlap and overlap[0].startswith(f"{path}:7:") and "until 2022-01-01" in overlap[0]


def test_handover_day_is_not_an_overlap(tmp_path: Path) -> None:
    registry = load_registry([REGISTRY])
    assert not registry.problems
    on = [
        p.name
        for p, _ in registry.holders("Defence Secretary", "United Kingdom", dt.date(2023, 8, 31))
    ]
    before = [p.name for p, _ in registry.holders("Defence Secretary", None, dt.date(2023, 8, 30))]
    assert on == ["Grant Shapps"] and before == ["Ben Wallace"]
    # Reznikov's end (exclusive) and Umerov's start leave 2023-09-05 with nobody in office.
    assert registry.holders("Defence Minister", "Ukraine", dt.date(2023, 9, 5)) == []


def test_lookup_by_alias_surname_and_variant() -> None:
    registry = load_registry([REGISTRY])
    assert [e.name for e in registry.lookup("Zelenskiy")] == ["Volodymyr Zelensky"]
    assert [e.name for e in registry.lookup("shapps")] == ["Grant Shapps"]
    assert [e.name for e in registry.lookup("Kiev")] == ["Kyiv"]
    assert registry.lookup("Nobody") == []
    assert registry.title("Secretary of State for Defence") == (
        "Defence Secretary",
        "United Kingdom",
    )


def lint(text: str, path: str, as_of: str | None = None) -> list:
    config = FileConfig(facts=[str(REGISTRY)], select=["facts"])
    settings = settings_from(config, "<test>", str(ROOT), Overrides(as_of=as_of))
    return Linter(settings).lint_document(Document.parse(text, path))


def test_office_message_names_dates_and_holder() -> None:
    text = "---\ndate: 2023-09-22\n---\nDefence Secretary Ben Wallace flew to Kyiv.\n"
    [finding] = [f for f in lint(text, "s.md") if f.rule == "facts/office"]
    assert finding.message == (
        "Ben Wallace was not Defence Secretary on 2023-09-22 (2019-07-24 to 2023-08-31); "
        "Grant Shapps held it from 2023-08-31"
    )


def test_office_date_from_as_of_then_front_matter_wins() -> None:
    text = "Defence Secretary Ben Wallace flew to Kyiv."
    assert [f.rule for f in lint(text, "s.txt", as_of="2023-09-22")] == ["facts/office"]
    assert lint(text, "s.txt", as_of="2023-01-10") == []
    dated = "---\ndate: 2023-01-10\n---\n" + text
    assert lint(dated, "s.md", as_of="2023-09-22") == []


def test_cli_facts_check_and_lookup(tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(cli, ["facts", "check", str(REGISTRY)])
    assert ok.exit_code == 0 and "6 people" in ok.output
    bad = write(tmp_path, "people:\n  - name: A B\n  - name: A B\n")
    result = runner.invoke(cli, ["facts", "check", str(bad)])
    assert result.exit_code == 1 and "duplicate id 'a-b'" in result.output
    found = runner.invoke(cli, ["facts", "lookup", "Zelenskyy", "--facts", str(REGISTRY)])
    assert found.exit_code == 0 and "President, Ukraine: from 2019-05-20" in found.output
    office = runner.invoke(
        cli,
        ["facts", "lookup", "defence secretary", "--on", "2024-07-05", "--facts", str(REGISTRY)],
    )
    assert "on 2024-07-05: John Healey" in office.output
    missing = runner.invoke(cli, ["facts", "lookup", "Nobody", "--facts", str(REGISTRY)])
    assert missing.exit_code == 1


def test_config_facts_paths_are_relative_to_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "desk").mkdir()
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "house.yaml").write_text(REGISTRY.read_text("utf-8"), "utf-8")
    (tmp_path / ".factlint.toml").write_text('facts = ["facts/house.yaml"]\n', "utf-8")
    draft = tmp_path / "desk" / "story.txt"
    draft.write_text("Kiev is cold.\n", "utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--select", "facts", str(draft)])
    rules = [f["rule"] for f in json.loads(result.output)["findings"]]
    assert rules == ["facts/name-spelling"]


def test_lookup_uses_the_configured_registry(tmp_path: Path) -> None:
    config = tmp_path / ".factlint.toml"
    # The registry is outside the config's folder: the config must allow it (docs/security.md).
    config.write_text(f'facts = ["{REGISTRY.as_posix()}"]\nallow-outside = ["{REGISTRY.parent.as_posix()}"]\n', "utf-8")
    result = CliRunner().invoke(cli, ["facts", "lookup", "Kiev", "--config", str(config)])
    assert result.exit_code == 0 and "Kyiv" in result.output
    empty = tmp_path / "empty.toml"
    empty.write_text("", "utf-8")
    missing = CliRunner().invoke(cli, ["facts", "lookup", "Kiev", "--config", str(empty)])
    assert missing.exit_code != 0 and "no facts registry configured" in str(missing.exception)
