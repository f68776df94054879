"""per-file-ignores and extend-exclude, as ruff has them."""

from __future__ import annotations

import json
from pathlib import Path

from gate_drafts import FAST, FLOODS, factlint, newsroom


def rules_by_path(room: Path) -> dict[str, set[str]]:
    proc = factlint("check", ".", "--format", "json", *FAST, "--no-cache", cwd=room)
    assert proc.returncode in (0, 1), proc.stderr
    found: dict[str, set[str]] = {}
    for f in json.loads(proc.stdout)["findings"]:
        found.setdefault(f["path"], set()).add(f["rule"])
    return found


def test_per_file_ignores_switch_rules_and_packs_off_for_matching_files(tmp_path: Path) -> None:
    room = newsroom(tmp_path / "room")
    (room / "wire").mkdir()
    (room / "wire" / "floods.txt").write_text(FLOODS, "utf-8")
    before = rules_by_path(room)
    assert {"sourcing/vague", "consistency/spelling"} <= before["wire/floods.txt"]
    config = room / ".factlint.toml"
    config.write_text(config.read_text("utf-8") + '[per-file-ignores]\n"wire/*" = ["sourcing", '
                      '"consistency/spelling"]\n"*.md" = ["consistency"]\n', "utf-8")
    after = rules_by_path(room)
    assert after["wire/floods.txt"] == before["wire/floods.txt"] - {"sourcing/vague", "consistency/spelling"}
    assert after["drafts/floods.txt"] == before["drafts/floods.txt"]  # not under wire/
    assert not any(r.startswith("consistency/") for r in after.get("drafts/council.md", set()))


def test_an_unknown_rule_in_per_file_ignores_is_a_config_error(tmp_path: Path) -> None:
    room = newsroom(tmp_path / "room")
    config = room / ".factlint.toml"
    config.write_text(config.read_text("utf-8") + '[per-file-ignores]\n"*.md" = ["sourcing/vauge"]\n', "utf-8")
    proc = factlint("check", ".", *FAST, cwd=room)
    assert proc.returncode == 2 and "per-file-ignores" in proc.stderr and "sourcing/vauge" in proc.stderr


def test_extend_exclude_adds_to_exclude_and_to_the_flag(tmp_path: Path) -> None:
    room = newsroom(tmp_path / "room")
    (room / "archive").mkdir()
    (room / "archive" / "old.txt").write_text(FLOODS, "utf-8")
    config = room / ".factlint.toml"
    config.write_text(config.read_text("utf-8") + 'exclude = ["drafts/library.txt"]\n'
                      'extend-exclude = ["archive/*"]\n', "utf-8")
    assert set(rules_by_path(room)) == {"drafts/floods.txt", "drafts/council.md"}
    proc = factlint("check", ".", "--format", "json", "--exclude", "*.md", *FAST, "--no-cache", cwd=room)
    assert {f["path"] for f in json.loads(proc.stdout)["findings"]} == {"drafts/floods.txt"}
