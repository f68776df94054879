"""Exact spans: code-point columns, multi-byte text, CRLF, BOM, front matter and Markdown markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.config import Overrides
from factlint.document import Document
from factlint.engine import Runner
from factlint.groups import unfold

GB = Overrides(dialect="en-GB", select=("consistency/spelling",))


def findings_for(tmp_path: Path, name: str, data: bytes) -> list:
    path = tmp_path / name
    path.write_bytes(data)
    return list(unfold(Runner(GB).lint_file(path).findings))  # every place: a word family folds


def assert_span_is_text(doc_text: str, finding) -> None:
    lines = doc_text.split("\n")
    line = lines[finding.line - 1].rstrip("\r")
    assert line[finding.column - 1 : finding.end_column - 1] == finding.text


@pytest.mark.parametrize(
    ("prefix", "column"),
    [
        ("Café owners said the ", 22),  # é: one code point, two UTF-8 bytes
        ("Пресс-служба said the ", 23),  # Cyrillic
        ("👍 Emoji fans said the ", 23),  # non-BMP: one code point, two UTF-16 units
        ("日本語 the ", 9),
    ],
)
def test_columns_count_code_points(tmp_path: Path, prefix: str, column: int) -> None:
    text = f"Headline\n\n{prefix}defense plan.\n"
    (finding,) = findings_for(tmp_path, "a.txt", text.encode())
    assert (finding.line, finding.column, finding.end_column) == (3, column, column + 7)
    assert finding.text == "defense"
    assert_span_is_text(text, finding)


def test_crlf_and_bom_report_editor_positions(tmp_path: Path) -> None:
    text = "Headline\r\n\r\nThe plan.\r\nThe defense budget.\r\n"
    lf = findings_for(tmp_path, "lf.txt", text.replace("\r\n", "\n").encode())
    crlf = findings_for(tmp_path, "crlf.txt", text.encode())
    bom = findings_for(tmp_path, "bom.txt", b"\xef\xbb\xbf" + text.encode())
    positions = {(f.line, f.column, f.end_line, f.end_column, f.text) for f in lf}
    assert positions == {(4, 5, 4, 12, "defense")}
    assert {(f.line, f.column, f.end_line, f.end_column, f.text) for f in crlf} == positions
    assert {(f.line, f.column, f.end_line, f.end_column, f.text) for f in bom} == positions
    # offsets count from the text as read: BOM removed, CRLF kept
    assert bom[0].offset == crlf[0].offset == text.index("defense")


def test_utf16_file_with_bom(tmp_path: Path) -> None:
    text = "Headline\n\nThe defense budget.\n"
    (finding,) = findings_for(tmp_path, "u16.txt", b"\xff\xfe" + text.encode("utf-16-le"))
    assert (finding.line, finding.column, finding.text) == (3, 5, "defense")


def test_front_matter_title_is_linted_with_file_positions(tmp_path: Path) -> None:
    text = '---\ndate: 2023-09-22\ntitle: "Air defense for Kyiv"\ntags: [defense]\n---\n\nBody text.\n'
    (finding,) = findings_for(tmp_path, "a.md", text.encode())
    assert (finding.line, finding.column, finding.text) == (3, 13, "defense")


def test_markdown_code_html_and_link_destinations_are_not_prose(tmp_path: Path) -> None:
    text = (
        "# The defense review\n\n"
        "See [the defense paper](https://example.com/defense) and `defense_budget`.\n"
        "<span class=\"defense\">x</span> <https://defense.gov> https://www.defense.gov/news\n\n"
        "```\ndefense code\n```\n\n    defense indented code\n\n"
        "> A *defense* quote block with **defense** in bold.\n"
    )
    findings = findings_for(tmp_path, "a.md", text.encode())
    got = [(f.line, f.column, f.text) for f in findings]
    assert got == [(1, 7, "defense"), (3, 10, "defense"), (12, 6, "defense"), (12, 34, "defense")]
    for f in findings:
        assert_span_is_text(text, f)


def test_markdown_crlf_front_matter_and_multibyte(tmp_path: Path) -> None:
    text = "---\r\ntitle: Café defense\r\n---\r\n\r\n## Sub – defense\r\n\r\n- item: “defense” 👍 defense\r\n"
    findings = findings_for(tmp_path, "a.md", text.encode())
    assert [(f.line, f.column) for f in findings] == [(2, 13), (5, 10), (7, 21)]
    for f in findings:
        assert_span_is_text(text, f)


def test_markdown_links_are_recorded() -> None:
    doc = Document.parse("As [reported here](https://x.org/a) and [there][ref].\n\n[ref]: https://y\n", "a.md")
    assert [(doc.text[link.start : link.end], link.href) for link in doc.links] == [
        ("reported here", "https://x.org/a"),
        ("there", "ref"),
    ]
    assert doc.segments[0].text == "As reported here and there."


def test_plain_text_headline_and_paragraphs() -> None:
    doc = Document.parse(Path("fixtures/seed/article.txt").read_text("utf-8"), "article.txt")
    kinds = [s.kind for s in doc.segments]
    assert kinds[0] == "headline" and set(kinds[1:]) == {"prose"}
    assert len(doc.segments) == 10


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Dr. Jones in the U.K. on Feb. 3. They talked.", 2),
        ("Growth was 2.5 per cent. Prices rose.", 2),
        ("“We are ready.” He left. She said: “Go.” Then silence.", 4),
        ("He moved to the U.S. The next day he left.", 2),
        ("J. K. Rowling wrote it. Sales rose.", 2),
        ("Is it true? Yes! Fine…", 3),
    ],
)
def test_sentence_splitting(text: str, expected: int) -> None:
    doc = Document.parse(text, "a.txt")
    sentences = [s.text for s in doc.analysis.sentences]
    assert len(sentences) == expected, sentences
