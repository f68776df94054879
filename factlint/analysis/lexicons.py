"""Shipped lexicons (rules/data/*.txt) read by the analysis: names, titles, cues, places."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from factlint.analysis.cues import CueScanner
from factlint.analysis.fastregex import CandidateScan
from factlint.analysis.trie import trie_regex


def data_path(name: str) -> Path:
    """A file in the built-in rules' data folder."""
    from factlint.packs import builtin_rules_dir

    return builtin_rules_dir() / "data" / name


def read_lines(path: Path) -> list[str]:
    """Non-blank, non-comment lines of a lexicon file."""
    lines = path.read_text("utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


NOT_OFFICE_BEFORE = frozenset(
    "chief executive general official officials king queen pope justice attorney member".split()
)


@dataclass(frozen=True)
class Lexicons:
    """Everything the people, title and attribution recognisers look words up in."""

    first_names: frozenset[str]
    honorifics: frozenset[str]
    titles: dict[str, str]  # lower-cased title -> class (office | generic | role)
    places: frozenset[str]
    verbs: frozenset[str]  # single-word reporting cues, lower-cased
    phrases: tuple[str, ...]  # multi-word cues, lower-cased
    abbreviations: dict[str, str]  # abbreviated title before a name -> the title ("Sen" -> senator)
    genders: dict[str, str]  # given name -> "f" or "m", where news copy makes it one sex
    person_nouns: frozenset[str] = frozenset()  # "analyst", "negotiator": nouns for people
    # show-business and sports roles ("actor", "striker"), whose holders often go by one name, and
    # those counted only after a capitalised word ("Everton manager Moyes", not "fund manager X")
    person_nouns_of: frozenset[str] = frozenset()  # "manager": only as "manager of/at/for …"
    individual_nouns: frozenset[str] = frozenset()  # "suspect", "attorney": never a firm
    human_cues: tuple[str, ...] = ()  # "told reporters", "laughed": only a person speaks so
    stage_roles: frozenset[str] = frozenset()
    stage_roles_after_capital: frozenset[str] = frozenset()
    stage_roles_with_pronoun: frozenset[str] = frozenset()  # "singer": a he/she must follow
    roles_not_names: frozenset[str] = frozenset()  # "producer": no given name, nor a name's proof
    mononyms: frozenset[str] = frozenset()  # "Madonna", "Suharto": one name is the full reference
    past_forms: frozenset[str] = frozenset()  # irregular simple pasts ("beat", "won", "led")
    # given names far more often surnames ("Clark", "Taylor"): alone, a surname
    surname_like: frozenset[str] = frozenset()

    def given_name_alone(self, word: str) -> bool:
        """Whether a capitalised word standing alone is more likely a given name than a surname
        ("Sarah, who asked not to be named"; but "Clark said" names Clark by surname)."""
        return word in self.first_names and word not in self.surname_like

    @cached_property
    def cue_pattern(self) -> CueScanner:
        return _cue_scanner(self.verbs, self.phrases)

    @cached_property
    def abbreviation_pattern(self) -> re.Pattern[str]:
        """An abbreviated title that ends just before a name ("Sen. ", "Supt ")."""
        words = "|".join(sorted(map(re.escape, self.abbreviations), key=len, reverse=True))
        return re.compile(rf"(?<![\w.])(?P<abbr>{words})(?P<dot>\.)?[^\S\n]+\Z")

    @cached_property
    def title_heads(self) -> frozenset[str]:
        """The word that names the office in each title ("secretary" of "finance secretary" and of
        "secretary of state"): never a given name ("Treasury Secretary Baker")."""
        return frozenset(re.split(r" (?:of|for|to) ", title)[0].split()[-1] for title in self.titles)

    @cached_property
    def office_words(self) -> frozenset[str]:
        """Office words that introduce a name directly after them ("chairman Leslie", "Director
        Vieux"): every one-word title and title head, less those more often adjectives or royal
        styles before a capitalised word ("chief Executive", "General Motors", "King Charles")."""
        one_word = {title for title in self.titles if " " not in title}
        return frozenset((self.title_heads | one_word) - NOT_OFFICE_BEFORE)

    @cached_property
    def title_pattern(self) -> CandidateScan:
        return _title_pattern(tuple(self.titles))


@lru_cache(maxsize=8)
def lexicons(extra_cues: tuple[str, ...] = ()) -> Lexicons:
    """The shipped lexicons, plus extra reporting cues from a rule's options."""
    verbs: set[str] = set()
    phrases: list[str] = []
    for line in [*read_lines(data_path("reporting-verbs.txt")), *extra_cues]:
        forms = [f.strip().lower() for f in line.split("|")]
        for form in forms:
            (phrases.append(form) if " " in form else verbs.add(form))
    titles = {}
    for line in read_lines(data_path("titles.txt")):
        title, _, klass = line.partition("\t")
        titles[title.strip().lower()] = klass.strip() or "generic"
    abbreviations = {}
    for line in read_lines(data_path("title-abbreviations.txt")):
        short, _, title = line.partition("\t")
        abbreviations[short.strip()] = title.strip().lower()
    genders = {}
    for line in read_lines(data_path("given-name-gender.txt")):
        name, _, sex = line.partition("\t")
        genders[name.strip()] = sex.strip()
    person_nouns: set[str] = set()
    person_nouns_of: set[str] = set()
    individual_nouns: set[str] = set()
    for line in read_lines(data_path("person-nouns.txt")):
        noun, _, condition = (part.strip() for part in line.partition("\t"))
        (person_nouns_of if condition == "of-only" else person_nouns).add(noun)
        if condition == "individual":
            individual_nouns.add(noun)
    stage_roles: set[str] = set()
    after_capital: set[str] = set()
    with_pronoun: set[str] = set()
    not_names: set[str] = set()
    for line in read_lines(data_path("stage-roles.txt")):
        noun, _, condition = line.partition("\t")
        kinds = {"after-capital": after_capital, "pronoun": with_pronoun, "not-a-name": not_names}
        kind = kinds.get(condition.strip())
        (kind if kind is not None else stage_roles).add(noun.strip())
    return Lexicons(
        abbreviations=abbreviations,
        genders=genders,
        first_names=frozenset(read_lines(data_path("first-names.txt"))),
        honorifics=frozenset(read_lines(data_path("honorifics.txt"))),
        titles=titles,
        places=frozenset(read_lines(data_path("places.txt"))),
        person_nouns=frozenset(person_nouns),
        person_nouns_of=frozenset(person_nouns_of),
        individual_nouns=frozenset(individual_nouns),
        human_cues=tuple(read_lines(data_path("human-cues.txt"))),
        stage_roles=frozenset(stage_roles),
        stage_roles_after_capital=frozenset(after_capital),
        stage_roles_with_pronoun=frozenset(with_pronoun),
        roles_not_names=frozenset(not_names),
        mononyms=frozenset(read_lines(data_path("mononyms.txt"))),
        past_forms=frozenset(read_lines(data_path("past-tense-forms.txt"))),
        surname_like=frozenset(read_lines(data_path("surname-like-given-names.txt"))),
        verbs=frozenset(verbs),
        phrases=tuple(sorted(set(phrases), key=len, reverse=True)),
    )


@lru_cache(maxsize=8)
def _cue_scanner(verbs: frozenset[str], phrases: tuple[str, ...]) -> CueScanner:
    return CueScanner([*phrases, *verbs])


@lru_cache(maxsize=8)
def _title_pattern(titles: tuple[str, ...]) -> CandidateScan:
    alternatives = trie_regex(titles)
    # "Minister of Defence", "Secretary of State for Defence", "Minister for Europe"
    of_x = (
        r"(?:Minister|Secretary|Secretary\s+of\s+State|Commissioner|Ambassador|Director|Governor)"
        r"\s+(?:of|for|to)\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+(?:and\s+)?[A-Z][\w’'-]+)*"
    )
    bare = "(?:" + of_x + "|(?i:" + alternatives + "))"
    return CandidateScan(r"(?<![\w-])" + bare + r"(?![\w-])", bare)
