"""Quote verification: normalisation, gaps, insertions, truncation, closest passage, sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.analysis.quotes import Quotation
from factlint.document import Document
from factlint.facts.sources import build, html_text
from factlint.facts.verify import check_document, verify

SOURCE = build(
    "t.txt",
    (
        "Opening remarks.\n"
        "We are grateful for your help – military, financial, humanitarian. We greatly appreciate\n"
        "that we can rely on you. Winter is coming but we are ready.\n"
        "The United Kingdom will stand with Ukraine for as long as it takes.\n"
    ),
)


def quote(text: str) -> Quotation:
    return Quotation(0, 0, len(text), 0, len(text), text)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("“We are grateful for your help — military, financial, humanitarian.”", "verified"),
        ('"WE ARE GRATEFUL for your help - military, financial, humanitarian"', "verified"),
        ("“We are grateful for your help … we can rely on you.”", "verified"),
        ("“We are grateful for your help... we can rely on you.”", "verified"),
        ("“[Britain] will stand with Ukraine for as long as it takes.”", "verified"),
        # An insertion may stand for source words: "[the UK] can rely" for "we can rely".
        ("“We greatly appreciate that [the UK] can rely on you.”", "verified"),
        ("“Winter is coming.”", "truncated"),
        ("“We can rely on you.”", "verified"),  # the next word starts a new sentence: not truncated
        ("“We are thankful for your help, military, financial, humanitarian.”", "mismatch"),
        ("“Nothing like this was ever said in the briefing.”", "unverified"),
    ],
)
def test_statuses(text: str, status: str) -> None:
    assert verify(quote(text), [SOURCE]).status == status


def test_mismatch_names_line_and_diff() -> None:
    check = verify(quote("“We are thankful for your help.”"), [SOURCE])
    assert check.status == "mismatch" and check.source == "t.txt" and check.line == 2
    assert "[-grateful-]{+thankful+}" in check.detail


def test_truncation_names_the_qualifier() -> None:
    check = verify(quote("“Winter is coming.”"), [SOURCE])
    assert (check.status, check.detail, check.line) == ("truncated", "but", 3)


def test_html_text_skips_script_and_keeps_lines() -> None:
    text, lines = html_text(
        "<html><head><script>var a = 'x y z';</script></head>\n<body>\n"
        "<p>One &amp; two\nthree</p></body></html>"
    )
    assert "var a" not in text and "One & two" in text
    source = build("p.html", text, lines)
    assert source.words == ["one", "two", "three"] and source.lines == [3, 3, 4]


def test_missing_source_is_a_problem_at_its_name(tmp_path: Path) -> None:
    draft = tmp_path / "story.md"
    text = "---\nsources: [gone.txt]\n---\n“We are grateful for your help.”\n"
    doc = Document.parse(text, str(draft))
    checks = check_document(doc)
    [problem] = checks.problems
    assert text[problem.offset : problem.end] == "gone.txt" and "cannot be read" in problem.message
    assert checks.checks == ()


def test_no_sources_means_no_checks() -> None:
    doc = Document.parse("“We are grateful for your help,” she said.", "s.txt")
    assert check_document(doc).checks == ()


def test_docx_source(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")  # optional: pip install 'factlint[sources]'
    document = docx.Document()
    document.add_paragraph("Press release")
    document.add_paragraph("We will never give up, and we will keep fighting until we win.")
    document.save(tmp_path / "release.docx")
    text = "---\nsources: [release.docx]\n---\nShe said: “We will never give up … until we win.”\n"
    doc = Document.parse(text, str(tmp_path / "story.md"))
    [check] = check_document(doc).checks
    assert (check.status, check.source, check.line) == ("verified", "release.docx", 2)


def test_unreadable_suffix_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "notes.rtf").write_text("{\\rtf1 We will win.}", "utf-8")
    text = "---\nsources: [notes.rtf]\n---\n“We will win this war.”\n"
    [problem] = check_document(Document.parse(text, str(tmp_path / "s.md"))).problems
    assert "cannot read .rtf files" in problem.message


def test_span_of_a_quotation_over_markdown_lines(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text("We are grateful for your help. Thank you.", "utf-8")
    text = "---\nsources: [t.txt]\n---\nShe said: “We are *grateful* for\nyour help.”\n"
    doc = Document.parse(text, str(tmp_path / "s.md"))
    [check] = check_document(doc).checks
    assert check.status == "verified"
    assert text[check.start : check.end] == "We are *grateful* for\nyour help."
