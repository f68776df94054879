"""Where the shared data lives (never copied into the project) and how to read it."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def bytecode_env(folder: Path) -> dict[str, str]:
    """The environment for timed child processes: compiled bytecode kept under ``folder`` even
    where PYTHONDONTWRITEBYTECODE is set (this machine sets it), as an installed package has it,
    so a cold start measures start-up, not the compiling of every module. Warm it with one run."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    return env


def _find_shared() -> Path:
    """FACTLINT_SHARED, else the nearest folder named shared/ beside one of this checkout's parents."""
    if "FACTLINT_SHARED" in os.environ:
        return Path(os.environ["FACTLINT_SHARED"])
    for parent in Path(__file__).resolve().parents[1:]:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared"
    return Path(__file__).resolve().parents[2] / "shared"


SHARED = _find_shared()
CORPUS = SHARED / "corpus"


def corpus_files(limit: int | None = None, source: str | None = None) -> list[Path]:
    """The corpus articles (bbc-news-2225 and reuters21578-prose), or exit cleanly if absent."""
    if not CORPUS.is_dir():
        print(f"skipped: no corpus at {CORPUS} (set FACTLINT_SHARED)")
        sys.exit(0)
    folders = [CORPUS / source] if source else sorted(p for p in CORPUS.iterdir() if p.is_dir())
    files = sorted(f for folder in folders for f in folder.glob("*.txt"))
    return files[:limit] if limit else files
