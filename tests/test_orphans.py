"""A killed `factlint check --jobs 2` leaves no worker behind: each worker ends with its parent.

Before the watchdog, a SIGKILLed run (the OOM killer, a CI job's timeout) left its workers
waiting on their queue for ever, each holding its own loaded linter.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gate_drafts import COUNCIL, FAST, newsroom

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")

WAIT_SECONDS = 30  # a generous bound for a loaded CI machine; the watchdog polls every 0.5 s


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:  # field 4: the parent's pid
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def until(condition, seconds: float = WAIT_SECONDS) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_the_workers_of_a_killed_run_exit(tmp_path: Path, sig: signal.Signals) -> None:
    room = newsroom(tmp_path)
    drafts = room / "drafts"
    for i in range(3000):  # enough that the run is still linting when the signal comes
        (drafts / f"story{i:04d}.txt").write_text(COUNCIL.replace("Leeds", f"Town{i}"), "utf-8")
    run = subprocess.Popen(
        [sys.executable, "-m", "factlint", "check", "drafts", "--jobs", "2", "--no-cache",
         "--format", "json", *FAST],
        cwd=room, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        # the two pool workers (the resource tracker is a third child)
        assert until(lambda: len(children_of(run.pid)) >= 3), "the pool never started"
        workers = children_of(run.pid)
        assert run.poll() is None, "the run ended before it could be killed: give it more files"
        os.kill(run.pid, sig)
        run.wait(WAIT_SECONDS)
        assert until(lambda: not any(alive(pid) for pid in workers)), (
            f"workers {[pid for pid in workers if alive(pid)]} outlived their parent")
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
