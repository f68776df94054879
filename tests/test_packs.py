"""User rule packs: loaded from a config's `packs` folders; malformed packs are clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factlint.errors import FactlintError
from factlint.packs import load_pack_file, validate_options

NEWSROOM = Path(__file__).parent / "packs" / "newsroom"


def factlint(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factlint", *args], cwd=folder,
                          capture_output=True, text=True, timeout=60)


def test_user_pack_rules_run() -> None:
    result = factlint(NEWSROOM, "check", "--format", "json", "--select", "newsroom", "draft.txt")
    findings = json.loads(result.stdout)["findings"]
    got = [(f["rule"], f["line"], f["text"], f["suggestions"]) for f in findings]
    assert got == [
        ("newsroom/banned", 1, "slam", []),
        ("newsroom/utilise", 3, "utilised", ["used"]),
        ("newsroom/utilise", 3, "in order to", ["to"]),
        ("newsroom/banned", 3, "boffin", []),
        ("newsroom/banned", 3, "slams", []),
        ("newsroom/kyiv-spellings", 4, "Kiev", ["Kyiv"]),
    ]
    assert result.returncode == 1


def test_user_pack_listed_and_explained() -> None:
    listing = factlint(NEWSROOM, "rules", "--config", ".factlint.toml").stdout
    assert "newsroom/utilise" in listing and "consistency/title" in listing
    explained = factlint(NEWSROOM, "explain", "newsroom/banned", "--config", ".factlint.toml")
    assert explained.returncode == 0 and "Words the desk has banned" in explained.stdout
    assert "https://example.org/style#banned" in explained.stdout


BROKEN = {
    "bad_option": ("- name: x\n  kind: consistency\n  summary: s\n  rationale: r\n"
                   "  options:\n    groups: [[a, b]]\n    prefer: sometimes\n"
                   "  examples: {bad: a b, good: a a}\n",
                   ":7: [0].options.prefer: Input should be 'majority', 'first' or 'listed'"),
    "unsafe_regex": ("- name: x\n  kind: existence\n  summary: s\n  rationale: r\n"
                     "  options:\n    patterns: ['(?<=a)b']\n  examples: {bad: ab, good: b}\n",
                     ":6: [0].options.patterns: invalid pattern '(?<=a)b'"),
    "unknown_kind": ("- name: x\n  kind: existance\n  summary: s\n  rationale: r\n"
                     "  examples: {bad: a, good: b}\n", ":2: [0].kind: unknown kind 'existance'"),
    "missing_key": ("- name: x\n  kind: existence\n  rationale: r\n  options: {terms: [a]}\n"
                    "  examples: {bad: a, good: b}\n", ":1: [0].summary: Field required"),
    "bad_yaml": ("- name: x\n  kind: [existence\n", ": invalid YAML"),
    "empty_existence": ("- name: x\n  kind: existence\n  summary: s\n  rationale: r\n"
                        "  options: {}\n  examples: {bad: a, good: b}\n",
                        ":5: [0].options: give at least one of terms or patterns"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_malformed_pack_error_names_file_line_key(case: str, tmp_path: Path) -> None:
    text, expected = BROKEN[case]
    pack = tmp_path / "styles" / "desk.yaml"
    pack.parent.mkdir()
    pack.write_text(text, "utf-8")
    with pytest.raises(FactlintError) as error:
        for spec in load_pack_file("desk", pack):
            validate_options(spec)  # options are validated when a run first needs the kind
    assert str(error.value).startswith(str(pack)) and expected in str(error.value)


def test_malformed_pack_exits_2_from_the_cli(tmp_path: Path) -> None:
    (tmp_path / ".factlint.toml").write_text('packs = ["styles"]\n', "utf-8")
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "desk.yaml").write_text(BROKEN["bad_option"][0], "utf-8")
    (tmp_path / "draft.txt").write_text("Some text.\n", "utf-8")
    result = factlint(tmp_path, "check", "draft.txt")
    assert result.returncode == 2
    assert result.stderr.strip().endswith(
        "desk.yaml:7: [0].options.prefer: Input should be 'majority', 'first' or 'listed'")
    assert "Traceback" not in result.stderr


def test_docs_example_pack_is_valid(tmp_path: Path) -> None:
    """The complete example in docs/packs.md loads, and each rule's examples hold."""
    text = (Path(__file__).resolve().parents[1] / "docs" / "packs.md").read_text("utf-8")
    block = text.split("```yaml\n# pack: newsroom\n", 1)[1].split("```", 1)[0]
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "newsroom.yaml").write_text(block, "utf-8")
    (tmp_path / ".factlint.toml").write_text('packs = ["styles"]\n', "utf-8")
    specs = load_pack_file("newsroom", tmp_path / "styles" / "newsroom.yaml")
    assert [s.id for s in specs] == ["newsroom/plain-words", "newsroom/banned",
                                     "newsroom/ceasefire", "newsroom/titles"]
    for spec in specs:
        for example, wanted in ((spec.examples.bad, True), (spec.examples.good, False)):
            (tmp_path / "example.txt").write_text(example + "\n", "utf-8")
            out = factlint(tmp_path, "check", "-q", "--select", spec.id, "example.txt").stdout
            assert (spec.id in out) is wanted, (spec.id, example, out)
