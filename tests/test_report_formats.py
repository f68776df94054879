"""Every CI report format validates against its published schema, on real drafts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gate_drafts import FAST, SCHEMAS, factlint, newsroom

SARIF_SCHEMA = SCHEMAS / "sarif-schema-2.1.0.json"
JUNIT_SCHEMA = SCHEMAS / "JUnit.xsd"


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return newsroom(tmp_path_factory.mktemp("formats"))


def report(room: Path, fmt: str, *extra: str) -> str:
    proc = factlint("check", "drafts", "--format", fmt, *FAST, *extra, cwd=room)
    assert proc.returncode == 1, proc.stderr  # fail-on warning: the floods draft fails
    return proc.stdout


def test_sarif_validates_and_carries_rules_regions_and_fixes(room: Path) -> None:
    import jsonschema

    sarif = json.loads(report(room, "sarif"))
    schema = json.loads(SARIF_SCHEMA.read_text("utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    json_report = json.loads(report(room, "json"))["findings"]
    assert len(run["results"]) == len(json_report) > 3
    for result, finding in zip(run["results"], json_report):
        rule = rules[result["ruleIndex"]]
        assert rule["id"] == result["ruleId"] == finding["rule"]
        assert rule["shortDescription"]["text"] and rule["help"]["text"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
            finding["line"], finding["column"], finding["end_line"], finding["end_column"])
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == finding["path"]
        if finding["fixable"]:
            replacement = result["fixes"][0]["artifactChanges"][0]["replacements"][0]
            assert replacement["insertedContent"]["text"] == finding["suggestions"][0]
        else:
            assert "fixes" not in result
    assert any("fixes" in r for r in run["results"])
    assert run["columnKind"] == "unicodeCodePoints"


def test_junit_validates_with_a_case_per_file_failing_at_fail_on(room: Path) -> None:
    import xml.etree.ElementTree as ET

    import xmlschema

    xml = report(room, "junit")
    xmlschema.XMLSchema(str(JUNIT_SCHEMA)).validate(xml)
    suite = ET.fromstring(xml).find("testsuite")
    assert suite is not None
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert set(cases) == {"drafts/council.md", "drafts/floods.txt", "drafts/library.txt"}
    assert cases["drafts/library.txt"].find("failure") is None
    failure = cases["drafts/floods.txt"].find("failure")
    assert failure is not None and failure.text is not None
    assert "consistency/spelling" in failure.text and "sourcing/vague" in failure.text
    assert suite.get("failures") == str(sum(c.find("failure") is not None for c in cases.values()))
    # with fail-on error nothing fails, and the findings are still listed in system-out
    relaxed = factlint("check", "drafts", "--format", "junit", "--fail-on", "error", *FAST, cwd=room)
    xmlschema.XMLSchema(str(JUNIT_SCHEMA)).validate(relaxed.stdout)
    suite = ET.fromstring(relaxed.stdout).find("testsuite")
    assert suite is not None and suite.get("failures") == "0"
    assert "sourcing/vague" in (suite.findtext("system-out") or "")


def test_gitlab_code_quality_has_the_documented_fields_and_stable_fingerprints(
    room: Path, tmp_path: Path
) -> None:
    issues = json.loads(report(room, "gitlab"))
    assert len(issues) > 3
    for issue in issues:
        assert isinstance(issue["description"], str) and issue["description"]
        assert isinstance(issue["check_name"], str) and "/" in issue["check_name"]
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["location"]["path"], str)
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert len(issue["fingerprint"]) == 64
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    # the same findings after a paragraph moves: same fingerprints, other lines
    moved = newsroom(tmp_path / "moved")
    text = (moved / "drafts" / "floods.txt").read_text("utf-8")
    head, first, second, third = text.split("\n\n")
    (moved / "drafts" / "floods.txt").write_text("\n\n".join([head, third.rstrip("\n"), first, second]) + "\n", "utf-8")
    again = json.loads(report(moved, "gitlab"))
    assert {i["fingerprint"] for i in again} == {i["fingerprint"] for i in issues}
    assert {(i["fingerprint"], i["location"]["lines"]["begin"]) for i in again} != {
        (i["fingerprint"], i["location"]["lines"]["begin"]) for i in issues}


def test_concise_is_one_line_per_finding_and_the_summary(room: Path) -> None:
    lines = report(room, "concise").splitlines()
    findings = json.loads(report(room, "json"))["findings"]
    assert len(lines) == len(findings) + 1
    assert lines[-1].startswith(f"Found {len(findings)} findings in 3 files")
    assert all(" | " not in line for line in lines)  # no source excerpts


@pytest.mark.parametrize("fmt", ["sarif", "junit", "gitlab", "json", "text"])
def test_output_file_gets_the_report_and_the_terminal_the_summary(room: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"report.{fmt}"
    proc = factlint("check", "drafts", "--format", fmt, "--output-file", str(target), *FAST, cwd=room)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert target.read_text("utf-8").rstrip("\n") == report(room, fmt).rstrip("\n") or fmt == "junit"
    assert proc.stderr.startswith("Found ") and str(target) in proc.stderr
