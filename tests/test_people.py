"""People-analysis cases (tests/people/*.yaml): mentions, coreference links and offices, read from
the same JSON `factlint analyze` prints."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factlint.analysis.export import analyze_text

CASES = {
    f"{path.stem}::{name}": body
    for path in sorted((Path(__file__).parent / "people").glob("*.yaml"))
    for name, body in yaml.safe_load(path.read_text("utf-8"))["cases"].items()
}


def _has(items: list[dict[str, Any]], want: dict[str, Any]) -> bool:
    return any(all(item.get(k) == (v if k != "key" else list(v)) for k, v in want.items())
               for item in items)


@pytest.mark.parametrize("name", sorted(CASES))
def test_people_case(name: str) -> None:
    case = CASES[name]
    text = case["text"]
    result = analyze_text(text, "case.txt")
    for item in (*result["mentions"], *result["offices"], *result["coreference"]):
        assert text[item["start"] : item["end"]] == item["text"]
    for want in case.get("people", []):
        assert _has(result["mentions"], want), (want, result["mentions"])
    for absent in case.get("not_people", []):
        assert not any(absent in m["text"] for m in result["mentions"]), (absent, result["mentions"])
    for want in case.get("offices", []):
        assert _has(result["offices"], want), (want, result["offices"])
    for absent in case.get("not_offices", []):
        assert not any(o["text"] == absent for o in result["offices"]), result["offices"]
    for want in case.get("links", []):
        assert _has(result["coreference"], want), (want, result["coreference"])
    for absent in case.get("not_linked", []):
        assert not any(link["text"] == absent for link in result["coreference"]), result["coreference"]
    if "same_office" in case:
        keys = {tuple(o["key"]) for o in result["offices"] if o["text"] in case["same_office"]}
        assert len(keys) == 1, result["offices"]
