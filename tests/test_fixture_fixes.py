"""Fixtures with a NAME.ext.fixed sibling: `--fix` must produce it byte for byte, and a second
`--fix` must change nothing (idempotence). Line endings and BOM are part of the comparison."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factlint.engine import Runner
from factlint.fix import encode
from factlint.run import fix_result

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def fixed_fixtures() -> list[Path]:
    return sorted(p for p in FIXTURES.rglob("*.fixed"))


def fix_once(path: Path) -> bytes:
    runner = Runner()
    result = fix_result(runner, runner.lint_file(path), path)
    if result.fixed_text is None or result.source is None:
        return path.read_bytes()
    return encode(result.source, result.fixed_text)


@pytest.mark.parametrize("fixed", fixed_fixtures(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fix_matches_and_is_idempotent(fixed: Path, tmp_path: Path) -> None:
    draft = fixed.with_suffix("")  # crlf.txt.fixed -> crlf.txt
    shutil.copytree(draft.parent, tmp_path / "copy")  # with its config and packs
    copy = tmp_path / "copy" / draft.name
    once = fix_once(copy)
    assert once == fixed.read_bytes()
    copy.write_bytes(once)
    assert fix_once(copy) == once
