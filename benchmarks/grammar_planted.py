"""Planted newsroom errors and engine speed, for benchmarks/grammar.py --planted and --engines.

Planting: each error type is a list of (pattern, replacements) applied to paragraphs of real BBC
and Reuters articles (never inside quotation marks, which factlint does not grammar-check); the
planted span is recorded in the changed paragraph. A case is found when a grammar or spelling
finding overlaps the span; a case whose untouched paragraph already has a finding there is left
out. False alarms: findings per 1,000 words on untouched articles (a different sample).
"""

from __future__ import annotations

import random
import re
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PAST = dict(
    written="wrote", taken="took", begun="began", given="gave", gone="went", risen="rose",
    fallen="fell", chosen="chose", spoken="spoke", broken="broke", driven="drove", seen="saw",
    done="did", known="knew", grown="grew", thrown="threw", drawn="drew", flown="flew",
    stolen="stole", forgotten="forgot", become="became", come="came", run="ran",
)
SWAPS = {
    "complement": "compliment", "complements": "compliments", "complemented": "complimented",
    "complementary": "complimentary", "complementing": "complimenting",
}
SWAPS.update({v: k for k, v in list(SWAPS.items())})
MODALS = r"(?:will|would|could|should|must|can|may|might)"
# type -> [(pattern with one group: the text replaced, replacement or table or callable)]
PLANTS: dict[str, list[tuple[str, Any]]] = {
    "subject-verb agreement": [
        (r"\b(?:[Hh]e|[Ss]he|[Ii]t) (is|was|has|does)\b",
         {"is": "are", "was": "were", "has": "have", "does": "do"}),
        (r"\b(?:[Tt]hey|[Ww]e) (are|were|have)\b", {"are": "is", "were": "was", "have": "has"}),
    ],
    "a/an": [
        (r"\b(an) [aeio][a-z]", "a"),
        (r"\b(a) [bcdfgkmnprstvwz][a-z]", "an"),
    ],
    "its/it's": [(r"\b(its) [a-z]", "it's"), (r"\b(it's) [a-z]", "its")],
    "their/there/they're": [
        (r"\b(their) [a-z]", "there"),
        (r"\b(there) (?:is|are|was|were)\b", "their"),
        (r"\b(they're)\b", "their"),
    ],
    "doubled word": [(r"\b(the|to|of|and|in|for) [a-z]", lambda w: f"{w} {w}")],
    "irregular past tense": [
        (rf"\b(?:has|have|had) ({'|'.join(PAST)})\b", PAST),
    ],
    "missing or extra word": [
        (rf"\b{MODALS} (be|have|not)\b", lambda w: f"to {w}"),  # extra: "will to be"
        (r"\b(?:able|going|expected|want|wants|wanted|plans|planned|needs|needed) (to) [a-z]",
         ""),  # missing: "able be"
    ],
    "less/fewer": [
        (r"\b(fewer) (?!than\b)(?:[a-z]+s|people|children|women|men)\b", "less"),
        (r"\b(less) (?:money|time|water|oil|growth|inflation|support|information|demand)\b",
         "fewer"),
    ],
    "affect/effect": [(r"\b(effect)\b", "affect"), (r"\b(affect)\b", "effect")],
    "who's/whose": [(r"\b(whose)\b", "who's"), (r"\b(who's)\b", "whose")],
    "loose/lose": [(r"\b(lose)\b", "loose"), (r"\b(loose)\b", "lose"), (r"\b(losing)\b", "loosing")],
    "compliment/complement": [
        (rf"\b({'|'.join(SWAPS)})\b", SWAPS),
        # "free tickets" written as the wrong one of the pair: "complementary tickets"
        (r"\b(free) (?:tickets?|drinks|copies|meals?|breakfasts?|gifts?|samples?|access)\b",
         "complementary"),
    ],
}
QUOTED = re.compile(r'"[^"]*"|“[^”]*”')


@dataclass(frozen=True)
class Case:
    kind: str
    dialect: str
    original: str
    planted: str
    start: int  # the planted span in ``planted``
    end: int
    original_start: int  # the replaced text in ``original``
    original_end: int


def _replacement(rule: Any, old: str) -> str:
    if callable(rule):
        new = rule(old.lower())
    elif isinstance(rule, dict):
        new = rule[old.lower()]
    else:
        new = rule
    return new[:1].upper() + new[1:] if old[:1].isupper() and new else new


