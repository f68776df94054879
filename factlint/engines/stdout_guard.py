"""Keep native code off standard output: the report is the only thing written there.

Harper's native library prints debug lines (``gerund_form: ...``) straight to file descriptor 1 on
some ordinary phrases; replacing ``sys.stdout`` would not stop that. While an engine's native code
runs, ``native_stdout_silenced()`` points descriptor 1 at the null device and puts it back after,
even when the engine raises. Nested use redirects once (the outermost block). It costs a flush and
four system calls per block, and engines enter it once per document, not per paragraph.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

STDOUT_FD = 1
_depth = 0
_null_fd: int | None = None


def _null() -> int:
    global _null_fd
    if _null_fd is None:
        _null_fd = os.open(os.devnull, os.O_WRONLY)
    return _null_fd


@contextmanager
def native_stdout_silenced() -> Iterator[None]:
    """Within the block, whatever is written to file descriptor 1 is discarded."""
    global _depth
    if _depth:
        _depth += 1
        try:
            yield
        finally:
            _depth -= 1
        return
    try:
        sys.stdout.flush()  # Python's own pending output belongs to the report: send it first
    except (AttributeError, OSError, ValueError):
        pass
    try:
        saved = os.dup(STDOUT_FD)
    except OSError:  # no descriptor 1 at all (closed): nothing to protect
        saved = None
    if saved is not None:
        os.dup2(_null(), STDOUT_FD)
    _depth = 1
    try:
        yield
    finally:
        _depth = 0
        if saved is not None:
            os.dup2(saved, STDOUT_FD)
            os.close(saved)
