"""Bad input through the real command line: a defined exit code, no traceback, the other files
still linted, no file changed.

Each case puts one bad draft next to a good one that has a known finding, runs `factlint check`
on the folder through the console entry point (``factlint.cli.main``) and reads the JSON report.
In-process keeps the matrix fast; the cases that once killed the process (an engine asking for
gigabytes) run in a subprocess, so a regression fails one test instead of the whole session.
Big inputs are generated in tmp_path.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

GOOD = "Budget talks\n\nThe defence budget rose. The defense plan was agreed on Monday.\n"
GOOD_FINDING = ("good.txt", "consistency/spelling")
NO_GRAMMAR = ("--ignore", "grammar,spelling")
Runner = Callable[..., tuple[int, bytes, str]]


def run_subprocess(folder: Path, *args: str) -> tuple[int, bytes, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "factlint", *args], cwd=folder, capture_output=True, timeout=300
    )
    return proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace")


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
        ) -> Callable[..., tuple[int, bytes, str]]:
    """Run `factlint ARGS` in this process from ``folder``: (exit code, stdout, stderr)."""
    from factlint.cli import main

    def invoke(folder: Path, *args: str) -> tuple[int, bytes, str]:
        monkeypatch.chdir(folder)
        monkeypatch.setattr(sys, "argv", ["factlint", *args])
        capsysbinary.readouterr()
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        out, err = capsysbinary.readouterr()
        return code, out, err.decode("utf-8", "replace")

    return invoke


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


@dataclass
class Outcome:
    code: int
    report: dict  # type: ignore[type-arg]
    stderr: str

    def rules_of(self, path: str) -> list[str]:
        return [f["rule"] for f in self.report["findings"] if f["path"] == path]


def lint_folder(
    folder: Path, *args: str, runner: Callable[..., tuple[int, bytes, str]] = run_subprocess
) -> Outcome:
    """Lint a folder holding good.txt and the bad draft; check what every case must hold."""
    (folder / "good.txt").write_text(GOOD, "utf-8")
    before = snapshot(folder)
    code, stdout, stderr = runner(folder, "check", ".", "--format", "json", "--dialect", "en-GB",
                                  *args)
    assert "Traceback" not in stderr, stderr
    assert snapshot(folder) == before, "a file changed"
    report = json.loads(stdout)
    outcome = Outcome(code, report, stderr)
    assert GOOD_FINDING[1] in outcome.rules_of(GOOD_FINDING[0]), "the good draft was not linted"
    for finding in report["findings"]:
        assert not finding["rule"].startswith("meta/"), finding
    return outcome


# -- front matter ----------------------------------------------------------------------------
FRONT_MATTER_CASES = {
    "invalid-date": "---\ntitle: Talks resume\ndate: 2023-09-31\n---\n\nThe talks resumed.\n",
    "invalid-date-deep": (
        "---\ntitle: Talks resume\nupdates:\n  - {when: 2023-02-30, by: desk}\n---\n\nText.\n"
    ),
    "invalid-date-as-key": "---\n2023-13-01: x\n---\n\nThe talks resumed.\n",
    "a-list": "---\n- title\n- date\n---\n\nThe talks resumed.\n",
    "unclosed": "---\ntitle: [unclosed\n---\n\nThe talks resumed.\n",
    "python-tag": "---\nx: !!python/object/apply:os.system ['true']\n---\n\nText.\n",
    "deep-nesting": "---\nx: " + "[" * 5000 + "]" * 5000 + "\n---\n\nThe talks resumed.\n",
}


@pytest.mark.parametrize("case", sorted(FRONT_MATTER_CASES))
def test_malformed_front_matter_is_one_finding_naming_the_line(cli: Runner, tmp_path: Path, case: str) -> None:
    (tmp_path / "story.md").write_text(FRONT_MATTER_CASES[case], "utf-8")
    outcome = lint_folder(tmp_path, *NO_GRAMMAR, runner=cli)
    assert outcome.code == 1
    assert outcome.rules_of("story.md") == ["io/front-matter"]


def test_a_date_that_is_no_real_date_names_the_line_and_the_body_is_still_linted(
    cli: Runner, tmp_path: Path,
) -> None:
    (tmp_path / "story.md").write_text(
        "---\ntitle: Talks resume\ndate: 2023-09-31\n---\n\nThe defence and defense talks.\n",
        "utf-8",
    )
    outcome = lint_folder(tmp_path, *NO_GRAMMAR, runner=cli)
    [error] = [f for f in outcome.report["findings"] if f["rule"] == "io/front-matter"]
    assert "line 3" in error["message"] and "2023-09-31" in error["message"]
    assert "consistency/spelling" in outcome.rules_of("story.md")


def alias_bomb(levels: int = 9) -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines)


@pytest.mark.parametrize("key", ["title", "date", "sources", "description", "x"])
def test_front_matter_alias_bomb_is_not_expanded(cli: Runner, tmp_path: Path, key: str) -> None:
    text = f"---\n{alias_bomb()}\n{key}: *a8\n---\n\nThe defence talks resumed.\n"
    (tmp_path / "story.md").write_text(text, "utf-8")
    lint_folder(tmp_path, *NO_GRAMMAR, runner=cli)


def test_a_huge_front_matter_string(cli: Runner, tmp_path: Path) -> None:
    text = "---\ntitle: " + "Talks resume " * 150_000 + "\n---\n\nThe talks resumed.\n"
    (tmp_path / "story.md").write_text(text, "utf-8")
    outcome = lint_folder(tmp_path, *NO_GRAMMAR, runner=cli)
    assert outcome.code in (0, 1)


# -- facts registry --------------------------------------------------------------------------
REGISTRY = """people:
  - name: Grant Shapps
    offices:
      - {title: Defence Secretary, organisation: United Kingdom, start: 2023-08-31, end: 2024-02-30}
