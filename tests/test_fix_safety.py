"""--fix never loses a file or an edit: concurrent saves, read-only files and folders, symbolic and
hard links, and kill -9 at random moments (real subprocesses). See docs/security.md."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factlint.config import Overrides
from factlint.engine import Runner
from factlint.fix import TEMP_SUFFIX
from factlint.run import CheckRequest, run_check

DRAFT = "Budget talks, round {i}\n\nThe defence ministry said the defense budget for round {i} would rise.\n"
CONFIG = 'dialect = "en-GB"\nselect = ["consistency", "io", "meta"]\n'


def original(i: int) -> str:
    return DRAFT.format(i=i)


def fixed(i: int) -> str:
    return original(i).replace("defense budget", "defence budget")


def factlint(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factlint", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


def report(proc: subprocess.CompletedProcess) -> list[dict]:
    assert "Traceback" not in proc.stderr, proc.stderr
    return json.loads(proc.stdout)["findings"]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".factlint.toml").write_text(CONFIG, "utf-8")
    return tmp_path


def write_drafts(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        path = folder / f"draft-{i:03}.txt"
        path.write_text(original(i), "utf-8")
        paths.append(path)
    return paths


def temporaries(root: Path) -> list[Path]:
    return [p for p in root.rglob(f"*{TEMP_SUFFIX}")]


def test_an_edit_saved_while_fix_runs_is_kept(repo: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    [first, second] = write_drafts(repo / "drafts", 2)
    edited = "Budget talks\n\nThe editor rewrote this paragraph about the defense budget.\n"
    lint_bytes = Runner.lint_bytes  # every file read is linted through it (cache and workers too)

    def lint_then_editor_saves(self: Runner, data: bytes, shown: str, path: Path | None):  # type: ignore[no-untyped-def]
        result = lint_bytes(self, data, shown, path)
        if path is not None and path.name == first.name:  # the editor saves between read and write
            path.write_text(edited, "utf-8")
        return result

    monkeypatch.setattr(Runner, "lint_bytes", lint_then_editor_saves)
    monkeypatch.chdir(repo)
    code = run_check(CheckRequest(paths=("drafts",), fmt="json", fix=True))
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert first.read_text("utf-8") == edited  # the edit is not overwritten
    assert second.read_text("utf-8") == fixed(1)
    [not_fixed] = [f for f in findings if f["rule"] == "io/not-fixed"]
    assert not_fixed["path"].endswith(first.name) and "changed while factlint ran" in not_fixed["message"]
    assert code == 1 and not temporaries(repo)


def test_read_only_files_and_folders_are_left_with_a_finding(repo: Path) -> None:
    [locked] = write_drafts(repo / "a-locked-file", 1, 0)
    locked.chmod(0o444)
    [in_locked_folder] = write_drafts(repo / "b-locked-folder", 1, 1)
    (repo / "b-locked-folder").chmod(0o555)
    [later] = write_drafts(repo / "c-later", 1, 2)
    try:
        proc = factlint("check", ".", "--fix", "--format", "json", cwd=repo)
        findings = report(proc)
    finally:
        (repo / "b-locked-folder").chmod(0o755)
    assert locked.read_text("utf-8") == original(0) and locked.stat().st_mode & 0o777 == 0o444
    assert in_locked_folder.read_text("utf-8") == original(1)
    assert later.read_text("utf-8") == fixed(2)  # the folders after the read-only one are fixed
    not_fixed = {Path(f["path"]).name: f["message"] for f in findings if f["rule"] == "io/not-fixed"}
    assert "read-only" in not_fixed[locked.name] and "folder is read-only" in not_fixed[in_locked_folder.name]
    assert later.name not in not_fixed
    # The findings left in the read-only files are still reported, as without --fix.
    assert {Path(f["path"]).name for f in findings if f["rule"] == "consistency/spelling"} == {
        locked.name, in_locked_folder.name}
    assert proc.returncode == 1


def test_a_symlinked_draft_keeps_its_link_and_its_target_is_fixed(repo: Path) -> None:
    [target] = write_drafts(repo / "archive", 1)
    link = repo / "drafts" / "current.txt"
    link.parent.mkdir()
    link.symlink_to(Path("..") / "archive" / target.name)
    proc = factlint("check", "drafts", "--fix", "--format", "json", cwd=repo)
    assert report(proc) == [] and proc.returncode == 0
    assert link.is_symlink() and os.readlink(link) == str(Path("..") / "archive" / target.name)
    assert target.read_text("utf-8") == fixed(0)


def test_hard_links_are_kept_and_the_file_is_left_with_a_finding(repo: Path) -> None:
    [draft] = write_drafts(repo / "drafts", 1)
    twin = repo / "published.txt"
    os.link(draft, twin)
    proc = factlint("check", "drafts", "--fix", "--format", "json", cwd=repo)
    [not_fixed] = [f for f in report(proc) if f["rule"] == "io/not-fixed"]
    assert "2 hard links" in not_fixed["message"]
    assert os.path.samefile(draft, twin) and draft.read_text("utf-8") == original(0)


def test_kill_9_at_random_moments_loses_nothing_and_leaves_no_temporary(repo: Path) -> None:
    paths = write_drafts(repo / "drafts", 200)
    rng = random.Random(10)
    for _ in range(4):
        proc = subprocess.Popen([sys.executable, "-m", "factlint", "check", "drafts", "--fix", "-q"],
                                cwd=repo, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 2.5))  # any moment is fine: the assertions hold for all of them
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for i, path in enumerate(paths):  # each draft is whole: as it was, or fixed
            assert path.read_text("utf-8") in (original(i), fixed(i)), path
    # A temporary file of a killed run (its process is gone) and one of a live run (this one).
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    stale = repo / "drafts" / f".draft-000.txt.{dead}.abc123{TEMP_SUFFIX}"
    live = repo / "drafts" / f".draft-001.txt.{os.getpid()}.def456{TEMP_SUFFIX}"
    stale.write_text("partial", "utf-8")
    live.write_text("partial", "utf-8")
    final = factlint("check", "drafts", "--fix", "--format", "json", cwd=repo)
    assert report(final) == [] and final.returncode == 0
    assert [path.read_text("utf-8") for path in paths] == [fixed(i) for i in range(200)]
    assert temporaries(repo) == [live]  # only the live run's file is left to it
