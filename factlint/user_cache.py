"""The user's cache folder for factlint: LanguageTool's install, compiled regex programs."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def cache_root() -> Path:
    """The user's cache folder for factlint (XDG on Linux, as platformdirs would choose);
    ``FACTLINT_CACHE_DIR`` overrides it."""
    if "FACTLINT_CACHE_DIR" in os.environ:
        return Path(os.environ["FACTLINT_CACHE_DIR"])
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return base / "factlint" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "factlint"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factlint"