"""


def test_registry_with_a_date_that_is_no_real_date(cli: Runner, tmp_path: Path) -> None:
    (tmp_path / "facts.yaml").write_text(REGISTRY, "utf-8")
    (tmp_path / ".factlint.toml").write_text('facts = ["facts.yaml"]\n', "utf-8")
    (tmp_path / "a.txt").write_text("Grant Shapps, the Defence Secretary, spoke.\n", "utf-8")
    (tmp_path / "b.txt").write_text("Grant Shapps spoke.\n", "utf-8")
    for args in (("facts", "check", "facts.yaml"), ("check", ".")):
        code, stdout, stderr = cli(tmp_path, *args)
        assert code == 2, stdout
        assert "Traceback" not in stderr and stdout == b""
        [line] = stderr.strip().splitlines()
        assert "facts.yaml:4:" in line and "2024-02-30" in line and "not a real date" in line


# -- line endings ----------------------------------------------------------------------------
CR_DRAFT = "Budget talks\r\rThe defence budget rose.\rThe defense plan was agreed.\r"


def test_lone_cr_before_an_html_block(cli: Runner, tmp_path: Path) -> None:
    (tmp_path / "story.md").write_text("a\r<div>x</div>", "utf-8")
    outcome = lint_folder(tmp_path, *NO_GRAMMAR, runner=cli)
    assert outcome.rules_of("story.md") == []


@pytest.mark.parametrize("name", ["story.md", "story.txt"])
def test_cr_only_line_endings_lint_like_their_lf_twin(cli: Runner, tmp_path: Path, name: str) -> None:
    (tmp_path / "cr").mkdir()
    (tmp_path / "lf").mkdir()
    (tmp_path / "cr" / name).write_bytes(CR_DRAFT.encode())
    (tmp_path / "lf" / name).write_bytes(CR_DRAFT.replace("\r", "\n").encode())
    cr, lf = lint_folder(tmp_path / "cr", *NO_GRAMMAR, runner=cli), lint_folder(tmp_path / "lf", *NO_GRAMMAR, runner=cli)

    def positions(outcome: Outcome) -> list[tuple]:  # type: ignore[type-arg]
        return [(f["rule"], f["line"], f["column"], f["offset"], f["end_offset"], f["text"])
                for f in outcome.report["findings"] if f["path"] == name]

    assert positions(cr) == positions(lf)
    [(rule, line, column, offset, end, text)] = positions(cr)
    assert (rule, line, column) == ("consistency/spelling", 4, 5)
    assert CR_DRAFT[offset:end] == text == "defense"
