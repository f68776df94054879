"""A generated news archive for the audit tests, with cross-article variants planted in it.

Each article is spelled consistently within itself (so no in-article rule links the variants);
across the archive one person's surname is written two ways in different years, and one office
two ways on different desks. ``Planted`` records where each variant went, for exact checks.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

DESKS = ("politics", "world", "business")
FILLER = [
    "The proposals will be debated in parliament next week, according to the published timetable.",
    "Officials said the figures would be revised once the final returns were counted.",
    "Opposition members called for an independent review of the spending plans.",
    "The ministry published a 40-page report setting out the options on Tuesday.",
    "Trade unions said they had not been consulted before the announcement was made.",
    "Analysts at two banks said the changes were unlikely to affect prices this year.",
    "A spokesman for the council declined to comment on the leaked documents.",
    "The scheme, first announced in the spring, has been delayed twice.",
]
OTHERS = ["Tomas Lindqvist", "Priya Raman", "Jonas Weber", "Amara Okafor", "John Smith",
          "Jane Smith"]


@dataclass
class Planted:
    """What was planted where: variant -> counts per (year, desk), and their articles."""

    names: dict[str, Counter[tuple[int, str]]] = field(default_factory=dict)
    offices: dict[str, Counter[tuple[int, str]]] = field(default_factory=dict)
    paths: dict[str, set[str]] = field(default_factory=dict)
    articles: list[Path] = field(default_factory=list)
    unreadable: list[Path] = field(default_factory=list)

    def add(self, table: dict[str, Counter[tuple[int, str]]], variant: str, year: int,
            desk: str, path: Path) -> None:
        table.setdefault(variant, Counter())[(year, desk)] += 1
        self.paths.setdefault(variant, set()).add(str(path))


def _article(rng: random.Random, name: str | None, office: str | None, other: str) -> str:
    paragraphs = []
    if name:
        surname = name.split()[1]
        paragraphs.append(f"{name} said on Monday that the talks had made progress. "
                          f"{surname} told reporters the next round would begin in May.")
    if office:
        paragraphs.append(f"The {office} met union leaders for two hours, aides said.")
    paragraphs.append(f"{other} said the plan was \"a step in the right direction\".")
    paragraphs += rng.sample(FILLER, 4)
    return "\n\n".join(paragraphs) + "\n"


def write_archive(root: Path, articles: int = 48, seed: int = 7) -> Planted:
    """Write ``articles`` Markdown articles with front matter (plus one plain-text note and one
    file that is not UTF-8) under ``root``, in desk folders."""
    rng = random.Random(seed)
    planted = Planted()
    for i in range(articles):
        desk = DESKS[i % 3]
        year = 2021 + (i % 4) // 2 * 2  # 2021 or 2023
        day = f"{year}-{1 + i % 12:02d}-{1 + i % 27:02d}"
        # The name: "Kovalenko" in 2021 (24 articles), "Kovalenco" in 2023 (12).
        name = None
        if i % 4 in (0, 1, 3):
            name = "Sergei Kovalenko" if year == 2021 else "Sergei Kovalenco"
        # The office: "Defence Secretary" on the politics desk (16), "Defense Secretary" on
        # half of the world desk's articles (8).
        office = {"politics": "Defence Secretary", "world": "Defense Secretary"}.get(desk)
        if desk == "world" and i % 2:
            office = None
        other = OTHERS[i % len(OTHERS)]
        front = (f"---\ntitle: Talks resume as deadline nears, part {i}\ndate: {day}\n"
                 f"desk: {desk}\nauthor: Staff reporter {i % 5}\n---\n\n")
        path = root / desk / f"{day}-story-{i:03d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(front + _article(rng, name, office, other), encoding="utf-8")
        planted.articles.append(path)
        if name:
            planted.add(planted.names, name.split()[1], year, desk, path)
        if office:
            planted.add(planted.offices, office.lower(), year, desk, path)
    note = root / "notes" / "wire-copy.txt"  # plain text: no front matter, so no date or desk
    note.parent.mkdir(parents=True, exist_ok=True)
    note.write_text("Markets close higher\n\nShares rose on Friday as investors welcomed "
                    "the figures, dealers said.\n", encoding="utf-8")
    planted.articles.append(note)
    broken = root / "notes" / "latin1.txt"
    broken.write_bytes("Caf\xe9 owners protest\n\nThey said it was unfair.\n".encode("latin-1"))
    planted.articles.append(broken)
    planted.unreadable.append(broken)
    return planted
