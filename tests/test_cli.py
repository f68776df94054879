"""The command line as users and CI meet it: exit codes, one-line errors, formats, stdin, folders."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "seed" / "article.txt"
BAD = "Headline\n\nThe defence plan. The defense budget rose.\n"
CLEAN = "Headline\n\nThe defence plan. The defence budget rose.\n"


def factlint(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "factlint", *args], cwd=cwd or ROOT, input=stdin,
        capture_output=True, text=True, timeout=120,
    )


def assert_one_line_error(proc: subprocess.CompletedProcess, *needles: str) -> None:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    for needle in needles:
        assert needle in lines[0]


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "bad.txt").write_text(BAD, "utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, "utf-8")
    return tmp_path


def test_seed_text_report_names_positions() -> None:
    proc = factlint("check", str(SEED.relative_to(ROOT)), "--select", "consistency/spelling,consistency/title")
    assert "fixtures/seed/article.txt:7:113: warning consistency/title [*] 'Defense Secretary'" in proc.stdout
    # one finding per word family, at its first place; the message names the others
    assert "fixtures/seed/article.txt:1:57: warning consistency/spelling" in proc.stdout
    assert "(also at 3:185, 5:52, 11:33, 15:183: the same word family" in proc.stdout
    assert "^^^^^^^" in proc.stdout
    assert proc.returncode == 0  # warnings do not fail the default gate (fail-on = error)


def test_seed_json_report() -> None:
    proc = factlint("check", "fixtures/seed/article.txt", "--format", "json", "--select", "consistency")
    report = json.loads(proc.stdout)
    assert report["version"] == 1
    spelled = {(p["line"], p["column"], p["text"]) for f in report["findings"] if f["rule"] == "consistency/spelling"
               for p in [f, *f["related"]]}  # a word family's places: the finding and its related
    assert {(1, 57, "Defenses"), (3, 185, "defense"), (5, 52, "defense"),
            (11, 33, "defense"), (15, 183, "defense")} <= spelled
    # "Defense Secretary" is an office's name: consistency/title reports it, spelling does not
    titled = {(f["line"], f["column"], f["text"]) for f in report["findings"] if f["rule"] == "consistency/title"}
    assert (7, 113, "Defense Secretary") in titled and (7, 113, "Defense") not in spelled
    assert report["summary"]["files"] == 1


def test_exit_codes(drafts: Path) -> None:
    assert factlint("check", str(drafts / "clean.txt"), "--dialect", "auto").returncode == 0
    assert factlint("check", str(drafts / "bad.txt"), "--dialect", "auto").returncode == 0
    failing = factlint("check", str(drafts / "bad.txt"), "--dialect", "auto", "--fail-on", "warning")
    assert failing.returncode == 1
    assert factlint("check", str(drafts / "bad.txt"), "--fail-on", "warning", "--exit-zero").returncode == 0
    assert_one_line_error(factlint("check", "--select", "nope/rule", str(drafts)), "unknown rule or pack 'nope/rule'")


def test_fail_on_from_config(drafts: Path) -> None:
    (drafts / ".factlint.toml").write_text('fail-on = "warning"\n', "utf-8")
    assert factlint("check", str(drafts / "bad.txt")).returncode == 1
    assert factlint("check", str(drafts / "clean.txt")).returncode == 0


@pytest.mark.parametrize(
    ("content", "needles"),
    [
        ('dialect = "en-XX"\n', [".factlint.toml", "dialect"]),
        ("colour = true\n", [".factlint.toml", "colour", "unknown key"]),
        ("select = 3\n", [".factlint.toml", "select"]),
        ('select = ["consistency/nope"]\n', [".factlint.toml", "unknown rule or pack 'consistency/nope'"]),
        ("[severity]\n\"x/y\" = \"error\"\n", ["severity", "'x/y'"]),
        ('[rules."consistency/spelling"]\noxford = "often"\n', ["rules.consistency/spelling.oxford"]),
        ("this is = not toml\n", [".factlint.toml", "invalid TOML"]),
    ],
)
def test_config_errors_are_one_line(drafts: Path, content: str, needles: list[str]) -> None:
    (drafts / ".factlint.toml").write_text(content, "utf-8")
    assert_one_line_error(factlint("check", str(drafts / "bad.txt")), *needles)


def test_pyproject_config_and_nearest_wins(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.factlint]\ndialect = "en-US"\n', "utf-8")
    sub = tmp_path / "uk"
    sub.mkdir()
    (sub / ".factlint.toml").write_text('dialect = "en-GB"\n', "utf-8")
    (tmp_path / "us.txt").write_text("Headline\n\nThe defence budget.\n", "utf-8")
    (sub / "gb.txt").write_text("Headline\n\nThe defense budget.\n", "utf-8")
    proc = factlint("check", str(tmp_path), "--format", "json")
    found = {(Path(f["path"]).name, f["text"]) for f in json.loads(proc.stdout)["findings"]}
    assert found == {("us.txt", "defence"), ("gb.txt", "defense")}
    bad = tmp_path / "pyproject.toml"
    bad.write_text('[tool.factlint]\nfail_on = "sometimes"\n', "utf-8")
    assert_one_line_error(factlint("check", str(tmp_path / "us.txt")), "pyproject.toml", "tool.factlint.fail_on")


def test_unreadable_file_does_not_stop_the_others(drafts: Path) -> None:
    (drafts / "latin1.txt").write_bytes("Headline\n\nCaf\xe9 defense.\n".encode("latin-1"))
    proc = factlint("check", str(drafts), str(drafts / "missing.txt"), "--format", "json", "--dialect", "en-GB")
    report = json.loads(proc.stdout)
    by_path = {(Path(f["path"]).name, f["rule"]) for f in report["findings"]}
    assert ("latin1.txt", "io/unreadable") in by_path
    assert ("missing.txt", "io/unreadable") in by_path
    assert ("bad.txt", "consistency/spelling") in by_path
    assert proc.returncode == 1 and "Traceback" not in proc.stderr


def test_folder_recursion_include_exclude(tmp_path: Path) -> None:
    for name in ("a.md", "b.txt", "c.markdown", "d.rst", "sub/e.md", "sub/skip/f.md", ".hidden/g.md"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Headline\n\nThe defense budget.\n", "utf-8")
    (tmp_path / ".factlint.toml").write_text('dialect = "en-GB"\nexclude = ["sub/skip/*"]\n', "utf-8")
    proc = factlint("check", str(tmp_path), "--format", "json")
    names = sorted(Path(f["path"]).relative_to(tmp_path).as_posix() for f in json.loads(proc.stdout)["findings"])
    assert names == ["a.md", "b.txt", "c.markdown", "sub/e.md"]


def test_stdin_with_filename_uses_markdown_and_config(tmp_path: Path) -> None:
    (tmp_path / ".factlint.toml").write_text('dialect = "en-GB"\n', "utf-8")
    proc = factlint("check", "-", "--stdin-filename", str(tmp_path / "draft.md"), "--format", "json",
                    stdin="# Title\n\nThe `defense` and the defense.\n")
    (finding,) = json.loads(proc.stdout)["findings"]
    assert (finding["path"], finding["line"], finding["column"]) == (str(tmp_path / "draft.md"), 3, 23)


def test_github_and_statistics_formats(drafts: Path) -> None:
    proc = factlint("check", str(drafts / "bad.txt"), "--format", "github", "--dialect", "en-GB")
    assert proc.stdout.startswith(f"::warning file={drafts / 'bad.txt'},line=3,col=23,endLine=3,endColumn=30,")
    stats = factlint("check", str(drafts), "--statistics", "--dialect", "en-GB")
    assert stats.stdout.split() == ["1", "consistency/spelling", "warning", "[*]"]


def test_rules_and_explain() -> None:
    listing = json.loads(factlint("rules", "--format", "json").stdout)
    ids = {rule["id"] for rule in listing}
    assert "consistency/spelling" in ids
    explained = factlint("explain", "consistency/spelling")
    assert explained.returncode == 0 and "Bad:" in explained.stdout and "oxford" in explained.stdout
    assert_one_line_error(factlint("explain", "no/such"), "unknown rule 'no/such'")


def test_fix_and_diff(drafts: Path) -> None:
    target = drafts / "bad.txt"
    diff = factlint("check", str(target), "--diff", "--dialect", "en-GB")
    assert diff.returncode == 1 and "-The defence plan. The defense budget rose." in diff.stdout
    assert target.read_text("utf-8") == BAD  # --diff writes nothing
    fixed = factlint("check", str(target), "--fix", "--dialect", "en-GB")
    assert fixed.returncode == 0 and "Fixed 1" in fixed.stdout
    assert target.read_text("utf-8") == CLEAN
    again = factlint("check", str(target), "--fix", "--dialect", "en-GB")
    assert "Fixed" not in again.stdout and target.read_text("utf-8") == CLEAN


def test_a_plain_check_imports_neither_the_languagetool_install_code_nor_harper(
        tmp_path: Path) -> None:
    (tmp_path / "one.md").write_text("The minister said on Friday that talks would go on.\n")
    code = (
        "import sys\n"
        "from factlint.cli import main\n"
        "sys.argv = ['factlint', 'check', 'one.md', '--no-cache', '-q', '--exit-zero',\n"
        "            '--ignore', 'grammar,spelling']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted({'factlint.engines.lt_install', 'harper'} & set(sys.modules)))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                          text=True, check=True)
    assert proc.stdout.strip().splitlines()[-1] == "[]"
