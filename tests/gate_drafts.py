"""Drafts and helpers shared by the CI-gate tests (formats, cache, jobs, baseline, changed lines)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "tests" / "schemas"  # copies of ../shared/schemas, with their sources and terms

# Two short reports written for these tests: mixed spellings, a vague source, a quotation nobody
# said, a title without a name; the council one is clean apart from one fixable spelling.
FLOODS = """\
Flood defences breached in three towns

The Environment Agency said river levels on the Severn reached their highest point since 2007.
Officials are believed to have ordered the evacuation of 200 homes overnight.

“We have never seen water come up this fast,” one resident told reporters.

The Defence Secretary is expected to send troops, and the air defense base at Lyneham will be used
as a relief centre. Critics say the flood defences were never finished.
"""

COUNCIL = """\
Council approves new cycle lanes

Leeds City Council voted on Tuesday to build 12 miles of protected cycle lanes by 2026.
Councillor Helen Hayden said the plan would make the city centre safer for everyone.
The scheme will cost £4.2m, the council said, and the defense of the budget was robust.
"""

CLEAN = """\
Library opening hours extended

The central library in Bristol will open until 9pm on weekdays from next month, Bristol City
Council said on Monday. Council leader Marvin Rees said the change followed a public consultation.
"""

FAST = ("--ignore", "grammar,spelling", "--no-progress")  # the gate, not the grammar engine


def factlint(*args: str, cwd: Path, env: dict[str, str] | None = None,
             timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factlint", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout, env=env)


def newsroom(folder: Path) -> Path:
    """A folder of drafts with a British house style."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".factlint.toml").write_text('dialect = "en-GB"\nfail-on = "warning"\n', "utf-8")
    drafts = folder / "drafts"
    drafts.mkdir(exist_ok=True)
    (drafts / "floods.txt").write_text(FLOODS, "utf-8")
    (drafts / "council.md").write_text(COUNCIL, "utf-8")
    (drafts / "library.txt").write_text(CLEAN, "utf-8")
    return folder
