"""A pool worker ends when the process that started it dies.

A ProcessPoolExecutor worker waits on a queue whose write end it holds itself, so when its parent
is killed (SIGKILL, the OOM killer, a CI job's timeout) it never sees end-of-file and lives on,
with a loaded Harper (about 300 MB), for ever. Each worker watches its parent instead.
"""

from __future__ import annotations

import os
import threading
import time

POLL_SECONDS = 0.5
EXIT_ORPHANED = 3


def exit_with_parent(parent: int) -> None:
    """Start a daemon thread that ends this process as soon as ``parent`` is no longer its parent
    (it may have died before this worker got this far: the check comes first)."""

    def watch() -> None:
        while os.getppid() == parent:  # re-parented (to init or a subreaper) once it dies
            time.sleep(POLL_SECONDS)
        os._exit(EXIT_ORPHANED)

    threading.Thread(target=watch, name="factlint-parent-watch", daemon=True).start()
