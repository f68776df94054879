"""What the README and --help promise holds: --diff on standard input, colour, -q, --as-of, the
suppression example, folders that cannot be checked, undecodable input, conflicting flags."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from factlint.config import Overrides
from factlint.engine import Runner

ROOT = Path(__file__).resolve().parents[1]
BAD = "Budget talks\n\nThe defence ministry said the defense budget would rise.\n"
ESC = "\x1b["


def factlint(*args: str, cwd: Path = ROOT, stdin: str | bytes | None = None,
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    return subprocess.run(
        [sys.executable, "-m", "factlint", *args], cwd=cwd, input=stdin, capture_output=True,
        text=not isinstance(stdin, bytes), timeout=120, env={**environ, **(env or {})},
    )


def one_line_usage_error(proc: subprocess.CompletedProcess, needle: str) -> None:
    assert proc.returncode == 2 and proc.stdout == ""
    [line] = proc.stderr.strip().splitlines()
    assert line.startswith("factlint: error:") and needle in line


def test_diff_on_standard_input_prints_the_diff() -> None:
    proc = factlint("check", "-", "--diff", "--dialect", "en-GB", "--select", "consistency", stdin=BAD)
    assert proc.returncode == 1
    assert "-The defence ministry said the defense budget would rise." in proc.stdout
    assert "+The defence ministry said the defence budget would rise." in proc.stdout
    clean = factlint("check", "-", "--diff", "--dialect", "en-GB", stdin=BAD.replace("defense", "defence"))
    assert clean.returncode == 0 and clean.stdout == ""


@pytest.mark.parametrize(("flags", "env", "coloured"), [
    (["--color"], {}, True),
    ([], {}, False),  # not a terminal
    (["--color"], {"NO_COLOR": "1"}, True),  # the flag wins over the environment
    (["--no-color"], {}, False),
])
def test_color_flag_and_no_color(tmp_path: Path, flags: list[str], env: dict[str, str], coloured: bool) -> None:
    (tmp_path / "a.txt").write_text(BAD, "utf-8")
    proc = factlint("check", "a.txt", "--dialect", "en-GB", *flags, cwd=tmp_path, env=env)
    assert (ESC in proc.stdout) is coloured, proc.stdout


def test_no_color_turns_colour_off_on_a_terminal(tmp_path: Path) -> None:
    """NO_COLOR (https://no-color.org) is honoured where colour would otherwise be on: a terminal."""
    pty = pytest.importorskip("pty")
    (tmp_path / "a.txt").write_text(BAD, "utf-8")
    outputs = {}
    for name, extra in (("tty", {}), ("no_color", {"NO_COLOR": "1"})):
        leader, follower = pty.openpty()
        environ = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
        proc = subprocess.run([sys.executable, "-m", "factlint", "check", "a.txt", "--dialect", "en-GB"],
                              cwd=tmp_path, stdout=follower, stderr=subprocess.PIPE, timeout=120,
                              env={**environ, **extra})
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(leader)
        outputs[name] = b"".join(chunks).decode("utf-8", "replace")
        assert proc.returncode == 0
    assert ESC in outputs["tty"] and ESC not in outputs["no_color"]


def test_quiet_prints_findings_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BAD, "utf-8")
    proc = factlint("check", "a.txt", "-q", "--dialect", "en-GB", "--select", "consistency", cwd=tmp_path)
    assert proc.stdout.splitlines() == [
        "a.txt:3:31: warning consistency/spelling [*] 'defense' is American spelling; the house "
        "style (en-GB) is 'defence'"
    ]


@pytest.mark.parametrize("value", ["garbage", "2023-02-30", "22/09/2023", "2023-09-22T10:00junk"])
def test_as_of_must_be_a_date(value: str) -> None:
    one_line_usage_error(factlint("check", "-", "--as-of", value, stdin=BAD), "--as-of")


def test_as_of_accepts_a_date() -> None:
    assert factlint("check", "-", "--as-of", "2023-09-22", "--select", "dates", stdin=BAD).returncode == 0


@pytest.mark.parametrize(("flags", "needle"), [
    (["--fix", "--diff"], "--fix and --diff"),
    (["--statistics", "--format", "json"], "--statistics"),
    (["--statistics", "--format", "github"], "--statistics"),
])
def test_conflicting_flags_are_a_usage_error(flags: list[str], needle: str) -> None:
    one_line_usage_error(factlint("check", "-", *flags, stdin=BAD), needle)


def readme_suppression_example() -> str:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## Suppressions", 1)[1]
    block = re.search(r"```markdown\n(.*?)```", section, re.DOTALL)
    assert block
    return block.group(1).split("\n\n")[0] + "\n"  # the disable-next-line example


