"""Kinds: check strategies that rules instantiate.

A kind named ``vague-source`` lives in ``factlint/kinds/vague_source.py`` (data-driven kinds) or
``factlint/checks/vague_source.py`` (rules that need code): the module name is the registration,
so a run imports only the kinds its selected rules use.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from functools import cache, lru_cache

from factlint.kinds.base import Kind, Options

__all__ = ["Kind", "Options", "kind_exists", "kinds", "load_kind"]
PACKAGES = ("factlint.kinds", "factlint.checks")


def _module_names(kind: str) -> list[str]:
    module = kind.replace("-", "_")
    return [f"{package}.{module}" for package in PACKAGES]


@cache
def kind_exists(kind: str) -> bool:
    """Whether a kind's module exists, without importing it."""
    return any(importlib.util.find_spec(name) is not None for name in _module_names(kind))


@cache
def load_kind(kind: str) -> type[Kind]:  # type: ignore[type-arg]
    """Import the one module that defines ``kind`` and return its class."""
    for name in _module_names(kind):
        if importlib.util.find_spec(name) is None:
            continue
        for value in vars(importlib.import_module(name)).values():
            if isinstance(value, type) and issubclass(value, Kind) and vars(value).get("name") == kind:
                return value
    raise KeyError(kind)


@lru_cache(maxsize=1)
def kinds() -> dict[str, type[Kind]]:  # type: ignore[type-arg]
    """Every kind by name (for documentation and meta-tests: this imports every module)."""
    found: dict[str, type[Kind]] = {}  # type: ignore[type-arg]
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        for module_info in pkgutil.iter_modules(package.__path__):
            if module_info.name.startswith("_") or module_info.name == "base":
                continue
            kind = module_info.name.replace("_", "-")
            if kind_exists(kind):
                found[kind] = load_kind(kind)
    return found
