"""The LanguageTool backend: mapping and failure paths against a fake server (no Java needed).
The local server's start-up failures are in test_lt_local.py, a real LanguageTool in
test_languagetool_real.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fake_languagetool import FakeLanguageTool

from factlint import lint_text
from factlint.config import Overrides
from factlint.engines import close_all
from factlint.engines.languagetool import code_points_to_utf16, utf16_to_code_points
from factlint.errors import FactlintError

A_AN = {"id": "EN_A_VS_AN", "message": "Use 'an' before a vowel sound.", "replacements": ["an"]}
COMMA = {
    "id": "COMMA_PARENTHESIS_WHITESPACE",
    "message": "Put a space after the comma.",
    "replacements": [", "],
    "category": "TYPOGRAPHY",
    "issueType": "whitespace",
}
SPELLER = {
    "id": "MORFOLOGIK_RULE_EN_GB",
    "message": "Possible spelling mistake found.",
    "replacements": ["received"],
    "category": "TYPOS",
    "issueType": "misspelling",
}


def write_config(folder: Path, url: str, extra: str = "") -> Path:
    path = folder / ".factlint.toml"
    path.write_text(
        f'dialect = "en-GB"\n{extra}\n[grammar]\nbackend = "languagetool"\n'
        f'[grammar.languagetool]\nurl = "{url}"\ntimeout = 0.5\n',
        "utf-8",
    )
    return path


def lint(folder: Path, text: str, url: str, name: str = "draft.md", extra: str = "", **over):
    config = write_config(folder, url, extra)
    try:
        return lint_text(
            text, path=str(folder / name), config=str(config), overrides=Overrides(**over)
        )
    finally:
        close_all()


@pytest.mark.parametrize(
    ("prefix", "word"),
    [
        ("", "a investigation"),
        ("Fans 👍👍 cheered. ", "a investigation"),  # non-BMP before the match
        ("𝐁𝐨𝐥𝐝 text: ", "a investigation"),
        ("The team 🏳️‍🌈 said there will be ", "a investigation"),  # ZWJ emoji sequence
    ],
)
def test_match_maps_to_exact_source_span_with_non_bmp_text(tmp_path, prefix, word):
    text = f"---\ntitle: Report\n---\n\n{prefix}Police said there will be {word}.\r\n"
    with FakeLanguageTool({word: A_AN}) as server:
        findings = lint(tmp_path, text, server.url, select=("grammar",))
    (finding,) = findings
    assert finding.rule == "grammar/lt:EN_A_VS_AN"
    assert finding.text == word == text[finding.offset : finding.end_offset]
    assert (finding.line, finding.column) == (
        5,
        len(prefix) + len("Police said there will be ") + 1,
    )
    assert finding.suggestions == ["an"]


def test_match_spanning_non_bmp_characters_has_the_right_length(tmp_path):
    text = "The crowd chanted 👍👍 loudly.\n"
    with FakeLanguageTool({"👍👍": {"id": "EMOJI_RULE", "replacements": [""]}}) as server:
        (finding,) = lint(tmp_path, text, server.url, name="draft.txt", select=("grammar",))
    assert finding.text == "👍👍"
    assert finding.end_column - finding.column == 2


def test_utf16_conversion_helpers():
    text = "a👍b𝐁c"
    assert code_points_to_utf16(text, 2) == 3
    assert code_points_to_utf16(text, 4) == 6
    assert utf16_to_code_points(text[1:], 2) == 1  # the emoji alone
    assert utf16_to_code_points(text[1:], 5) == 3  # 👍 b 𝐁


def test_speller_matches_are_name_aware_unknown_words(tmp_path):
    text = "The minister recieved Umerov on Monday.\n"
    rules = {"recieved": SPELLER, "Umerov": {**SPELLER, "replacements": ["Umbrella"]}}
    with FakeLanguageTool(rules) as server:
        findings = lint(tmp_path, text, server.url, name="d.txt", select=("spelling",))
    assert [(f.rule, f.text) for f in findings] == [("spelling/unknown-word", "recieved")]


def test_dynamic_rule_ids_select_ignore_and_severity(tmp_path):
    text = "Police said there will be a investigation,and a inquiry.\n"
    rules = {"a investigation": A_AN, ",": COMMA}
    with FakeLanguageTool(rules) as server:
        every = lint(tmp_path, text, server.url, name="d.txt", select=("grammar",))
        assert {f.rule for f in every} == {
            "grammar/lt:EN_A_VS_AN",
            "grammar/lt:COMMA_PARENTHESIS_WHITESPACE",
        }
        ignored = lint(
            tmp_path,
            text,
            server.url,
            name="d.txt",
            select=("grammar",),
            ignore=("grammar/lt:COMMA_PARENTHESIS_WHITESPACE",),
        )
        assert [f.rule for f in ignored] == ["grammar/lt:EN_A_VS_AN"]
        only = lint(
            tmp_path,
            text,
            server.url,
            name="d.txt",
            select=("grammar/lt:COMMA_PARENTHESIS_WHITESPACE",),
        )
        assert [f.rule for f in only] == ["grammar/lt:COMMA_PARENTHESIS_WHITESPACE"]
        none = lint(
            tmp_path, text, server.url, name="d.txt", select=("grammar",), ignore=("grammar/lt",)
        )
        assert none == []
        severe = lint(
            tmp_path,
            text,
            server.url,
            name="d.txt",
            select=("grammar",),
            extra='[severity]\n"grammar/lt:EN_A_VS_AN" = "error"',
        )
        assert {f.rule: f.severity.value for f in severe}["grammar/lt:EN_A_VS_AN"] == "error"


def test_one_client_for_all_files_of_a_run(tmp_path):
    from factlint.engine import Runner

    with FakeLanguageTool({"a investigation": A_AN}) as server:
        write_config(tmp_path, server.url)
        for name in ("one.txt", "two.txt", "three.md"):
            (tmp_path / name).write_text("There will be a investigation.\n", "utf-8")
        runner = Runner()
        try:
            results = [
                runner.lint_file(p) for p in sorted(tmp_path.glob("*.*")) if p.suffix != ".toml"
            ]
        finally:
            close_all()
    assert [len(r.findings) for r in results] == [1, 1, 1]
    assert server.language_queries == 1 and len(server.requests) == 3


def test_dynamic_rule_ids_in_suppressions(tmp_path):
    text = (
        "<!-- factlint-disable-next-line grammar/lt:EN_A_VS_AN -->\n"
        "Police said there will be a investigation,and a inquiry.\n"
    )
    with FakeLanguageTool({"a investigation": A_AN, ",": COMMA}) as server:
        findings = lint(tmp_path, text, server.url, select=("grammar", "meta"))
    assert [f.rule for f in findings] == ["grammar/lt:COMMA_PARENTHESIS_WHITESPACE"]


def test_quoted_speech_and_headlines(tmp_path):
    text = (
        "Minister in a investigation row\n\n"
        'She said: "It was a investigation." It is a investigation.\n'
    )
    with FakeLanguageTool(
        {"a investigation": A_AN, "Minister": {"id": "UPPERCASE_X", "category": "CASING"}}
    ) as server:
        findings = lint(tmp_path, text, server.url, name="d.txt", select=("grammar",))
    last = text.splitlines()[2].rindex("a investigation") + 1
    assert [(f.line, f.column) for f in findings] == [(1, 13), (3, last)]  # not the quote


def test_options_are_sent_to_the_server(tmp_path):
    with FakeLanguageTool({}) as server:
        config = write_config(tmp_path, server.url)
        config.write_text(
            config.read_text()
            + 'disable = ["EN_QUOTES"]\ndisable-categories = ["TYPOS"]\npicky = true\n'
        )
        lint_text("A sentence.\n", path=str(tmp_path / "d.txt"), config=str(config))
        close_all()
    form = server.requests[-1]
    assert form["language"] == ["en-GB"] and form["level"] == ["picky"]
    disabled = set(form["disabledRules"][0].split(","))
    categories = set(form["disabledCategories"][0].split(","))
    assert {"EN_QUOTES", "COMMA_COMPOUND_SENTENCE"} <= disabled  # the config's and the house's
    assert {"TYPOS", "BRE_STYLE_OXFORD_SPELLING"} <= categories


def test_news_defaults_are_off_unless_enabled(tmp_path):
    text = "Police said there will be a investigation, and anti-virus firms agreed.\n"
    rules = {
        "a investigation": A_AN,
        "anti-virus": {"id": "EN_COMPOUNDS_ANTI_VIRUS", "category": "MISC"},
    }

    def run(enable: str) -> tuple[set[str], set[str]]:
        config = write_config(tmp_path, server.url)
        config.write_text(config.read_text() + enable)
        found = lint_text(
            text, path=str(tmp_path / "d.txt"), config=str(config),
            overrides=Overrides(select=("grammar",)),
        )
        close_all()
        return {f.rule for f in found}, set(server.requests[-1]["disabledRules"][0].split(","))

    with FakeLanguageTool(rules) as server:
        house, house_disabled = run("")
        enabled, enabled_disabled = run(
            'enable = ["EN_COMPOUNDS_ANTI_VIRUS", "COMMA_COMPOUND_SENTENCE"]\n'
        )
    assert house == {"grammar/lt:EN_A_VS_AN"}  # the EN_COMPOUNDS_ family is dropped by factlint
    assert "COMMA_COMPOUND_SENTENCE" in house_disabled
    assert enabled == {"grammar/lt:EN_A_VS_AN", "grammar/lt:EN_COMPOUNDS_ANTI_VIRUS"}
    assert "COMMA_COMPOUND_SENTENCE" not in enabled_disabled


def test_lt_rule_examples_against_the_fake_server(tmp_path):
    from factlint.packs import builtin_rules_dir, load_pack_file

    (spec,) = [
        s for s in load_pack_file("grammar", builtin_rules_dir() / "grammar.yaml") if s.name == "lt"
    ]
    with FakeLanguageTool({"a investigation": A_AN}) as server:
        bad = lint(
            tmp_path, spec.examples.bad, server.url, name="example.txt", select=("grammar/lt",)
        )
        good = lint(
            tmp_path, spec.examples.good, server.url, name="example.txt", select=("grammar/lt",)
        )
    assert [f.rule for f in bad] == ["grammar/lt:EN_A_VS_AN"] and good == []


# -- failures: one clear line naming the fix, never a finding, never a silent pass ---------------
def expect_error(tmp_path, url, *fragments, mode="ok"):
    with FakeLanguageTool({}, mode=mode) as server, pytest.raises(FactlintError) as info:
        lint(tmp_path, "A sentence.\n", url or server.url, name="d.txt")
    message = str(info.value)
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message
    assert 'backend = "harper"' in message
    return message


def test_unreachable_url(tmp_path):
    expect_error(tmp_path, "http://127.0.0.1:9", "unreachable", "grammar.languagetool.url")


def test_http_error(tmp_path):
    expect_error(tmp_path, None, "failed", "Internal Server Error", mode="http-500")


def test_answer_without_matches(tmp_path):
    expect_error(tmp_path, None, "failed", "unexpected answer", mode="no-matches")


def test_timeout(tmp_path):
    expect_error(tmp_path, None, "failed", "timed out", mode="slow")


def test_cli_exits_2_with_one_line(tmp_path):
    write_config(tmp_path, "http://127.0.0.1:9")
    draft = tmp_path / "draft.txt"
    draft.write_text("A sentence.\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "factlint", "check", str(draft)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("factlint: error: LanguageTool server")