def test_the_readme_suppression_example_suppresses_and_survives_fix(tmp_path: Path) -> None:
    example = readme_suppression_example()
    assert "factlint-disable-next-line consistency/spelling" in example
    draft = tmp_path / "story.md"
    draft.write_text("# Pentagon review\n\n" + example, "utf-8")
    (tmp_path / ".factlint.toml").write_text('dialect = "en-GB"\n', "utf-8")
    without = example.split("\n", 1)[1]
    (tmp_path / "bare.md").write_text("# Pentagon review\n\n" + without, "utf-8")
    report = json.loads(factlint("check", ".", "--format", "json", "--ignore", "grammar,spelling",
                                 cwd=tmp_path).stdout)["findings"]
    # Without the comment the line has a finding; with it, none (and no unused-suppression).
    assert [(f["path"], f["rule"]) for f in report] == [("bare.md", "consistency/spelling")]
    factlint("check", "story.md", "--fix", "--ignore", "grammar,spelling", cwd=tmp_path)
    assert draft.read_text("utf-8") == "# Pentagon review\n\n" + example


def test_undecodable_standard_input_is_io_unreadable() -> None:
    proc = factlint("check", "-", "--format", "json", stdin=b"Budget\n\nThe caf\xe9 opened.\n")
    report = json.loads(proc.stdout)["findings"]
    assert [(f["path"], f["rule"]) for f in report] == [("-", "io/unreadable")]
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr


def test_fix_on_undecodable_standard_input_passes_the_bytes_through() -> None:
    data = b"Budget\n\nThe caf\xe9 opened. The defense budget rose.\n"
    proc = factlint("check", "-", "--fix", "--dialect", "en-GB", stdin=data)
    assert proc.stdout == data  # a pipeline keeps its text: nothing is lost
    assert b"io/unreadable" in proc.stderr and proc.returncode == 1


@pytest.mark.parametrize("content", [None, b"The caf\xe9 opened.\n"])
def test_analyze_refuses_a_fifo_and_reports_undecodable_text(tmp_path: Path, content: bytes | None) -> None:
    draft = tmp_path / "draft.txt"
    if content is None:
        os.mkfifo(draft)  # reading it would wait for a writer for ever
    else:
        draft.write_bytes(content)
    proc = factlint("analyze", str(draft), cwd=tmp_path)
    one_line_usage_error(proc, "draft.txt")


def test_a_symlinked_sub_folder_is_reported_not_skipped(tmp_path: Path) -> None:
    (tmp_path / "drafts" / "desk").mkdir(parents=True)
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.txt").write_text(BAD, "utf-8")
    (tmp_path / "drafts" / "desk" / "a.txt").write_text(BAD.replace("defense", "defence"), "utf-8")
    (tmp_path / "drafts" / "linked").symlink_to(tmp_path / "archive")
    proc = factlint("check", "drafts", "--format", "json", "--dialect", "en-GB", cwd=tmp_path)
    report = json.loads(proc.stdout)["findings"]
    assert [(f["path"], f["rule"]) for f in report] == [("drafts/linked", "io/refused")]
    assert "not followed" in report[0]["message"] and proc.returncode == 1


def test_a_symlink_loop_is_io_unreadable_and_the_rest_is_linted(tmp_path: Path) -> None:
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    (tmp_path / "ok.txt").write_text(BAD, "utf-8")
    for args in (["."], ["loop.md", "ok.txt"]):
        proc = factlint("check", *args, "--format", "json", "--dialect", "en-GB", "--select", "consistency,io",
                        cwd=tmp_path)
        report = json.loads(proc.stdout)["findings"]
        assert [(f["path"].removeprefix("./"), f["rule"]) for f in report] == [
            ("loop.md", "io/unreadable"), ("ok.txt", "consistency/spelling")]
        assert "symbolic links" in report[0]["message"]


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a-locked").mkdir()
    (tmp_path / "a-locked" / "hidden.txt").write_text(BAD, "utf-8")
    (tmp_path / "b.txt").write_text(BAD, "utf-8")
    scandir = os.scandir

    def refuse_locked(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "a-locked":  # as `chmod 000` does for a user other than root
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse_locked)
    runner = Runner(Overrides(dialect="en-GB", select=("consistency", "io")))
    results = [runner.lint_file(p) for p in runner.expand([str(tmp_path)])]
    got = [(Path(r.path).name, f.rule, f.message) for r in results for f in r.findings]
    assert got == [
        ("a-locked", "io/unreadable", "cannot read folder: Permission denied"),
        ("b.txt", "consistency/spelling", got[1][2]),
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files and folders whatever their mode")
def test_unreadable_file_and_folder_as_a_user(tmp_path: Path) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(BAD, "utf-8")
    (tmp_path / "secret.txt").write_text(BAD, "utf-8")
    (tmp_path / "secret.txt").chmod(0)
    (tmp_path / "locked").chmod(0)
    try:
        proc = factlint("check", ".", "--format", "json", "--select", "io", cwd=tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
    report = json.loads(proc.stdout)["findings"]
    assert [(f["path"], f["rule"]) for f in report] == [("locked", "io/unreadable"), ("secret.txt", "io/unreadable")]
