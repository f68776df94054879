"""Planted newsroom errors and engine speed, for benchmarks/grammar.py --planted and --engines.

Planting: each error type is a list of (pattern, replacements) applied to paragraphs of real BBC
and Reuters articles (never inside quotation marks, which factlint does not grammar-check); the
planted span is recorded in the changed paragraph. A case is found when a grammar or spelling
finding overlaps the span; a case whose untouched paragraph already has a finding there is left
out. False alarms: findings per 1,000 words on untouched articles (a different sample).
"""

from __future__ import annotations

import json
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
        # not after if/as/though/wish: "if he was" -> "if he were" is the subjunctive, not an error
        (r"(?<!\bif )(?<!\bas )(?<!though )(?<!\bwish )\b(?:[Hh]e|[Ss]he|[Ii]t) (is|was|has|does)\b",
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
# "none": factlint's own grammar rules alone (no engine), which every other column includes too.
ENGINES = ("harper", "languagetool", "none")


class Linters:
    """factlint's grammar rules with one engine (the house defaults, as a user gets them)."""

    def __init__(self, backend: str, folder: str, extra: str = "") -> None:
        self.config = Path(folder) / f"{backend}.toml"
        self.config.write_text(f'[grammar]\nbackend = "{backend}"\n{extra}', "utf-8")

    def spans(self, text: str, dialect: str, as_of: str | None = None) -> list[tuple[int, int, str]]:
        """(start, end, rule) of every grammar/* and spelling/* finding; a Harper finding's rule
        is shown with the Harper rule behind it: grammar/usage[Regionalisms]."""
        from factlint import lint_text
        from factlint.config import Overrides

        found = lint_text(
            text, path="draft.txt", config=str(self.config),
            overrides=Overrides(dialect=dialect, select=("grammar", "spelling"), as_of=as_of),
        )
        return [(f.offset, f.end_offset, _rule(f)) for f in found]


def _rule(finding: Any) -> str:
    harper = re.search(r" \[(\w+)\]$", finding.message)
    if finding.rule.startswith("grammar/lt:") or harper is None:
        return str(finding.rule)
    return f"{finding.rule}[{harper.group(1)}]"


def is_grammar(rule: str) -> bool:
    """What the recall and false-alarm figures count: grammar/* findings (unknown words are
    counted apart: spelling/unknown-word has its own filters and figures)."""
    return rule.startswith("grammar/")


def _overlapping(spans: list[tuple[int, int, str]], start: int, end: int) -> list[str]:
    return sorted({r for s, e, r in spans if s < end and start < e and is_grammar(r)})


def recall(cases: list[Case], linters: dict[str, Linters], dump: list[dict[str, Any]]) -> None:
    """Recall per error type: a case is found when a grammar finding overlaps the planted span.
    A case is left out when the untouched paragraph already has a grammar finding there."""
    found: dict[str, Counter[str]] = {name: Counter() for name in (*linters, "both")}
    total: Counter[str] = Counter()
    skipped = 0
    for case in cases:
        before = {n: _overlapping(lt.spans(case.original, case.dialect), case.original_start,
                                  case.original_end) for n, lt in linters.items()}
        after = {n: _overlapping(lt.spans(case.planted, case.dialect), case.start, case.end)
                 for n, lt in linters.items()}
        dump.append({"case": case.kind, "dialect": case.dialect, "before": before,
                     "after": after})
        if any(before.values()):
            skipped += 1
            continue
        total[case.kind] += 1
        for name, rules in after.items():
            found[name][case.kind] += bool(rules)
        found["both"][case.kind] += any(after.values())
    names = list(found)
    print(f"cases left out (the untouched text already had a finding there): {skipped}")
    print(f"{'error type':24s} {'cases':>5s} " + " ".join(f"{n:>12s}" for n in names))
    for kind in PLANTS:
        row = " ".join(f"{found[n][kind] / max(total[kind], 1):12.2f}" for n in names)
        print(f"{kind:24s} {total[kind]:5d} {row}")
    overall = " ".join(f"{sum(found[n].values()) / max(sum(total.values()), 1):12.2f}" for n in names)
    print(f"{'overall':24s} {sum(total.values()):5d} {overall}")


# A draft carries its date (front matter or the CMS; factlint's --as-of). The corpus gives Reuters
# stories theirs (manifest.tsv); the BBC set gives none, only its years, 2004-05.
BBC_DATE = "2005-01-01"
MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


def story_dates(articles: list[tuple[Path, str]]) -> dict[Path, str]:
    """Each article's date as --as-of takes it (manifest.tsv's date, else the BBC set's)."""
    dates: dict[Path, str] = {}
    for folder in {path.parent for path, _ in articles}:
        manifest = folder / "manifest.tsv"
        rows = manifest.read_text("utf-8").splitlines() if manifest.is_file() else []
        header = rows[0].split("\t") if rows else []
        if "date" not in header:
            continue
        for row in rows[1:]:
            cells = dict(zip(header, row.split("\t")))
            day, month, year = cells["date"].split()[0].split("-")
            dates[folder / cells["file"]] = f"{year}-{MONTHS.index(month) + 1:02d}-{int(day):02d}"
    return {path: dates.get(path, BBC_DATE) for path, _ in articles}


def false_alarms(articles: list[tuple[Path, str]], linters: dict[str, Linters],
                 dump: list[dict[str, Any]], dated: bool = True) -> None:
    """Findings per 1,000 words on untouched published articles, and the rules behind them;
    ``dated``: each article checked with its date (a date without a year is read against it)."""
    dates = story_dates(articles) if dated else {}
    words = 0
    grammar: Counter[str] = Counter()
    spelling: Counter[str] = Counter()
    rules: dict[str, Counter[str]] = defaultdict(Counter)
    for path, dialect in articles:
        text = path.read_text("utf-8")
        words += len(text.split())
        union: list[tuple[int, int, str]] = []
        for name, linter in linters.items():
            for start, end, rule in linter.spans(text, dialect, dates.get(path)):
                dump.append({"article": path.name, "engine": name, "rule": rule,
                             "start": start, "end": end})
                (grammar if is_grammar(rule) else spelling)[name] += 1
                rules[name][rule] += 1
                if not any(s < end and start < e for s, e, _ in union):
                    union.append((start, end, rule))
        grammar["both"] += sum(is_grammar(r) for *_, r in union)
        spelling["both"] += sum(not is_grammar(r) for *_, r in union)
    print(f"untouched articles: {len(articles)}, {words} words; findings per 1,000 words")
    for name in (*linters, "both"):
        print(
            f"  {name:12s} grammar {grammar[name] / words * 1000:5.2f} ({grammar[name]})   "
            f"unknown words {spelling[name] / words * 1000:5.2f} ({spelling[name]})"
        )
    judged(dump, words)
    for name in linters:
        counted = [(r, c) for r, c in rules[name].most_common() if is_grammar(r)]
        print(f"  {name} grammar findings by rule: " + ", ".join(f"{r} {c}" for r, c in counted))


LABELS = Path(__file__).with_name("grammar_false_alarm_labels.tsv")


def judged(dump: list[dict[str, Any]], words: int) -> None:
    """The grammar findings on untouched copy split by the hand labels (LABELS: whether the
    published text really has the problem): false alarms are the findings labelled false."""
    labels = {}
    for line in LABELS.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            article, start, end, verdict, _ = line.split("\t")
            labels[(article, int(start), int(end))] = verdict
    by_engine: dict[str, Counter[str]] = defaultdict(Counter)
    union: dict[str, list[tuple[int, int, str]]] = defaultdict(list)  # as false_alarms counts
    for r in dump:
        if "article" in r and is_grammar(r["rule"]):
            verdict = labels.get((r["article"], r["start"], r["end"]), "unlabelled")
            by_engine[r["engine"]][verdict] += 1
            spans = union[r["article"]]
            if not any(s < r["end"] and r["start"] < e for s, e, _ in spans):
                spans.append((r["start"], r["end"], verdict))
    by_engine["both"] = Counter(v for spans in union.values() for *_, v in spans)
    print("  judged by hand (benchmarks/grammar_false_alarm_labels.tsv: seeds 11, 13, 17, 29 and 31):")
    for name, counts in by_engine.items():
        print(f"  {name:12s} false alarms {counts['false'] / words * 1000:5.2f} per 1,000 words "
              f"({counts['false']}), real errors in the copy {counts['error']}, "
              f"not labelled {counts['unlabelled']}")


def planted(articles: list[tuple[Path, str]], untouched: list[tuple[Path, str]],
            per_type: int, seed: int, engines: tuple[str, ...], dump: str | None = None,
            extra: str = "", dated: bool = True) -> None:
    cases = plant_cases(articles, per_type, seed)
    print(f"planted {len(cases)} cases: " + ", ".join(
        f"{k} {c}" for k, c in Counter(c.kind for c in cases).items()))
    records: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder:
        linters = {name: Linters(name, folder, extra) for name in engines}
        recall(cases, linters, records)
        false_alarms(untouched, linters, records, dated)
    if dump:
        Path(dump).write_text("\n".join(json.dumps(r) for r in records) + "\n", "utf-8")


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

