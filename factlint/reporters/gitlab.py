"""GitLab Code Quality JSON: a list of issues with description, check_name, fingerprint, severity
and location (path, lines.begin), as GitLab's documentation lists the fields."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from factlint.fingerprint import fingerprints
from factlint.finding import Severity

if TYPE_CHECKING:
    from factlint.engine import FileResult
    from factlint.reporters.text import TextOptions

SEVERITIES = {Severity.info: "info", Severity.warning: "minor", Severity.error: "major"}


def gitlab_report(results: Sequence[FileResult], options: TextOptions) -> str:
    issues: list[dict[str, Any]] = []
    for result in results:
        for f, print_ in fingerprints(result):
            unique = hashlib.sha256(f"{f.path}\x1f{print_}".encode()).hexdigest()
            issues.append({
                "type": "issue",
                "check_name": f.rule,
                "description": f"{f.rule}: {f.message}",
                "categories": ["Style"],
                "fingerprint": unique,
                "severity": SEVERITIES[f.severity],
                "location": {"path": f.path, "lines": {"begin": f.line, "end": f.end_line}},
            })
    return json.dumps(issues, ensure_ascii=False, indent=2)