def plant(kind: str, paragraph: str, dialect: str, turn: int = 0) -> Case | None:
    """The first place in ``paragraph`` (outside quotes) where ``kind`` can be planted; ``turn``
    rotates which of the type's patterns is tried first, so each direction gets its share."""
    quoted = [m.span() for m in QUOTED.finditer(paragraph)]
    patterns = PLANTS[kind]
    turn %= len(patterns)
    for pattern, rule in patterns[turn:] + patterns[:turn]:
        for match in re.finditer(pattern, paragraph):
            start, end = match.span(1)
            if any(s < end and start < e for s, e in quoted):
                continue
            new = _replacement(rule, match.group(1))
            if new == "":  # a missing word: drop it and the space after it
                planted = paragraph[:start] + paragraph[end + 1 :]
                left = paragraph.rfind(" ", 0, start - 1) + 1
                right = planted.find(" ", start)
                span = (left, right if right != -1 else len(planted))
            else:
                planted = paragraph[:start] + new + paragraph[end:]
                span = (start, start + len(new))
            return Case(kind, dialect, paragraph, planted, *span, start, end)
    return None


def paragraphs(path: Path) -> list[str]:
    """An article's paragraphs after its headline (line 1)."""
    body = path.read_text("utf-8").split("\n", 1)[-1]
    return [" ".join(p.split()) for p in body.split("\n\n") if len(p.split()) >= 8]


def plant_cases(articles: list[tuple[Path, str]], per_type: int, seed: int) -> list[Case]:
    """Up to ``per_type`` cases of each type, one per paragraph, rare types planted first."""
    rng = random.Random(seed)
    candidates = [(p, d, para) for p, d in articles for para in paragraphs(p)]
    rng.shuffle(candidates)
    cases: list[Case] = []
    counts: Counter[str] = Counter()
    rare_first = sorted(PLANTS, key=lambda k: k != "compliment/complement")
    for _, dialect, para in candidates:
        for kind in rare_first:
            if counts[kind] >= per_type:
                continue
            case = plant(kind, para, dialect, counts[kind])
            if case is not None:
                cases.append(case)
                counts[kind] += 1
                break
        if all(counts[k] >= per_type for k in PLANTS):
            break
    return cases


# -- running the engines ---------------------------------------------------------------------
ENGINES = ("harper", "languagetool")


class Linters:
    """factlint's grammar and spelling rules with one engine, per dialect."""

    def __init__(self, backend: str, folder: str) -> None:
        self.config = Path(folder) / f"{backend}.toml"
        self.config.write_text(f'[grammar]\nbackend = "{backend}"\n', "utf-8")

    def spans(self, text: str, dialect: str) -> list[tuple[int, int, str]]:
        from factlint import lint_text
        from factlint.config import Overrides

        found = lint_text(
            text, path="draft.txt", config=str(self.config),
            overrides=Overrides(dialect=dialect, select=("grammar", "spelling")),
        )
        return [(f.offset, f.end_offset, f.rule) for f in found]


