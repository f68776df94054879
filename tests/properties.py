"""Properties every lint must hold on any text, shared by tests/test_properties.py (a short run)
and benchmarks/fuzz.py (a long one): linting never raises, every finding lies inside the text at
its exact span, and fixing twice gives what fixing once gave."""

from __future__ import annotations

from hypothesis import strategies as st

from factlint.config import Overrides
from factlint.engine import Runner, Source
from factlint.run import fix_result

# The constructs that break parsers: quotation marks and apostrophes, dashes, every line ending,
# BOMs, front-matter and Markdown fragments, and words that rules fire on.
PIECES = [
    "“", "”", "‘", "’", '"', "'", "«", "»", "—", "–", "-", "…", "...",
    "\n", "\r", "\r\n", "\n\n", "\r\r", "\ufeff", "\t", " ", "  ", "\u00a0", "\u2028",
    "---\n", "---\ntitle: Talks\n---\n", "---\r\ndate: 2023-09-31\r\n---\r\n", "title: ", "date: ",
    "# ", "## ", "> ", "- ", "1. ", "*", "**", "_", "`", "```\n", "    code\n", "[", "](", ")",
    "![", "<!--", "-->", "<!-- factlint-disable -->", "<div>", "</div>", "<b>", "\\", "|",
    "http://x.y/z", "&amp;", "👍", "é", "\u0301", "\x00",
    "Defense", "defence", "Defence Secretary", "Grant Shapps", "Shapps", "Mr", "Mr.", "Zelenskiy",
    "Kiev", " said ", " told reporters", "last month", "per cent", "%", "10,000", "10000",
    "critics say", "are believed to", "as mentioned here", "a testament to", "teh", "a apple",
    "their is", "Its", ",", ".", ":", "?", "!", "(", ")",
]

drafts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40
).map("".join)
names = st.sampled_from(["draft.md", "draft.txt"])


def runner(grammar: bool) -> Runner:
    ignore = () if grammar else ("grammar", "spelling")
    return Runner(Overrides(dialect="en-GB", ignore=ignore))


def check_draft(lint: Runner, text: str, name: str) -> None:
    """Lint ``text`` as ``name`` and assert the properties (raises AssertionError)."""
    result = lint.lint_source(Source(text), name, None)
    body = text[1:] if text.startswith("\ufeff") else text  # offsets are past the BOM
    for f in result.findings:
        assert f.rule != "meta/rule-error", (text, f.message)  # a rule raised
        assert 0 <= f.offset <= f.end_offset <= len(body), (text, f)
        assert body[f.offset : f.end_offset] == f.text, (text, f)
        assert 1 <= f.line <= f.end_line and f.column >= 1, (text, f)
    once = fix_result(lint, result, None)
    if once.fixed_text is None:
        return
    again = fix_result(lint, lint.lint_source(Source(once.fixed_text), name, None), None)
    assert again.fixed_text in (None, once.fixed_text), (text, once.fixed_text, again.fixed_text)
