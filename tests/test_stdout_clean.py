"""Nothing but the report reaches standard output, whatever an engine's native code prints.

Harper's native library writes debug lines (``gerund_form: ...``) to file descriptor 1 on some
ordinary phrases; a JSON or GitHub consumer reading factlint's standard output must still get
exactly the report. These run the real command line in a subprocess, so descriptor 1 is real.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factlint.engines.stdout_guard import native_stdout_silenced

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "seed" / "article.txt"

# Phrases on which harper-py 0.2 prints to descriptor 1 (found on the news corpus).
DRAFT = """Charity thanks donors after record appeal

The charity said it was looking forward to see the result of the appeal, which closed on Friday.

Its chairwoman thanked volunteers and wished the new trustees continued success in the year ahead.
"""


def factlint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factlint", "check", *args], cwd=cwd, capture_output=True,
        text=True, timeout=300,
    )


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "appeal.txt").write_text(DRAFT, "utf-8")
    (tmp_path / "appeal.md").write_text("# " + DRAFT, "utf-8")
    (tmp_path / "seed.txt").write_bytes(SEED.read_bytes())
    return tmp_path


def test_json_report_is_the_whole_of_standard_output(drafts: Path) -> None:
    proc = factlint(".", "--format", "json", "--dialect", "en-GB", cwd=drafts)
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads(proc.stdout)  # any stray native line makes this fail
    assert report["summary"]["files"] == 3
    assert {f["path"] for f in report["findings"]} >= {"seed.txt"}
    assert "gerund_form" not in proc.stdout


def test_github_report_is_annotations_only(drafts: Path) -> None:
    proc = factlint(".", "--format", "github", "--dialect", "en-GB", cwd=drafts)
    assert proc.returncode in (0, 1), proc.stderr
    lines = proc.stdout.splitlines()
    assert lines, "the seed has findings"
    for line in lines:
        assert line.startswith(("::error ", "::warning ", "::notice ")), line


def test_guard_restores_descriptor_1_after_an_exception_and_when_nested(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    code = (
        "import os\n"
        "from factlint.engines.stdout_guard import native_stdout_silenced as g\n"
        "os.write(1, b'before\\n')\n"
        "try:\n"
        "    with g():\n"
        "        os.write(1, b'hidden 1\\n')\n"
        "        with g():\n"
        "            os.write(1, b'hidden 2\\n')\n"
        "        os.write(1, b'hidden 3\\n')\n"
        "        raise ValueError\n"
        "except ValueError:\n"
        "    pass\n"
        "os.write(1, b'after\\n')\n"
        "print('python after', flush=True)\n"
    )
    with out.open("w") as handle:
        subprocess.run([sys.executable, "-c", code], stdout=handle, check=True, timeout=60)
    assert out.read_text() == "before\nafter\npython after\n"


def test_python_output_pending_before_the_guard_stays_on_standard_output(
    capfd: pytest.CaptureFixture[str],
) -> None:
    sys.stdout.write("report so far")  # buffered, not yet written to descriptor 1
    with native_stdout_silenced():
        os.write(1, b"native noise")
    sys.stdout.flush()
    assert capfd.readouterr().out == "report so far"
