"""Build Harper's dictionary in a background thread while a run does everything else.

The first ``harper.Linter`` of a process builds the dictionary every Linter then shares (about
half a second; later Linters, of any dialect, take a few milliseconds). harper-py releases the
GIL while it builds, so a thread can build it while this process imports the rules, looks files
up in the cache, parses the draft and runs the rules that need no engine. The build starts at the
first cache miss, or as soon as the config selects Harper's rules when no draft can come from a
cache (a first run: run.py), or first thing, before the command line loads, where its flags and
the raw config make that sure (launch.py). A second Linter started while the thread is still
building does not wait for it but builds its own dictionary beside it, so the engine rules
``wait()`` first, after doing what they can without the engine (``Kind.prepare``); the engine
layer itself is not touched: its Linter then comes from the shared dictionary. Nothing is
downloaded: the dictionary is part of harper-py.

The build is the longest thing in a cold start, so little more is done in the thread (Harper's
list of rules, which the engine asks for next while the run waits): a first lint there (which sets up what later Linters share) took 31 ms of CPU to save 20 ms of the
draft's own pass (thread CPU time, five runs each), a loss on the path the run waits on.
"""

from __future__ import annotations

import atexit
import threading

_thread: threading.Thread | None = None
# Harper's rules and their default switches, once the build has finished (engines/harper.py)
HARPER_RULES: dict[str, bool | None] = {}


def start() -> None:
    """Start building the dictionary, once per process; nothing when Harper is not installed."""
    global _thread
    if _thread is not None:
        return
    try:
        import harper
    except ImportError:  # the engine reports it when a rule needs it
        return

    def build() -> None:
        try:
            linter = harper.Linter(harper.Dialect.AMERICAN)  # any dialect: the dictionary is shared
            # Harper's rule list (12 ms), asked here while the run usually still waits
            HARPER_RULES.update(linter.get_default_lint_config())
        except Exception:  # the engine builds its own and reports any failure itself
            pass

    _thread = threading.Thread(target=build, name="factlint-harper-dictionary", daemon=True)
    _thread.start()
    # A run that never lints with Harper after all still waits for the build before exiting:
    # a thread stopped inside native code while the interpreter shuts down could abort it.
    atexit.register(wait)


def wait() -> None:
    """Return once a dictionary build this process started has finished (at once if none)."""
    if _thread is not None:
        _thread.join()


def building() -> bool:
    """Whether a dictionary build this process started is still running."""
    return _thread is not None and _thread.is_alive()


def started() -> bool:
    return _thread is not None
