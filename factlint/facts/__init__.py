"""House facts registry: who holds which office when, house spellings of names and places."""

from __future__ import annotations

from factlint.facts.models import Office, Organisation, Person, Place, RegistryFile, TitleEntry
from factlint.facts.registry import Registry, fold, load_registry

__all__ = [
    "Office",
    "Organisation",
    "Person",
    "Place",
    "Registry",
    "RegistryFile",
    "TitleEntry",
    "fold",
    "load_registry",
]
