"""The language server: diagnostics while the writer types, fixes, suppressions, hover, worksheet.

Linting runs on one worker thread, so there is one engine (and one Harper) per server and the
event loop stays free to read the editor's messages. Each document is linted in two passes: the
cheap rules first, published at once, then the grammar engine's rules. A change waits for the
debounce delay and replaces any lint still waiting; results for a text the editor has since
changed are dropped.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from factlint import __version__
from factlint.config import find_config
from factlint.document import Document
from factlint.engine import Linter, Runner, all_specs
from factlint.errors import FactlintError
from factlint.finding import Finding
from factlint.lsp import actions
from factlint.lsp.diagnostics import Mapper, RuleDocs, base_rule, config_diagnostic
from factlint.lsp.positions import LineIndex
from factlint.packs import load_folder, pack_files

log = logging.getLogger("factlint.lsp")

CLAIMS = "factlint.claims"
CLAIMS_KIND = "source.factlint.claims"  # the worksheet as a code action, for every client
DEFAULT_DEBOUNCE_MS = 200
WATCHED = (
    "**/.factlint.toml",
    "**/factlint.toml",
    "**/pyproject.toml",
    "**/*.{yaml,yml}",
    "**/accept.txt",
    "**/reject.txt",
)
NOT_DRAFTS = {"accept.txt", "reject.txt"}  # vocabulary lists are plain text but not drafts
WARM_UP = "Warm-up\n\nThe minister said on Monday that the plan would go ahead, officials said.\n"


@dataclass
class Options:
    """initializationOptions: {"debounceMs": 200, "grammar": true}."""

    debounce: float = DEFAULT_DEBOUNCE_MS / 1000
    grammar: bool = True

    @classmethod
    def parse(cls, raw: Any) -> Options:
        raw = raw if isinstance(raw, dict) else {}
        debounce = raw.get("debounceMs", DEFAULT_DEBOUNCE_MS)
        return cls(
            debounce=max(0.0, float(debounce)) / 1000
            if isinstance(debounce, (int, float))
            else cls.debounce,
            grammar=bool(raw.get("grammar", True)),
        )


@dataclass
class Lint:
    """The latest published findings of one document version."""

    version: int | None
    mapper: Mapper
    linter: Linter | None
    findings: list[Finding] = field(default_factory=list)
    raw: list[Finding] = field(default_factory=list)
    diagnostics: list[types.Diagnostic] = field(default_factory=list)
    error: str | None = None


class Configs:
    """The linter of each config file, rebuilt when the config or one of its packs changes."""

    def __init__(self) -> None:
        self._linters: dict[Path | None, tuple[tuple[Any, ...], Linter]] = {}

    def linter_for(self, folder: Path) -> Linter:
        find_config.cache_clear()  # a config created or deleted since the last lint counts
        config = find_config(folder.resolve())
        cached = self._linters.get(config)
        if cached is not None and cached[0] == _stamp(config, cached[1]):
            return cached[1]
        load_folder.cache_clear()  # re-read edited packs
        linter = Runner(config_path=str(config) if config else None).linter_for(folder / "-")
        self._linters[config] = (_stamp(config, linter), linter)
        return linter


def _stamp(config: Path | None, linter: Linter) -> tuple[Any, ...]:
    """What a linter was built from: the config file and its pack files, with their mtimes."""
    files = [config] if config else []
    for folder in linter.settings.config.packs:
        try:
            files += [path for _, path in pack_files(linter.settings.resolve(folder))]
        except FactlintError:
            files.append(linter.settings.resolve(folder))
    stamps: list[tuple[str, int | None, int | None]] = []
    for path in files:
        try:
            stat = path.stat()
            stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append((str(path), None, None))
    return tuple(stamps)


class FactlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "factlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full
        )
        self.options = Options()
        self.configs = Configs()
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="factlint-lint")
        self.scratch = Path(tempfile.mkdtemp(prefix="factlint-lsp-"))
        self.docs = RuleDocs(self.scratch)
        self.lints: dict[str, Lint] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.shown_errors: set[str] = set()

    # -- documents -------------------------------------------------------------------------
    def doc_version(self, uri: str) -> int | None:
        doc = self.workspace.text_documents.get(uri)
        return doc.version if doc is not None else None

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Lint a document after ``delay`` seconds, replacing a lint still waiting to start."""
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        if self._ignored(uri):
            return
        self.pending[uri] = asyncio.get_running_loop().create_task(self._lint(uri, delay))

    def relint_all(self) -> None:
        for uri in list(self.workspace.text_documents):
            self.schedule(uri)

    def _ignored(self, uri: str) -> bool:
        path = self._path(uri)
        return path is not None and (path.name in NOT_DRAFTS or self.scratch in path.parents)

    async def _lint(self, uri: str, delay: float) -> None:
        try:
            await self._lint_passes(uri, delay)
        except asyncio.CancelledError:
            raise
        except Exception:  # never let a lint die silently: the log says why
            log.exception("linting %s failed", uri)

    async def _lint_passes(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return
        version, loop = document.version, asyncio.get_running_loop()
        lint = await loop.run_in_executor(
            self.worker, self._first_pass, uri, document.source, document.language_id, version
        )
        if self.doc_version(uri) != version:
            return  # the writer typed on: a newer lint is on its way
        self._publish(uri, lint)
        if lint.linter is None or not lint.linter.engine_rules or not self.options.grammar:
            return
        complete = await loop.run_in_executor(self.worker, self._second_pass, uri, lint)
        if complete is not None and self.doc_version(uri) == version:
            if [d.data for d in complete.diagnostics] != [d.data for d in lint.diagnostics]:
                self._publish(uri, complete)
            else:
                self.lints[uri] = complete

    def _publish(self, uri: str, lint: Lint) -> None:
        self.lints[uri] = lint
        if lint.error and lint.error not in self.shown_errors:
            self.shown_errors.add(lint.error)
            self.window_show_message(
                types.ShowMessageParams(types.MessageType.Error, f"factlint: {lint.error}")
            )
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, diagnostics=lint.diagnostics, version=lint.version
            )
        )

    # -- the two passes (on the worker thread) ---------------------------------------------
    def _first_pass(self, uri: str, text: str, language: str | None, version: int | None) -> Lint:
        path = self._path(uri)
        markdown = {"markdown": True, "plaintext": False}.get(language or "")
        doc = Document.parse(text, str(path) if path else "-", markdown=markdown)
        encoding = str(self.workspace.position_encoding or "utf-16")
        mapper = Mapper(doc, LineIndex(text, encoding), uri, shift=1 if doc.bom else 0)
        try:
            linter = self.configs.linter_for(path.parent if path else self._root())
            mapper.specs = _specs(linter)
            engine = linter.engine_rules
            cheap = [rule for rule in linter.rules if rule not in engine]
            raw = linter.run_rules(doc, cheap)
            findings = linter.finish(doc, raw, partial=bool(engine))
        except FactlintError as exc:
            return Lint(
                version, mapper, None, diagnostics=[config_diagnostic(str(exc))], error=str(exc)
            )
        return self._lint_of(version, mapper, linter, raw, findings)

    def _second_pass(self, uri: str, first: Lint) -> Lint | None:
        if self.doc_version(uri) != first.version or first.linter is None:
            return None  # stale before it started: skip the slow pass
        linter, doc = first.linter, first.mapper.doc
        try:
            raw = first.raw + linter.run_rules(doc, linter.engine_rules)
        except FactlintError as exc:  # e.g. no LanguageTool server: keep the cheap findings
            lint = self._lint_of(first.version, first.mapper, linter, first.raw, first.findings)
            lint.diagnostics.append(config_diagnostic(str(exc)))
            lint.error = str(exc)
            return lint
        return self._lint_of(first.version, first.mapper, linter, raw, linter.finish(doc, raw))

    def _lint_of(
        self,
        version: int | None,
        mapper: Mapper,
        linter: Linter,
        raw: list[Finding],
        findings: list[Finding],
    ) -> Lint:
        diagnostics = [mapper.diagnostic(f, self.docs) for f in findings]
        return Lint(version, mapper, linter, findings, raw, diagnostics)

    def warm_up(self) -> None:
        """Import the rules (and start the grammar engine) before the first draft arrives."""
        try:
            linter = self.configs.linter_for(self._root())
            rules = (
                linter.rules
                if self.options.grammar
                else [r for r in linter.rules if r not in linter.engine_rules]
            )
            linter.run_rules(Document.parse(WARM_UP, "warm-up.txt"), rules)
        except Exception as exc:  # a broken config is reported on the first draft
            log.info("warm-up skipped: %s", exc)

    # -- helpers ---------------------------------------------------------------------------
    @staticmethod
    def _path(uri: str) -> Path | None:
        if not uri.startswith("file:"):
            return None
        path = to_fs_path(uri)
        return Path(path) if path else None

    def _root(self) -> Path:
        root = self.workspace.root_path
        return Path(root) if root else Path.cwd()

    def current(self, uri: str) -> Lint | None:
        """The findings of the text the editor has now (None while a newer lint is pending)."""
        lint = self.lints.get(uri)
        return lint if lint is not None and lint.version == self.doc_version(uri) else None


