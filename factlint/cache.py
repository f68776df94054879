"""The result cache, in the style of ruff's: a file's findings are reused while nothing they
depend on has changed.

An entry's key hashes the file's bytes and display path, the configuration key of its linter
(the resolved settings; every file of its packs, vocabularies and facts registry; the story date
when a registry makes today matter; the engines' versions; factlint's version and code) and the
contents of the sources its front matter declares. Entries are JSON files written atomically
(temporary file, then rename), so concurrent runs never see half an entry; an entry that does not
parse, validate or carry this version's stamp is a miss and is overwritten. An entry keeps the
lines its findings are on, so a report from the cache need not read the draft again.

The stat index (``index.json``, one file read once per run) saves reading and hashing a draft
that has not changed: it maps a display path to the file's device, inode, size, modification
and status-change times (nanoseconds), the configuration key and the entry key computed from
the bytes last time. A draft whose stat still matches is looked up by that key without being
read. As git's index does, it trusts no timestamp it cannot: the status-change time, which no
program can set back, changes with every write, so a draft edited with its modification time
restored is read and hashed again; a draft modified within RACY_NS of the moment it was stat'ed
(or later) is never indexed, as a later edit in the same clock tick of a coarse file system
would leave its times unchanged; a draft that declares sources, a symbolic link, or anything
but a regular file is never indexed. A damaged, foreign or lost index only costs speed: every
draft is then read and hashed as before.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import stat
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any


from factlint import __version__
from factlint.errors import FactlintError
from factlint.finding import Finding
from factlint.groups import fold, unfold

if TYPE_CHECKING:
    from factlint.config import Settings
    from factlint.engine import Runner

FORMAT = 3  # bump when the entry layout changes
STAMP = f"factlint {__version__} cache {FORMAT}"
ENGINES = ("harper-py", "language-tool-python")
TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# A factlint result cache: `factlint clean` removes it.\n"
DEFAULT_FOLDER = ".factlint_cache"
INDEX = "index.json"
RACY_NS = 2_000_000_000  # the coarsest timestamps in use (FAT: 2 s); younger drafts: not indexed
StatKey = tuple[int, int, int, int, int]  # device, inode, size, mtime_ns, ctime_ns


class Cache:
    """Looks up and stores findings per file under ``folder/v<FORMAT>/``."""

    def __init__(self, folder: Path, runner: Runner) -> None:
        self.folder = folder
        self.entries = folder / f"v{FORMAT}"
        self.runner = runner
        self._config_keys: dict[int, str] = {}
        self.hits = self.misses = 0
        self._index: dict[str, list[Any]] | None = None  # read on first use
        self._index_changed = False

    def config_key(self, path: Path) -> str:
        linter = self.runner.linter_for(path)
        config_key = self._config_keys.get(id(linter))
        if config_key is None:
            config_key = self._config_keys[id(linter)] = config_fingerprint(linter.settings)
        return config_key

    def key(self, data: bytes, shown: str, path: Path) -> str:
        return self._key(data, shown, path)[0]

    def _key(self, data: bytes, shown: str, path: Path) -> tuple[str, bool]:
        """The entry key, and whether the draft declares sources (which a stat cannot vouch for)."""
        digest = hashlib.sha256(self.config_key(path).encode())
        digest.update(b"\0" + shown.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        sources = declared_source_files(data, shown, path)
        for source in sources:
            digest.update(b"\0" + _file_hash(source).encode())
        return digest.hexdigest(), bool(sources)

    # -- the stat index ----------------------------------------------------------------------
    def indexed_key(self, shown: str, path: Path) -> str | None:
        """The entry key the index holds for a draft whose stat is what it was, else None."""
        if self._index is None:
            self._index = self._read_index()
        recorded = self._index.get(shown)
        if recorded is None:
            return None
        info = stat_key(path)
        if info is None or list(info) != recorded[:5] or recorded[5] != self.config_key(path):
            return None
        return str(recorded[6])

    def stat_before_read(self, path: Path) -> StatKey | None:
        """A regular file's stat, taken before it is read, when it is old enough to index."""
        info = stat_key(path)
        if info is None or max(info[3], info[4]) > time.time_ns() - RACY_NS:
            return None
        return info

    def keyed(self, data: bytes, shown: str, path: Path, info: StatKey | None) -> str:
        """The key of a draft read after ``stat_before_read``; the index records it."""
        key, declares_sources = self._key(data, shown, path)
        if info is not None and not declares_sources:
            if self._index is None:
                self._index = self._read_index()
            record = [*info, self.config_key(path), key]
            if self._index.get(shown) != record:
                self._index[shown] = record
                self._index_changed = True
        return key

    def _read_index(self) -> dict[str, list[Any]]:
        try:
            record = json.loads((self.entries / INDEX).read_bytes())
            if record["stamp"] != STAMP or not isinstance(record["files"], dict):
                return {}
        except Exception:  # missing, damaged or foreign: every draft is read and hashed
            return {}
        return {shown: value for shown, value in record["files"].items() if _well_formed(value)}

    def save_index(self) -> None:
        """Write the index atomically if this run changed it (a concurrent run's write may win:
        its entries or ours are then only read and hashed once more)."""
        if not self._index_changed or self._index is None:
            return
        self._index_changed = False
        self._write_atomically(self.entries / INDEX, {"stamp": STAMP, "files": self._index})

    # -- entries -----------------------------------------------------------------------------
    def _entry(self, key: str) -> Path:
        return self.entries / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[Finding] | None:
        """The cached findings, or None (missing, damaged, or another version's entry)."""
        found = self.get_with_lines(key)
        return None if found is None else found[0]

    def get_with_lines(self, key: str) -> tuple[list[Finding], dict[int, str]] | None:
        """The cached findings and the lines they are on, or None (missing, damaged, or another
        version's entry)."""
        try:
            record = json.loads(self._entry(key).read_bytes())
            if record["stamp"] != STAMP or record["key"] != key:
                raise ValueError("foreign entry")
            findings = fold([Finding.load(finding) for finding in record["findings"]])
            lines = {int(number): line for number, line in record["lines"].items()}
            if not all(isinstance(line, str) for line in lines.values()):
                raise ValueError("damaged lines")
        except Exception:  # any damage is a miss; the entry is rewritten after linting
            self.misses += 1
            return None
        self.hits += 1
        return findings, lines

    def put(self, key: str, findings: list[Finding], lines: dict[int, str] | None = None) -> None:
        record = {"stamp": STAMP, "key": key,
                  "findings": [{**f.model_dump(mode="json"), "group": f.group} for f in unfold(findings)],
                  "lines": lines or {}}
        self._write_atomically(self._entry(key), record)

    def _write_atomically(self, target: Path, record: dict[str, Any]) -> None:
        try:
            self._prepare(target.parent)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(record, handle, ensure_ascii=False)
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:  # a read-only or full disk costs speed, never results
            return

    def _prepare(self, folder: Path) -> None:
        if folder.is_dir():
            return
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in (("CACHEDIR.TAG", TAG), (".gitignore", "*\n")):
            marker = self.folder / name
            if not marker.exists():
                marker.write_text(text, encoding="utf-8")


