"""Harper's dictionary built in a background thread (factlint/prebuild.py): the engine rules wait
for it and run after the other rules, the command line starts it only where this process will
lint, and the findings are those of a run that builds the engine the ordinary way."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gate_drafts import FLOODS, factlint

from factlint import parallel, prebuild
from factlint.config import Overrides
from factlint.document import Document
from factlint.engine import Runner


def test_the_engine_rules_run_last_and_after_the_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    linter = Runner(Overrides(dialect="en-GB")).linter_for(None)
    assert linter.wants_harper and linter.engine_rules
    events: list[str] = []
    monkeypatch.setattr(prebuild, "wait", lambda: events.append("wait"))
    for rule in linter.rules:
        def check(doc: Document, rule: Any = rule, original: Any = rule.check) -> Any:
            events.append(rule.id)
            return original(doc)
        monkeypatch.setattr(rule, "check", check)
    linter.lint_document(Document.parse(FLOODS, "floods.txt"))
    engine = {rule.id for rule in linter.engine_rules}
    waited = events.index("wait")
    assert events.count("wait") == 1 and engine
    assert not engine & set(events[:waited]) and set(events[waited + 1:]) == engine


@pytest.mark.parametrize("building", [True, False])
def test_while_the_dictionary_builds_the_engine_rules_prepare_before_the_wait(
        monkeypatch: pytest.MonkeyPatch, building: bool) -> None:
    linter = Runner(Overrides(dialect="en-GB")).linter_for(None)
    events: list[str] = []
    monkeypatch.setattr(prebuild, "building", lambda: building)
    monkeypatch.setattr(prebuild, "wait", lambda: events.append("wait"))
    for rule in linter.engine_rules:
        def prepare(doc: Document, rule: Any = rule, original: Any = rule.prepare) -> None:
            events.append("prepare " + rule.id)
            original(doc)
        monkeypatch.setattr(rule, "prepare", prepare)
    linter.lint_document(Document.parse(FLOODS, "floods.txt"))
    prepared = sorted(e for e in events if e.startswith("prepare "))
    if building:  # every engine rule did its engine-free work, then the run waited
        assert prepared == sorted("prepare " + rule.id for rule in linter.engine_rules)
        assert events[-1] == "wait"
    else:  # nothing to overlap: the rules do the same work in their checks
        assert events == ["wait"]


def test_the_prepared_work_is_what_the_engine_then_uses(monkeypatch: pytest.MonkeyPatch) -> None:
    from factlint import engines

    counted: list[str] = []
    majority = engines._majority_dialect
    monkeypatch.setattr(engines, "_majority_dialect",
                        lambda doc, settings: counted.append("count") or majority(doc, settings))
    settings = Runner(Overrides(dialect="auto")).linter_for(None).settings
    doc = Document.parse(FLOODS, "floods.txt")
    engines.prepare_document(doc, settings)
    assert counted == ["count"] and engines.document_language(doc, settings) == "en-GB"
    engines.document_lints(doc, settings)
    assert counted == ["count"]  # the dialect counted ahead is the one the engine checks in


def test_without_the_grammar_engine_nothing_is_built() -> None:
    linter = Runner(Overrides(ignore=("grammar", "spelling"))).linter_for(None)
    assert not linter.wants_harper


@pytest.mark.parametrize("jobs, looked_up, files, expected", [
    (1, 0, 500, True),       # --jobs 1: this process lints everything
    (None, 0, 10, True),     # too few files for a pool
    (None, 0, 500, False),   # a cold run: the first file misses, a pool will lint
    (None, 400, 500, True),  # an incremental run: hundreds came from the cache first
    (2, 400, 500, False),    # --jobs 2 asked for workers
])
def test_the_build_starts_at_the_first_miss_only_where_this_process_lints(
        monkeypatch: pytest.MonkeyPatch, jobs: int | None, looked_up: int, files: int,
        expected: bool) -> None:
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    assert parallel._lints_here_first(jobs, looked_up, files) is expected


def test_the_command_line_finds_what_the_library_finds(tmp_path: Path) -> None:
    draft = tmp_path / "floods.txt"
    draft.write_text(FLOODS + "\nThe council have recieved fewer complaints then last year.\n", "utf-8")
    (tmp_path / ".factlint.toml").write_text('dialect = "en-GB"\n', "utf-8")
    expected = Runner().lint_file(draft)  # the engine built the ordinary way
    proc = factlint("check", "floods.txt", "--format", "json", "--no-cache", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    found = json.loads(proc.stdout)["findings"]
    assert [(f["rule"], f["offset"], f["message"]) for f in found] == [
        (f.rule, f.offset, f.message) for f in expected.findings]
    assert any(f.rule.startswith(("grammar/", "spelling/")) for f in expected.findings)


def test_the_engine_kinds_are_the_kinds_whose_rules_defer() -> None:
    from factlint.engine import ENGINE_KINDS
    from factlint.kinds import kinds

    deferring = {name for name, kind in kinds().items() if getattr(kind, "defers", False)}
    assert deferring == ENGINE_KINDS


@pytest.mark.parametrize("ignore, early, started", [
    ((), True, True),                          # Harper's rules selected, nothing cached
    ((), False, False),                        # something may be cached: at the first miss
    (("grammar", "spelling"), True, False),    # no rule runs Harper
])
def test_a_first_run_starts_the_build_before_the_rules_load(
        monkeypatch: pytest.MonkeyPatch, ignore: tuple[str, ...], early: bool,
        started: bool) -> None:
    starts: list[bool] = []
    monkeypatch.setattr(prebuild, "start", lambda: starts.append(True))
    Runner(Overrides(ignore=ignore), harper_early=lambda settings: early).linter_for(None)
    assert bool(starts) is started


@pytest.mark.parametrize("args, cache_exists, expected", [
    (("one.md", "--no-cache"), False, True),
    (("one.md",), False, True),                 # the cache folder is not made yet: a first run
    (("one.md",), True, False),                 # a cache that may hold the draft
    (("one.md", "--cache-dir", "elsewhere"), True, True),
    ((".",), False, None),                      # a folder: a pool may lint it (2 CPUs)
    ((".", "--jobs", "1"), False, True),
    (("one.md", "two.md", "--jobs", "2"), False, None),  # two workers
    (("one.md", "--no-cache", "--diff-from", "HEAD"), False, None),  # may lint nothing
])
def test_the_early_build_is_for_runs_that_lint_everything_here(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, args: tuple[str, ...],
        cache_exists: bool, expected: bool | None) -> None:
    from factlint.cli import check
    from factlint.run import CheckRequest, _harper_early

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTLINT_CACHE_DIR", raising=False)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    for name in ("one.md", "two.md"):
        (tmp_path / name).write_text("A draft.\n", "utf-8")
    if cache_exists:
        (tmp_path / ".factlint_cache").mkdir()
    captured: list[CheckRequest] = []
    monkeypatch.setattr("factlint.run.run_check", lambda request: captured.append(request) or 0)
    with pytest.raises(SystemExit):
        check.main(list(args))
    decide = _harper_early(captured[0])
    settings = Runner().linter_for(None).settings
    assert (None if decide is None else decide(settings)) is expected


@pytest.mark.parametrize("config, args, cache_exists, sure", [
    (None, ("check", "one.md", "--no-cache"), False, True),
    (None, ("check", "one.md", "-q", "--exit-zero"), False, True),  # a first run: no cache yet
    (None, ("check", "one.md"), True, False),                       # a cache may hold it
    (None, ("check", "one.md", "--cache-dir=elsewhere"), True, True),
    (None, ("check", "one.md", "two.md", "--jobs", "1", "--format", "json"), False, True),
    (None, ("check", "one.md", "two.md", "-j", "2"), False, False),  # two workers
    (None, ("check", "."), False, False),                            # a folder
    (None, ("check", "-", "--no-cache"), False, False),              # standard input
    (None, ("check", "one.md", "--ignore", "grammar"), False, False),
    (None, ("check", "one.md", "--select=references"), False, False),
    (None, ("check", "one.md", "--diff-from", "HEAD"), False, False),
    (None, ("clean",), False, False),
    ('dialect = "en-GB"\n[grammar.harper]\ndisable = ["AnA"]\n', ("check", "one.md"), False, True),
    ('[grammar]\nbackend = "none"\n', ("check", "one.md"), False, False),
    ('[grammar]\nbackend = "languagetool"\n', ("check", "one.md"), False, False),
    ('ignore = ["spelling"]\n', ("check", "one.md"), False, False),
    ('[rules."grammar/agreement"]\nenabled = false\n', ("check", "one.md"), False, False),
    ('exclude = ["*.md"]\n', ("check", "one.md"), False, False),
    ('cache-dir = "build/cache"\n', ("check", "one.md"), True, True),  # not that folder
    ("[grammar\n", ("check", "one.md"), False, False),                # invalid: the run says so
])
def test_the_launcher_starts_the_build_only_where_the_run_would(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, config: str | None,
        args: tuple[str, ...], cache_exists: bool, sure: bool) -> None:
    from factlint import launch
    from factlint.cli import check
    from factlint.run import CheckRequest, _harper_early

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTLINT_CACHE_DIR", raising=False)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    for name in ("one.md", "two.md"):
        (tmp_path / name).write_text(FLOODS, "utf-8")
    if config is not None:
        (tmp_path / ".factlint.toml").write_text(config, "utf-8")
    if cache_exists:
        (tmp_path / ".factlint_cache").mkdir()
    assert launch.sure_to_build(list(args)) is sure
    if not sure:
        return
    captured: list[CheckRequest] = []
    monkeypatch.setattr("factlint.run.run_check", lambda request: captured.append(request) or 0)
    with pytest.raises(SystemExit):
        check.main(list(args[1:]))
    decide = _harper_early(captured[0])
    linter = Runner(captured[0].overrides).linter_for(tmp_path / "one.md")
    assert decide is not None and decide(linter.settings) and linter.wants_harper