def _specs(linter: Linter) -> dict[str, Any]:
    specs = {spec.id: spec for spec in all_specs(linter.settings)}
    for spec in list(specs.values()):
        for alias in spec.aliases:
            specs.setdefault(alias, spec)
    return specs


server = FactlintServer()


@server.feature(types.INITIALIZE)
def initialize(ls: FactlintServer, params: types.InitializeParams) -> None:
    ls.options = Options.parse(params.initialization_options)


@server.feature(types.INITIALIZED)
async def initialized(ls: FactlintServer, params: types.InitializedParams) -> None:
    watch = ls.client_capabilities.workspace
    dynamic = (
        watch
        and watch.did_change_watched_files
        and watch.did_change_watched_files.dynamic_registration
    )
    if dynamic:
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED]
        )
        ls.client_register_capability(
            types.RegistrationParams(
                registrations=[
                    types.Registration(
                        "factlint-config", types.WORKSPACE_DID_CHANGE_WATCHED_FILES, options
                    )
                ]
            )
        )
    await asyncio.get_running_loop().run_in_executor(ls.worker, ls.warm_up)


@server.feature(types.SHUTDOWN)
def shutdown(ls: FactlintServer, params: None) -> None:
    for task in ls.pending.values():
        task.cancel()
    ls.worker.shutdown(wait=False, cancel_futures=True)
    shutil.rmtree(ls.scratch, ignore_errors=True)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: FactlintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: FactlintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, ls.options.debounce)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: FactlintServer, params: types.DidSaveTextDocumentParams) -> None:
    path = ls._path(params.text_document.uri)
    if path is not None and path.name in NOT_DRAFTS:
        ls.relint_all()  # a vocabulary list edited in this editor
    else:
        ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: FactlintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.lints.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: FactlintServer, params: types.DidChangeWatchedFilesParams) -> None:
    ls.relint_all()  # configs and packs are re-read when changed; vocab and facts by mtime


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: FactlintServer, params: types.HoverParams) -> types.Hover | None:
    lint = ls.current(params.text_document.uri)
    if lint is None:
        return None
    offset = lint.mapper.offset(params.position)
    found = [
        (f, d)
        for f, d in zip(lint.findings, lint.diagnostics, strict=True)
        if f.offset <= offset <= f.end_offset
    ]
    if not found:
        return None
    from factlint.docs import explain

    parts = []
    for finding, _ in found:
        spec = lint.mapper.specs.get(base_rule(finding.rule))
        text = explain(spec) if spec else ""
        parts.append(f"**{finding.rule}**: {finding.message}\n\n```text\n{text}\n```")
    first = found[0][1].range
    return types.Hover(
        contents=types.MarkupContent(types.MarkupKind.Markdown, "\n\n---\n\n".join(parts)),
        range=first,
    )


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL_KIND, CLAIMS_KIND]
    ),
)
def code_action(
    ls: FactlintServer, params: types.CodeActionParams
) -> list[types.CodeAction] | None:
    lint = ls.current(params.text_document.uri)
    if lint is None or lint.linter is None:
        return None
    only = params.context.only
    mapper = lint.mapper
    start, end = mapper.offset(params.range.start), mapper.offset(params.range.end)
    result: list[types.CodeAction] = []
    if not only or any(k.startswith(types.CodeActionKind.QuickFix) for k in only):
        for finding, diagnostic in zip(lint.findings, lint.diagnostics, strict=True):
            if finding.offset <= end and finding.end_offset >= start:
                result += actions.fix_actions(finding, mapper, diagnostic)
                for make in (
                    actions.suppress_action(finding, mapper, diagnostic),
                    actions.vocabulary_action(finding, lint.linter.settings, diagnostic),
                ):
                    if make is not None:
                        result.append(make)
    if not only or any(actions.FIX_ALL_KIND.startswith(k) for k in only):
        fix_all = actions.fix_all_action(lint.findings, mapper, actions.FIX_ALL_KIND)
        if fix_all is not None:
            result.append(fix_all)
    if not only or any(CLAIMS_KIND.startswith(k) for k in only):
        result.append(
            types.CodeAction(
                title="Open the claims worksheet of this draft",
                kind=CLAIMS_KIND,
                command=types.Command(
                    "Open the claims worksheet", CLAIMS, arguments=[params.text_document.uri]
                ),
            )
        )
    return result


