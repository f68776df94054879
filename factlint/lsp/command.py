"""`factlint server`: the click command (pygls is imported only when it runs)."""

from __future__ import annotations

import click

from factlint.errors import FactlintError


@click.command("server")
@click.option("--stdio", is_flag=True, help="Talk LSP over standard input/output (the default).")
def server(stdio: bool) -> None:
    """Run the language server (LSP over stdio) for editors."""
    try:
        from factlint.lsp.server import main
    except ImportError as exc:
        missing = (exc.name or "pygls").split(".")[0]
        raise FactlintError(
            f"the language server needs pygls ({missing} is missing): pip install 'factlint[lsp]'"
        ) from None
    main()
