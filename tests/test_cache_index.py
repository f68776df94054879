"""The cache's stat index for real: an unchanged draft is looked up without being read, and any
change the index cannot vouch for (an edit with its modification time restored, a draft too
young to trust its timestamps, declared sources, another configuration, a damaged index) makes
the draft read and hashed again, with the results an uncached run gives."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from gate_drafts import newsroom

import factlint.cache as cache_module
from factlint.cache import FORMAT, INDEX, Cache
from factlint.config import Overrides
from factlint.engine import FileResult, Runner
from factlint.parallel import lint_many

YEAR_NS = 365 * 24 * 3600 * 10**9

Outcome = dict[str, tuple[list[str], dict[int, str]]]


@pytest.fixture
def room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = newsroom(tmp_path / "room")
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def aged(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trust the timestamps of drafts written a moment ago, as of drafts written long before
    the run (the tests cannot wait; the edit test makes sure the status-change time moved)."""
    monkeypatch.setattr(cache_module, "RACY_NS", -YEAR_NS)


def run(*, cached: bool = True, sources: bool = False) -> tuple[Outcome, list[str]]:
    """Each draft's findings (messages) and finding lines, and the drafts this run read."""
    runner = Runner(Overrides(ignore=("grammar", "spelling")))
    reads: list[str] = []
    read_file = runner.read_file

    def counted(path: Path, shown: str) -> bytes | FileResult:
        reads.append(shown)
        return read_file(path, shown)

    runner.read_file = counted  # type: ignore[method-assign]
    cache = Cache(Path(".factlint_cache").resolve(), runner) if cached else None
    results = lint_many(runner, list(runner.expand(["drafts"])), jobs=1, cache=cache,
                        sources=sources)
    outcome = {r.path: ([f.message for f in r.findings], r.finding_lines()) for r in results}
    return outcome, sorted(reads)


ALL = ["drafts/council.md", "drafts/floods.txt", "drafts/library.txt"]


def test_an_unchanged_draft_is_served_without_being_read(room: Path, aged: None) -> None:
    first, reads = run()
    assert reads == ALL and any(messages for messages, _ in first.values())
    second, reads = run()
    assert reads == [] and second == first == run(cached=False)[0]
    assert (room / ".factlint_cache" / f"v{FORMAT}" / INDEX).is_file()


def test_an_edit_with_its_modification_time_restored_is_read_again(room: Path, aged: None) -> None:
    first, _ = run()
    floods = room / "drafts" / "floods.txt"
    before = os.stat(floods)
    text = floods.read_text("utf-8")
    assert "air defense base" in text
    floods.write_text(text.replace("air defense base", "air defence base"), "utf-8")  # same size
    os.utime(floods, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `touch -r` or rsync would
    while os.stat(floods).st_ctime_ns == before.st_ctime_ns:  # within one tick of the clock
        time.sleep(0.01)
        os.utime(floods, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(floods)
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    outcome, reads = run()
    assert reads == ["drafts/floods.txt"]
    assert outcome == run(cached=False)[0]
    assert outcome["drafts/floods.txt"] != first["drafts/floods.txt"]  # the mixed spelling is gone


def test_a_draft_too_young_to_trust_its_timestamps_is_always_read(
        room: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_module, "RACY_NS", YEAR_NS)  # every draft is younger than that
    first, _ = run()
    second, reads = run()
    assert reads == ALL and second == first  # hashed, found in the cache, not linted again


def test_a_draft_that_declares_sources_is_always_read(room: Path, aged: None) -> None:
    (room / "drafts" / "transcript.txt").write_text(
        "MINISTER: We will publish the full report next week, as promised.\n", "utf-8")
    (room / "drafts" / "report.md").write_text(
        "---\ntitle: Report due\nsources: [transcript.txt]\n---\n\nThe report is due. "
        "“We will publish the whole report next week,” the minister said.\n", "utf-8")
    run()
    _, reads = run()
    assert reads == ["drafts/report.md"]  # its sources can change while it does not


def test_another_configuration_is_not_served_from_the_index(room: Path, aged: None) -> None:
    run()
    config = room / ".factlint.toml"
    config.write_text(config.read_text("utf-8").replace("en-GB", "en-US"), "utf-8")
    outcome, reads = run()
    assert reads == ALL and outcome == run(cached=False)[0]


def test_a_damaged_index_only_costs_reading(room: Path, aged: None) -> None:
    reference, _ = run()
    index = room / ".factlint_cache" / f"v{FORMAT}" / INDEX
    for damage in (b"{\"stamp\": ", os.urandom(64), json.dumps(
            {"stamp": "factlint 0.0.1 cache 1", "files": {}}).encode()):
        index.write_bytes(damage)
        outcome, reads = run()
        assert reads == ALL and outcome == reference
        assert json.loads(index.read_bytes())["stamp"] == cache_module.STAMP  # rewritten


def test_a_forged_index_row_of_the_wrong_shape_is_ignored(room: Path, aged: None) -> None:
    reference, _ = run()
    index = room / ".factlint_cache" / f"v{FORMAT}" / INDEX
    record = json.loads(index.read_bytes())
    record["files"]["drafts/floods.txt"] = ["not", "a", "stat"]
    index.write_text(json.dumps(record), "utf-8")
    outcome, reads = run()
    assert reads == ["drafts/floods.txt"] and outcome == reference


def test_fixes_and_fingerprints_read_every_draft(room: Path, aged: None) -> None:
    run()
    _, reads = run(sources=True)  # --fix, --diff, sarif, gitlab and baselines need the text
    assert reads == ALL
