"""The progress bar: on a terminal only, on standard error only, with rate and time left."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

from factlint.progress import Progress
from gate_drafts import newsroom


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_bar_shows_files_rate_and_time_left_and_is_erased() -> None:
    screen, clock = Terminal(), Clock()
    bar = Progress(100, screen, delay=0.5, interval=0.1, clock=clock)
    clock.now = 0.2
    bar.advance(10)
    assert screen.getvalue() == ""  # short runs never show a bar
    clock.now = 2.0
    bar.advance(30)
    assert screen.getvalue().endswith("[#########---------------] 40/100 files  20.0 files/s  0:03 left")
    clock.now = 2.05
    bar.advance()
    assert screen.getvalue().count("\r") == 1  # redrawn at most every interval
    clock.now = 5.0
    bar.advance(59)
    assert "100/100 files" in screen.getvalue() and "0:00 left" in screen.getvalue()
    bar.close()
    assert screen.getvalue().endswith("\r")


def test_no_bar_when_standard_error_is_not_a_terminal(tmp_path: Path) -> None:
    room = newsroom(tmp_path / "room")
    proc = subprocess.run([sys.executable, "-m", "factlint", "check", "drafts", "--ignore",
                           "grammar,spelling"], cwd=room, capture_output=True, text=True, timeout=120)
    assert "files/s" not in proc.stderr + proc.stdout


def run_on_terminal(room: Path, *args: str) -> tuple[str, str]:
    """factlint with standard error on a pseudo-terminal; (stdout, what the terminal got)."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "factlint", "check", "drafts", "--ignore",
                             "grammar,spelling", "--format", "json", *args],
                            cwd=room, stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    screen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        screen += chunk
    stdout = proc.communicate(timeout=120)[0]
    os.close(leader)
    return stdout.decode(), screen.decode(errors="replace")


def test_the_report_never_carries_the_bar_and_no_progress_silences_it(tmp_path: Path) -> None:
    room = newsroom(tmp_path / "room")
    stdout, _ = run_on_terminal(room)
    assert stdout.startswith("{") and "files/s" not in stdout
    _, screen = run_on_terminal(room, "--no-progress")
    assert "files/s" not in screen
