"""`factlint check`: lint, fix or diff, report, and choose the exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import click

from factlint.config import Overrides, Settings
from factlint.confine import real
from factlint.engine import FileResult, HarperEarly, Runner, Source, _file_finding, all_specs
from factlint.errors import FactlintError
from factlint.finding import SEVERITY_RANK, Severity, sort_key
from factlint.fix import NotFixed, apply_fixes, encode, remove_stale_temporaries, unified_diff, write_fixed
from factlint.gate import Gate, GateOptions
from factlint.packed import PackedResults
from factlint.reporters import reporter
from factlint.reporters.text import TextOptions, summary_line
from factlint.spec import RuleSpec
from factlint.workers import lints_here

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
    gate: GateOptions = GateOptions()


def run_check(request: CheckRequest) -> int:
    runner = Runner(request.overrides, request.config_path, _harper_early(request))
    gate = Gate(runner, request.gate)
    keep_text = _fingerprinted(request)
    # What the report needs, pickled, unless a filter edits the results in place afterwards
    results: list[FileResult] | PackedResults = (
        [] if keep_text or gate.changes is not None else PackedResults()
    )
    diffs: list[str] = []
    fixed_stdin: str | None = None
    cleaned: set[Path] = set()
    stdin_data = b""
    targets: list[str | Path] = []
    for raw in request.paths:  # "-" or the files to lint, in order
        if raw == "-" or not Path(raw).exists():
            targets.append(raw if raw == "-" else Path(raw))  # a missing file: io/unreadable
        else:
            targets += gate.targets(list(runner.expand([raw])))
    # The files' text only where fixes, diffs or fingerprints need it (reports need the lines)
    sources = keep_text or request.fix or request.diff
    linted = gate.lint([t for t in targets if isinstance(t, Path)], sources=sources)
    for target in targets:
        if target == "-":
            name = request.stdin_filename or "-"
            path = Path(name).resolve() if request.stdin_filename else None
            stdin_data = sys.stdin.buffer.read()
            result = runner.lint_bytes(stdin_data, name, path)
            if request.fix or request.diff:
                result = fix_result(runner, result, path)
                if request.diff and result.fixed_text is not None and result.source is not None:
                    diffs.append(unified_diff(name, result.source.text, result.fixed_text))
                elif request.fix:
                    fixed_stdin = result.fixed_text
            results.append(result)
            continue
        path = Path(target)
        result = next(linted)
        if request.fix and not request.diff:
            _clean_once(path, cleaned)
        if request.fix or request.diff:
            fixed = fix_result(runner, result, path)
            if fixed.fixed_text is not None and fixed.source is not None:
                if request.diff:
                    diffs.append(unified_diff(fixed.path, fixed.source.text, fixed.fixed_text))
                else:
                    fixed = _write(path, result, fixed)
            result = fixed
        results.append(result if keep_text else result.compact())
    if gate.select(results):
        return EXIT_OK
    if request.diff:
        click.echo("".join(diffs), nl=False)
        return EXIT_FINDINGS if diffs else EXIT_OK
    if fixed_stdin is not None or (request.fix and "-" in request.paths):
        source = next(r for r in results if r.path == (request.stdin_filename or "-")).source
        if fixed_stdin is None and source is None:  # undecodable: pass the bytes through unchanged
            sys.stdout.buffer.write(stdin_data)
            sys.stdout.flush()
        else:
            click.echo(fixed_stdin if fixed_stdin is not None else source.text, nl=False)  # type: ignore[union-attr]
        _report(runner, results, request, err=True)
    else:
        _report(runner, results, request, err=False)
    return exit_code(results, runner, request)


def _harper_early(request: CheckRequest) -> HarperEarly | None:
    """When Harper's dictionary may start building as soon as a config selects its rules, before
    the drafts are looked up (prebuild.py): when this process lints every draft itself and no
    cache can hold any of them (no cache, or its folder not made yet: a first run), and no
    --diff-from may leave them all out. None: at the first cache miss, as parallel.lint_many
    decides. The folder is the draft's config's (the run uses the current folder's, the same
    unless drafts lie under another config)."""
    gate = request.gate
    named = [path for path in request.paths if path != "-"]
    files = len(request.paths) if all(Path(path).is_file() for path in named) else sys.maxsize
    if gate.diff_from or not lints_here(gate.jobs, files):
        return None
    if not gate.cache:
        return lambda settings: True
    option = gate.cache_dir or os.environ.get("FACTLINT_CACHE_DIR")

    def nothing_cached(settings: Settings) -> bool:
        folder = Path(option) if option else settings.resolve(settings.config.cache_dir)
        return not folder.exists()

    return nothing_cached


def _fingerprinted(request: CheckRequest) -> bool:
    """Whether the report or baseline fingerprints findings by their sentence, so results must
    keep their text (otherwise a result keeps only its findings' lines: memory flat)."""
    gate = request.gate
    return request.fmt in ("gitlab", "sarif") or bool(gate.baseline or gate.write_baseline)


def _write(path: Path, before: FileResult, after: FileResult) -> FileResult:
    """Write a fixed file; if it must be left alone, its findings as before plus io/not-fixed."""
    assert before.source is not None and after.fixed_text is not None
    try:
        write_fixed(path, encode(before.source, before.source.text), encode(before.source, after.fixed_text))
    except NotFixed as exc:
        before.findings = sorted(
            [*before.findings, _file_finding(before.path, "io/not-fixed", f"not fixed: {exc}")], key=sort_key
        )
        return before
    return after


def _clean_once(path: Path, cleaned: set[Path]) -> None:
    """Remove temporary files a killed --fix left in this file's folder (once per folder)."""
    folder = (real(path) if path.is_symlink() else path.absolute()).parent
    if folder not in cleaned:
        cleaned.add(folder)
        remove_stale_temporaries(folder)


def _report(runner: Runner, results: Sequence[FileResult], request: CheckRequest, *, err: bool) -> None:
    options = TextOptions(colour=request.colour and not err, quiet=request.quiet,
                          statistics=request.statistics)
    specs: dict[str, RuleSpec] = {}
    docs_url: str | None = None
    if request.fmt == "sarif":
        specs, docs_url = _specs(results, runner), runner.linter_for(None).settings.config.rule_docs_url
    options = replace(options, specs=specs, docs_url=docs_url,
                      fail_on=lambda r: _fail_on(runner, r.path, request))
    output = reporter(request.fmt)(results, options)
    if request.gate.output_file:
        write_report(Path(request.gate.output_file), output, results)
    elif output:
        click.echo(output, err=err, color=options.colour)


def exit_code(results: Sequence[FileResult], runner: Runner, request: CheckRequest) -> int:
    if request.exit_zero:
        return EXIT_OK
    severities = results.severities() if isinstance(results, PackedResults) else (
        (r.path, {f.severity for f in r.findings}) for r in results)
    for path, found in severities:
        if not found:
            continue
        fail_on = _fail_on(runner, path, request)  # once per file, not per finding
        if any(SEVERITY_RANK[severity] >= SEVERITY_RANK[fail_on] for severity in found):
            return EXIT_FINDINGS
    return EXIT_OK


def _fail_on(runner: Runner, shown: str, request: CheckRequest) -> Severity:
    if request.overrides.fail_on:
        return request.overrides.fail_on
    path = Path(shown) if shown != "-" else None
    return runner.linter_for(path if path and path.exists() else None).settings.fail_on


def _specs(results: Sequence[FileResult], runner: Runner) -> dict[str, RuleSpec]:
    """Metadata of the rules in the report, from the configs of the files reported (sarif)."""
    specs = {spec.id: spec for spec in all_specs()}
    for path in {Path(r.path).parent for r in results if r.findings and r.path != "-"}:
        if path.exists():
            specs.update((s.id, s) for s in runner.linter_for(path / "_").specs)
    return specs


def write_report(target: Path, output: str, results: Sequence[FileResult]) -> None:
    """--output-file: the report to the file, the summary to the terminal (standard error)."""
    try:
        target.write_text(output + "\n" if output else "", encoding="utf-8")
    except OSError as exc:
        raise FactlintError(f"{target}: cannot write report: {exc.strerror or exc}") from None
    findings = [f for r in results for f in r.findings]
    click.echo(f"{summary_line(len(results), findings, sum(r.fixed for r in results))} "
               f"Report written to {target}.", err=True)


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
