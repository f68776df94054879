"""Random Markdown and text made of the constructs that break parsers: no rule ever fails, and
every finding's span is exactly its text in the file."""

from __future__ import annotations

import random

import pytest

from factlint.config import Overrides
from factlint.document import Document
from factlint.engine import Runner, Source

PIECES = ["# ", "**", "*", "_", "`", "```\n", "[", "](", ")", "<!--", "-->", "<b>", "“", "”", '"',
          "'", "’", "\r\n", "\n\n", "> ", "- ", "1. ", "---\n", "---\ntitle: x\n---\n",
          "http://x.y/z", "Mr.", " said ", " ", "Defense", "defence", "👍", "\t", "|", "\\", "![",
          "&amp;", "teh ", "a apple ", "their is ", "Zelenskiy’s ", "\ufeff", "recently "]


@pytest.mark.parametrize(("grammar", "count"), [(False, 400), (True, 60)])
def test_random_drafts_never_break_a_rule(grammar: bool, count: int) -> None:
    ignore = () if grammar else ("grammar", "spelling")
    runner = Runner(Overrides(dialect="en-GB", ignore=ignore))
    rng = random.Random(11 if grammar else 3)
    for _ in range(count):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 60)))
        for name in ("draft.md", "draft.txt"):
            result = runner.lint_source(Source(text), name, None)
            doc = Document.parse(text, name)
            for finding in result.findings:
                assert not finding.rule.startswith("meta/"), (text, finding.message)
                assert doc.text[finding.offset : finding.end_offset] == finding.text, (text, finding)
                line_text = doc.line_text(finding.line)
                if finding.line == finding.end_line:
                    assert line_text[finding.column - 1 : finding.end_column - 1] == finding.text
