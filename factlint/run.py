"""`factlint check`: lint, fix or diff, report, and choose the exit code."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import click

from factlint.config import Overrides
from factlint.engine import FileResult, Runner, Source
from factlint.finding import SEVERITY_RANK, Severity
from factlint.fix import apply_fixes, encode, unified_diff, write_atomic
from factlint.reporters import REPORTERS
from factlint.reporters.text import TextOptions

MAX_FIX_PASSES = 5
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass(frozen=True)
class CheckRequest:
    """Everything `factlint check` was asked to do."""

    paths: tuple[str, ...]
    fmt: str = "text"
    overrides: Overrides = Overrides()
    config_path: str | None = None
    fix: bool = False
    diff: bool = False
    statistics: bool = False
    quiet: bool = False
    stdin_filename: str | None = None
    colour: bool = False
    exit_zero: bool = False


def run_check(request: CheckRequest) -> int:
    runner = Runner(request.overrides, request.config_path)
    results: list[FileResult] = []
    diffs: list[str] = []
    fixed_stdin: str | None = None
    for raw in request.paths:
        if raw == "-":
            name = request.stdin_filename or "-"
            source = Source(sys.stdin.read())
            path = Path(name).resolve() if request.stdin_filename else None
            result = runner.lint_source(source, name, path)
            if request.fix or request.diff:
                result = fix_result(runner, result, path)
                fixed_stdin = result.fixed_text
            results.append(result)
            continue
        if not Path(raw).exists():
            results.append(runner.lint_file(Path(raw)))  # reported as io/unreadable
            continue
        for path in runner.expand([raw]):
            result = runner.lint_file(path)
            if request.fix or request.diff:
                result = fix_result(runner, result, path)
                if result.fixed_text is not None and result.source is not None:
                    if request.diff:
                        diffs.append(unified_diff(result.path, result.source.text, result.fixed_text))
                    else:
                        write_atomic(path, encode(result.source, result.fixed_text))
            results.append(result.compact())
    if request.diff:
        click.echo("".join(diffs), nl=False)
        return EXIT_FINDINGS if diffs else EXIT_OK
    if fixed_stdin is not None or (request.fix and "-" in request.paths):
        text = fixed_stdin if fixed_stdin is not None else results[-1].source.text  # type: ignore[union-attr]
        click.echo(text, nl=False)
        _report(results, request, err=True)
    else:
        _report(results, request, err=False)
    return exit_code(results, runner, request)


def _report(results: list[FileResult], request: CheckRequest, *, err: bool) -> None:
    options = TextOptions(colour=request.colour and not err, quiet=request.quiet,
                          statistics=request.statistics)
    output = REPORTERS[request.fmt](results, options)
    if output:
        click.echo(output, err=err)


def exit_code(results: list[FileResult], runner: Runner, request: CheckRequest) -> int:
    if request.exit_zero:
        return EXIT_OK
    threshold = request.overrides.fail_on
    for result in results:
        if not result.findings:
            continue
        fail_on = threshold or _fail_on_for(runner, result)  # once per file, not per finding
        if any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on] for f in result.findings):
            return EXIT_FINDINGS
    return EXIT_OK


def _fail_on_for(runner: Runner, result: FileResult) -> Severity:
    path = Path(result.path) if result.path != "-" else None
    return runner.linter_for(path if path and path.exists() else None).settings.fail_on


def fix_result(runner: Runner, result: FileResult, path: Path | None) -> FileResult:
    """Fix a file's findings repeatedly until nothing fixable remains; never on a broken file."""
    if result.source is None or any(f.rule.startswith("io/") for f in result.findings):
        return result
    text = result.source.text
    total = 0
    current = result
    for _ in range(MAX_FIX_PASSES):
        new_text, applied = apply_fixes(text, current.findings)
        if not applied or new_text == text:
            break
        total += applied
        text = new_text
        current = runner.lint_source(Source(text, result.source.encoding, result.source.bom),
                                     result.path, path)
    if total == 0:
        return result
    current.source = result.source
    current.fixed = total
    current.fixed_text = text
    return current
