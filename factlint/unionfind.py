"""Disjoint sets of strings (union-find with path halving): words grouped into families."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any


class DisjointSets:
    """Each item starts in a set of its own; ``join`` merges two sets, ``root`` names one."""

    def __init__(self, items: Iterable[str], prefer: Callable[[str], Any] | None = None) -> None:
        self.parent = {item: item for item in items}
        self.prefer = prefer  # the root kept when two sets join: the least by this key, else the first's

    def root(self, item: str) -> str:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def join(self, a: str, b: str) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return
        keep, drop = (ra, rb) if self.prefer is None else sorted((ra, rb), key=self.prefer)
        self.parent[drop] = keep