def stat_key(path: Path) -> StatKey | None:
    """What the index compares: a regular file's (not a link's) identity, size and times."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _well_formed(value: Any) -> bool:
    return (isinstance(value, list) and len(value) == 7
            and all(type(v) is int for v in value[:5]) and all(type(v) is str for v in value[5:]))


def cache_folder(runner: Runner, option: str | None) -> Path:
    """--cache-dir, else FACTLINT_CACHE_DIR, else the cache-dir of the config for the current folder."""
    if option:
        return Path(option).resolve()
    if os.environ.get("FACTLINT_CACHE_DIR"):
        return Path(os.environ["FACTLINT_CACHE_DIR"]).resolve()
    settings = runner.linter_for(None).settings
    return settings.resolve(settings.config.cache_dir)


def clean(folder: Path) -> bool:
    """Remove a cache folder; refuse a folder that is not a factlint cache. True if removed."""
    if not folder.exists():
        return False
    if not (folder / "CACHEDIR.TAG").is_file() or "factlint" not in (
        folder / "CACHEDIR.TAG"
    ).read_text(encoding="utf-8", errors="replace"):
        raise FactlintError(f"{folder}: not a factlint cache (no CACHEDIR.TAG); not removed")
    shutil.rmtree(folder)
    return True


def config_fingerprint(settings: Settings) -> str:
    """Everything besides the file itself that a file's findings depend on."""
    parts: dict[str, Any] = {
        "stamp": STAMP,
        "code": code_fingerprint(),
        "engines": [_version(name) for name in ENGINES],
        "settings": settings.model_dump(mode="json"),
        "files": {},
    }
    config = settings.config
    for entry in (*config.packs, *config.vocab, *config.facts):
        for file in _files(settings.resolve(entry)):
            parts["files"][str(file)] = _file_hash(file)
    if config.facts and settings.as_of is None:  # offices are checked against today's date
        parts["today"] = dt.date.today().isoformat()
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """factlint's own modules and built-in rules (name, size, mtime): a change to either, as in
    an editable install, invalidates every entry even when the version number stays."""
    from factlint.packs import builtin_rules_dir

    digest = hashlib.sha256()
    for root in (Path(__file__).resolve().parent, builtin_rules_dir()):
        for file in sorted(root.rglob("*")):
            if file.suffix in (".py", ".yaml", ".yml", ".txt", ".tsv") and "__pycache__" not in file.parts:
                stat = file.stat()
                digest.update(f"{file}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{name} {version(name)}"
    except PackageNotFoundError:
        return f"{name} absent"


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file())
    return [path]


def _file_hash(path: Path) -> str:
    """A data file's or declared source's hash, read as the checks read it: a FIFO or a device
    is refused without blocking, and nothing past the data size limit is read."""
    from factlint.confine import Refused, read_regular

    try:
        return hashlib.sha256(read_regular(path, "cached file")).hexdigest()
    except Refused:
        return "refused"
    except OSError:
        return "missing"


def declared_source_files(data: bytes, shown: str, path: Path) -> list[Path]:
    """The files a Markdown draft's front matter lists under ``sources:`` (relative to the draft,
    as the source check reads them)."""
    if path.suffix.lower() not in (".md", ".markdown") or not data.lstrip(b"\xef\xbb\xbf").startswith(b"---"):
        return []
    if b"sources" not in data:
        return []
    from factlint.document import Document
    from factlint.engine import decode
    from factlint.facts.verify import declared_sources

    try:
        doc = Document(path=shown, text=decode(data).text, is_markdown=True)
        doc._parse_front_matter()
    except (UnicodeDecodeError, ValueError):
        return []
    base = Path(shown).parent if shown not in ("-", "") else Path.cwd()
    return [base / name for name in declared_sources(doc)]
