"""Compiled regular-expression programs kept between runs, as Python keeps compiled bytecode.

A cold `factlint check` compiles about 300 regular expressions (the rules' and lexicons', and
those click, pydantic, PyYAML, tomllib and markdown-it build as they import). Python's ``re``
parses each pattern and generates its program in pure Python, a fifth of the instructions of a
grammar-off cold start; the same patterns come back on every run. The command line (launch.py)
installs this cache before anything else imports: a pattern's program is read from the user's
cache folder when it is there, and made by ``re`` as usual when it is not.

What is kept is exactly what ``re`` passes to its C engine for a ``str`` pattern (flags, program,
group count and names), under the Python version and the engine's ``MAGIC``: another Python never
reads it. CPython checks every program it is given (``_sre`` validates the code), and a file that
is damaged, of another version or not ours is ignored and rewritten; anything unexpected turns
the cache off for the run, and ``re`` compiles as it always does. Writes are atomic (a
temporary file, then a rename), so concurrent runs never read half a file. The file holds the
patterns of the last runs up to ``MAX_PATTERNS``, and is rewritten only when a run made at least
``MIN_NEW`` new programs; delete it at any time.
``FACTLINT_REGEX_CACHE=0`` turns it off. Only the command line installs it: factlint used as a
library leaves ``re`` alone.
"""

from __future__ import annotations

import atexit
import importlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

from factlint.user_cache import cache_root

MAX_PATTERNS = 1000  # a few configs' worth (a run compiles about 300); then this run's alone
# A run writes the file only when it made this many programs: a library pattern built from a
# set (tokenize's string prefixes) is spelt anew in each process, and one or two such patterns
# must not cost every run a rewrite.
MIN_NEW = 8
FORMAT = 1

# (pattern, flags) -> (flags with the inline ones, program, groups, group index, index group)
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


class RegexCache:
    """The programs of one cache file, and ``compile``, a stand-in for ``re._compiler.compile``."""

    def __init__(self, path: Path) -> None:
        _sre, _compiler, _parser = _internals()
        self.path = path
        self._sre_compile = _sre.compile
        self._parse = _parser.parse
        self._code = _compiler._code
        self._original = _compiler.compile
        self._debug = _compiler.SRE_FLAG_DEBUG
        self.programs: dict[tuple[str, int], Program] = self._read()
        self.used: set[tuple[str, int]] = set()
        self.added = 0
        self.working = True

    def _read(self) -> dict[tuple[str, int], Program]:
        try:
            data = marshal.loads(self.path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        if not (isinstance(data, tuple) and len(data) == 2 and data[0] == self.stamp()
                and isinstance(data[1], dict)):
            return {}  # another version's, or not ours: rewritten at exit
        return data[1]

    @staticmethod
    def stamp() -> tuple[Any, ...]:
        _sre = _internals()[0]
        return (FORMAT, tuple(sys.version_info), _sre.MAGIC, _sre.CODESIZE)

    def compile(self, pattern: Any, flags: int = 0) -> Any:
        """As ``re._compiler.compile``: a compiled pattern from the cache's program, or made."""
        if not self.working or not isinstance(pattern, str) or flags & self._debug:
            return self._original(pattern, flags)
        key = (pattern, int(flags))
        program = self.programs.get(key)
        if program is not None:
            try:
                compiled = self._sre_compile(pattern, *program)
            except Exception:  # a damaged entry (the engine refuses bad code): made anew below
                del self.programs[key]
            else:
                self.used.add(key)
                return compiled
        try:
            program = self._program(pattern, int(flags))
            compiled = self._sre_compile(pattern, *program)
        except Exception:  # not what this module expects of re: re as usual from now on
            self.working = False
            return self._original(pattern, flags)
        self.programs[key] = program
        self.used.add(key)
        self.added += 1
        return compiled

    def _program(self, pattern: str, flags: int) -> Program:
        """What ``re._compiler.compile`` passes to the engine (Python 3.11 to 3.13 alike)."""
        parsed = self._parse(pattern, flags)
        code = [int(op) for op in self._code(parsed, flags)]  # opcodes are int subclasses
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex,
                tuple(indexgroup))

    def save(self) -> None:
        """Write the file when this run made new programs (atomically; never an error)."""
        if self.added < MIN_NEW or not self.working:
            return
        programs = self.programs
        if len(programs) > MAX_PATTERNS:
            programs = {key: programs[key] for key in self.used}
        import tempfile

        temporary = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".regex-", suffix=".tmp")
            with os.fdopen(fd, "wb") as out:
                out.write(marshal.dumps((self.stamp(), programs)))
            os.replace(temporary, self.path)
        except (OSError, ValueError):  # a read-only or full disk: the next run compiles again
            if temporary is not None and os.path.exists(temporary):
                os.unlink(temporary)


def _internals() -> tuple[Any, Any, Any]:
    """``re``'s engine, compiler and parser modules (private: CPython 3.11 to 3.13 alike)."""
    return (importlib.import_module("_sre"), importlib.import_module("re._compiler"),
            importlib.import_module("re._parser"))


def cache_file() -> Path:
    version = "".join(map(str, sys.version_info[:2]))
    return cache_root() / f"regex-programs-py{version}.marshal"


def install() -> RegexCache | None:
    """Serve ``re``'s compiles from the cache for the rest of this process (the CLI's)."""
    if os.environ.get("FACTLINT_REGEX_CACHE", "1").strip().lower() in ("0", "off", "no", "false"):
        return None
    try:
        cache = RegexCache(cache_file())
    except (ImportError, AttributeError):  # another Python's re: nothing to cache
        return None
    _internals()[1].compile = cache.compile
    atexit.register(cache.save)
    return cache
