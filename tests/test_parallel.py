"""--jobs: real worker processes give the serial output in the serial order, and a worker that
dies on one file costs that file only."""

from __future__ import annotations

import json
import os
from pathlib import Path

from factlint.config import Overrides
from factlint.engine import FileResult, Runner
from factlint.parallel import lint_in_worker, lint_many
from gate_drafts import COUNCIL, FAST, FLOODS, factlint, newsroom

KILLER = "Cardiff"  # the word the crashing worker below dies on


def crashing_worker(data: bytes | None, shown: str, path: Path) -> FileResult:
    """The real worker, except that it kills its process on one draft (as a native crash would)."""
    if data is not None and KILLER.encode() in data:
        os._exit(70)
    return lint_in_worker(data, shown, path)


def many_drafts(room: Path, count: int = 12) -> list[Path]:
    newsroom(room)
    paths = []
    for i in range(count):
        text = (FLOODS if i % 2 else COUNCIL).replace("Leeds", f"Town{i}").replace("Severn", f"River{i}")
        path = room / "drafts" / f"story{i:02d}.{'md' if i % 3 == 0 else 'txt'}"
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths


def test_two_jobs_give_the_serial_report_in_the_serial_order(tmp_path: Path) -> None:
    room = tmp_path / "room"
    many_drafts(room)
    for fmt in ("json", "text", "sarif"):
        serial = factlint("check", "drafts", "--format", fmt, "--jobs", "1", "--no-cache", *FAST, cwd=room)
        pooled = factlint("check", "drafts", "--format", fmt, "--jobs", "2", "--no-cache", *FAST, cwd=room)
        assert (pooled.returncode, pooled.stdout) == (serial.returncode, serial.stdout), fmt
        if fmt == "json":
            report = json.loads(serial.stdout)
            assert report["summary"]["files"] == 15 and report["summary"]["findings"] > 12
            for _ in ("cold cache", "warm cache"):  # the workers' results are cached as they are
                cached = factlint("check", "drafts", "--format", fmt, "--jobs", "2", *FAST, cwd=room)
                assert cached.stdout == serial.stdout
            assert len(list((room / ".factlint_cache").glob("v*/*/*.json"))) == 15


def test_a_worker_crash_is_reported_for_its_file_and_the_others_are_linted(
    tmp_path: Path, monkeypatch
) -> None:
    room = tmp_path / "room"
    paths = many_drafts(room)
    victim = paths[5]
    victim.write_text(victim.read_text("utf-8").replace("Lyneham", KILLER), "utf-8")
    monkeypatch.chdir(room)
    runner = Runner(Overrides(ignore=("grammar", "spelling")))
    serial = list(lint_many(runner, paths, jobs=1))
    pooled = list(lint_many(runner, paths, jobs=2, work=crashing_worker))
    assert [r.path for r in pooled] == [str(p) for p in paths]
    for before, after in zip(serial, pooled):
        if before.path == str(victim):
            assert [f.rule for f in after.findings] == ["meta/worker-crash"]
            assert after.findings[0].severity == "error"
        else:
            assert after.findings == before.findings
