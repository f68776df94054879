"""The command line of the CI gate: `check`'s gate flags, `factlint clean` and `factlint init`."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, get_args

import click

from factlint.config import Dialect
from factlint.gate import GateOptions

__all__ = ["GateOptions", "clean", "gate_options", "init"]


def gate_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the gate flags to a command; it receives them as one ``gate: GateOptions``."""
    flags = [
        click.option("--output-file", "-o", type=click.Path(dir_okay=False),
                     help="Write the report to this file; the terminal shows the summary."),
        click.option("--jobs", "-j", type=click.IntRange(min=1),
                     help="Worker processes (default: one per CPU when there are enough files; "
                          "1: in this process)."),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache."),
        click.option("--cache-dir", type=click.Path(file_okay=False),
                     help="Result cache folder (default: cache-dir of the config, .factlint_cache)."),
        click.option("--no-progress", is_flag=True, help="No progress bar on the terminal."),
        click.option("--diff-from", metavar="REV",
                     help="Lint files changed since this git revision; report changed lines only."),
        click.option("--baseline", type=click.Path(dir_okay=False),
                     help="Report only findings not recorded in this baseline file."),
        click.option("--write-baseline", type=click.Path(dir_okay=False),
                     help="Record today's findings in this baseline file and exit 0."),
    ]

    @functools.wraps(command)
    def wrapper(*args: Any, output_file: str | None, jobs: int | None, no_cache: bool,
                cache_dir: str | None, no_progress: bool, diff_from: str | None,
                baseline: str | None, write_baseline: str | None, **kwargs: Any) -> Any:
        gate = GateOptions(
            jobs=jobs, cache=not no_cache, cache_dir=cache_dir, progress=not no_progress,
            diff_from=diff_from, baseline=baseline, write_baseline=write_baseline,
            output_file=output_file,
        )
        return command(*args, gate=gate, **kwargs)

    for flag in reversed(flags):
        wrapper = flag(wrapper)
    return wrapper


@click.command()
@click.option("--cache-dir", type=click.Path(file_okay=False), help="The cache folder to remove.")
@click.option("--config", "config_path", type=click.Path(), help="Config naming the cache-dir.")
def clean(cache_dir: str | None, config_path: str | None) -> None:
    """Remove the result cache."""
    from factlint.cache import cache_folder
    from factlint.cache import clean as remove
    from factlint.engine import Runner

    folder = cache_folder(Runner(config_path=config_path), cache_dir)
    removed = remove(folder)
    click.echo(f"{'Removed' if removed else 'No cache at'} {folder}", err=True)


@click.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False))
@click.option("--dialect", type=click.Choice(get_args(Dialect)),
              help="House dialect (asked on a terminal when not given).")
@click.option("--force", is_flag=True, help="Overwrite an existing .factlint.toml.")
@click.option("--no-pre-commit", is_flag=True, help="Do not add the pre-commit hook.")
@click.option("--hook-repo", metavar="URL",
              help="Git repository hosting factlint, for a remote hook (default: a local hook "
              "running the installed factlint).")
def init(folder: str, dialect: str | None, force: bool, no_pre_commit: bool,
         hook_repo: str | None) -> None:
    """Write a commented starter .factlint.toml and a pre-commit hook entry."""
    from factlint.init import write_starter

    for line in write_starter(Path(folder), dialect, force=force, pre_commit=not no_pre_commit,
                              hook_repo=hook_repo):
        click.echo(line, err=True)
