"""The result cache for real: hits reuse an entry, anything the findings depend on invalidates it,
a damaged or foreign cache never changes results, concurrent runs share one cache safely."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gate_drafts import FAST, factlint, newsroom

from factlint.cache import FORMAT

FORGED = "FORGED: this finding came from the cache"


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("v*/*/*.json"))


def forge(cache: Path, path: str) -> None:
    """Rewrite the cached findings of ``path`` so a run that uses the entry shows it."""
    for entry in entries(cache):
        record = json.loads(entry.read_text("utf-8"))
        if any(f["path"] == path for f in record["findings"]):
            record["findings"][0]["message"] = FORGED
            entry.write_text(json.dumps(record), "utf-8")
            return
    raise AssertionError(f"no cache entry for {path}")


def check(room: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return factlint("check", "drafts", "--format", "json", *FAST, *args, cwd=room)


@pytest.fixture
def room(tmp_path: Path) -> Path:
    return newsroom(tmp_path / "room")


def test_a_second_run_reads_the_cache_and_a_change_invalidates_it(room: Path) -> None:
    cold = check(room)
    cache = room / ".factlint_cache"
    assert len(entries(cache)) == 3 and (cache / "CACHEDIR.TAG").is_file()
    forge(cache, "drafts/floods.txt")
    assert FORGED in check(room).stdout  # the entry was used
    # the draft itself changes: its entry no longer applies, the others still do
    floods = room / "drafts" / "floods.txt"
    floods.write_text(floods.read_text("utf-8") + "\nMore rain is forecast.\n", "utf-8")
    assert FORGED not in check(room).stdout
    assert json.loads(check(room).stdout)["summary"] == json.loads(cold.stdout)["summary"]


@pytest.mark.parametrize("change", ["dialect", "flag", "pack", "vocab"])
def test_configuration_packs_and_vocabularies_are_part_of_the_key(room: Path, change: str) -> None:
    (room / "styles").mkdir()
    pack = room / "styles" / "desk.yaml"
    pack.write_text(
        "- name: jargon\n  kind: existence\n  summary: Avoid jargon.\n  rationale: Readers.\n"
        "  options: {terms: [synergy]}\n  examples: {bad: synergy, good: teamwork}\n", "utf-8")
    (room / "styles" / "vocab").mkdir()
    (room / "styles" / "vocab" / "accept.txt").write_text("Lyneham\n", "utf-8")
    config = room / ".factlint.toml"
    config.write_text(config.read_text("utf-8") + 'packs = ["styles"]\nvocab = ["styles"]\n', "utf-8")
    check(room)
    forge(room / ".factlint_cache", "drafts/floods.txt")
    assert FORGED in check(room).stdout
    if change == "dialect":
        config.write_text(config.read_text("utf-8").replace("en-GB", "en-US"), "utf-8")
    elif change == "pack":
        pack.write_text(pack.read_text("utf-8").replace("synergy]", "synergy, stakeholders]"), "utf-8")
    elif change == "vocab":
        (room / "styles" / "vocab" / "accept.txt").write_text("Lyneham\nSevern\n", "utf-8")
    extra = ("--fail-on", "info") if change == "flag" else ()
    assert FORGED not in check(room, *extra).stdout


def test_a_declared_source_is_part_of_the_key(room: Path) -> None:
    transcript = room / "drafts" / "transcript.txt"
    transcript.write_text("MINISTER: We will publish the full report next week, as promised.\n", "utf-8")
    (room / "drafts" / "report.md").write_text(
        "---\ntitle: Report due\nsources: [transcript.txt]\n---\n\nThe report is due. "
        "“We will publish the whole report next week,” the minister said.\n", "utf-8")
    first = json.loads(check(room, "--select", "quotes").stdout)["findings"]
    assert [f["rule"] for f in first if f["path"] == "drafts/report.md"] == ["quotes/mismatch"]
    forge(room / ".factlint_cache", "drafts/report.md")
    assert FORGED in check(room, "--select", "quotes").stdout
    transcript.write_text("MINISTER: We will publish the whole report next week, as promised.\n", "utf-8")
    now = json.loads(check(room, "--select", "quotes").stdout)["findings"]
    assert not [f for f in now if f["path"] == "drafts/report.md"]  # the source now agrees


def test_damaged_and_foreign_entries_never_change_results(room: Path) -> None:
    reference = check(room, "--no-cache")
    assert not (room / ".factlint_cache").exists()  # --no-cache writes nothing
    check(room)
    cache = room / ".factlint_cache"
    damaged = entries(cache)
    damaged[0].write_bytes(damaged[0].read_bytes()[:40])  # truncated
    damaged[1].write_bytes(os.urandom(64))  # garbage
    record = json.loads(damaged[2].read_text("utf-8"))
    record["stamp"] = "factlint 0.0.1 cache 1"  # another version's entry
    record["findings"] = [{**record["findings"][0], "message": FORGED}] if record["findings"] else []
    damaged[2].write_text(json.dumps(record), "utf-8")
    run = check(room)
    assert (run.returncode, run.stdout) == (reference.returncode, reference.stdout)
    for entry in entries(cache):  # rewritten whole
        assert json.loads(entry.read_text("utf-8"))["stamp"].startswith("factlint ")
    (cache / f"v{FORMAT}").chmod(0o500)  # a cache that cannot be written costs speed, not results
    try:
        for entry in entries(cache):
            entry.unlink()
    except PermissionError:
        pass
    run = check(room)
    (cache / f"v{FORMAT}").chmod(0o700)
    assert (run.returncode, run.stdout) == (reference.returncode, reference.stdout)


def test_concurrent_runs_share_one_cache(room: Path) -> None:
    reference = check(room, "--no-cache").stdout
    for i in range(8):
        (room / "drafts" / f"copy{i}.txt").write_text(f"Story {i}\n\nThe defense plan. The defence budget.\n", "utf-8")
    reference = check(room, "--no-cache").stdout
    procs = [subprocess.Popen([sys.executable, "-m", "factlint", "check", "drafts", "--format", "json",
                               *FAST], cwd=room, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(3)]
    outputs = [p.communicate(timeout=300)[0] for p in procs]
    assert outputs == [reference] * 3
    cache = room / ".factlint_cache"
    assert len(entries(cache)) == 11
    assert not list(cache.rglob(".tmp-*"))  # every write finished with its rename
    assert check(room).stdout == reference


def test_fix_with_a_warm_cache_recomputes_the_fixes(room: Path) -> None:
    check(room)
    proc = factlint("check", "drafts/council.md", "--fix", *FAST, cwd=room)
    assert "defence of the budget" in (room / "drafts" / "council.md").read_text("utf-8")
    assert "Fixed 1" in proc.stdout, proc.stdout
    after = json.loads(factlint("check", "drafts/council.md", "--format", "json", *FAST, cwd=room).stdout)
    assert not any(f["rule"] == "consistency/spelling" for f in after["findings"])


def test_clean_removes_the_cache_and_only_a_cache(room: Path, tmp_path: Path) -> None:
    check(room)
    cache = room / ".factlint_cache"
    assert cache.is_dir()
    proc = factlint("clean", cwd=room)
    assert proc.returncode == 0 and not cache.exists(), proc.stderr
    (tmp_path / "precious").mkdir()
    (tmp_path / "precious" / "notes.txt").write_text("keep me", "utf-8")
    proc = factlint("clean", "--cache-dir", str(tmp_path / "precious"), cwd=room)
    assert proc.returncode == 2 and "not a factlint cache" in proc.stderr
    assert (tmp_path / "precious" / "notes.txt").exists()


def test_cache_dir_from_the_config_and_the_flag(room: Path, tmp_path: Path) -> None:
    config = room / ".factlint.toml"
    config.write_text(config.read_text("utf-8") + 'cache-dir = "build/lint-cache"\n', "utf-8")
    check(room)
    assert len(entries(room / "build" / "lint-cache")) == 3
    check(room, "--cache-dir", str(tmp_path / "elsewhere"))
    assert len(entries(tmp_path / "elsewhere")) == 3
