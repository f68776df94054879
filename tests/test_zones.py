"""Markup in plain text and display type: zones of the document model, and which rules read them."""

from __future__ import annotations

import pytest

from factlint import lint_text
from factlint.config import Overrides
from factlint.document import Document

WEB_EXPORT = """Minister defends budget plan

LONDON (Reuters) - The finance minister defended the budget on Tuesday.

<tweet id="1729">Smith said it was “a disaster for families” #budget</tweet>

<img src="https://example.com/smith.jpg" alt="Smith speaking in Parliament">

Opposition leader Jane Smith said the plan would fail. <iframe src="https://example.com/v">Smith video</iframe> Mr Smith’s party voted against it.
"""


def kinds(doc: Document) -> list[tuple[str, str]]:
    return [(s.kind, s.text.strip()) for s in doc.segments]


def test_markup_in_plain_text_is_not_prose_and_positions_stay_exact() -> None:
    doc = Document.parse(WEB_EXPORT, "story.txt")
    prose = " ".join(s.text for s in doc.segments)
    assert "tweet" not in prose and "disaster" not in prose and "img" not in prose
    assert "Smith video" not in prose and "iframe" not in prose
    for segment in doc.segments:  # every character of every segment maps back to itself
        for i, ch in enumerate(segment.text):
            if ch != "\n":
                assert doc.text[segment.source_offset(i)] == ch


def test_no_rule_reads_inside_an_embed() -> None:
    findings = lint_text(WEB_EXPORT, path="story.txt", overrides=Overrides(ignore=("grammar", "spelling")))
    for f in findings:
        assert WEB_EXPORT[f.offset : f.end_offset] == f.text
        assert not any(s <= f.offset < e for s, e in _embeds(WEB_EXPORT)), f
    # the quotation inside the tweet is not an unattributed quotation
    assert not [f for f in findings if f.rule == "quotes/unattributed"]


def _embeds(text: str) -> list[tuple[int, int]]:
    spans = []
    for opening, closing in (("<tweet", "</tweet>"), ("<iframe", "</iframe>"), ("<img", ">")):
        start = text.index(opening)
        spans.append((start, text.index(closing, start) + len(closing)))
    return spans


def test_raw_html_in_markdown_is_not_prose() -> None:
    text = "---\ntitle: Budget\n---\nThe minister spoke. <tweet>“It is a disaster”</tweet> Then she left.\n\n<figure>\n<figcaption>“Never,” Smith said</figcaption>\n</figure>\n"
    doc = Document.parse(text, "story.md")
    prose = " ".join(s.text for s in doc.segments)
    assert "disaster" not in prose and "Never" not in prose
    assert "Then she left." in prose


@pytest.mark.parametrize("path", ["story.txt", "story.md"])
def test_display_type_is_recognised(path: str) -> None:
    body = (
        "WASHINGTON, March 3 - The Senate passed the bill on Tuesday, officials said.\n\n"
        "By Jane Smith and John Doe\n\n"
        "Photo: Senators leave the chamber after the vote\n\n"
        "What happens next\n\n"
        "The House votes next week.\n"
    )
    text = ("---\ntitle: Senate passes farm bill\n---\n" + body) if path.endswith(".md") else "Senate passes farm bill\n\n" + body
    doc = Document.parse(text, path)
    assert kinds(doc) == [
        ("headline", "Senate passes farm bill"),
        ("dateline", "WASHINGTON, March 3 -"),
        ("prose", "The Senate passed the bill on Tuesday, officials said."),
        ("byline", "By Jane Smith and John Doe"),
        ("caption", "Photo: Senators leave the chamber after the vote"),
        ("heading", "What happens next"),
        ("prose", "The House votes next week."),
    ]



