"""Code actions: apply a fix, fix everything safe, suppress a rule on a line, accept a word."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types

from factlint.document import FRONT_MATTER_END, FRONT_MATTER_FENCE
from factlint.fix import fix_edits, write_atomic

if TYPE_CHECKING:
    from factlint.config import Settings
    from factlint.finding import Finding
    from factlint.lsp.diagnostics import Mapper

ADD_WORD = "factlint.addToVocabulary"
FIX_ALL_KIND = "source.fixAll.factlint"
MAX_SUGGESTIONS = 5
SPELLING_RULES = {"spelling/unknown-word"}
NEXT_LINE = re.compile(r"^(\s*)<!--\s*factlint-disable-next-line\b(.*?)\s*-->\s*$")


def fix_actions(
    finding: Finding, mapper: Mapper, diagnostic: types.Diagnostic
) -> list[types.CodeAction]:
    """One quick fix per suggestion; the first suggestion of a safe fix is preferred."""
    actions = []
    for n, suggestion in enumerate(finding.suggestions[:MAX_SUGGESTIONS]):
        title = (
            f"Replace '{finding.text}' with '{suggestion}'"
            if suggestion
            else f"Remove '{finding.text}'"
        )
        edit = types.TextEdit(mapper.range(finding.offset, finding.end_offset), suggestion)
        actions.append(
            types.CodeAction(
                title=title,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                is_preferred=finding.fixable and n == 0,
                edit=types.WorkspaceEdit(changes={mapper.uri: [edit]}),
            )
        )
    return actions


def fix_all_action(findings: list[Finding], mapper: Mapper, kind: str) -> types.CodeAction | None:
    """Every safe fix of the document at once (what `factlint check --fix` applies in one pass)."""
    edits = [
        types.TextEdit(mapper.range(start, end), replacement)
        for start, end, replacement in fix_edits(findings)
    ]
    if not edits:
        return None
    return types.CodeAction(
        title=f"Fix all safe factlint problems ({len(edits)})",
        kind=kind,
        edit=types.WorkspaceEdit(changes={mapper.uri: edits}),
    )


def suppress_action(
    finding: Finding, mapper: Mapper, diagnostic: types.Diagnostic
) -> types.CodeAction | None:
    """Add ``<!-- factlint-disable-next-line RULE -->`` above the finding's line (Markdown only:
    plain text has no comments), or add the rule to a directive already there."""
    doc = mapper.doc
    if not doc.is_markdown or finding.rule.startswith(("io/", "meta/")):
        return None
    if finding.offset < _body_start(doc.text):
        return None  # a comment inside the front matter would break its YAML
    line = doc.line_col(finding.offset)[0]
    start = doc.line_starts[line - 1]
    title = f"Disable {finding.rule} on this line"
    above = NEXT_LINE.match(doc.line_text(line - 1)) if line > 1 else None
    if above:
        rules = [r for r in re.split(r"[\s,]+", above.group(2)) if r]
        if not rules or finding.rule in rules:
            return None
        previous = doc.line_starts[line - 2]
        names = ", ".join([*rules, finding.rule])
        comment = f"{above.group(1)}<!-- factlint-disable-next-line {names} -->"
        edit = types.TextEdit(
            mapper.range(previous, previous + len(doc.line_text(line - 1))), comment
        )
    else:
        body = doc.line_text(line)
        indent = body[: len(body) - len(body.lstrip())]
        ending = "\r\n" if doc.text[start + len(body) : start + len(body) + 2] == "\r\n" else "\n"
        comment = f"{indent}<!-- factlint-disable-next-line {finding.rule} -->{ending}"
        edit = types.TextEdit(mapper.range(start, start), comment)
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(changes={mapper.uri: [edit]}),
    )


def vocabulary_action(
    finding: Finding, settings: Settings, diagnostic: types.Diagnostic
) -> types.CodeAction | None:
    """Accept an unknown word in the house vocabulary (when the config names a vocab folder)."""
    target = accept_file(settings)
    if finding.rule not in SPELLING_RULES or target is None:
        return None
    from factlint.analysis.proper_names import strip_possessive

    word = strip_possessive(finding.text)
    return types.CodeAction(
        title=f"Add '{word}' to the house vocabulary ({target.parent.name}/{target.name})",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        command=types.Command(
            f"Add '{word}' to the house vocabulary", ADD_WORD, arguments=[str(target), word]
        ),
    )


def accept_file(settings: Settings) -> Path | None:
    """The accept.txt of the first vocab folder: the existing one, else where it would go."""
    folders = [settings.resolve(folder) for folder in settings.config.vocab]
    for base in folders:
        for candidate in (base / "accept.txt", base / "vocab" / "accept.txt"):
            if candidate.is_file():
                return candidate
    if not folders:
        return None
    base = folders[0]
    return base / "accept.txt" if base.name == "vocab" else base / "vocab" / "accept.txt"


def add_word(target: Path, word: str) -> bool:
    """Append a word (as an exact pattern) to an accept list; False when it is already there."""
    term = re.escape(word)
    original = target.read_bytes() if target.is_file() else b""
    text = original.decode("utf-8")
    if term in (line.strip() for line in text.splitlines()):
        return False
    if text and not text.endswith("\n"):
        text += "\n"
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        target.touch()
    write_atomic(target, (text + term + "\n").encode("utf-8"), target.stat(), original)  # no edit lost
    return True


def _body_start(text: str) -> int:
    """Where the Markdown body starts after the front matter (0 without front matter)."""
    fence = FRONT_MATTER_FENCE.match(text)
    end = FRONT_MATTER_END.search(text, fence.end()) if fence else None
    return end.end() if end else 0
