"""The built wheel carries rules/ (packs and data), so a non-editable install runs every rule."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_every_rule_file(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, timeout=600,
    )
    (wheel,) = tmp_path.glob("factlint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    rule_files = [p for p in (ROOT / "rules").rglob("*") if p.is_file()]
    assert rule_files
    for path in rule_files:
        assert f"factlint/_rules/{path.relative_to(ROOT / 'rules').as_posix()}" in names
    assert "factlint/cli.py" in names
