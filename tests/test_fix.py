"""Safe --fix and --diff through the real command line: the file's form is kept, a second run
changes nothing, and broken files are never written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

DRAFT = (
    "Defence chiefs meet in Kyiv\n\n"
    "The Defence Secretary arrived on Monday. Later the Defense Secretary met air\n"
    "defense officials and spoke of the defences of the capital.\n"
)
FIXED = DRAFT.replace("Defense", "Defence").replace("defense", "defence")


def factlint(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factlint", "check", *args], cwd=folder,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    (tmp_path / ".factlint.toml").write_text('dialect = "en-GB"\n', "utf-8")
    return tmp_path


def test_fix_keeps_crlf_line_endings(newsroom: Path) -> None:
    draft = newsroom / "draft.txt"
    draft.write_bytes(DRAFT.replace("\n", "\r\n").encode())
    factlint(newsroom, "--fix", "draft.txt")
    data = draft.read_bytes()
    assert data == FIXED.replace("\n", "\r\n").encode()
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_fix_keeps_bom(newsroom: Path) -> None:
    draft = newsroom / "draft.txt"
    draft.write_bytes(b"\xef\xbb\xbf" + DRAFT.encode())
    factlint(newsroom, "--fix", "draft.txt")
    assert draft.read_bytes() == b"\xef\xbb\xbf" + FIXED.encode()


def test_second_fix_changes_nothing(newsroom: Path) -> None:
    seed = Path(__file__).resolve().parents[1] / "fixtures" / "seed" / "article.txt"
    draft = newsroom / "article.txt"
    draft.write_bytes(seed.read_bytes())
    factlint(newsroom, "--fix", "article.txt")
    once = draft.read_bytes()
    assert once != seed.read_bytes() and b"Defense" not in once and b"air defense" not in once
    second = factlint(newsroom, "--fix", "article.txt")
    assert draft.read_bytes() == once
    assert "[*]" not in second.stdout  # nothing fixable is left
    assert factlint(newsroom, "--diff", "article.txt").stdout == ""


def test_diff_writes_nothing(newsroom: Path) -> None:
    draft = newsroom / "draft.txt"
    draft.write_text(DRAFT, "utf-8")
    before = draft.stat().st_mtime_ns
    result = factlint(newsroom, "--diff", "draft.txt")
    assert draft.read_text("utf-8") == DRAFT and draft.stat().st_mtime_ns == before
    removed = "-The Defence Secretary arrived on Monday. Later the Defense Secretary met air"
    assert removed in result.stdout
    assert "+defence officials and spoke of the defences of the capital." in result.stdout
    assert result.returncode == 1
    assert not list(newsroom.glob(".*.factlint"))  # no temporary file left behind


def test_unreadable_file_is_never_written(newsroom: Path) -> None:
    draft = newsroom / "latin1.txt"
    data = "The Defense Secretary visited the caf\xe9.\n".encode("latin-1")
    draft.write_bytes(data)
    result = factlint(newsroom, "--fix", "latin1.txt")
    assert draft.read_bytes() == data
    assert "io/unreadable" in result.stdout


def test_broken_front_matter_is_never_written(newsroom: Path) -> None:
    draft = newsroom / "story.md"
    text = "---\ntitle: [unclosed\n---\nThe Defense Secretary spoke about defense.\n"
    draft.write_text(text, "utf-8")
    result = factlint(newsroom, "--fix", "story.md")
    assert draft.read_text("utf-8") == text
    assert "io/front-matter" in result.stdout


def test_fix_never_joins_lines(newsroom: Path) -> None:
    draft = newsroom / "draft.txt"
    draft.write_text("The Defence Secretary spoke. The Defense\nSecretary left.\n", "utf-8")
    factlint(newsroom, "--fix", "--select", "consistency/title", "draft.txt")
    assert draft.read_text("utf-8") == "The Defence Secretary spoke. The Defence\nSecretary left.\n"
