"""What factlint reads: nothing outside the repository, nothing but regular files (docs/security.md).

Each test plays a hostile pull request against a repository with a config at its top: a draft
whose front matter names a file outside, a symbolic link to a secret, a named pipe, a device.
The secret must never reach the report, and the run must end with a finding, not hang.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SECRET = "swordfish tango seven"
STORY = """---
title: Talks resume in Geneva
sources: [{source}]
---
The negotiators met again on Tuesday. The lead negotiator said: “The password is {guess}.”

Officials said the talks would continue into the weekend.
"""


def factlint(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "factlint", *args], cwd=cwd, capture_output=True, text=True,
        timeout=60, env={**os.environ, **(env or {})},
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository (git top level with a config) next to a folder holding a secret."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"Internal note\n\nThe password is {SECRET}.\n", "utf-8")
    root = tmp_path / "newsroom"
    (root / ".git").mkdir(parents=True)
    (root / "drafts").mkdir()
    (root / ".factlint.toml").write_text('dialect = "en-GB"\n', "utf-8")
    return root


def story(repo: Path, source: str, guess: str = SECRET, name: str = "talks.md") -> Path:
    path = repo / "drafts" / name
    path.write_text(STORY.format(source=source, guess=guess), "utf-8")
    return path


def findings(proc: subprocess.CompletedProcess) -> list[dict]:
    assert "Traceback" not in proc.stderr, proc.stderr
    return json.loads(proc.stdout)["findings"]


def refused(report: list[dict], name: str = "talks.md") -> list[dict]:
    return [f for f in report if f["rule"] == "io/refused" and Path(f["path"]).name == name]


@pytest.mark.parametrize("declared", ["../../outside/secret.txt", "{outside}/secret.txt", "link.txt"])
def test_a_source_outside_the_repository_is_refused_and_never_printed(repo: Path, declared: str) -> None:
    outside = repo.parent / "outside"
    (repo / "drafts" / "link.txt").symlink_to(outside / "secret.txt")  # the suffix looks harmless
    # A guess one word off: before confinement quotes/mismatch printed the secret in its diff.
    story(repo, declared.format(outside=outside), guess="swordfish tango eight")
    for fmt in ("text", "github", "json"):
        proc = factlint("check", "drafts", "--format", fmt, "--ignore", "grammar,spelling", cwd=repo)
        assert SECRET not in proc.stdout and "seven" not in proc.stdout, proc.stdout
        assert "Traceback" not in proc.stderr
        assert proc.returncode == 1  # io/refused is an error: the gate does not pass
    report = findings(factlint("check", "drafts", "--format", "json", cwd=repo))
    [finding] = refused(report)
    assert "outside the repository root" in finding["message"]
    text = (repo / "drafts" / "talks.md").read_text("utf-8")
    assert text[finding["offset"] : finding["end_offset"]] == finding["text"] == declared.format(outside=outside)
    assert not [f for f in report if f["rule"].startswith("quotes/")]
    assert len(refused(report, "link.txt")) == 1  # the link is a .txt draft as well: not read either


def test_claims_does_not_verify_a_guessed_line_of_a_file_outside(repo: Path) -> None:
    story(repo, str(repo.parent / "outside" / "secret.txt"))
    proc = factlint("claims", "drafts/talks.md", "--format", "json", cwd=repo)
    assert proc.returncode == 0, proc.stderr
    sheet = json.loads(proc.stdout)
    [quotation] = [c for c in sheet["claims"] if c["type"] == "quotation"]
    assert quotation["details"]["verification"] is None  # not checked: the source was not read
    assert "verified" not in quotation["note"]
    assert SECRET not in proc.stdout.replace(f"The password is {SECRET}", "")  # only the draft's own words


def test_allow_outside_permits_a_folder_the_config_names(repo: Path) -> None:
    (repo / ".factlint.toml").write_text('dialect = "en-GB"\nallow-outside = ["../outside"]\n', "utf-8")
    story(repo, "../../outside/secret.txt", guess="swordfish tango eight")
    report = findings(factlint("check", "drafts", "--format", "json", "--select", "quotes,io", cwd=repo))
    assert not refused(report)
    assert [f["rule"] for f in report if f["rule"].startswith("quotes/")] == ["quotes/mismatch"]


def test_a_source_inside_the_repository_through_a_link_is_read(repo: Path) -> None:
    (repo / "transcripts").mkdir()
    (repo / "transcripts" / "briefing.txt").write_text("The password is changed daily.\n", "utf-8")
    (repo / "drafts" / "briefing.txt").symlink_to(repo / "transcripts" / "briefing.txt")
    story(repo, "briefing.txt", guess="changed daily")
    report = findings(factlint("check", "drafts", "--format", "json", "--select", "quotes,io", cwd=repo))
    assert report == []  # the quotation is verified against the linked transcript


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_a_source_that_is_not_a_regular_file_is_refused_without_blocking(repo: Path, kind: str) -> None:
    target = repo / "drafts" / "feed.txt"
    if kind == "fifo":
        os.mkfifo(target)  # reading it would wait for a writer for ever
    elif kind == "device":
        target.symlink_to("/dev/zero")  # reading it would fill memory; /dev is outside too
    else:
        target.mkdir()
    story(repo, "feed.txt")
    proc = factlint("check", "drafts", "--format", "json", "--select", "quotes,io", cwd=repo)
    [finding] = refused(findings(proc))
    assert "not read" in finding["message"]
    assert proc.returncode == 1


def test_a_symlinked_draft_out_of_the_repository_is_not_read(repo: Path) -> None:
    (repo / "drafts" / "environ.md").symlink_to("/proc/self/environ")
    (repo / "drafts" / "secret.txt").symlink_to(repo.parent / "outside" / "secret.txt")
    (repo / "drafts" / "ok.txt").write_text("Headline\n\nThe defense budget rose.\n", "utf-8")
    for fmt in ("text", "json"):
        proc = factlint("check", "drafts", "--format", fmt, cwd=repo, env={"CI_TOKEN": SECRET})
        assert SECRET not in proc.stdout and "CI_TOKEN" not in proc.stdout
    report = findings(factlint("check", "drafts", "--format", "json", "--ignore", "grammar,spelling", cwd=repo))
    by_path = {}
    for f in report:
        by_path.setdefault(Path(f["path"]).name, []).append(f["rule"])
    assert by_path == {
        "environ.md": ["io/refused"], "secret.txt": ["io/refused"], "ok.txt": ["consistency/spelling"],
    }
    # Named explicitly, as a pre-commit hook names staged files, the links are refused too.
    named = findings(factlint("check", "drafts/environ.md", "--format", "json", cwd=repo))
    assert [f["rule"] for f in named] == ["io/refused"]


def test_a_named_path_through_a_linked_folder_out_of_the_repository_is_refused(repo: Path) -> None:
    # A pull request commits drafts/desk -> ../../outside; CI names the changed paths.
    (repo / "drafts" / "desk").symlink_to(repo.parent / "outside")
    for named in ("drafts/desk", "drafts/desk/secret.txt"):
        proc = factlint("check", named, "--format", "json", cwd=repo)
        assert SECRET not in proc.stdout
        assert [f["rule"] for f in findings(proc)] == ["io/refused"]
    claims = factlint("claims", "drafts/desk/secret.txt", cwd=repo)
    assert claims.returncode == 2 and SECRET not in claims.stdout and "outside the repository" in claims.stderr


def test_a_symlinked_draft_inside_the_repository_is_linted(repo: Path) -> None:
    (repo / "archive").mkdir()
    (repo / "archive" / "budget.txt").write_text("Headline\n\nThe defense budget rose.\n", "utf-8")
    (repo / "drafts" / "budget.txt").symlink_to(repo / "archive" / "budget.txt")
    report = findings(factlint("check", "drafts/budget.txt", "--format", "json", "--select", "consistency,io", cwd=repo))
    assert [f["rule"] for f in report] == ["consistency/spelling"]


def test_a_fifo_draft_is_refused_and_the_other_files_are_linted(repo: Path) -> None:
    os.mkfifo(repo / "drafts" / "pipe.md")
    (repo / "drafts" / "z.txt").write_text("Headline\n\nThe defense budget rose.\n", "utf-8")
    for args in (["drafts"], ["drafts/pipe.md", "drafts/z.txt"]):
        report = findings(factlint("check", *args, "--format", "json", "--select", "consistency,io", cwd=repo))
        assert [(Path(f["path"]).name, f["rule"]) for f in report] == [
            ("pipe.md", "io/refused"), ("z.txt", "consistency/spelling"),
        ]
        assert "named pipe" in report[0]["message"]


@pytest.mark.parametrize("key", ["facts", "packs", "vocab"])
def test_config_paths_outside_the_repository_are_a_usage_error(repo: Path, key: str) -> None:
    outside = repo.parent / "outside"
    (outside / "registry.yaml").write_text("people: []\n", "utf-8")
    target = "../outside/registry.yaml" if key == "facts" else "../outside"
    (repo / ".factlint.toml").write_text(f'{key} = ["{target}"]\n', "utf-8")
    story(repo, "none.txt")
    proc = factlint("check", "drafts", cwd=repo)
    assert proc.returncode == 2 and proc.stdout == ""
    [line] = proc.stderr.strip().splitlines()
    assert f".factlint.toml: {key}:" in line and "outside the repository root" in line


def test_a_pack_file_linked_from_outside_is_refused(repo: Path) -> None:
    (repo.parent / "outside" / "house.yaml").write_text("[]\n", "utf-8")
    (repo / "styles").mkdir()
    (repo / "styles" / "house.yaml").symlink_to(repo.parent / "outside" / "house.yaml")
    (repo / ".factlint.toml").write_text('packs = ["styles"]\n', "utf-8")
    story(repo, "none.txt")
    proc = factlint("check", "drafts", cwd=repo)
    assert proc.returncode == 2 and "outside the repository root" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_fifo_registry_does_not_hang_the_run(repo: Path) -> None:
    os.mkfifo(repo / "registry.yaml")
    (repo / ".factlint.toml").write_text('facts = ["registry.yaml"]\n', "utf-8")
    proc = factlint("facts", "check", "registry.yaml", cwd=repo)
    assert proc.returncode == 2 and "named pipe" in proc.stderr and "Traceback" not in proc.stderr
    story(repo, "none.txt")
    proc = factlint("check", "drafts", cwd=repo)
    assert proc.returncode == 2 and "named pipe" in proc.stderr


def test_a_data_file_named_by_a_user_pack_outside_the_repository_is_refused(repo: Path) -> None:
    (repo.parent / "outside" / "pairs.tsv").write_text("colour\tcolor\n", "utf-8")
    (repo / "styles").mkdir()
    (repo / "styles" / "desk.yaml").write_text(
        "- name: spelling\n  kind: spelling\n  severity: warning\n  summary: Desk spellings.\n"
        "  rationale: House style.\n  message: \"'{found}' is written '{suggestion}' here\"\n"
        "  options: {pairs: ../../outside/pairs.tsv}\n"
        "  examples: {bad: The colour., good: The color.}\n", "utf-8")
    (repo / ".factlint.toml").write_text('packs = ["styles"]\nselect = ["desk"]\n', "utf-8")
    story(repo, "none.txt")
    proc = factlint("check", "drafts", cwd=repo)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert "outside the repository root" in proc.stderr and "desk/spelling options" in proc.stderr
