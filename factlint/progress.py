"""A progress bar on standard error for long runs: files done, files per second, time left.

Only on a terminal (never in a report, never in a pipe or a CI log), only once a run has lasted
``delay`` seconds, redrawn at most every ``interval`` seconds, and erased at the end.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

WIDTH = 24


class Progress:
    def __init__(
        self, total: int, stream: TextIO | None = None, *, delay: float = 0.5,
        interval: float = 0.1, clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.delay, self.interval, self.clock = delay, interval, clock
        self.done = 0
        self.started = clock()
        self.drawn_at: float | None = None
        self.width = 0

    @classmethod
    def for_terminal(cls, total: int, enabled: bool = True) -> Progress | None:
        """A bar when asked and standard error is a terminal; otherwise None."""
        if not enabled or total < 2 or not sys.stderr.isatty():
            return None
        return cls(total)

    def advance(self, count: int = 1) -> None:
        self.done += count
        now = self.clock()
        if now - self.started < self.delay:
            return
        if self.drawn_at is not None and now - self.drawn_at < self.interval and self.done < self.total:
            return
        self.drawn_at = now
        self._draw(self.line(now))

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        filled = WIDTH * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (WIDTH - filled)
        minutes, seconds = divmod(int(left + 0.5), 60)
        return f"[{bar}] {self.done}/{self.total} files  {rate:.1f} files/s  {minutes}:{seconds:02d} left"

    def _draw(self, text: str) -> None:
        padding = " " * max(0, self.width - len(text))
        self.width = len(text)
        self.stream.write("\r" + text + padding)
        self.stream.flush()

    def close(self) -> None:
        """Erase the bar so the terminal shows only what follows."""
        if self.drawn_at is not None:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
