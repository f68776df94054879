"""Kinds: check strategies that rules instantiate. Discovered from factlint.kinds and factlint.checks."""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from factlint.kinds.base import Kind, Options

__all__ = ["Kind", "Options", "kinds"]


@lru_cache(maxsize=1)
def kinds() -> dict[str, type[Kind]]:  # type: ignore[type-arg]
    """Every kind by name: each module of the two packages may define Kind subclasses."""
    found: dict[str, type[Kind]] = {}  # type: ignore[type-arg]
    for package_name in ("factlint.kinds", "factlint.checks"):
        package = importlib.import_module(package_name)
        for module_info in pkgutil.iter_modules(package.__path__):
            if module_info.name.startswith("_") or module_info.name == "base":
                continue
            module = importlib.import_module(f"{package_name}.{module_info.name}")
            for value in vars(module).values():
                if (
                    isinstance(value, type) and issubclass(value, Kind) and value is not Kind
                    and value.__module__ == module.__name__ and "name" in vars(value)
                ):
                    found[value.name] = value
    return found
