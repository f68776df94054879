"""JUnit XML as CI tools read it (the schema Jenkins accepts): one test suite, one test case per
file, failing when the file has findings at or above its fail-on severity.

The schema allows one <failure> per test case, so a failing file's failure lists its findings one
a line; the findings below fail-on go to the suite's <system-out>.
"""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Sequence
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from factlint.finding import SEVERITY_RANK, Finding, Severity

if TYPE_CHECKING:
    from factlint.engine import FileResult
    from factlint.reporters.text import TextOptions


def _line(f: Finding) -> str:
    return f"{f.path}:{f.line}:{f.column}: {f.severity.value} {f.rule} {f.message}"


def junit_report(results: Sequence[FileResult], options: TextOptions) -> str:
    suites = ET.Element("testsuites")
    suite = ET.SubElement(suites, "testsuite", {
        "name": "factlint", "package": "factlint", "id": "0",
        "timestamp": dt.datetime.now().strftime("%Y-%m-%dT%H:%M:%S"),
        "hostname": socket.gethostname() or "localhost",
        "tests": str(len(results)), "errors": "0", "time": "0",
    })
    ET.SubElement(suite, "properties")
    failures = 0
    below: list[str] = []
    for result in results:
        threshold = options.fail_on(result) if options.fail_on else Severity.error
        case = ET.SubElement(suite, "testcase", {
            "name": result.path, "classname": "factlint", "time": "0",
        })
        failing: list[Finding] = []
        for f in result.findings:
            if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold]:
                failing.append(f)
            else:
                below.append(_line(f))
        if failing:
            failures += 1
            failure = ET.SubElement(case, "failure", {
                "message": f"{len(failing)} finding{'s' if len(failing) != 1 else ''} "
                           f"at or above {threshold.value}",
                "type": failing[0].rule,
            })
            failure.text = "\n".join(_line(f) for f in failing)
    suite.set("failures", str(failures))
    ET.SubElement(suite, "system-out").text = "\n".join(below)
    ET.SubElement(suite, "system-err")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode")
