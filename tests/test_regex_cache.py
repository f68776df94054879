"""The regex program cache (factlint/regex_cache.py): a pattern served from the file behaves as
``re`` compiled it, a damaged or foreign file is ignored and rewritten, and only the command line
installs it."""

from __future__ import annotations

import importlib
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from factlint import regex_cache
from factlint.analysis.lexicons import lexicons
from factlint.regex_cache import RegexCache

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "seed" / "article.txt"

PATTERNS = [
    (r"(?<![\w’'-])(?P<name>[A-Z][a-z]+)(?:\s+(?P<surname>[A-Z][\w’'-]+))?(?![\w-])", 0),
    (r"(?i)\b(?:last|next)\s+(?:week|month|year)\b", 0),
    (r"^\s*factlint-(disable|enable)\b(.*)$", re.MULTILINE),
    (r"[“”\"]([^“”\"]{1,200})[“”\"]", 0),
    (r"colou?r|défense|Ångström", re.IGNORECASE),
    (r"(\d+)(?:\.(\d+))?\s*(?:per\s*cent|%)", 0),
    (r"(?x) \A \s* (?P<key> [a-z-]+ ) \s* = ", 0),
    (r"(?s)<(tweet|iframe)\b.*?</\1>", 0),
    (r"\b(?:Mr|Mrs|Ms|Dr)\.? (?=[A-Z])", 0),
    (r"(?<=\s)[’']\w+|\w+[’'](?=\s)", 0),
]
TEXTS = [
    "Defence Secretary Grant Shapps said last week: “It is 12.5 per cent.”",
    "LAST MONTH the Colour of DÉFENSE changed; ångström units.\n  factlint-disable quotes",
    "key = value\nO’Brien met Jean-Luc in Paris next year 40%",
    "<tweet id=1>Dr Haddad said ’twas fine</tweet> Mrs Ortiz 'agreed' <iframe></iframe>",
]


def behaviour(pattern: re.Pattern[str]) -> tuple[object, ...]:
    found = [(m.span(), m.groups(), m.groupdict()) for text in TEXTS for m in pattern.finditer(text)]
    return pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex), found


def compiled_by(cache: RegexCache) -> list[re.Pattern[str]]:
    return [cache.compile(source, flags) for source, flags in PATTERNS]


def test_programs_from_the_file_behave_as_re_compiles_them(tmp_path: Path) -> None:
    path = tmp_path / "programs.marshal"
    first = RegexCache(path)
    made = compiled_by(first)
    assert first.added == len(PATTERNS)
    first.save()
    second = RegexCache(path)
    served = compiled_by(second)
    assert second.added == 0  # every program came from the file
    for source_flags, ours, theirs in zip(PATTERNS, served, made):
        expected = re.compile(*source_flags)
        assert behaviour(ours) == behaviour(expected) == behaviour(theirs)


def test_a_run_with_few_new_programs_leaves_the_file_alone(tmp_path: Path) -> None:
    """A library pattern spelt anew by each process (built from a set) must not cost every run
    a rewrite: fewer than MIN_NEW new programs are compiled as usual and not written."""
    path = tmp_path / "programs.marshal"
    first = RegexCache(path)
    compiled_by(first)
    first.save()
    written = path.read_bytes()
    second = RegexCache(path)
    compiled_by(second)
    for n in range(regex_cache.MIN_NEW - 1):
        second.compile(rf"(?:alpha|beta){{{n + 1}}}")
    second.save()
    assert second.added == regex_cache.MIN_NEW - 1 and path.read_bytes() == written


