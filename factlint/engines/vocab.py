"""House vocabulary and facts-registry names for name-aware spelling.

Vocabulary follows Vale: each folder named in the config's ``vocab`` holds ``accept.txt`` and
``reject.txt`` (directly or in a ``vocab/`` subfolder), one term or regular expression per line,
case-sensitive unless it starts with ``(?i)``; ``#`` starts a comment line. Accepted terms are never
unknown words; rejected terms are always reported. Names are read loosely from the facts files:
``people[].name`` and ``aliases``, and ``organisations`` / ``places`` (strings or ``name`` entries).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factlint.analysis.proper_names import WORD, strip_possessive
from factlint.confine import read_text
from factlint.errors import FactlintError

if TYPE_CHECKING:
    from factlint.config import Settings

NAME_LISTS = ("people", "organisations", "organizations", "places")


@dataclass(frozen=True)
class Vocabulary:
    accept: tuple[re.Pattern[str], ...] = ()
    reject: tuple[re.Pattern[str], ...] = ()
    names: frozenset[str] = frozenset()  # words of names in the facts registry

    def accepts(self, word: str) -> bool:
        return word in self.names or any(p.fullmatch(word) for p in self.accept)


NO_VOCABULARY = Vocabulary()


def vocabulary(settings: Settings) -> Vocabulary:
    """The house vocabulary and registry names for one config (cached per file and mtime)."""
    if not settings.config.vocab and not settings.config.facts:
        return NO_VOCABULARY  # most configs: no need to find where the files may be read from
    accept: list[re.Pattern[str]] = []
    reject: list[re.Pattern[str]] = []
    reads = settings.read_policy()
    key = f"{settings.source}: vocab:"
    for folder in settings.config.vocab:
        base = settings.confined(folder, "vocab")
        for where in (base, base / "vocab"):
            accept += _patterns(*_stamp(reads.confine(where / "accept.txt", key)))
            reject += _patterns(*_stamp(reads.confine(where / "reject.txt", key)))
    names: set[str] = set()
    for entry in settings.config.facts:
        path = settings.confined(entry, "facts")
        files = sorted(path.glob("*.y*ml")) if path.is_dir() else [path]
        for file in files:
            file = reads.confine(file, f"{settings.source}: facts:")
            names |= _registry_names(*_stamp(file))
    return Vocabulary(tuple(accept), tuple(reject), frozenset(names))


def _stamp(path: Path) -> tuple[str, float]:
    try:
        return str(path), path.stat().st_mtime
    except OSError:
        return str(path), -1.0


@lru_cache(maxsize=64)
def _patterns(path: str, mtime: float) -> tuple[re.Pattern[str], ...]:
    if mtime < 0:
        return ()
    patterns = []
    try:
        text = read_text(Path(path), "vocabulary")
    except (OSError, UnicodeDecodeError) as exc:
        raise FactlintError(f"{path}: cannot read vocabulary: {exc}") from None
    for number, line in enumerate(text.splitlines(), 1):
        term = line.strip()
        if not term or term.startswith("#"):
            continue
        try:
            patterns.append(re.compile(term))
        except re.error as exc:
            raise FactlintError(f"{path}:{number}: invalid vocabulary pattern: {exc}") from None
    return tuple(patterns)


@lru_cache(maxsize=64)
def _registry_names(path: str, mtime: float) -> frozenset[str]:
    if mtime < 0:
        raise FactlintError(f"{path}: facts file not found (config key facts)")
    import yaml

    try:
        data = yaml.safe_load(read_text(Path(path), "facts file"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise FactlintError(f"{path}: cannot read facts file: {str(exc).splitlines()[0]}") from None
    words: set[str] = set()
    if isinstance(data, dict):
        for key in NAME_LISTS:
            for name in _entry_names(data.get(key)):
                words.update(strip_possessive(w) for w in WORD.findall(name))
    return frozenset(words)


def _entry_names(value: Any) -> list[str]:
    """Names in a list of strings or of mappings with name/aliases (or a name -> data mapping)."""
    if isinstance(value, dict):
        value = [{"name": k, **v} if isinstance(v, dict) else k for k, v in value.items()]
    names: list[str] = []
    for item in value if isinstance(value, list) else []:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict):
            names += [v for v in (item.get("name"), item.get("full_name")) if isinstance(v, str)]
            names += [a for a in item.get("aliases") or [] if isinstance(a, str)]
    return names
