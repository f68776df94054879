"""Build Harper's dictionary in a background thread while a run does everything else.

The first ``harper.Linter`` of a process builds the dictionary every Linter then shares (about
half a second; later Linters, of any dialect, take a few milliseconds). harper-py releases the
GIL while it builds, so a thread can build it while this process imports the rules, looks files
up in the cache, parses the draft and runs the rules that need no engine; it then lints a
sentence, which sets up the rest of what every Linter shares. The build starts at the first cache
miss, or as soon as the config selects Harper's rules when no draft can come from a cache (a
first run: run.py). A second Linter started while the thread is still building does not wait for
it but builds its own dictionary beside it, so the engine rules ``wait()`` first (the engine
layer itself is not touched: its Linter then comes from the shared dictionary). Nothing is
downloaded: the dictionary is part of harper-py.
"""

from __future__ import annotations

import atexit
import threading

_thread: threading.Thread | None = None
# A sentence of news copy (quotes, figures, a slip with a near correction) for the first lint.
WARM_UP = (
    "The minister said on Friday that the plans, announced last year, would cost £2bn "
    '("far too much", one critic said) and recieve support from 12 of the 27 members.'
)


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
            # A first lint also sets up what later Linters share: a draft's first pass then
            # takes about a third less (measured 0.27 s against 0.36 s, median of five, load 2).
            linter.organized_lints(WARM_UP, language=harper.Language.PLAINTEXT)
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


def started() -> bool:
    return _thread is not None
