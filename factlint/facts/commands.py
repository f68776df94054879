"""`factlint facts check|lookup|schema`: validate a registry and ask what it knows."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from factlint.document import parse_date
from factlint.errors import FactlintError
from factlint.facts.models import RegistryFile
from factlint.facts.registry import Registry, load_registry

if TYPE_CHECKING:
    from factlint.config import Settings
    from factlint.document import Document


def registry_from(files: tuple[str, ...], config_path: str | None) -> Registry:
    """The registry of --facts files, else the one of the config (--config or discovered)."""
    if files:
        return load_registry(list(files))
    from factlint.engine import Runner

    settings = Runner(config_path=config_path).linter_for(None).settings
    if not settings.config.facts:
        raise FactlintError(
            f"{settings.source}: no facts registry configured (set facts = [...] or pass --facts)"
        )
    return load_registry([settings.confined(p, "facts") for p in settings.config.facts])


def check_files(files: tuple[str, ...]) -> int:
    """Validate registry files; print problems. 0 = clean, 1 = problems (schema errors raise)."""
    registry = load_registry(list(files))
    for problem in registry.problems:
        click.echo(problem)
    counts = (
        f"{len(registry.people)} people, {len(registry.organisations)} organisations, "
        f"{len(registry.places)} places, {len(registry.titles)} titles"
    )
    if registry.problems:
        click.echo(
            f"{len(registry.problems)} problem(s) in {', '.join(files)} ({counts})", err=True
        )
        return 1
    click.echo(f"ok: {', '.join(files)} ({counts})")
    return 0


def lookup(registry: Registry, name: str, on: str | None) -> int:
    """Print what the registry knows about a name, alias or office title (and its holder)."""
    day = parse_date(on) if on else None
    if on and day is None:
        raise FactlintError(f"--on {on!r}: expected a date YYYY-MM-DD")
    found = False
    for entry in registry.lookup(name):
        click.echo(registry.describe(entry))
        found = True
    title = registry.title(name)
    if title is not None:
        found = True
        canonical, organisation = title
        history = registry.office_history(canonical, organisation)
        click.echo(f"{canonical}" + (f", {organisation}" if organisation else "") + "  (office)")
        for person, office in history:
            click.echo(f"  {person.name}: {office.span}")
        if day is not None:
            holders = registry.holders(canonical, organisation, day)
            names = ", ".join(p.name for p, _ in holders) or "nobody in the registry"
            click.echo(f"  on {day}: {names}")
    if not found:
        click.echo(f"{name!r} is not in the registry ({', '.join(registry.files)})", err=True)
        return 1
    return 0


def schema(*, worksheet: bool = False) -> str:
    """The JSON Schema of one registry file, or of the claims worksheet."""
    if worksheet:
        from factlint.facts.claims import Worksheet

        data = Worksheet.model_json_schema()
        data["title"] = "factlint claims worksheet"
    else:
        data = RegistryFile.model_json_schema()
        data["title"] = "factlint facts registry"
    return json.dumps(data, indent=2)


def claims(
    path: str, fmt: str, files: tuple[str, ...], config_path: str | None, as_of: str | None
) -> str:
    """The worksheet of one draft as Markdown or JSON."""
    from pathlib import Path

    from factlint.config import Overrides
    from factlint.document import Document
    from factlint.engine import Runner, decode

    if as_of and parse_date(as_of) is None:
        raise FactlintError(f"--as-of {as_of!r}: expected a date YYYY-MM-DD")
    draft = Path(path)
    runner = Runner(Overrides(as_of=as_of), config_path)
    try:
        source = decode(runner.read_draft(draft, named=True))
    except (OSError, UnicodeDecodeError) as exc:
        raise FactlintError(f"{path}: cannot read: {exc}") from None
    settings = runner.linter_for(draft).settings
    registry = load_registry(list(files)) if files else None
    doc = Document.parse(source.text, path)
    doc.reads = runner.read_policy(draft)
    return worksheet(doc, settings, fmt, registry)


def worksheet(
    doc: Document, settings: Settings, fmt: str = "markdown", registry: Registry | None = None
) -> str:
    """The worksheet of a parsed draft under a config (its registry unless one is given)."""
    from factlint.facts.claims import Context, build_worksheet, markdown
    from factlint.facts.context import registry_for, story_date

    day, where = story_date(doc, settings)
    registry = registry if registry is not None else registry_for(settings)
    sheet = build_worksheet(doc, Context(registry, day, where))
    return sheet.model_dump_json(indent=2) if fmt == "json" else markdown(sheet)
