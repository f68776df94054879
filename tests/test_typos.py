"""The slip test of spelling/unknown-word (factlint/analysis/typos.py) on words from news copy."""

from __future__ import annotations

import subprocess
import sys

import pytest

from factlint import lint_text
from factlint.analysis.typos import TypoModel, word_uses
from factlint.config import Overrides

MODEL = TypoModel(prefixes=("un", "re", "dis", "over", "under"), suffixes=("s", "es"))


@pytest.mark.parametrize(
    ("word", "suggestions", "expected"),
    [
        ("goverment", ("government", "governments", "movement"), "government"),  # a letter dropped
        ("recieve", ("receive", "relieve", "recipe"), "receive"),  # two swapped
        ("Cheslea", ("Chelsea", "Chester"), "Chelsea"),  # a capitalised slip
        ("actitivies", ("activities",), "activities"),  # long, unknown, two edits off
        ("paris", ("par's", "Paris", "pairs"), "Paris"),  # a name in lower case
        ("kwacha", ("dacha",), None),  # a rare real word: no common word one edit off
        ("parastatal", ("parasitical", "parasocial"), None),
        ("Westlife", ("Wildlife", "Wrestle"), None),  # a name
        ("liftings", ("listings", "lifting"), None),  # an inflection of a common word
        ("overlifting", ("overfitting",), None),  # a prefix and a common word
        ("writeoffs", ("write-offs",), None),  # a closed compound of common words
        ("bil", ("bill", "bail"), None),  # short and known: every short word is near a common one
        ("wuld", ("would", "wild"), "would"),  # ... unless that one is far more common
        ("steped", ("stepped", "steeped"), "stepped"),  # a slip makes an inflection of its own
        ("perhas", ("perhaps",), "perhaps"),  # per + has is no compound
        ("renegotiations", ("renegotiation's", "renegotiation"), None),  # its possessive is no slip
        ("surfwear", ("surfer",), None),  # two edits off, and a list knows it
        ("Ealing", ("Eating", "Easing"), None),  # capitalised: a name, unless far rarer still
        ("Goverment", ("Government",), "Government"),
        ("Beijingers", ("Beijing's",), None),  # a possessive is no slip for a plural
        ("goverment", ("government's",), "government's"),  # the word came without its 's
        ("writeoff", ("write off", "write-off"), None),  # closed or open compound: house style
        ("regionby", ("region's", "region by"), "region by"),  # a missing space before 'by'
    ],
)
def test_likely_slip(word: str, suggestions: tuple[str, ...], expected: str | None) -> None:
    assert MODEL.correction(word, suggestions, uses=1) == expected


def test_a_word_used_consistently_is_deliberate() -> None:
    uses = word_uses("Eurosterling bonds rose. The eurosterling market's eurosterling deals grew.")
    assert uses["eurosterling"] == 3
    assert MODEL.correction("eurosterling", ("sterling",), uses["eurosterling"]) is None
    assert MODEL.correction("goverment", ("government",), uses=2) == "government"


def test_a_missing_space_between_function_words_is_not_a_compound() -> None:
    assert not MODEL._composed("andthe", MODEL.suffixes)
    assert MODEL._composed("pursestrings", MODEL.suffixes)


def test_a_part_of_a_hyphenated_compound_may_take_an_inflection() -> None:
    model = TypoModel(suffixes=("s",), compound_suffixes=("ed", "d", "ers"))
    assert model.correction("engined", ("engine", "endured"), uses=1, hyphenated=True) is None
    assert model.correction("steped", ("stepped",), uses=1) == "stepped"  # not in a compound


def test_the_slip_test_puts_the_likely_correction_first() -> None:
    text = "Traders said the oil minister would attend, and the stronge yen hurt exports.\n"
    found = lint_text(text, overrides=Overrides(select=("spelling",), dialect="en-US"))
    assert [(f.text, f.suggestions[0]) for f in found] == [("stronge", "strong")]
    assert text[found[0].offset : found[0].end_offset] == "stronge"


def test_word_frequencies_are_loaded_only_for_an_unknown_word() -> None:
    code = (
        "import sys; from factlint import lint_text; from factlint.config import Overrides;"
        "o = Overrides(select=({select!r},), dialect='en-GB');"
        "lint_text({text!r}, overrides=o); print('wordfreq' in sys.modules)"
    )
    for select, text, loaded in [
        ("consistency", "The goverment met.", "False"),
        ("spelling", "The government met on Monday.", "False"),
        ("spelling", "The goverment met on Monday.", "True"),
    ]:
        script = code.format(select=select, text=text)
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
        assert out.stdout.strip() == loaded, (select, text)
