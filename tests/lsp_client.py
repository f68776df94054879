"""A test client for `factlint server`: pytest-lsp's client driving the real server over stdio."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

TIMEOUT = float(
    __import__("os").environ.get("LSP_TEST_TIMEOUT", 60)
)  # generous: the machine is shared; no test depends on how fast it answers


class Client(LanguageClient):
    """Records every publishDiagnostics (with its version), not only the last per document."""

    published: list[types.PublishDiagnosticsParams]
    registrations: list[types.Registration]

    async def published_for(
        self,
        uri: str,
        version: int,
        accept: Callable[[list[types.Diagnostic]], bool] = lambda d: True,
    ) -> list[types.Diagnostic]:
        """Wait for diagnostics of ``uri`` at ``version`` that ``accept`` takes; return them."""

        async def poll() -> list[types.Diagnostic]:
            seen = 0
            while True:
                for params in self.published[seen:]:
                    if (
                        params.uri == uri
                        and params.version == version
                        and accept(list(params.diagnostics))
                    ):
                        return list(params.diagnostics)
                seen = len(self.published)
                await asyncio.sleep(0.01)

        return await asyncio.wait_for(poll(), TIMEOUT)

    def open(self, path: Path, text: str | None = None, language: str | None = None) -> str:
        uri = path.as_uri()
        language = language or ("markdown" if path.suffix == ".md" else "plaintext")
        self.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(
                    uri=uri,
                    language_id=language,
                    version=1,
                    text=path.read_text(encoding="utf-8") if text is None else text,
                )
            )
        )
        return uri

    def change(self, uri: str, version: int, text: str) -> None:
        self.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    def edit_file(self, path: Path, text: str) -> None:
        """Write a config, pack or registry and tell the server, as an editor's watcher does."""
        path.write_text(text, encoding="utf-8")
        self.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(path.as_uri(), types.FileChangeType.Changed)]
            )
        )


def _record(client: Client, params: types.PublishDiagnosticsParams) -> None:
    client.published.append(params)
    client.diagnostics[params.uri] = params.diagnostics


def _register(client: Client, params: types.RegistrationParams) -> None:
    client.registrations.extend(params.registrations)


def _make_client() -> Client:
    client = Client(converter_factory=default_converter)
    client.published = []
    client.registrations = []
    register_lsp_features(
        client,
        {
            **DEFAULT_CLIENT_FEATURES,
            types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: _record,
            types.CLIENT_REGISTER_CAPABILITY: _register,
        },
    )
    return client


@asynccontextmanager
async def session(
    root: Path,
    *,
    editor: str = "visual-studio-code",
    options: dict[str, Any] | None = None,
    exit_codes: list[int] | None = None,
) -> AsyncIterator[Client]:
    """Start `factlint server`, initialise it on ``root``; shut it down and exit at the end."""
    config = ClientServerConfig(
        server_command=[sys.executable, "-m", "factlint", "server"],
        client_factory=_make_client,
    )
    client = await config.start()
    assert isinstance(client, Client)
    capabilities = client_capabilities(editor)  # as that editor's client declares them
    result = await client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities,
            root_uri=root.as_uri(),
            initialization_options={"debounceMs": 30, **(options or {})},
        )
    )
    client.result = result  # type: ignore[attr-defined]
    try:
        yield client
    finally:
        await client.shutdown_session()
        server = client._server
        if exit_codes is not None and server is not None:
            exit_codes.append(await server.wait())
        await client.stop()
