"""The command line: thin commands that turn flags into settings, run the engine, pick a reporter."""

from __future__ import annotations

import os
import sys

import click

from factlint import __version__
from factlint.audit.command import audit
from factlint.config import DIALECTS as KNOWN_DIALECTS
from factlint.config import Overrides
from factlint.errors import FactlintError
from factlint.finding import Severity
from factlint.gate_cli import GateOptions, clean, gate_options, init
from factlint.reporters import FORMATS

SEVERITIES = click.Choice([s.value for s in Severity])
DIALECTS = click.Choice(list(KNOWN_DIALECTS))


def _csv(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factlint")
def cli() -> None:
    """factlint: fact-check and style-lint news article drafts."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", default="text", show_default=True, help="Output format.",
              type=click.Choice(FORMATS))
@click.option("--select", multiple=True, help="Only these rules or packs (comma-separated).")
@click.option("--extend-select", multiple=True, help="Add rules or packs to the selection.")
@click.option("--ignore", multiple=True, help="Skip these rules or packs (comma-separated).")
@click.option("--config", "config_path", type=click.Path(), help="Use this config file only.")
@click.option("--dialect", type=DIALECTS, help="House dialect (overrides the config).")
@click.option("--fail-on", type=SEVERITIES, help="Lowest severity that makes the exit code 1.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings fail the run.")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--statistics", is_flag=True, help="Print counts per rule instead of findings.")
@click.option("-q", "--quiet", is_flag=True, help="Findings only: no source excerpts or summary.")
@click.option("--stdin-filename", help="Name (and config location) for text read from '-'.")
@click.option("--exclude", multiple=True, help="Extra glob patterns of paths to skip.")
@click.option("--as-of", help="Story date (YYYY-MM-DD) when the front matter has none.")
@click.option("--color/--no-color", "colour", default=None, help="Colour (default: on a terminal).")
@gate_options
def check(paths: tuple[str, ...], fmt: str, select: tuple[str, ...], extend_select: tuple[str, ...],
          ignore: tuple[str, ...], config_path: str | None, dialect: str | None,
          fail_on: str | None, exit_zero: bool, fix: bool, diff: bool, statistics: bool,
          quiet: bool, stdin_filename: str | None, exclude: tuple[str, ...], as_of: str | None,
          colour: bool | None, gate: GateOptions) -> None:
    """Lint drafts (files, folders, or - for standard input)."""
    from factlint.run import CheckRequest, run_check

    _check_flags(fix, diff, statistics, fmt, as_of)

    overrides = Overrides(
        dialect=dialect, select=_csv(select) or None,  # type: ignore[arg-type]  # a click.Choice extend_select=_csv(extend_select),
        ignore=_csv(ignore), fail_on=Severity(fail_on) if fail_on else None,
        exclude=_csv(exclude), as_of=as_of,
    )
    request = CheckRequest(
        paths=paths or (".",), fmt=fmt, overrides=overrides, config_path=config_path,
        fix=fix, diff=diff, statistics=statistics, quiet=quiet, stdin_filename=stdin_filename,
        colour=_default_colour() if colour is None else colour, exit_zero=exit_zero, gate=gate,
    )
    sys.exit(run_check(request))


def _check_flags(fix: bool, diff: bool, statistics: bool, fmt: str, as_of: str | None) -> None:
    """Flags that cannot work together, or a value that is not what it must be: exit 2."""
    if fix and diff:
        raise FactlintError("--fix and --diff cannot be combined (--diff shows the fixes and writes nothing)")
    if statistics and fmt != "text":
        raise FactlintError(f"--statistics prints a text table; it cannot be combined with --format {fmt}")
    if as_of is not None and not _is_date(as_of):
        raise FactlintError(f"--as-of {as_of!r}: expected a date YYYY-MM-DD")


def _is_date(value: str) -> bool:
    import datetime as dt
    import re

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _default_colour() -> bool:
    """Colour on a terminal, unless NO_COLOR is set (https://no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


cli.add_command(init)
cli.add_command(clean)


@cli.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text")
@click.option("--config", "config_path", type=click.Path(), help="Include packs from this config.")
def rules_command(fmt: str, config_path: str | None) -> None:
    """List the rules (built-in and from configured packs)."""
    from factlint import docs
    from factlint.packs import validate_options

    specs = _specs(config_path)
    for spec in specs:  # listing the rules checks every pack completely, selected or not
        validate_options(spec)
    render = {"text": docs.rules_text, "json": docs.rules_json, "markdown": docs.rules_markdown}
    click.echo(render[fmt](specs))


@cli.command()
@click.argument("rule")
@click.option("--config", "config_path", type=click.Path(), help="Include packs from this config.")
def explain(rule: str, config_path: str | None) -> None:
    """Print a rule's full documentation."""
    from factlint import docs

    specs = {s.id: s for s in _specs(config_path)}
    for spec in list(specs.values()):
        for alias in spec.aliases:
            specs.setdefault(alias, spec)
    if rule not in specs:
        raise FactlintError(f"unknown rule {rule!r}; `factlint rules` lists them")
    click.echo(docs.explain(specs[rule]))


cli.add_command(audit)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the --format json report."""
    import json

    from factlint.finding import Report

    click.echo(json.dumps(Report.model_json_schema(), indent=2))


def _specs(config_path: str | None) -> list:  # type: ignore[type-arg]
    from factlint.engine import Runner, all_specs

    if config_path is None:
        return all_specs()
    return all_specs(Runner(config_path=config_path).linter_for(None).settings)


from factlint.lsp.command import server  # noqa: E402  (factlint server: the language server)

cli.add_command(server)


def main() -> None:
    """Console entry point: one-line errors and exit code 2 instead of tracebacks."""
    try:
        cli.main(standalone_mode=False)
    except FactlintError as exc:
        click.echo(f"factlint: error: {exc}", err=True)
        sys.exit(2)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("factlint: aborted", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
def analyze(paths: tuple[str, ...], fmt: str) -> None:
    """Print the shared analysis of drafts: quotations, attributions, people, titles."""
    import json

    from factlint.analysis.export import analyze_path, render_text

    results = [analyze_path(path) for path in paths]
    if fmt == "text":
        click.echo("\n".join(render_text(r) for r in results))
    else:
        click.echo(json.dumps(results[0] if len(results) == 1 else results, ensure_ascii=False, indent=2))


@cli.group()
def facts() -> None:
    """The house facts registry: validate it, look names and offices up."""


@facts.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path())
def facts_check(files: tuple[str, ...]) -> None:
    """Validate registry files: schema, duplicate ids, overlapping offices."""
    from factlint.facts.commands import check_files

    sys.exit(check_files(files))


@facts.command("lookup")
@click.argument("name")
@click.option("--facts", "files", multiple=True, type=click.Path(), help="Registry file(s) to use.")
@click.option("--config", "config_path", type=click.Path(), help="Config naming the registry.")
@click.option("--on", help="Also say who held the office on this date (YYYY-MM-DD).")
def facts_lookup(name: str, files: tuple[str, ...], config_path: str | None, on: str | None) -> None:
    """Print what the registry knows about a name, alias, place or office title."""
    from factlint.facts.commands import lookup, registry_from

    sys.exit(lookup(registry_from(files, config_path), name, on))


@facts.command("schema")
@click.option("--worksheet", is_flag=True, help="The schema of `factlint claims --format json`.")
def facts_schema(worksheet: bool) -> None:
    """Print the JSON Schema of a registry file (or of the claims worksheet)."""
    from factlint.facts.commands import schema

    click.echo(schema(worksheet=worksheet))


@cli.command()
@click.argument("path", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown",
              show_default=True, help="Output format.")
@click.option("--facts", "files", multiple=True, type=click.Path(),
              help="Registry file(s) to use instead of the config's.")
@click.option("--config", "config_path", type=click.Path(), help="Use this config file only.")
@click.option("--as-of", help="Story date (YYYY-MM-DD) when the front matter has none.")
def claims(path: str, fmt: str, files: tuple[str, ...], config_path: str | None,
           as_of: str | None) -> None:
    """Print the fact-checker's worksheet: every check-worthy claim in a draft."""
    from factlint.facts.commands import claims as worksheet

    click.echo(worksheet(path, fmt, files, config_path, as_of), nl=False)


from factlint.lt_commands import languagetool  # noqa: E402 (its own module, like the others)

cli.add_command(languagetool)