@pytest.mark.parametrize(("opening", "dateline"), [
    ("BOISE, Idaho, Oct 19 - ", "BOISE, Idaho, Oct 19 -"),  # a state after the place
    ("ST. LOUIS, Mo., March 3 - ", "ST. LOUIS, Mo., March 3 -"),
    ("LA PAZ, March 12 - ", "LA PAZ, March 12 -"),  # a two-letter first word
    ("SOWETO, South Africa, March 2 - ", "SOWETO, South Africa, March 2 -"),
    ("New York, March 3 - ", "New York, March 3 -"),  # title case before a date
    ("LAKE SUCCESS, N.Y. March 3 - ", "LAKE SUCCESS, N.Y. March 3 -"),
])
def test_wire_datelines_with_a_state_or_a_title_case_place(opening: str, dateline: str) -> None:
    doc = Document.parse(f"Grain prices firm\n\n{opening}Barge rates rose on Monday.\n", "s.txt")
    assert kinds(doc)[1:] == [("dateline", dateline), ("prose", "Barge rates rose on Monday.")]


def test_a_dateline_opens_a_short_first_paragraph_too() -> None:
    doc = Document.parse("Chip maker posts loss\n\nSANTA CLARA, Calif., March 24 - Loss narrows\n\n"
                         "Shr loss 31 cts vs loss 47 cts\n", "s.txt")
    assert kinds(doc)[1:3] == [
        ("dateline", "SANTA CLARA, Calif., March 24 -"), ("heading", "Loss narrows"),
    ]


@pytest.mark.parametrize("opening", [
    "Prices rose, Oct 19 - the day the market fell - and again later.",  # a sentence, lower case
    "In Paris, March 3 - 5 is the fair's week.",  # a range in a sentence
    "US - China trade talks resumed on Monday.",  # two capitals are no place
])
def test_sentences_are_not_datelines(opening: str) -> None:
    doc = Document.parse(f"Grain prices firm\n\n{opening}\n", "s.txt")
    assert [k for k, _ in kinds(doc)] == ["headline", "prose"]


def test_surname_first_does_not_read_display_type_but_spelling_does() -> None:
    text = (
        "Shapps flies to Kyiv to bolster air defense\n\n"
        "KYIV (Reuters) - Defence Secretary Grant Shapps arrived in Kyiv on Thursday to discuss air defence.\n\n"
        "Shapps meets Zelensky\n\n"
        "Mr Shapps met officials.\n"
    )
    findings = lint_text(text, path="story.txt", overrides=Overrides(dialect="en-GB", ignore=("grammar", "spelling")))
    assert not [f for f in findings if f.rule == "references/surname-first"]
    assert [(f.rule, f.text) for f in findings if f.rule == "consistency/spelling"] == [
        ("consistency/spelling", "defense")
    ]


def test_a_sentence_is_not_a_subhead() -> None:
    doc = Document.parse("Headline here\n\nIt rained.\n\nSmith, the mayor, left\nearly on Monday\n", "a.txt")
    assert [k for k, _ in kinds(doc)] == ["headline", "prose", "prose"]


def test_every_rule_says_which_zones_it_reads() -> None:
    from factlint import docs
    from factlint.engine import all_specs

    specs = {s.id: s for s in all_specs()}
    for spec in specs.values():
        assert "Reads " in docs.explain(spec)
    assert "not display type" in docs.explain(specs["references/surname-first"])
    assert "not display type" in docs.explain(specs["quotes/unattributed"])
    for rule in ("consistency/title", "consistency/spelling"):
        assert "Reads prose, display type" in docs.explain(specs[rule])


def test_unclosed_embed_tags_do_not_swallow_the_prose() -> None:
    text = "Headline here\n\nThe <table> council met. The <table> mayor spoke. A <tweet>quoted</tweet> line.\n"
    doc = Document.parse(text, "story.txt")
    prose = " ".join(s.text for s in doc.segments)
    assert "council met" in prose and "mayor spoke" in prose and "line." in prose
    assert "table" not in prose and "quoted" not in prose
