"""Baselines: record today's findings as fingerprints, then report only findings not recorded.

A fingerprint is the rule, the normalised flagged text and a hash of the sentence around it
(factlint.fingerprint), never a line number, so moving a paragraph or editing another sentence
keeps old findings baselined; rewriting the sentence itself makes its findings new.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, ValidationError

from factlint import __version__
from factlint.errors import FactlintError
from factlint.fingerprint import fingerprints
from factlint.groups import fold, unfold

if TYPE_CHECKING:
    from factlint.engine import FileResult

FORMAT = 1


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str
    rule: str
    fingerprint: str
    text: str = ""  # for people reading the file; not used to match


class Baseline(BaseModel):
    model_config = ConfigDict(extra="forbid")

    tool: str = "factlint"
    format: int = FORMAT
    version: str = __version__
    findings: list[Entry]


def _key(path: str, base: Path) -> str:
    """A path relative to the baseline's folder, so the baseline works from any current folder."""
    try:
        return Path(os.path.relpath(Path(path).resolve(), base)).as_posix()
    except ValueError:  # another drive
        return Path(path).as_posix()


def write_baseline(results: Sequence[FileResult], target: Path) -> int:
    """Write every finding's fingerprint to ``target``; the number written."""
    entries = [
        Entry(path=_key(f.path, target.resolve().parent), rule=f.rule, fingerprint=print_, text=f.text[:80])
        for result in results for f, print_ in fingerprints(result, unfold(result.findings))
    ]
    data = Baseline(findings=entries).model_dump_json(indent=1)
    try:
        target.write_text(data + "\n", encoding="utf-8")
    except OSError as exc:
        raise FactlintError(f"{target}: cannot write baseline: {exc.strerror or exc}") from None
    return len(entries)


def read_baseline(source: Path) -> Counter[tuple[str, str]]:
    """The recorded (path, fingerprint) pairs, or a one-line error for a bad or stale file."""
    try:
        raw = json.loads(source.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FactlintError(f"{source}: cannot read baseline: {exc.strerror or exc}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise FactlintError(f"{source}: baseline is not valid JSON: {exc}") from None
    if isinstance(raw, dict) and raw.get("tool") == "factlint" and raw.get("format") != FORMAT:
        raise FactlintError(
            f"{source}: stale baseline (format {raw.get('format')!r}, this factlint writes "
            f"{FORMAT}); re-create it with --write-baseline"
        )
    try:
        baseline = Baseline.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"]) or "top level"
        raise FactlintError(f"{source}: not a factlint baseline: {where}: {error['msg']}") from None
    if baseline.tool != "factlint":
        raise FactlintError(f"{source}: not a factlint baseline (tool {baseline.tool!r})")
    return Counter((entry.path, entry.fingerprint) for entry in baseline.findings)


def without_baselined(
    results: Sequence[FileResult], recorded: Counter[tuple[str, str]], source: Path
) -> int:
    """Drop the findings the baseline at ``source`` records, in place; the number dropped."""
    base = source.resolve().parent
    dropped = 0
    for result in results:
        if not result.findings:
            continue
        kept = []
        for finding, print_ in fingerprints(result, unfold(result.findings)):  # place by place
            key = (_key(finding.path, base), print_)
            if recorded[key] > 0:
                recorded[key] -= 1
                dropped += 1
            else:
                kept.append(finding)
        result.findings = fold(kept)
    return dropped
