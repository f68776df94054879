"""`factlint languagetool ...`: install the LanguageTool server that the languagetool backend runs."""

from __future__ import annotations

import click


@click.group("languagetool")
def languagetool() -> None:
    """LanguageTool for the languagetool grammar backend (docs/grammar.md)."""


@languagetool.command("install")
@click.option("--version", "version", default=None,
              help="LanguageTool version on Maven Central (default: the pinned one).")
@click.option("--dir", "folder", type=click.Path(file_okay=False),
              help="Install folder (default: the user's cache folder, per version).")
@click.option("--offline", is_flag=True, help="Use only Maven's local repository (mvn -o).")
def install_command(version: str | None, folder: str | None, offline: bool) -> None:
    """Resolve LanguageTool and its dependencies from Maven Central with mvn (idempotent)."""
    from factlint.engines.lt_install import DEFAULT_VERSION, install

    done = install(
        version or DEFAULT_VERSION, folder, say=lambda line: click.echo(line, err=True),
        offline=offline,
    )
    click.echo(f"LanguageTool {done.version} ready in {done.folder}", err=True)


@languagetool.command("path")
@click.option("--version", "version", default=None, help="LanguageTool version.")
@click.option("--dir", "folder", type=click.Path(file_okay=False), help="Install folder.")
def path_command(version: str | None, folder: str | None) -> None:
    """Print the folder of the installed LanguageTool (exit 2 when it is not installed)."""
    from factlint.engines.lt_install import DEFAULT_VERSION, find_installation

    click.echo(str(find_installation(version or DEFAULT_VERSION, folder).folder))
