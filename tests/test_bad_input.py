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
    """Every draft and data file's hash; factlint's own result cache is not the user's file."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file() and ".factlint_cache" not in p.parts
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


# -- encodings and empty files ---------------------------------------------------------------
def _write(folder: Path, name: str, data: bytes) -> None:
    (folder / name).write_bytes(data)


ENCODING_CASES: dict[str, tuple[bytes, list[str], int]] = {  # bytes, findings, exit code
    "binary": (bytes(range(256)) * 64, ["io/unreadable"], 1),
    "invalid-utf8": ("The défence talks.".encode("latin-1"), ["io/unreadable"], 1),
    "utf16-bom": (
        "\ufeffThe defence and defense talks.\n".encode("utf-16"), ["consistency/spelling"], 0
    ),
    "utf16-no-bom": ("The defence talks.\n".encode("utf-16-le"), [], 0),
    "empty": (b"", [], 0),
    "whitespace-only": (b" \n\t\r\n  \n\r", [], 0),
    "nul-bytes": (b"The defence\x00 talks.\x00\n", [], 0),
}


@pytest.mark.parametrize("case", sorted(ENCODING_CASES))
def test_encodings_and_empty_files(cli: Runner, tmp_path: Path, case: str) -> None:
    data, rules, code = ENCODING_CASES[case]
    _write(tmp_path, "story.txt", data)
    outcome = lint_folder(tmp_path, *NO_GRAMMAR, runner=cli)
    assert outcome.code == code
    assert outcome.rules_of("story.txt") == rules


# -- sizes: the limits of docs/limits.md ------------------------------------------------------
def test_a_50_mb_file_is_too_large_and_never_read_whole(cli: Runner, tmp_path: Path) -> None:
    with (tmp_path / "archive.txt").open("wb") as handle:  # sparse: instant to write
        handle.write(b"The defence talks.\n")
        handle.seek(50_000_000)
        handle.write(b"The end.\n")
    outcome = lint_folder(tmp_path, *NO_GRAMMAR, runner=cli)
    assert outcome.code == 1
    [finding] = outcome.report["findings"][:1]
    assert (finding["path"], finding["rule"]) == ("archive.txt", "io/too-large")
    assert "5,000,000 bytes" in finding["message"]


def test_the_file_size_limit_is_a_setting(cli: Runner, tmp_path: Path) -> None:
    (tmp_path / ".factlint.toml").write_text("[limits]\nmax-file-bytes = 100\n", "utf-8")
    (tmp_path / "story.txt").write_text("The defence talks went on. " * 10, "utf-8")
    outcome = lint_folder(tmp_path, *NO_GRAMMAR, runner=cli)
    assert outcome.rules_of("story.txt") == ["io/too-large"]


def test_a_spent_time_budget_leaves_the_rest_unchecked_with_an_error(
    cli: Runner, tmp_path: Path
) -> None:
    (tmp_path / "slow").mkdir()
    (tmp_path / "slow" / ".factlint.toml").write_text("[limits]\ntime-budget = 0\n", "utf-8")
    (tmp_path / "slow" / "story.txt").write_text("The defence and defense talks.\n", "utf-8")
    outcome = lint_folder(tmp_path, *NO_GRAMMAR, runner=cli)
    [finding] = [f for f in outcome.report["findings"] if f["path"] == "slow/story.txt"]
    assert finding["rule"] == "io/too-large" and "time budget of 0 s" in finding["message"]
    assert outcome.code == 1


# Engine limits run with grammar on, in a subprocess: before the limits, the 100,000-letter word
# made Harper abort the whole process (exit 134) asking for 7.7 GB.
@pytest.mark.parametrize(("length", "skipped"), [(100_000, "paragraph"), (15_000, "word")])
def test_a_huge_word_is_left_out_of_the_spell_check(
    tmp_path: Path, length: int, skipped: str
) -> None:
    (tmp_path / "story.txt").write_text(
        "Talks\n\nThe code " + "a" * length + " was sent. Their is a problem.\n\n"
        "Their is a second problem.\n", "utf-8"
    )
    outcome = lint_folder(tmp_path)
    findings = [f for f in outcome.report["findings"] if f["path"] == "story.txt"]
    [skip] = [f for f in findings if f["rule"] == "io/skipped"]
    assert skip["severity"] == "info" and f"a {skipped} of" in skip["message"]
    assert skip["column"] == (10 if skipped == "word" else 1)
    grammar = [f["line"] for f in findings if f["rule"] == "grammar/grammar"]
    assert grammar == ([3, 5] if skipped == "word" else [5])  # the rest is still checked
    assert outcome.code == 0


def test_a_2_mb_paragraph_is_left_out_of_the_grammar_check(tmp_path: Path) -> None:
    sentence = "The defence plan was agreed on Monday, and the talks went well. "
    (tmp_path / "story.txt").write_text(
        "Talks\n\n" + sentence * 33_000 + "\n\nTheir is a problem.\n", "utf-8"
    )
    outcome = lint_folder(tmp_path)
    rules = outcome.rules_of("story.txt")
    assert rules.count("io/skipped") == 1 and "grammar/grammar" in rules


# -- quotation marks and nesting -------------------------------------------------------------
STRUCTURE_CASES = {
    "20000-quotation-marks": "He said " + '"' * 20_000 + ".\n",
    "10000-curly-quotations": "He said " + " ".join(["“we are ready,”"] * 5_000) + " he said.\n",
    "unbalanced-quotes": "“The talks failed, he said.\n\n”But the defence plan “held.\n",
    "nested-quotes": "He said “she said ‘they said “no” to it’ today” again.\n",
}


@pytest.mark.parametrize("case", sorted(STRUCTURE_CASES))
def test_quotation_marks_in_bulk(cli: Runner, tmp_path: Path, case: str) -> None:
    (tmp_path / "story.txt").write_text(STRUCTURE_CASES[case], "utf-8")
    outcome = lint_folder(tmp_path, *NO_GRAMMAR, runner=cli)
    assert outcome.code in (0, 1)


MARKDOWN_CASES = {
    "blockquotes-1000-deep": "> " * 1000 + "The defence talks.\n",
    "lists-1000-deep": "".join("  " * i + "- item\n" for i in range(1000)),
    "emphasis-1000-deep": "*" * 1000 + "defence" + "*" * 1000 + "\n",
    "links-1000-deep": "[" * 1000 + "defence" + "](x)" * 1000 + "\n",
    "unclosed-code-fence": "```\nThe defense talks.\n",
    "html-comment-unclosed": "<!-- factlint-disable\nThe defense talks.\n",
}


@pytest.mark.parametrize("case", sorted(MARKDOWN_CASES))
def test_deeply_nested_markdown(cli: Runner, tmp_path: Path, case: str) -> None:
    (tmp_path / "story.md").write_text(MARKDOWN_CASES[case], "utf-8")
    outcome = lint_folder(tmp_path, *NO_GRAMMAR, runner=cli)
    assert outcome.code in (0, 1)
    for finding in outcome.report["findings"]:
        assert not finding["rule"].startswith("io/"), finding


# -- hostile registries and packs ------------------------------------------------------------
HOSTILE_REGISTRIES = {
    "alias-bomb": alias_bomb() + "\nplaces:\n  - name: Kyiv\n    variants: *a8\n",
    "a-list": "- Grant Shapps\n",
    "huge-name": "people:\n  - name: " + "Shapps " * 100_000 + "\n",
    "python-tag": "people: !!python/object/apply:os.system ['true']\n",
    "deep-nesting": "people: " + "[" * 5000 + "]" * 5000 + "\n",
}


@pytest.mark.parametrize("case", sorted(HOSTILE_REGISTRIES))
def test_hostile_registry_is_one_error_line(cli: Runner, tmp_path: Path, case: str) -> None:
    (tmp_path / "facts.yaml").write_text(HOSTILE_REGISTRIES[case], "utf-8")
    (tmp_path / ".factlint.toml").write_text('facts = ["facts.yaml"]\n', "utf-8")
    (tmp_path / "a.txt").write_text("Grant Shapps, the Defence Secretary, spoke in Kiev.\n", "utf-8")
    for args in (("facts", "check", "facts.yaml"), ("check", ".", *NO_GRAMMAR)):
        code, stdout, stderr = cli(tmp_path, *args)
        assert "Traceback" not in stderr
        if code == 2:
            [line] = stderr.strip().splitlines()
            assert "facts.yaml" in line and stdout == b""
        else:  # a registry that validates (the long name) lints normally
            assert case == "huge-name" and code in (0, 1)


def pack_rule(options: str, extra: str = "") -> str:
    return (
        "- name: desk-rule\n  kind: existence\n  severity: warning\n  summary: A house rule.\n"
        "  rationale: The desk says so.\n  message: \"'{found}' is not house style\"\n"
        f"  options: {options}\n  examples: {{bad: 'a', good: 'b'}}\n{extra}"
    )


HOSTILE_PACKS = {
    "alias-bomb": alias_bomb() + "\n" + pack_rule("{terms: *a8}"),
    "not-a-list": "name: x\n",
    "catastrophic-regex": pack_rule("{patterns: ['(a|aa)+c', '(a+)+$']}"),
    "invalid-regex": pack_rule("{patterns: ['(unclosed']}"),
    "bad-date-in-pack": pack_rule("{terms: [boffin]}", "  since: 2023-02-30\n"),
    "huge-term-list": pack_rule("[" + ", ".join(f"w{i}" for i in range(50_000)) + "]"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_PACKS))
def test_hostile_pack_is_one_error_line_or_runs_safely(
    cli: Runner, tmp_path: Path, case: str
) -> None:
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "desk.yaml").write_text(HOSTILE_PACKS[case], "utf-8")
    (tmp_path / ".factlint.toml").write_text('packs = ["styles"]\n', "utf-8")
    (tmp_path / "a.txt").write_text("a" * 5000 + "!\n", "utf-8")
    (tmp_path / "b.txt").write_text("Talks\n\nThe aaac code.\n", "utf-8")
    code, stdout, stderr = cli(tmp_path, "check", ".", "--format", "json", *NO_GRAMMAR)
    assert "Traceback" not in stderr
    if code == 2:
        [line] = stderr.strip().splitlines()
        assert "desk.yaml" in line and stdout == b""
    else:  # RE2: a pattern that backtracks for ever elsewhere runs in linear time here
        assert case == "catastrophic-regex" and code == 0  # a warning: fail-on is error
        found = {(f["path"], f["rule"]) for f in json.loads(stdout)["findings"]}
        assert found == {("b.txt", "desk/desk-rule")}
