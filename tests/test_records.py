"""Records (factlint.records): the built-in packs, which a run builds without validating, hold
under full validation; validation errors name the key; a run without a config never imports
pydantic; damaged JSON is refused rather than read wrong."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from factlint.config import FileConfig, read_config_file
from factlint.errors import FactlintError
from factlint.finding import Finding, Related, Severity
from factlint.kinds import load_kind
from factlint.packs import builtin_rules_dir, load_folder, load_pack_file, pack_files
from factlint.records import RecordError
from factlint.spec import RuleSpec

ROOT = Path(__file__).resolve().parent.parent


def _builtin_specs() -> list[RuleSpec]:
    return list(load_folder(str(builtin_rules_dir())))


def test_every_builtin_rule_is_what_full_validation_makes_of_it() -> None:
    """A run builds the shipped packs' entries and options as they are; validated with every
    check (types, literals, unknown keys, bounds), each gives the same record."""
    trusted = _builtin_specs()
    assert len(trusted) > 50
    validated = []
    for pack, path in pack_files(builtin_rules_dir()):
        validated += load_pack_file(pack, path, trusted=False)
    assert validated == trusted
    for spec in trusted:
        model = load_kind(spec.kind).options_model
        assert model.model_validate(spec.options) == model.build(spec.options), spec.id


def test_a_default_run_does_not_import_pydantic(tmp_path: Path) -> None:
    draft = tmp_path / "one.md"
    draft.write_text("# Title\n\nThe minister said on Friday that the plan would work.\n", "utf-8")
    code = (
        "import sys\n"
        "from factlint.launch import main\n"
        "sys.argv = ['factlint', 'check', 'one.md', '--no-cache', '-q', '--exit-zero',"
        " '--ignore', 'grammar,spelling']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('PYDANTIC=%s' % ('pydantic' in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                            text=True, env={"PATH": "/usr/bin:/bin", "FACTLINT_REGEX_CACHE": "0",
                                            "HOME": str(tmp_path)})
    assert "PYDANTIC=False" in result.stderr, result.stderr
    assert "dates/relative" in result.stdout


@pytest.mark.parametrize(("toml", "expected"), [
    ("dialect = 'fr'\n", "dialect: Input should be"),
    ("bogus = 1\n", "bogus: unknown key"),
    ("[limits]\nmax-word = 0\n", "limits.max-word: must be greater than 0"),
    ("[grammar.languagetool]\nport = 70000\n", "grammar.languagetool.port: must be at most 65535"),
    ("[grammar]\nharper = {enable = 'x'}\n", "grammar.harper.enable: Input should be a valid list"),
    ("fail-on = 'fatal'\n", "fail-on: Input should be 'info', 'warning' or 'error'"),
    ("fail_onn = 'error'\n", "fail_onn: unknown key (did you mean 'fail-on'?)"),
    ("[grammar]\ncheck-quote = true\n", "grammar.check-quote: unknown key (did you mean "
     "'check-quotes'?)"),
])
def test_config_errors_name_the_key(tmp_path: Path, toml: str, expected: str) -> None:
    path = tmp_path / ".factlint.toml"
    path.write_text(toml, "utf-8")
    with pytest.raises(FactlintError) as error:
        read_config_file(path)
    assert str(error.value).startswith(f"{path}: ") and expected in str(error.value)


def test_a_config_file_is_converted_like_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / ".factlint.toml"
    path.write_text("fail-on = 'warning'\n[severity]\n'quotes/unattributed' = 'info'\n"
                    "[grammar]\ncheck-quotes = true\n", "utf-8")
    config = read_config_file(path)
    assert config is not None
    assert config.fail_on is Severity.warning and config.grammar.check_quotes
    assert config.severity == {"quotes/unattributed": Severity.info}
    assert config.model_copy(update={"fail_on": Severity.error}) == FileConfig.build(
        {"severity": {"quotes/unattributed": "info"}, "grammar": {"check_quotes": True}})


def test_a_misspelt_rule_option_is_named_with_the_one_meant(tmp_path: Path) -> None:
    (tmp_path / ".factlint.toml").write_text(
        "[rules.'quotes/unattributed']\nmin-words = 6\n", "utf-8")
    (tmp_path / "a.txt").write_text("Some text.\n", "utf-8")
    result = subprocess.run([sys.executable, "-m", "factlint", "check", "a.txt"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip().endswith(
        "rules.quotes/unattributed.min-words: unknown key (did you mean 'min_words'?)")


def test_rule_option_bounds_name_the_option() -> None:
    model = load_kind("name").options_model
    with pytest.raises(RecordError) as error:
        model.model_validate({"similarity": 20})
    assert error.value.errors()[0]["loc"] == ("similarity",)
    assert error.value.errors()[0]["msg"] == "must be at least 50"


FINDING = Finding(path="a.md", rule="quotes/unattributed", severity=Severity.warning,
                  message="m", line=2, column=3, end_line=2, end_column=9, text="“Yes”",
                  suggestions=["x"], related=[Related(line=1, column=1, text="t")],
                  offset=10, end_offset=16, group="g")


def test_a_finding_survives_its_json() -> None:
    data = {**FINDING.model_dump(), "group": FINDING.group}
    assert "members" not in data and "group" not in FINDING.model_dump()
    assert Finding.load(data) == FINDING


@pytest.mark.parametrize("damage", [
    {"line": "2"}, {"line": True}, {"severity": "fatal"}, {"suggestions": "x"},
    {"related": [{"line": 1, "column": 1}]}, {"extra": 1}, {"text": None},
])
def test_a_damaged_finding_is_refused(damage: dict[str, object]) -> None:
    data = {**FINDING.model_dump(), **damage}
    with pytest.raises((ValueError, TypeError)):
        Finding.load(data)


def test_the_report_schema_keeps_descriptions_and_leaves_out_internal_fields() -> None:
    from factlint.finding import Report

    finding = Report.model_json_schema()["$defs"]["Finding"]
    assert finding["properties"]["rule"]["description"] == "Rule id, pack/name"
    assert "group" not in finding["properties"] and "members" not in finding["properties"]
    assert "offset" in finding["required"]


def _pydantic(cls: type, data: object) -> object:
    from factlint.records import _adapter

    return _adapter(cls).validate_python(data)


RICH_CONFIG = {
    "dialect": "en-GB", "select": ["consistency", "quotes/unattributed"], "extend-select": [],
    "ignore": ["grammar"], "severity": {"quotes/unattributed": "error"},
    "rules": {"references/surname-first": {"titled": False}}, "packs": ["styles"],
    "include": ["*.md"], "exclude": ["drafts/old/**"], "extend_exclude": ["tmp/**"],
    "per-file-ignores": {"wire/*.txt": ["dates"]}, "cache-dir": ".cache", "fail-on": "warning",
    "rule-docs-url": None, "facts": ["facts.yaml"], "vocab": ["house"], "allow-outside": [],
    "grammar": {"backend": "languagetool", "check-quotes": True,
                "languagetool": {"port": 8081, "timeout": 12, "java-options": ["-Xmx1g"]},
                "harper": {"enable": ["OxfordComma"]}},
    "limits": {"max-file-bytes": 1000, "time-budget": 0},
}


def test_the_plain_check_gives_what_pydantic_gives() -> None:
    """What the plain check accepts, pydantic accepts as the same record: every test case's
    config, a config using every key, every built-in rule and its options."""
    from tests.caselib import load_cases

    configs = [case.config for case in load_cases()] + [RICH_CONFIG]
    assert len(configs) > 300
    for data in configs:
        assert FileConfig.load(data) == _pydantic(FileConfig, data)
    for pack, path in pack_files(builtin_rules_dir()):
        import yaml

        for entry in yaml.safe_load(path.read_text("utf-8")) or []:
            data = {**entry, "pack": pack}
            assert RuleSpec.load(data) == _pydantic(RuleSpec, data)
            model = load_kind(entry["kind"]).options_model
            options = entry.get("options", {})
            assert model.load(options) == _pydantic(model, options)


@pytest.mark.parametrize("data", [
    {"limits": {"max-word": 3.0}},       # a whole float for an int: pydantic converts it
    {"limits": {"time-budget": "5"}},    # a number as a string: pydantic converts it
    {"dialect": "fr"}, {"grammar": {"backend": 3}}, {"severity": {"x": "fatal"}},
    {"include": "*.md"}, {"bogus": 1}, {"fail-on": "warning", "fail_on": "error"},
])
def test_what_the_plain_check_refuses_goes_to_pydantic(data: dict[str, object]) -> None:
    with pytest.raises((ValueError, TypeError)):
        FileConfig.load(data)
    try:
        expected: object = _pydantic(FileConfig, data)
    except Exception:  # noqa: BLE001 (pydantic's ValidationError)
        with pytest.raises(RecordError):
            FileConfig.model_validate(data)
    else:
        assert FileConfig.model_validate(data) == expected


def test_a_valid_config_file_is_read_without_pydantic(tmp_path: Path) -> None:
    (tmp_path / ".factlint.toml").write_text(
        "dialect = 'en-GB'\nfail-on = 'warning'\n[grammar]\nbackend = 'none'\n", "utf-8")
    code = ("import sys\nfrom pathlib import Path\nfrom factlint.config import read_config_file\n"
            "config = read_config_file(Path('.factlint.toml'))\n"
            "print(config.dialect, config.grammar.backend, 'pydantic' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                            text=True)
    assert result.stdout.split() == ["en-GB", "none", "False"], result.stderr