def test_the_lexicon_title_pattern_round_trips(tmp_path: Path) -> None:
    """The largest pattern of a run (every office title): the same matches from the file."""
    source = lexicons().title_pattern.pattern
    path = tmp_path / "programs.marshal"
    first = RegexCache(path)
    first.compile(source)
    compiled_by(first)  # enough new programs for the file to be written
    first.save()
    cache = RegexCache(path)
    served = cache.compile(source)
    assert cache.added == 0
    text = "Defence Secretary Grant Shapps met the Minister of State for Europe and Sen. Ellison."
    expected = [m.span() for m in re.compile(source).finditer(text)]
    assert expected and [m.span() for m in served.finditer(text)] == expected


@pytest.mark.parametrize(
    "damage",
    [
        b"\x00not marshal at all",
        marshal.dumps(["a list", "not ours"]),
        marshal.dumps(((0, (2, 7), 0, 0), {})),  # another version's stamp
    ],
    ids=["garbage", "foreign", "other-version"],
)
def test_a_damaged_or_foreign_file_is_ignored_and_rewritten(tmp_path: Path, damage: bytes) -> None:
    path = tmp_path / "programs.marshal"
    path.write_bytes(damage)
    cache = RegexCache(path)
    assert cache.programs == {}
    for source_flags, pattern in zip(PATTERNS, compiled_by(cache)):
        assert behaviour(pattern) == behaviour(re.compile(*source_flags))
    cache.save()
    assert RegexCache(path).programs.keys() == cache.programs.keys()


def test_a_corrupted_program_is_made_anew(tmp_path: Path) -> None:
    """A program the engine refuses (a bit flipped in the file) is compiled again, not trusted."""
    path = tmp_path / "programs.marshal"
    first = RegexCache(path)
    compiled_by(first)
    first.save()
    stamp, programs = marshal.loads(path.read_bytes())
    for key, (flags, code, groups, groupindex, indexgroup) in programs.items():
        programs[key] = (flags, [9999, *code[1:]], groups, groupindex, indexgroup)
    path.write_bytes(marshal.dumps((stamp, programs)))
    cache = RegexCache(path)
    for source_flags, pattern in zip(PATTERNS, compiled_by(cache)):
        assert behaviour(pattern) == behaviour(re.compile(*source_flags))
    assert cache.added == len(PATTERNS)


def test_an_unwritable_folder_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", "utf-8")
    cache = RegexCache(blocker / "programs.marshal")
    compiled_by(cache)
    cache.save()  # the folder cannot be made: the next run compiles again
    assert not (blocker / "programs.marshal").exists()


def test_importing_factlint_leaves_re_alone() -> None:
    """Only the command line's main() installs the cache; a library user's re is untouched."""
    import factlint.launch  # noqa: F401

    compiler = importlib.import_module("re._compiler")
    assert compiler.compile.__module__ == "re._compiler"
    assert regex_cache.install.__module__ == "factlint.regex_cache"


def _check_seed(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factlint", "check", str(SEED), "--no-cache", "--exit-zero",
         "--ignore", "grammar,spelling", "--format", "json"],
        capture_output=True, text=True, env=env, cwd=ROOT, check=True,
    )


def test_the_command_line_keeps_programs_and_reports_the_same(tmp_path: Path) -> None:
    env = {**os.environ, "FACTLINT_CACHE_DIR": str(tmp_path)}
    cold = _check_seed(env)
    files = list(tmp_path.glob("regex-programs-*.marshal"))
    assert len(files) == 1
    stamp, programs = marshal.loads(files[0].read_bytes())
    assert len(programs) > 100  # the rules', lexicons' and libraries' patterns
    warm = _check_seed(env)
    off = _check_seed({**env, "FACTLINT_REGEX_CACHE": "0"})
    assert cold.stdout == warm.stdout == off.stdout
    assert '"findings"' in warm.stdout and warm.stderr == cold.stderr


def test_turned_off_it_writes_nothing(tmp_path: Path) -> None:
    _check_seed({**os.environ, "FACTLINT_CACHE_DIR": str(tmp_path), "FACTLINT_REGEX_CACHE": "0"})
    assert not list(tmp_path.glob("regex-programs-*"))
