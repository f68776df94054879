"""`factlint init`: a commented starter .factlint.toml and a pre-commit hook entry."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import get_args

import click

from factlint import __version__
from factlint.config import Dialect
from factlint.errors import FactlintError

CONFIG_NAME = ".factlint.toml"
PRE_COMMIT_NAME = ".pre-commit-config.yaml"

STARTER = """\
# factlint configuration: `factlint check` reads this file for every draft below this folder.
# Every key is optional; `factlint rules` lists the rules, `factlint explain RULE` documents one.

# House dialect: en-GB, en-US, en-AU, en-CA, en-IN, or auto (each draft's majority spelling).
dialect = "{dialect}"

# Lowest severity that fails the run (exit code 1): error, warning or info.
fail-on = "warning"

# Rules or packs to run (default: all) and to skip; the most specific entry wins.
# select = ["consistency", "quotes", "references", "sourcing", "dates", "facts"]
ignore = ["house"]

# Paths never linted (globs), added to those given with --exclude.
extend-exclude = ["archive/*", "templates/*"]

# Your own rule packs (YAML), house vocabulary and facts registry, relative to this file:
# packs = ["styles"]
# vocab = ["styles"]
# facts = ["facts/house.yaml"]

# Result cache folder (`factlint clean` removes it; --no-cache skips it).
# cache-dir = ".factlint_cache"

# Your house's rule documentation, linked from SARIF reports ({{rule}}: the rule id).
# rule-docs-url = "https://wiki.example.org/factlint#{{rule}}"

# Tables come last: a key written below a [table] line belongs to that table.

# Rules or packs switched off for some files only.
[per-file-ignores]
# "wire/*" = ["references/surname-first"]

# Grammar and spelling: harper (built in), languagetool, or none.
[grammar]
backend = "harper"
"""

# The hook `init` adds by default: a local hook that runs the factlint installed where `init` ran
# (no repository URL to guess), with the filters of factlint's own .pre-commit-hooks.yaml.
LOCAL_HOOK = """\
  - repo: local
    hooks:
      - id: factlint
        name: factlint
        entry: factlint check
        language: system
        types_or: [markdown, text]
        files: \\.(md|markdown|txt)$
        # args: [--fail-on, warning]
"""
# With --hook-repo URL: the hook from the git repository the newsroom hosts factlint in.
REMOTE_HOOK = """\
  - repo: {repository}
    rev: v{version}
    hooks:
      - id: factlint
        # args: [--fail-on, warning]
"""


def write_starter(
    folder: Path, dialect: str | None, *, force: bool, pre_commit: bool, hook_repo: str | None = None
) -> list[str]:
    """Write the files; returns what was done, one line each."""
    if not folder.is_dir():
        raise FactlintError(f"{folder}: no such folder")
    config = folder / CONFIG_NAME
    if config.exists() and not force:
        raise FactlintError(f"{config}: already exists (use --force to overwrite)")
    dialect = dialect or _ask_dialect()
    config.write_text(STARTER.format(dialect=dialect), encoding="utf-8")
    done = [f"Wrote {config} (dialect {dialect})"]
    if pre_commit:
        done.append(_add_hook(folder / PRE_COMMIT_NAME, hook_repo))
    return done


def _ask_dialect() -> str:
    if not sys.stdin.isatty():
        return "en-GB"
    return str(click.prompt(
        "House dialect", default="en-GB", err=True,
        type=click.Choice(get_args(Dialect)),
    ))


def _add_hook(path: Path, hook_repo: str | None) -> str:
    """Create the pre-commit config, or append the hook to its ``repos:`` list."""
    hook = REMOTE_HOOK.format(repository=hook_repo, version=__version__) if hook_repo else LOCAL_HOOK
    if not path.exists():
        path.write_text("repos:\n" + hook, encoding="utf-8")
        return f"Wrote {path}"
    text = path.read_text(encoding="utf-8")
    if "id: factlint" in text:
        return f"{path} already has the factlint hook"
    lines = text.rstrip("\n").split("\n")
    top_keys = [i for i, line in enumerate(lines) if line and not line[0].isspace() and not line.startswith("#")]
    if not top_keys or not lines[top_keys[-1]].startswith("repos:") or lines[top_keys[-1]].strip() != "repos:":
        raise FactlintError(
            f"{path}: add the factlint hook to its repos: list by hand:\n{hook.rstrip()}"
        )
    path.write_text("\n".join(lines) + "\n" + hook, encoding="utf-8")
    return f"Added the factlint hook to {path}"
