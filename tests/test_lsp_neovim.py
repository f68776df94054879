"""`factlint server` in a real editor: headless Neovim's own LSP client on the seed draft.

Neovim converts the server's UTF-16 ranges to byte columns itself, so the seed's curly quotes and
apostrophes check the position encoding end to end. Skips when Neovim is not installed (Debian:
`apt-get install neovim`).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
ROOT = Path(__file__).resolve().parents[1]
NVIM = shutil.which("nvim")
SEED = ROOT / "fixtures" / "seed" / "article.txt"


@pytest.mark.skipif(NVIM is None, reason="Neovim is not installed (apt-get install neovim)")
def test_neovim_shows_the_findings_of_factlint_check_at_their_byte_columns(tmp_path: Path) -> None:
    factlint = Path(sys.executable).with_name("factlint")
    report = subprocess.run([str(factlint), "check", "--format", "json", str(SEED)],
                            capture_output=True, text=True, check=False)
    findings = json.loads(report.stdout)["findings"]
    lines = SEED.read_text("utf-8").splitlines()
    expected = sorted(
        f"{f['line']}:{len(lines[f['line'] - 1][: f['column'] - 1].encode())} {f['rule']}"
        for f in findings
    )
    assert len(expected) >= 10  # the seed's known faults
    out = tmp_path / "diagnostics.txt"
    env = {**os.environ, "FACTLINT_BIN": str(factlint), "FACTLINT_NVIM_OUT": str(out),
           "FACTLINT_NVIM_WANT": str(len(expected)), "XDG_STATE_HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path)}
    script = ROOT / "tests" / "editors" / "neovim_diagnostics.lua"
    subprocess.run([NVIM, "--headless", "-n", "-u", "NONE", "-c", f"luafile {script}", str(SEED)],
                   env=env, capture_output=True, timeout=180, check=False)
    assert sorted(out.read_text("utf-8").splitlines()) == expected
