"""`factlint server` end to end: the real server process over stdio, driven by pytest-lsp's client.

One server serves most tests (each in its own folder with its own config, as a newsroom repository
would have); the encodings, grammar and exit tests start their own.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from lsp_client import Client, session
from lsprotocol import types

pytest.importorskip("pygls")

SHARED = pytest.mark.asyncio(loop_scope="module")
NO_GRAMMAR = '[grammar]\nbackend = "none"\n'
CONFIG = f'dialect = "en-GB"\nvocab = ["vocab"]\n{NO_GRAMMAR}'

# A draft of the kind a sub-editor marks: the emoji line puts two astral characters (two UTF-16
# code units, four UTF-8 bytes each) before the American spelling "defense".
DRAFT = """---
title: Ministers meet over flood defences
date: 2024-03-12
---

# Ministers meet over flood defences

The Defence Secretary met council leaders in Carlisle on Monday 🌊🏠 to discuss flood defense plans.

“We will not leave these towns behind,” the statement said- “the money is there.”

Critics say the scheme is a testament to years of delay, and the minister’s office is believed to have approved it just last month.

President Volodymyr Zelensky sent a message of support. Zelensky said Britain was a friend; later Zelenskiy called the council.
"""
EMOJI_LINE = 7  # 0-based line of "defense"


def units(text: str, encoding: str) -> int:
    """Length of ``text`` in the code units of an LSP position encoding (computed independently)."""
    if encoding == "utf-32":
        return len(text)
    data = text.encode("utf-16-le" if encoding == "utf-16" else "utf-8")
    return len(data) // 2 if encoding == "utf-16" else len(data)


def expected_range(text: str, needle: str, encoding: str, occurrence: int = 0) -> types.Range:
    """The LSP range of the n-th ``needle`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    line = text.count("\n", 0, start)
    line_start = text.rfind("\n", 0, start) + 1
    column = units(text[line_start:start], encoding)
    return types.Range(
        types.Position(line, column), types.Position(line, column + units(needle, encoding))
    )


def by_code(diagnostics: list[types.Diagnostic], code: str) -> list[types.Diagnostic]:
    return [d for d in diagnostics if d.code == code]


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP text edits (UTF-16 positions) the way an editor does: last first."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        before = sum(len(line) + 1 for line in lines[: position.line])
        line, count = lines[position.line] if position.line < len(lines) else "", 0
        for i, ch in enumerate(line):
            if count >= position.character:
                return before + i
            count += 2 if ord(ch) > 0xFFFF else 1
        return before + len(line)

    spans = sorted(
        ((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits), reverse=True
    )
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def command_of(action: types.CodeAction | types.Command) -> dict[str, Any]:
    """The command of a code action. The test client's converter reads a CodeAction that has a
    command (and no edit) as a Command whose ``command`` is the nested object's repr, so read
    that back; editors tell the two apart by the type of ``command``."""
    if isinstance(action, types.Command):
        nested = ast.literal_eval(action.command)
        return {"command": nested["command"], "arguments": nested["arguments"]}
    assert action.command is not None
    return {"command": action.command.command, "arguments": action.command.arguments}


def project(root: Path, name: str, config: str, files: dict[str, str]) -> Path:
    folder = root / name
    folder.mkdir()
    (folder / ".factlint.toml").write_text(config, encoding="utf-8")
    for path, text in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    return folder


def open_draft(client: Client, workspace: Path, name: str) -> str:
    """Open DRAFT as story.md of a new project with the house CONFIG; its URI."""
    folder = project(workspace, name, CONFIG, {"story.md": DRAFT})
    return client.open(folder / "story.md")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("newsroom")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def client(workspace: Path) -> AsyncIterator[Client]:
    async with session(workspace) as c:
        yield c


def actions_at(diagnostic: types.Diagnostic, uri: str) -> types.CodeActionParams:
    return types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri),
        range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic]),
    )


# -- diagnostics -----------------------------------------------------------------------------
@SHARED
async def test_open_publishes_exact_ranges_severities_codes_and_links(
    client: Client, workspace: Path
) -> None:
    uri = open_draft(client, workspace, "open")
    diagnostics = await client.published_for(uri, 1)

    spelling = by_code(diagnostics, "consistency/spelling")
    assert [d.range for d in spelling] == [expected_range(DRAFT, "defense", "utf-16")]
    # On the emoji line UTF-16 counts two more units than code points: 86, not 84.
    assert spelling[0].range.start == types.Position(EMOJI_LINE, 86)
    assert spelling[0].severity == types.DiagnosticSeverity.Warning
    assert spelling[0].source == "factlint"
    assert by_code(diagnostics, "house/cliche")[0].severity == types.DiagnosticSeverity.Information
    punctuation = by_code(diagnostics, "quotes/punctuation")
    assert [d.range for d in punctuation] == [expected_range(DRAFT, "said-", "utf-16")]
    assert by_code(diagnostics, "dates/relative") == []  # dated copy: "just last month" resolves

    link = spelling[0].code_description
    assert link is not None and link.href.startswith("file://")
    page = Path(link.href.removeprefix("file://")).read_text(encoding="utf-8")
    assert page.startswith("consistency/spelling") and "Bad:" in page

    name = by_code(diagnostics, "consistency/name")
    assert [d.range for d in name] == [expected_range(DRAFT, "Zelenskiy", "utf-16")]
    related = name[0].related_information or []
    assert [r.location.range for r in related] == [
        expected_range(DRAFT, "Zelensky", "utf-16", 0),
        expected_range(DRAFT, "Zelensky", "utf-16", 1),
    ]
    assert all(r.location.uri == uri for r in related)


@SHARED
async def test_plain_text_drafts_are_linted(client: Client, workspace: Path) -> None:
    text = "Flood talks\n\nCritics say the flood defense plan came too late.\n"
    folder = project(workspace, "plain", CONFIG, {"story.txt": text})
    uri = client.open(folder / "story.txt")
    diagnostics = await client.published_for(uri, 1)
    assert [d.range for d in by_code(diagnostics, "consistency/spelling")] == [
        expected_range(text, "defense", "utf-16")
    ]
    assert [d.range for d in by_code(diagnostics, "sourcing/vague")] == [
        expected_range(text, "Critics say", "utf-16")
    ]


@SHARED
async def test_diagnostics_follow_changes_and_the_latest_text_wins(
    client: Client, workspace: Path
) -> None:
    uri = open_draft(client, workspace, "change")
    await client.published_for(uri, 1, lambda d: bool(by_code(d, "consistency/spelling")))

    fixed = DRAFT.replace("flood defense plans", "flood defence plans")
    client.change(uri, 2, fixed)
    diagnostics = await client.published_for(uri, 2)
    assert not by_code(diagnostics, "consistency/spelling")
    assert by_code(diagnostics, "quotes/punctuation")  # the rest stays

    # Two quick edits: the diagnostics end on the last text, at its version.
    client.change(uri, 3, fixed.replace("the statement said-", "the statement said:"))
    later = (
        fixed.replace("the statement said-", "the statement said:")
        + "\nThe mayor’s defense was weak.\n"
    )
    client.change(uri, 4, later)
    diagnostics = await client.published_for(uri, 4)
    assert not by_code(diagnostics, "quotes/punctuation")
    assert [d.range for d in by_code(diagnostics, "consistency/spelling")] == [
        expected_range(later, "defense", "utf-16")
    ]
    versions = [p.version for p in client.published if p.uri == uri]
    assert versions == sorted(versions) and versions[-1] == 4  # never an older text after a newer

    before = len([p for p in client.published if p.uri == uri])
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    await client.published_for(  # saving lints again
        uri, 4, lambda d: len([p for p in client.published if p.uri == uri]) > before
    )
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    await client.published_for(uri, None, lambda d: d == [])  # type: ignore[arg-type]


# -- code actions ----------------------------------------------------------------------------
async def open_with_actions(
    client: Client, workspace: Path, name: str, code: str
) -> tuple[str, types.Diagnostic, list[types.CodeAction | types.Command]]:
    """Open DRAFT in a new project; the first diagnostic of ``code`` and its code actions."""
    uri = open_draft(client, workspace, name)
    diagnostic = by_code(await client.published_for(uri, 1), code)[0]
    actions = await client.text_document_code_action_async(actions_at(diagnostic, uri)) or []
    return uri, diagnostic, list(actions)


@SHARED
async def test_fix_one_finding_and_fix_all(client: Client, workspace: Path) -> None:
    uri, _, actions = await open_with_actions(client, workspace, "fix", "consistency/spelling")
    replace = [
        a for a in actions if isinstance(a, types.CodeAction) and a.title.startswith("Replace")
    ]
    assert [a.title for a in replace] == ["Replace 'defense' with 'defence'"]
    assert replace[0].is_preferred and replace[0].kind == types.CodeActionKind.QuickFix
    edits = replace[0].edit.changes[uri]  # type: ignore[union-attr,index]
    assert apply_edits(DRAFT, list(edits)) == DRAFT.replace("flood defense", "flood defence")

    fix_all = (
        await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri),
                range=types.Range(types.Position(0, 0), types.Position(0, 0)),
                context=types.CodeActionContext(diagnostics=[], only=["source.fixAll"]),
            )
        )
        or []
    )
    assert [a.kind for a in fix_all] == ["source.fixAll.factlint"]  # type: ignore[union-attr]
    fixed = apply_edits(DRAFT, list(fix_all[0].edit.changes[uri]))  # type: ignore[union-attr,index]
    expected = (
        DRAFT.replace("flood defense", "flood defence")
        .replace("statement said-", "statement said:")
        .replace("later Zelenskiy", "later Zelensky")
    )
    assert fixed == expected
    client.change(uri, 2, fixed)
    after = await client.published_for(uri, 2)
    assert not [
        d
        for d in after
        if d.code in ("consistency/spelling", "quotes/punctuation", "consistency/name")
    ]


@SHARED
async def test_suppress_on_the_next_line(client: Client, workspace: Path) -> None:
    uri, _, actions = await open_with_actions(client, workspace, "suppress", "house/cliche")
    disable = [a for a in actions if a.title == "Disable house/cliche on this line"]
    assert len(disable) == 1
    text = apply_edits(DRAFT, list(disable[0].edit.changes[uri]))  # type: ignore[union-attr,index]
    assert "\n<!-- factlint-disable-next-line house/cliche -->\nCritics say the scheme" in text

    client.change(uri, 2, text)
    after = await client.published_for(uri, 2)
    assert not by_code(after, "house/cliche") and not by_code(after, "meta/unused-suppression")
    vague = by_code(after, "sourcing/vague")[0]  # a second rule on the same line joins the comment
    actions = await client.text_document_code_action_async(actions_at(vague, uri)) or []
    disable = [a for a in actions if a.title == "Disable sourcing/vague on this line"]
    text = apply_edits(text, list(disable[0].edit.changes[uri]))  # type: ignore[union-attr,index]
    assert "\n<!-- factlint-disable-next-line house/cliche, sourcing/vague -->\nCritics" in text
    client.change(uri, 3, text)
    after = await client.published_for(uri, 3)
    assert not by_code(after, "sourcing/vague") and by_code(after, "quotes/punctuation")


@SHARED
async def test_no_suppression_comment_in_plain_text_or_front_matter(
    client: Client, workspace: Path
) -> None:
    text = "Talks\n\nThe plan is a testament to patience.\n"
    markdown = "---\ntitle: A testament to patience\n---\n\nThe plan is a testament to patience.\n"
    folder = project(workspace, "nocomment", CONFIG, {"story.txt": text, "story.md": markdown})
    for name, disables in (("story.txt", [0]), ("story.md", [0, 1])):
        uri = client.open(folder / name)
        cliches = by_code(await client.published_for(uri, 1), "house/cliche")
        offered = []
        for cliche in cliches:
            actions = await client.text_document_code_action_async(actions_at(cliche, uri)) or []
            offered.append(len([a for a in actions if a.title.startswith("Disable")]))
        # plain text has no comments; in Markdown, the title in the front matter cannot take one
        assert offered == [0 for _ in disables] if name == "story.txt" else offered == [0, 1]


# -- hover, worksheet ------------------------------------------------------------------------
@SHARED
async def test_hover_explains_the_rule(client: Client, workspace: Path) -> None:
    uri = open_draft(client, workspace, "hover")
    spelling = by_code(await client.published_for(uri, 1), "consistency/spelling")[0]
    inside = types.Position(spelling.range.start.line, spelling.range.start.character + 3)
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), inside)
    )
    assert hover is not None and hover.range == spelling.range
    explained = subprocess.run(
        [sys.executable, "-m", "factlint", "explain", "consistency/spelling"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert explained in hover.contents.value  # type: ignore[union-attr]
    assert spelling.message in hover.contents.value  # type: ignore[union-attr]
    nowhere = types.Position(EMOJI_LINE, 50)  # "Carlisle": no finding
    assert (
        await client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri), nowhere)
        )
        is None
    )


@SHARED
async def test_claims_worksheet_command(client: Client, workspace: Path) -> None:
    uri = open_draft(client, workspace, "claims")
    await client.published_for(uri, 1)
    offered = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=types.Range(types.Position(0, 0), types.Position(0, 0)),
            context=types.CodeActionContext(diagnostics=[], only=["source"]),
        )
    )
    commands = [command_of(a) for a in offered or [] if a.title.startswith("Open the claims")]
    assert commands == [{"command": "factlint.claims", "arguments": [uri]}]
    sheet = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="factlint.claims", arguments=[uri])
    )
    assert isinstance(sheet, str)
    assert "## Quotations" in sheet and "just last month" in sheet and "- [ ] " in sheet
    shown = client.shown_documents[-1]
    assert Path(shown.uri.removeprefix("file://")).read_text(encoding="utf-8") == sheet


# -- configuration ---------------------------------------------------------------------------
@SHARED
async def test_broken_config_is_one_clear_message_and_a_fix_reloads(
    client: Client, workspace: Path
) -> None:
    folder = project(workspace, "broken", 'dialect = "en-XX"\n' + NO_GRAMMAR, {"story.md": DRAFT})
    uri = client.open(folder / "story.md")
    diagnostics = await client.published_for(uri, 1)
    assert len(diagnostics) == 1 and diagnostics[0].code == "config"
    assert diagnostics[0].severity == types.DiagnosticSeverity.Error
    assert ".factlint.toml: dialect: Input should be" in diagnostics[0].message
    assert any("dialect" in m.message for m in client.messages)

    client.edit_file(folder / ".factlint.toml", CONFIG)
    diagnostics = await client.published_for(
        uri, 1, lambda d: bool(by_code(d, "consistency/spelling"))
    )
    assert not by_code(diagnostics, "config")


@SHARED
async def test_pack_and_config_edits_are_picked_up(client: Client, workspace: Path) -> None:
    pack = (
        "- name: jargon\n  kind: existence\n  severity: warning\n  summary: No jargon.\n"
        "  rationale: Readers do not speak it.\n  message: \"'{found}' is jargon\"\n"
        "  options:\n    terms: [synergy]\n  examples:\n    bad: Synergy.\n    good: Work.\n"
    )
    text = "Talks\n\nThe council promised synergy and a holistic plan.\n"
    folder = project(
        workspace,
        "packs",
        'packs = ["styles"]\n' + CONFIG,
        {"styles/desk.yaml": pack, "story.md": text},
    )
    uri = client.open(folder / "story.md")
    first = await client.published_for(uri, 1)
    assert [d.range for d in by_code(first, "desk/jargon")] == [
        expected_range(text, "synergy", "utf-16")
    ]

    client.edit_file(
        folder / "styles" / "desk.yaml", pack.replace("[synergy]", "[synergy, holistic]")
    )
    again = await client.published_for(uri, 1, lambda d: len(by_code(d, "desk/jargon")) == 2)
    assert [d.range for d in by_code(again, "desk/jargon")][1] == expected_range(
        text, "holistic", "utf-16"
    )


@SHARED
async def test_registry_and_sources_relative_to_the_draft(client: Client, workspace: Path) -> None:
    transcript = "Council, 11 March 2024.\n\nMAYOR: We will rebuild every wall by the summer.\n"
    draft = (
        "---\ntitle: Mayor promises new flood walls\ndate: 2024-03-12\n"
        "sources:\n  - transcripts/council.txt\n---\n\n"
        "The mayor, Jane Halloway, said: “We will rebuild every wall by the spring.”\n"
    )
    registry = "people:\n  - name: Jane Holloway\n    aliases: [Jane Halloway]\n"
    folder = project(
        workspace,
        "facts",
        'facts = ["facts/people.yaml"]\n' + CONFIG,
        {
            "facts/people.yaml": registry,
            "drafts/visit.md": draft,
            "drafts/transcripts/council.txt": transcript,
        },
    )
    uri = client.open(folder / "drafts" / "visit.md")
    diagnostics = await client.published_for(uri, 1)
    assert [d.range for d in by_code(diagnostics, "facts/name-spelling")] == [
        expected_range(draft, "Jane Halloway", "utf-16")
    ]
    mismatch = by_code(diagnostics, "quotes/mismatch")
    assert len(mismatch) == 1 and "transcripts/council.txt:3" in mismatch[0].message

    # The editor's unsaved text is what is checked against the source.
    client.change(uri, 2, draft.replace("by the spring", "by the summer"))
    assert not by_code(await client.published_for(uri, 2), "quotes/mismatch")

    client.edit_file(
        folder / "facts" / "people.yaml", registry.replace("Jane Halloway", "J. Holloway")
    )
    await client.published_for(uri, 2, lambda d: not by_code(d, "facts/name-spelling"))


# -- sessions of their own -------------------------------------------------------------------
@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("editor", "encoding"), [("neovim@v0.11.0", "utf-8"), ("emacs@v29.1", "utf-32")]
)
async def test_editors_capabilities_encodings_and_a_config_edit_without_a_watcher(
    tmp_path: Path, editor: str, encoding: str
) -> None:
    """Neovim 0.11 offers UTF-8 first and Emacs (eglot) UTF-32; neither is VS Code."""
    exit_codes: list[int] = []
    folder = project(tmp_path, "enc", CONFIG, {"story.md": DRAFT})
    async with session(tmp_path, editor=editor, exit_codes=exit_codes) as client:
        assert client.result.capabilities.position_encoding == encoding  # type: ignore[attr-defined]
        uri = client.open(folder / "story.md")
        diagnostics = await client.published_for(uri, 1)
        spelling = by_code(diagnostics, "consistency/spelling")[0]
        assert spelling.range == expected_range(DRAFT, "defense", encoding)
        # 84 code points before "defense"; each emoji is 4 UTF-8 bytes, the rest of it ASCII.
        assert spelling.range.start.character == {"utf-8": 90, "utf-32": 84}[encoding]
        hover = await client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri), spelling.range.start)
        )
        assert hover is not None and hover.range == spelling.range
        actions = await client.text_document_code_action_async(actions_at(spelling, uri)) or []
        assert "Replace 'defense' with 'defence'" in [a.title for a in actions]

        # A config edited with no file watcher to report it: the next lint uses it anyway.
        (folder / ".factlint.toml").write_text(CONFIG.replace("en-GB", "en-US"), "utf-8")
        client.change(uri, 2, DRAFT)
        american = by_code(await client.published_for(uri, 2), "consistency/spelling")
        ranges = [d.range for d in american]
        assert expected_range(DRAFT, "defences", encoding) in ranges  # "Defence Secretary" is an office's name
        assert expected_range(DRAFT, "defense", encoding) not in ranges
    assert exit_codes == [0]  # shutdown, then exit: a clean exit


@pytest.mark.asyncio
async def test_grammar_runs_after_the_cheap_rules_and_words_join_the_vocabulary(
    tmp_path: Path,
) -> None:
    text = (
        "Flood talks\n\nThe Defence Secretary called her critics mardy on Monday. "
        "She promise the defense money by June.\n"
    )
    folder = project(
        tmp_path, "grammar", 'dialect = "en-GB"\nvocab = ["vocab"]\n', {"story.txt": text}
    )
    async with session(tmp_path) as client:
        uri = client.open(folder / "story.txt")
        first = await client.published_for(uri, 1)
        assert by_code(first, "consistency/spelling") and not by_code(first, "grammar/agreement")
        complete = await client.published_for(
            uri, 1, lambda d: bool(by_code(d, "grammar/agreement"))
        )
        assert by_code(complete, "consistency/spelling")
        unknown = by_code(complete, "spelling/unknown-word")
        assert [d.range for d in unknown] == [expected_range(text, "mardy", "utf-16")]

        actions = await client.text_document_code_action_async(actions_at(unknown[0], uri)) or []
        add = [
            command_of(a) for a in actions if a.title.startswith("Add 'mardy' to the house")
        ]
        assert len(add) == 1 and add[0]["command"] == "factlint.addToVocabulary"
        assert (
            await client.workspace_execute_command_async(
                types.ExecuteCommandParams(command=add[0]["command"], arguments=add[0]["arguments"])
            )
            is True
        )
        assert (folder / "vocab" / "accept.txt").read_text(encoding="utf-8") == "mardy\n"
        after = await client.published_for(
            uri,
            1,
            lambda d: (
                bool(by_code(d, "grammar/agreement")) and not by_code(d, "spelling/unknown-word")
            ),
        )
        assert by_code(after, "consistency/spelling")


def test_check_does_not_import_the_language_server(tmp_path: Path) -> None:
    draft = tmp_path / "story.md"
    draft.write_text("The flood defense plan.\n", encoding="utf-8")
    probe = (
        "import sys\nfrom factlint.cli import cli\ntry:\n"
        f"    cli.main(['check', '--dialect', 'en-GB', '-q', {str(draft)!r}], standalone_mode=False)\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol')))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert "consistency/spelling" in result.stdout  # it did lint
    assert result.stdout.strip().endswith("[]")


def test_server_without_pygls_says_what_to_install() -> None:
    probe = (
        "import sys\nsys.modules['pygls'] = None\nsys.argv = ['factlint', 'server']\n"
        "from factlint.cli import main\nmain()\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() == (
        "factlint: error: the language server needs pygls (pygls is missing): "
        "pip install 'factlint[lsp]'"
    )
