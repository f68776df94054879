"""A file's time budget, and what was left unchecked to keep within the limits of [limits].

The limits themselves are settings (``LimitsConfig`` in config.py, documented in docs/limits.md);
this is the record the engine keeps while linting one file, turned into io/* findings after.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Skip:
    """Part of a file left unchecked: where (a source offset) and why."""

    offset: int
    rule: str  # io/skipped (a paragraph or word not sent to the engine) or io/too-large
    message: str


@dataclass
class Budget:
    """The time one file may take, and the skips made so far."""

    seconds: float = math.inf
    deadline: float = field(init=False)
    skips: list[Skip] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.deadline = time.monotonic() + self.seconds

    def spent(self) -> bool:
        return time.monotonic() > self.deadline

    def skip(self, offset: int, rule: str, message: str) -> None:
        self.skips.append(Skip(offset, rule, message))
