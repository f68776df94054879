"""Harper through the engine: exact positions, lazy start, no double reports, names, config."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from factlint import lint_text
from factlint.config import FileConfig, Overrides, settings_from
from factlint.document import Document
from factlint.engine import Linter, Runner
from factlint.errors import FactlintError
from factlint.packs import builtin_rules_dir, load_pack_file

ROOT = Path(__file__).resolve().parents[1]
GB = Overrides(dialect="en-GB", select=("grammar", "spelling"))

# (name, path, text, flagged text, anchor): the finding must sit exactly on the source, at the
# anchor (a unique piece of the text that starts with the flagged text).
POSITIONS = [
    ("plain", "d.txt", "Police said there will be a investigation.\n", "a", "a investigation"),
    (
        "crlf",
        "d.txt",
        "Headline here\r\n\r\nFirst line.\r\nPolice said there will be a investigation.\r\n",
        "a",
        "a investigation",
    ),
    ("bom", "d.txt", "\ufeffPolice said there will be a investigation.\n", "a", "a investigation"),
    (
        "emoji before",
        "d.txt",
        "Fans 👍👍 🏳️‍🌈 cheered. Police said there will be a investigation.\n",
        "a",
        "a investigation",
    ),
    (
        "markdown emphasis and link",
        "d.md",
        "# Budget row\n\nThe *minister* said [the report](https://example.com/x) had the the"
        " answer.\n",
        "the the",
        "the the answer",
    ),
    (
        "markdown front matter",
        "d.md",
        "---\ntitle: Minister quits\ndate: 2024-01-02\n---\n\nShe have signed the agreement.\n",
        "have",
        "have signed",
    ),
    (
        "front matter headline value",
        "d.md",
        '---\ntitle: "The the minister quits"\n---\n\nText.\n',
        "The the",
        "The the",
    ),
    (
        "markdown list with emoji",
        "d.md",
        "- 🚀 The the launch was delayed.\n",
        "The the",
        "The the",
    ),
    ("non-BMP letters", "d.md", "𝐁𝐨𝐥𝐝 — she have signed.\n", "have", "have signed"),
    (
        "markdown crlf heading",
        "d.md",
        "# Title\r\n\r\nA *bold* claim, she have made.\r\n",
        "have",
        "have made",
    ),
]


@pytest.mark.parametrize(
    ("name", "path", "text", "flagged", "anchor"), POSITIONS, ids=[p[0] for p in POSITIONS]
)
def test_positions_map_back_exactly(name, path, text, flagged, anchor):
    findings = lint_text(text, path=path, overrides=GB)
    source = text.removeprefix("\ufeff")
    at = source.index(anchor)
    line = source.count("\n", 0, at) + 1
    column = at - (source.rfind("\n", 0, at) + 1) + 1  # code points, as Python counts
    assert [(f.text, f.offset, f.line, f.column) for f in findings if f.text == flagged] == [
        (flagged, at, line, column)
    ], findings


def test_selecting_other_rules_never_imports_harper():
    code = (
        "import sys; from factlint import lint_text; from factlint.config import Overrides;"
        "o = Overrides(select=('consistency',), dialect='en-GB');"
        "f = lint_text('The the defense budget.', overrides=o);"
        "assert f, f; print('harper' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    code = code.replace("('consistency',)", "('grammar',)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_same_span_and_fix_is_reported_once_under_the_house_rule():
    text = "The defense budget rose.\n"
    both = lint_text(text, overrides=Overrides(dialect="en-GB"))
    assert [(f.rule, f.text) for f in both] == [("consistency/spelling", "defense")]
    # A dialect's spelling is never an unknown word, even with consistency/spelling off
    alone = lint_text(text, overrides=Overrides(dialect="en-GB", ignore=("consistency",)))
    assert [(f.rule, f.text) for f in alone] == []


def test_same_fix_with_a_longer_span_is_reported_once():
    # Harper flags "defense's" -> "defence's"; consistency/spelling flags "defense" -> "defence"
    text = "The spokesman said the defense's weakest point remained the east.\n"
    rules = [(f.rule, f.text) for f in lint_text(text, overrides=Overrides(dialect="en-GB"))]
    assert rules == [("consistency/spelling", "defense")]


def test_headline_dialect_spelling_is_reported_once():
    text = "Air Defenses Bolstered\n\nThe budget rose.\n"
    rules = [f.rule for f in lint_text(text, overrides=Overrides(dialect="en-GB"))]
    assert rules == ["consistency/spelling"]


def test_a_different_fix_on_the_same_span_is_kept():
    from factlint.engine import _drop_deferred
    from factlint.finding import Finding

    text = "The defense budget."

    def finding(rule: str, fix: str) -> Finding:
        return Finding(
            path="-",
            rule=rule,
            severity="warning",
            message="m",
            line=1,
            column=5,
            end_line=1,
            end_column=12,
            text="defense",
            suggestions=[fix],
            offset=4,
            end_offset=11,
        )

    house = finding("consistency/spelling", "defence")
    kept = _drop_deferred(
        [house, finding("spelling/unknown-word", "dense")], {"spelling/unknown-word"}, text
    )
    dropped = _drop_deferred(
        [house, finding("spelling/unknown-word", "defence")], {"spelling/unknown-word"}, text
    )
    assert [f.suggestions[0] for f in kept] == ["defence", "dense"]
    assert dropped == [house]


def test_seed_names_are_not_spelling_errors():
    result = Runner(Overrides(select=("spelling", "grammar"))).lint_file(
        ROOT / "fixtures" / "seed" / "article.txt"
    )
    flagged = {f.text for f in result.findings}
    assert not flagged & {"Shapps", "Rustem", "Umerov", "HOLR"}
    # dialect forms are consistency/spelling's, reported once there: never unknown words
    assert not flagged & {"Defenses", "defense", "Defence", "defence"}


def test_auto_dialect_follows_the_drafts_majority():
    british = "The colour of the defence plan. The organisation's colour."
    american = "The color of the defense plan. The organization's color."
    for text in (british, american):
        assert lint_text(text, overrides=Overrides(select=("spelling",))) == []


@pytest.mark.parametrize("dialect", ["en-GB", "en-US", "en-AU", "en-CA", "en-IN"])
def test_every_dialect_has_a_harper_linter(dialect):
    findings = lint_text(
        "The the report was published.", overrides=Overrides(dialect=dialect, select=("grammar",))
    )
    assert [f.rule for f in findings] == ["grammar/repetition"]


def test_unknown_harper_rule_is_a_config_error():
    config = FileConfig.model_validate({"grammar": {"harper": {"disable": ["OxfordComa"]}}})
    linter = Linter(settings_from(config, "<test>", str(ROOT), Overrides()))
    with pytest.raises(
        FactlintError, match=r"grammar\.harper\.disable: unknown Harper rule 'OxfordComa'"
    ):
        linter.lint_document(Document.parse("Some text.", "d.txt"))


def test_unknown_grammar_key_names_the_key(tmp_path):
    from factlint.config import read_config_file

    path = tmp_path / ".factlint.toml"
    path.write_text('[grammar.languagetool]\nurll = "http://x"\n', "utf-8")
    with pytest.raises(FactlintError, match=r"grammar\.languagetool\.urll: unknown key"):
        read_config_file(path)


def test_unknown_dynamic_id_of_an_unknown_rule_is_rejected():
    config = FileConfig.model_validate({"ignore": ["grammar/ltx:FOO"]})
    with pytest.raises(FactlintError, match="unknown rule or pack 'grammar/ltx:FOO'"):
        Linter(settings_from(config, "<test>", str(ROOT), Overrides()))


PACK_RULES = [
    spec
    for pack in ("grammar", "spelling")
    for spec in load_pack_file(pack, builtin_rules_dir() / f"{pack}.yaml")
    if spec.id != "grammar/lt"  # needs the languagetool backend: see test_languagetool.py
]


@pytest.mark.parametrize("spec", PACK_RULES, ids=[s.id for s in PACK_RULES])
def test_pack_examples(spec):
    bad = lint_text(spec.examples.bad, path="example.txt")
    good = lint_text(spec.examples.good, path="example.txt")
    assert spec.id in {f.rule for f in bad}, bad
    assert spec.id not in {f.rule for f in good}, good


# -- Harper's cost: the spell check skips accepted words, results are kept per text ------------

SPELLING_TEXTS = [
    "The talks with Umerov lasted two hours. I've said Umerov's plan works; Umerov' team agreed.",
    "Mr Okonkwoeze's aide met NATOO officials and NATO's chief in O'Neilll's bar at Zürichh.",
    "Haddadi Gholam-reza met Charge d'Affaires Smith-Jonse. HOLR and HOLR's staff recieved £2bn.",
    "'Umerov said,' the report said. Umerov arrived at 17m/s; the ITV1 show ran at 6.46secs.",
    "Shapps’ first trip: Shapps’s aide, Umerov—and Umerov’s deputy—said the goverment would act.",
]


@pytest.mark.parametrize("text", SPELLING_TEXTS)
@pytest.mark.parametrize("dialect", ["en-GB", "en-US"])
def test_skipping_accepted_words_never_changes_the_spelling_findings(monkeypatch, text, dialect):
    from factlint.engines import harper

    overrides = Overrides(dialect=dialect, select=("spelling",))
    skipping = lint_text(text, overrides=overrides)
    monkeypatch.setattr(harper, "blank_exempt_words", lambda text, exempt: text)
    checking_every_word = lint_text(text, overrides=overrides)
    assert skipping == checking_every_word
    assert skipping or "goverment" not in text


def test_accepted_words_are_blanked_in_place():
    from factlint.engines import SpellingExemptions
    from factlint.engines.harper import blank_exempt_words

    exempt = SpellingExemptions(names=frozenset({"Umerov", "Gholam-reza"}), acronyms=True)
    text = "Umerov's NATO aide, I've said, met Gholam-reza in d'Umerov at 17m/s: recieved £2bn."
    blanked = blank_exempt_words(text, exempt)
    assert len(blanked) == len(text)
    assert blanked.split() == [
        "aide,", "I've", "said,", "met", "Gholam-reza", "in", "d'Umerov", "at", "recieved",
    ]
    # Harper splits at hyphens, so a hyphenated name is not one word to skip; nothing else moves
    assert blank_exempt_words(text, SpellingExemptions()).split() == [
        w for w in text.split() if not any(ch.isdigit() for ch in w)
    ]


class _Counting:
    """A stand-in for a harper.Linter that counts the texts it is asked to lint."""

    def __init__(self, linter):
        self.linter, self.texts = linter, []

    def organized_lints(self, text, **options):
        self.texts.append(text)
        return self.linter.organized_lints(text, **options)

    def lint(self, text, **options):
        self.texts.append(text)
        return self.linter.lint(text, **options)


def test_a_paragraph_seen_again_is_not_linted_again():
    from factlint.config import HarperConfig
    from factlint.engines import Text
    from factlint.engines.harper import HarperEngine

    engine = HarperEngine("en-GB", HarperConfig())
    engine.linter, engine.speller = _Counting(engine.linter), _Counting(engine.speller)
    texts = [Text("She have recieved the the report.", False), Text("Fresh text.", False)]
    first = engine.check(texts)
    again = engine.check(texts[:1])
    assert again == first[:1] and len(first[0]) == 3
    assert engine.linter.texts == [t.text for t in texts]
    assert engine.speller.texts == [t.text for t in texts]


def test_switching_the_spell_check_off_skips_its_pass():
    from factlint.config import HarperConfig
    from factlint.engines import Text
    from factlint.engines.harper import HarperEngine

    engine = HarperEngine("en-GB", HarperConfig(disable=["SpellCheck"]))
    assert engine.speller is None
    lints = engine.check([Text("She have recieved the report.", False)])[0]
    assert [lint.rule for lint in lints] != [] and not any(lint.spelling for lint in lints)


def test_a_grammar_lint_wins_over_an_unknown_word_on_the_same_word():
    findings = lint_text(
        "I failed alot of my courses in mid-april.",
        overrides=Overrides(dialect="en-GB", select=("grammar", "spelling")),
    )
    assert [(f.rule, f.text) for f in findings] == [
        ("grammar/boundary-error", "alot"), ("grammar/miscellaneous", "april"),
    ]
