"""--diff-from REV with the repository's real git: changed files only, changed lines only."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from gate_drafts import FAST, factlint, newsroom

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    room = newsroom(tmp_path / "desk")
    git(room, "init", "-q")
    git(room, "config", "user.email", "desk@example.com")
    git(room, "config", "user.name", "Desk")
    git(room, "add", "-A")
    git(room, "commit", "-q", "-m", "archive")
    return room


def findings(repo: Path, *args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    proc = factlint("check", *args, "--format", "json", *FAST, "--no-cache", cwd=repo)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def test_only_changed_lines_of_changed_files_are_reported(repo: Path) -> None:
    floods = repo / "drafts" / "floods.txt"
    floods.write_text(floods.read_text("utf-8") + "\nThe defense ministry sent 40 lorries.\n", "utf-8")
    git(repo, "add", "drafts/floods.txt")  # staged counts as changed
    (repo / "drafts" / "new.md").write_text(
        "Storm warning\n\nSources say the storm will reach Devon tonight, with a defense plan.\n", "utf-8")
    code, report = findings(repo, "drafts", "--diff-from", "HEAD")
    assert report["summary"]["files"] == 2  # council.md and library.txt did not change
    lines = {(f["path"], f["line"]) for f in report["findings"]}
    added = len(floods.read_text("utf-8").splitlines())
    assert ("drafts/floods.txt", added) in lines
    assert all(line == added for path, line in lines if path == "drafts/floods.txt")
    assert any(path == "drafts/new.md" for path, _ in lines)  # untracked: every line is new
    assert code == 1
    _, everything = findings(repo, "drafts")
    assert len(everything["findings"]) > len(report["findings"])


def test_an_edited_line_counts_and_an_unchanged_tree_reports_nothing(repo: Path) -> None:
    code, report = findings(repo, "drafts", "--diff-from", "HEAD")
    assert (code, report["summary"]["files"], report["findings"]) == (0, 0, [])
    floods = repo / "drafts" / "floods.txt"
    text = floods.read_text("utf-8")
    floods.write_text(text.replace("Critics say the flood", "Critics say that the flood"), "utf-8")
    git(repo, "commit", "-q", "-am", "edit")
    code, report = findings(repo, "drafts", "--diff-from", "HEAD~1")
    assert [(f["rule"], f["text"]) for f in report["findings"]] == [("sourcing/vague", "Critics say")]


def test_a_bad_revision_or_no_repository_is_a_one_line_error(repo: Path, tmp_path: Path) -> None:
    proc = factlint("check", "drafts", "--diff-from", "no-such-branch", *FAST, cwd=repo)
    assert proc.returncode == 2 and "no-such-branch" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    outside = tmp_path / "plain"
    outside.mkdir()
    proc = factlint("check", ".", "--diff-from", "HEAD", *FAST, cwd=outside)
    assert proc.returncode == 2 and "--diff-from" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
