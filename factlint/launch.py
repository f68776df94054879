"""The console entry point: start Harper's dictionary first when a `factlint check` will need it.

A cold `factlint check one.md` with grammar on waits for Harper's dictionary (about 0.6 s; it
builds in a background thread: prebuild.py). The run itself decides to build it once its config
and rules are loaded (run._harper_early), 0.15-0.2 s after the process starts, most of it spent
importing click, pydantic and the rules. This entry decides before those imports, from the
command line and the raw TOML of the drafts' config, so the build starts about 20 ms in.

It says yes only where the run would say yes, and it says no to anything it does not read: a
wrong yes costs a dictionary nobody uses (0.6 s of the other core, and the exit waits for it), a
wrong no only the time it would have saved (the run then starts the build itself, as before).
Yes needs: the command `check`; only the flags below (any other flag, e.g. --select, --ignore,
--exclude or --diff-from, means no); named files only, few enough to lint in this process; for
each file, a config (or none) that keeps Harper as the engine and says nothing about which rules
run, which paths are skipped or which rules the grammar and spelling packs hold; and no result
cache that could hold a draft (--no-cache, or a cache folder not made yet).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from factlint import regex_cache
from factlint.config_files import find_config
from factlint.workers import lints_here

# `check` flags that change nothing in whether Harper runs, and those that take a value
# (--config, --cache-dir and --jobs are read; the others' values are skipped).
PLAIN_FLAGS = frozenset({
    "-q", "--quiet", "--exit-zero", "--fix", "--diff", "--statistics", "--color", "--no-color",
    "--no-progress", "--no-cache",
})
VALUE_FLAGS = frozenset({
    "--format", "--output-file", "-o", "--fail-on", "--dialect", "--as-of", "--config",
    "--cache-dir", "--jobs", "-j",
})
# Config keys that may turn Harper's rules off or leave the drafts out; a config with one is a no.
SELECTING_KEYS = frozenset({
    "select", "extend-select", "extend_select", "ignore", "per-file-ignores", "per_file_ignores",
    "exclude", "extend-exclude", "extend_exclude", "include", "packs",
})
ENGINE_PACKS = ("grammar", "spelling")


def main() -> None:
    """`factlint`: the command line (cli.main), after starting the build when it is sure."""
    regex_cache.install()  # before anything compiles a pattern (tomllib, click, pydantic, rules)
    if sure_to_build(sys.argv[1:]):
        from factlint import prebuild

        prebuild.start()
    from factlint.cli import main as cli_main

    cli_main()


def sure_to_build(args: Sequence[str]) -> bool:
    """Whether ``factlint <args>`` is sure to lint with Harper in this process, first thing."""
    if not args or args[0] != "check":
        return False
    options = _check_options(args[1:])
    if options is None:
        return False
    values, paths = options
    if not paths or not all(Path(path).is_file() for path in paths):
        return False  # standard input, folders (their files and configs are not known yet)
    jobs = values.get("--jobs") or values.get("-j")
    if not (jobs is None or jobs.isdigit()) or not lints_here(int(jobs) if jobs else None, len(paths)):
        return False
    forced = values.get("--config")
    configs = {Path(forced).resolve() if forced else find_config(Path(p).resolve().parent)
               for p in paths}
    caching = "--no-cache" not in values
    return all(_keeps_harper(config, values, caching) for config in configs)


def _check_options(args: Sequence[str]) -> tuple[dict[str, str], list[str]] | None:
    """The flags (value, or "" for a plain flag) and paths of `check`; None at a flag not read."""
    values: dict[str, str] = {}
    paths: list[str] = []
    words = iter(args)
    for word in words:
        if word == "--":
            paths += words
        elif word == "-" or not word.startswith("-"):
            paths.append(word)
        elif word in PLAIN_FLAGS:
            values[word] = ""
        elif word.split("=", 1)[0] in VALUE_FLAGS:
            name, equals, value = word.partition("=")
            values[name] = value if equals else next(words, "")
        else:
            return None
    return values, paths


def _keeps_harper(config: Path | None, flags: dict[str, str], caching: bool) -> bool:
    """Whether a run under ``config`` (None: the defaults) runs Harper's rules and finds no
    cached result: the engine is Harper and nothing selects rules or skips paths."""
    if sys.version_info >= (3, 11):  # imported here, after the regex cache is installed
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    table: dict[str, Any] = {}
    root = Path.cwd()
    if config is not None:
        try:
            data = tomllib.loads(config.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return False  # the run reports it
        table = data.get("tool", {}).get("factlint", {}) if config.name == "pyproject.toml" else data
        root = config.parent
    if not isinstance(table, dict) or SELECTING_KEYS & set(table):
        return False
    grammar = table.get("grammar", {})
    if not isinstance(grammar, dict) or grammar.get("backend", "harper") != "harper":
        return False
    for section in ("rules", "severity"):
        named = table.get(section, {})
        if not isinstance(named, dict) or any(str(key).startswith(ENGINE_PACKS) for key in named):
            return False
    if not caching:
        return True
    folder = flags.get("--cache-dir") or os.environ.get("FACTLINT_CACHE_DIR")
    named = table.get("cache-dir", table.get("cache_dir", ".factlint_cache"))
    cache = Path(folder) if folder else root / str(named)
    return not cache.exists()
