"""House facts registry: who holds which office when, house spellings of names and places.

The names below load on first use (PEP 562): a run without a registry never imports the models,
whose pydantic classes cost more to build than a whole article costs to lint.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factlint.facts.models import Office, Organisation, Person, Place, RegistryFile, TitleEntry
    from factlint.facts.registry import Registry, fold, load_registry

_HOMES = {
    "Office": "models", "Organisation": "models", "Person": "models", "Place": "models",
    "RegistryFile": "models", "TitleEntry": "models",
    "Registry": "registry", "fold": "registry", "load_registry": "registry",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"factlint.facts.{_HOMES[name]}"), name)