def _overlaps(spans: list[tuple[int, int, str]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e, _ in spans)


def recall(cases: list[Case], linters: dict[str, Linters]) -> None:
    found: dict[str, Counter[str]] = {name: Counter() for name in (*linters, "both")}
    total: Counter[str] = Counter()
    for case in cases:
        hits = {}
        skip = False
        for name, linter in linters.items():
            before = linter.spans(case.original, case.dialect)
            if _overlaps(before, case.original_start, case.original_end):
                skip = True  # the engine already flags the untouched text there
                break
            hits[name] = _overlaps(linter.spans(case.planted, case.dialect), case.start, case.end)
        if skip:
            continue
        total[case.kind] += 1
        for name, hit in hits.items():
            found[name][case.kind] += hit
        found["both"][case.kind] += any(hits.values())
    names = list(found)
    print(f"{'error type':24s} {'cases':>5s} " + " ".join(f"{n:>12s}" for n in names))
    for kind in PLANTS:
        row = " ".join(f"{found[n][kind] / max(total[kind], 1):12.2f}" for n in names)
        print(f"{kind:24s} {total[kind]:5d} {row}")
    overall = " ".join(f"{sum(found[n].values()) / max(sum(total.values()), 1):12.2f}" for n in names)
    print(f"{'overall':24s} {sum(total.values()):5d} {overall}")


def false_alarms(articles: list[tuple[Path, str]], linters: dict[str, Linters]) -> None:
    words = 0
    grammar: dict[str, int] = defaultdict(int)
    spelling: dict[str, int] = defaultdict(int)
    rules: dict[str, Counter[str]] = defaultdict(Counter)
    for path, dialect in articles:
        text = path.read_text("utf-8")
        words += len(text.split())
        union: dict[tuple[int, int], str] = {}
        for name, linter in linters.items():
            for start, end, rule in linter.spans(text, dialect):
                kind = spelling if rule.startswith("spelling/") else grammar
                kind[name] += 1
                rules[name][rule] += 1
                if not any(s < end and start < e for s, e in union):
                    union[(start, end)] = rule
        for rule in union.values():
            (spelling if rule.startswith("spelling/") else grammar)["both"] += 1
    print(f"untouched articles: {len(articles)}, {words} words; findings per 1,000 words")
    for name in (*linters, "both"):
        print(
            f"  {name:12s} grammar {grammar[name] / words * 1000:5.2f}   "
            f"unknown words {spelling[name] / words * 1000:5.2f}"
        )
    for name in linters:
        common = ", ".join(f"{r} {c}" for r, c in rules[name].most_common(6))
        print(f"  {name} most frequent: {common}")


def planted(articles: list[tuple[Path, str]], untouched: list[tuple[Path, str]],
            per_type: int, seed: int, engines: tuple[str, ...]) -> None:
    cases = plant_cases(articles, per_type, seed)
    print(f"planted {len(cases)} cases: " + ", ".join(
        f"{k} {c}" for k, c in Counter(c.kind for c in cases).items()))
    with tempfile.TemporaryDirectory() as folder:
        linters = {name: Linters(name, folder) for name in engines}
        recall(cases, linters)
        false_alarms(untouched, linters)


# -- speed -----------------------------------------------------------------------------------
def harper_alone(texts: list[str]) -> float:
    """Seconds for harper-py alone (default rules, British) to lint each whole text once."""
    import harper

    linter = harper.Linter(harper.Dialect.BRITISH)
    linter.lint("Warm-up sentence for the dictionary.", language=harper.Language.PLAINTEXT)
    start = time.perf_counter()
    for text in texts:
        linter.lint(text, language=harper.Language.PLAINTEXT)
    return time.perf_counter() - start


def factlint_run(paths: list[Path], backend: str, select: tuple[str, ...] | None) -> float:
    """Seconds for factlint (Runner, en-GB) to lint every path once, after one warm-up file."""
    from factlint.config import Overrides
    from factlint.engine import Runner

    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "c.toml"
        config.write_text(f'[grammar]\nbackend = "{backend}"\n', "utf-8")
        runner = Runner(Overrides(dialect="en-GB", select=select), config_path=str(config))
        warm = Path(folder) / "warm.txt"
        warm.write_text("Warm-up sentence for the engine.\n", "utf-8")
        runner.lint_file(warm)
        start = time.perf_counter()
        for path in paths:
            runner.lint_file(path)
        return time.perf_counter() - start


def lt_speed(paths: list[Path]) -> tuple[float, float, float]:
    """(server start-up s, s for the server to answer factlint's requests sent directly, s for
    factlint with all rules): article by article in turn, so both see the JVM equally warm."""
    import requests

    from factlint.config import LanguageToolConfig, Overrides
    from factlint.document import Document
    from factlint.engine import Runner
    from factlint.engines.languagetool import SEPARATOR, LanguageToolEngine

    start = time.perf_counter()
    engine = LanguageToolEngine("en-GB", LanguageToolConfig())
    startup = time.perf_counter() - start
    assert engine.server is not None
    url, session = f"{engine.server.url}/v2/check", requests.Session()
    direct = through = 0.0
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "c.toml"
        config.write_text('[grammar]\nbackend = "languagetool"\n', "utf-8")
        runner = Runner(Overrides(dialect="en-GB"), config_path=str(config))
        for path in paths:
            doc = Document.parse(path.read_text("utf-8"), str(path))
            text = SEPARATOR.join(s.text for s in doc.segments if s.text.strip())
            form = engine.tool._create_params(text)
            start = time.perf_counter()
            session.post(url, data=form, timeout=120).json()
            direct += time.perf_counter() - start
            start = time.perf_counter()
            runner.lint_file(path)
            through += time.perf_counter() - start
    return startup, direct, through


def speed(paths: list[Path], step: str) -> None:
    """One measurement, in its own process (Harper keeps what it parsed for the process)."""
    if step == "harper-alone":
        print(harper_alone([p.read_text("utf-8") for p in paths]))
    elif step == "factlint-harper":
        print(factlint_run(paths, "harper", None))
    elif step == "factlint-harper-grammar":
        print(factlint_run(paths, "harper", ("grammar", "spelling")))
    elif step == "lt":
        from factlint.engines.lt_server import stop_all

        startup, direct, through = lt_speed(paths)
        stop_all()
        print(f"{startup} {direct} {through}")