@server.command(actions.ADD_WORD)
def add_to_vocabulary(ls: FactlintServer, *args: Any) -> bool:
    """Arguments: the accept.txt path and the word (as the code action gives them)."""
    if len(args) != 2 or not all(isinstance(a, str) for a in args):
        raise ValueError("expected the accept.txt path and a word")
    if Path(args[0]).name != "accept.txt":
        raise ValueError(f"{args[0]}: words are added to a vocabulary's accept.txt only")
    added = actions.add_word(Path(args[0]), args[1])
    ls.relint_all()
    return added


@server.command(CLAIMS)
async def claims(ls: FactlintServer, *args: Any) -> str:
    """The claims worksheet (Markdown) of a document: returned, and shown when the editor can."""
    uri = args[0] if args and isinstance(args[0], str) else None
    document = ls.workspace.text_documents.get(uri) if uri else None
    if document is None:
        raise ValueError(f"{CLAIMS} needs the URI of an open document")
    path = ls._path(document.uri)
    from factlint.facts.commands import worksheet

    def build() -> str:
        linter = ls.configs.linter_for(path.parent if path else ls._root())
        doc = Document.parse(document.source, str(path) if path else "-")
        return worksheet(doc, linter.settings)

    text = await asyncio.get_running_loop().run_in_executor(ls.worker, build)
    window = ls.client_capabilities.window
    if window and window.show_document and window.show_document.support:
        page = ls.scratch / "claims" / f"{(path.stem if path else 'untitled')}.claims.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text, encoding="utf-8")
        ls.window_show_document(types.ShowDocumentParams(uri=page.as_uri(), take_focus=True))
    return text


def main() -> None:
    """Serve LSP on standard input/output; anything printed goes to standard error instead."""
    level = os.environ.get("FACTLINT_LSP_LOG", "WARNING").upper()
    logging.basicConfig(
        level=logging.WARNING, stream=sys.stderr, format="factlint-lsp: %(name)s: %(message)s"
    )
    for name in ("factlint", "pygls"):
        logging.getLogger(name).setLevel(level)
    # The protocol gets a private copy of descriptor 1, and descriptor 1 itself becomes standard
    # error: native engine code that prints (Harper does) cannot corrupt the LSP stream, and the
    # engines' guard that points descriptor 1 at the null device while they run (on the worker
    # thread) cannot swallow a message the event loop is writing at that moment.
    sys.stdout.flush()
    stdout = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    server.start_io(sys.stdin.buffer, stdout)
