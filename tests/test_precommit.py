"""The real pre-commit tool runs factlint's hook from this checkout on staged drafts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")

pytestmark = pytest.mark.skipif(
    not Path(PRE_COMMIT).exists() or not (ROOT / ".git").exists(),
    reason="needs the pre-commit tool (pip install -e '.[test]') and a git checkout",
)


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def try_repo(repo: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [PRE_COMMIT, "try-repo", str(ROOT), "factlint"], cwd=repo, capture_output=True,
        text=True, timeout=600, env=env,
    )


def test_hook_fails_a_bad_draft_and_passes_a_clean_one(tmp_path: Path) -> None:
    repo = tmp_path / "newsroom"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "desk@example.com")
    git(repo, "config", "user.name", "Desk")
    (repo / ".factlint.toml").write_text('dialect = "en-GB"\nfail-on = "warning"\n', "utf-8")
    draft = repo / "drafts" / "kyiv.md"
    draft.parent.mkdir()
    draft.write_text("# Defence Secretary visits Kyiv\n\nThe air defense talks went well.\n", "utf-8")
    git(repo, "add", ".")
    bad = try_repo(repo)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "drafts/kyiv.md:3:9: warning consistency/spelling" in bad.stdout

    draft.write_text("# Defence Secretary visits Kyiv\n\nThe air defence talks went well.\n", "utf-8")
    git(repo, "add", ".")
    clean = try_repo(repo)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout
