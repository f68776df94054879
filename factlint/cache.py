"""The result cache, in the style of ruff's: a file's findings are reused while nothing they
depend on has changed.

An entry's key hashes the file's bytes and display path, the configuration key of its linter
(the resolved settings; every file of its packs, vocabularies and facts registry; the story date
when a registry makes today matter; the engines' versions; factlint's version and code) and the
contents of the sources its front matter declares. Entries are JSON files written atomically
(temporary file, then rename), so concurrent runs never see half an entry; an entry that does not
parse, validate or carry this version's stamp is a miss and is overwritten.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
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

FORMAT = 2  # bump when the entry layout changes
STAMP = f"factlint {__version__} cache {FORMAT}"
ENGINES = ("harper-py", "language-tool-python")
TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# A factlint result cache: `factlint clean` removes it.\n"
DEFAULT_FOLDER = ".factlint_cache"


class Cache:
    """Looks up and stores findings per file under ``folder/v<FORMAT>/``."""

    def __init__(self, folder: Path, runner: Runner) -> None:
        self.folder = folder
        self.entries = folder / f"v{FORMAT}"
        self.runner = runner
        self._config_keys: dict[int, str] = {}
        self.hits = self.misses = 0

    def key(self, data: bytes, shown: str, path: Path) -> str:
        linter = self.runner.linter_for(path)
        config_key = self._config_keys.get(id(linter))
        if config_key is None:
            config_key = self._config_keys[id(linter)] = config_fingerprint(linter.settings)
        digest = hashlib.sha256(config_key.encode())
        digest.update(b"\0" + shown.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        for source in declared_source_files(data, shown, path):
            digest.update(b"\0" + _file_hash(source).encode())
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.entries / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[Finding] | None:
        """The cached findings, or None (missing, damaged, or another version's entry)."""
        try:
            record = json.loads(self._entry(key).read_bytes())
            if record["stamp"] != STAMP or record["key"] != key:
                raise ValueError("foreign entry")
            findings = fold(Finding.model_validate(item) for item in record["findings"])
        except Exception:  # any damage is a miss; the entry is rewritten after linting
            self.misses += 1
            return None
        self.hits += 1
        return findings

    def put(self, key: str, findings: list[Finding]) -> None:
        record = {"stamp": STAMP, "key": key,
                  "findings": [{**f.model_dump(mode="json"), "group": f.group} for f in unfold(findings)]}
        target = self._entry(key)
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
