"""factlint audit on a real LocalCluster of 2 worker processes, over a generated archive.

The oracle for every count is `factlint check`'s own Runner, run file by file in the test
process: the audit must find exactly what check finds, whichever worker linted a file, and
the cross-archive tables must find exactly the variants planted in the archive.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="needs the audit extra: pip install -e '.[audit]'")
pd = pytest.importorskip("pandas")

from audit_archive import Planted, write_archive  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402

from factlint.audit.run import AuditRequest, AuditResult, run_audit  # noqa: E402
from factlint.audit.worker import front_matter_columns, table_path  # noqa: E402
from factlint.config import Overrides  # noqa: E402
from factlint.engine import Runner  # noqa: E402

NO_GRAMMAR = Overrides(ignore=("grammar", "spelling"))


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=":0") as cluster, Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> tuple[Path, Planted]:
    root = tmp_path_factory.mktemp("archive")
    return root, write_archive(root)


@pytest.fixture(scope="module")
def audited(client, archive, tmp_path_factory) -> tuple[Path, AuditResult]:
    root, _ = archive
    out = tmp_path_factory.mktemp("out")
    request = AuditRequest(paths=(str(root),), out=str(out), overrides=NO_GRAMMAR,
                           partition_bytes=4000)
    return out, run_audit(request, client)


def oracle(paths: list[Path], overrides: Overrides = NO_GRAMMAR) -> Counter[tuple[str, str]]:
    """(path, rule) -> findings, from the Runner that `factlint check` uses."""
    runner = Runner(overrides)
    return Counter((str(p.absolute()), f.rule) for p in paths for f in runner.lint_file(p).findings)


def read(out: Path, table: str) -> pd.DataFrame:
    return pd.read_parquet(out / table)


def test_every_finding_is_the_one_check_reports(audited, archive) -> None:
    out, result = audited
    _, planted = archive
    assert result.partitions > 2  # the archive was split, so both workers took partitions
    assert len({s["pid"] for s in result.stats}) == 2
    findings = read(out, "findings")
    assert Counter(zip(findings["path"], findings["rule"], strict=True)) == oracle(planted.articles)
    assert not findings.duplicated(["path", "rule", "offset", "end_offset"]).any()
    articles = read(out, "articles")
    assert sorted(articles["path"]) == sorted(str(p.absolute()) for p in planted.articles)
    assert result.tables.totals["findings"] == len(findings)


def test_front_matter_becomes_columns_and_plain_text_stays_null(audited, archive) -> None:
    out, _ = audited
    _, planted = archive
    articles = read(out, "articles").set_index("path")
    story = planted.articles[5]
    row = articles.loc[str(story.absolute())]
    assert (row["date"], row["year"], row["month"], row["desk"]) == (
        "2021-06-06", 2021, "2021-06", "business")
    assert row["author"] == "Staff reporter 0"
    note = articles.loc[str(planted.articles[-2].absolute())]
    assert note[["date", "year", "month", "desk", "author"]].isna().all()
    assert note["words"] > 10 and not note["unreadable"]


def test_unreadable_file_is_an_io_row(audited, archive) -> None:
    out, result = audited
    _, planted = archive
    findings = read(out, "findings")
    broken = findings[findings["path"] == str(planted.unreadable[0].absolute())]
    assert list(broken["rule"]) == ["io/unreadable"]
    assert "UTF-8" in broken["message"].iloc[0]
    assert result.tables.totals["unreadable"] == 1


# One person written two ways (John Smith and Jane Smith are two people, not variants), and one
# office written two ways: group -> variant -> (uses, is the majority), and the minority variant.
PLANTED = {
    "name": ({"Sergei Kovalenko": {"Kovalenko": (24, True), "Kovalenco": (12, False)}},
             "Kovalenco"),
    "office": ({"defence secretary": {"defence secretary": (16, True),
                                      "defense secretary": (8, False)}}, "defense secretary"),
}


@pytest.mark.parametrize("kind", sorted(PLANTED))
def test_cross_archive_variants_are_exactly_the_planted_ones(audited, archive, kind) -> None:
    _, result = audited
    _, planted = archive
    groups, minority = PLANTED[kind]
    assert _variants(result, kind) == groups
    _check_spread(result, kind, planted.names if kind == "name" else planted.offices)
    _check_minority(result, kind, minority, planted)


def _variants(result: AuditResult, kind: str) -> dict[str, dict[str, tuple[int, bool]]]:
    """group -> variant -> (uses, is the majority)."""
    found: dict[str, dict[str, tuple[int, bool]]] = {}
    for r in result.tables.variants[result.tables.variants["kind"] == kind].itertuples():
        found.setdefault(r.group, {})[r.variant] = (int(r.count), bool(r.majority))
    return found


def _check_spread(result: AuditResult, kind: str, planted: dict[str, Counter]) -> None:
    spread = result.tables.variant_spread
    mine = spread[spread["kind"] == kind]
    found = {v: Counter({(int(r.year), r.desk): int(r.count)
                         for r in mine[mine["variant"] == v].itertuples()}) for v in planted}
    assert found == planted


def _check_minority(result: AuditResult, kind: str, variant: str, planted: Planted) -> None:
    minority = result.tables.minority_articles
    mine = minority[minority["kind"] == kind]
    assert set(mine["variant"]) == {variant}
    assert set(mine["path"]) == {str(Path(p).absolute()) for p in planted.paths[variant]}
    written = pd.read_parquet(Path(result.tables.extra["variant_articles"]))
    assert set(written[written["kind"] == kind]["path"]) == set(mine["path"])


def test_rule_counts_by_month_and_desk_match_check(audited, archive) -> None:
    _, result = audited
    _, planted = archive
    runner = Runner(NO_GRAMMAR)
    expected: Counter[tuple[str, str, str]] = Counter()
    for path in planted.articles:
        lint, doc = runner.lint_file_with_document(path)
        front = front_matter_columns(doc.front_matter if doc else {})
        for f in lint.findings:
            expected[(f.rule, front["month"] or "(none)", front["desk"] or "(none)")] += 1
    counts = result.tables.rule_counts
    found = Counter({(r.rule, r.month, r.desk): int(r.findings) for r in counts.itertuples()})
    assert found == expected


def test_resume_lints_only_the_missing_partition(client, audited, archive) -> None:
    out, first = audited
    root, _ = archive
    missing = first.stats[1]["key"]
    before = read(out, "findings")
    table_path(out, "articles", missing).unlink()  # as if the run had stopped before it
    request = AuditRequest(paths=(str(root),), out=str(out), overrides=NO_GRAMMAR,
                           partition_bytes=4000, resume=True)
    again = run_audit(request, client)
    assert [s["key"] for s in again.stats] == [missing]
    assert again.skipped == again.partitions - 1
    assert again.tables.totals == first.tables.totals
    after = read(out, "findings")
    assert len(after) == len(before)


def test_a_worker_killed_mid_partition_loses_and_doubles_nothing(client, tmp_path) -> None:
    root = tmp_path / "archive"
    planted = write_archive(root, articles=120, seed=11)
    out = tmp_path / "out"
    request = AuditRequest(paths=(str(root),), out=str(out), overrides=NO_GRAMMAR,
                           partition_bytes=30000)
    results: list[AuditResult] = []
    runner = threading.Thread(target=lambda: results.append(run_audit(request, client)))
    runner.start()
    killed = _kill_a_busy_worker(client)
    runner.join(timeout=300)
    assert killed is not None, "no worker was seen executing a partition"
    pid, key = killed
    assert pid not in client.run(os.getpid).values()  # it died (its nanny starts another)
    result = results[0]
    assert key.removeprefix("lint-") in {s["key"] for s in result.stats}  # retried, finished
    findings = read(out, "findings")
    assert Counter(zip(findings["path"], findings["rule"], strict=True)) == oracle(planted.articles)
    assert not findings.duplicated(["path", "rule", "offset", "end_offset"]).any()
    assert len(read(out, "articles")) == len(planted.articles)
    assert result.tables.totals["articles"] == len(planted.articles)
    assert {v: n for group in _variants(result, "name").values() for v, (n, _) in group.items()
            } == {v: sum(c.values()) for v, c in planted.names.items()}


def _kill_a_busy_worker(client: Client) -> tuple[int, str] | None:
    """SIGKILL the process of a worker while it executes a lint task (not between tasks)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        busy = client.run(_executing_lint)
        for (pid, keys) in busy.values():
            if keys:
                os.kill(pid, signal.SIGKILL)
                return pid, keys[0]
        time.sleep(0.02)
    return None


def _executing_lint(dask_worker) -> tuple[int, list[str]]:
    keys = [str(ts.key) for ts in dask_worker.state.executing if str(ts.key).startswith("lint-")]
    return os.getpid(), keys


def test_check_never_imports_dask_or_pyarrow(tmp_path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("---\ndate: 2023-09-22\n---\n\nCritics say the plan, announced last month, is flawed.\n")
    code = (
        "import sys\nfrom factlint.cli import main\n"
        f"sys.argv = ['factlint', 'check', {str(draft)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'dask', 'distributed', 'pyarrow', 'pandas'})\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "HEAVY []" in run.stderr, run.stderr[-2000:]
    assert "draft.md" in run.stdout  # check did run and report


def test_audit_command_line_writes_the_outputs(archive, tmp_path) -> None:
    """The command itself, end to end, on a LocalCluster of 2 processes it starts."""
    root, planted = archive
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, "-m", "factlint", "audit", str(root), "--out", str(out),
         "--workers", "2", "--ignore", "grammar,spelling", "--partition-bytes", "8000"],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout == ""  # the outputs are files; progress goes to standard error
    for name in ("report.html", "variants.csv", "rule_counts.csv", "audit.json"):
        assert (out / name).is_file(), name
    assert len(read(out, "findings")) == sum(oracle(planted.articles).values())


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium() -> str:
    import shutil

    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("Chromium is not installed (apt-get install -y chromium)")
    return found


def test_report_renders_in_headless_chromium_with_plots_and_working_links(audited,
                                                                          tmp_path) -> None:
    from html.parser import HTMLParser
    from urllib.parse import unquote, urlparse

    out, _ = audited
    browser = chromium()
    page = (out / "report.html").as_uri()
    common = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([*common, "--dump-dom", page], capture_output=True, text=True,
                         timeout=120).stdout
    shot = tmp_path / "report.png"
    subprocess.run([*common, f"--screenshot={shot}", "--window-size=1200,900", page],
                   capture_output=True, timeout=120)

    class Page(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.ids: set[str] = set()
            self.hrefs: list[str] = []
            self.plots: dict[str, int] = {}  # plot id -> bars
            self.plot: str | None = None
            self.scripts = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            a = dict(attrs)
            if a.get("id"):
                self.ids.add(a["id"] or "")
            if tag == "a" and a.get("href"):
                self.hrefs.append(a["href"] or "")
            if tag == "svg" and "plot" in (a.get("class") or ""):
                self.plot = a.get("id")
                self.plots[self.plot or ""] = 0
            if tag == "rect" and self.plot and float(a.get("width") or 0) > 0:
                self.plots[self.plot] += 1
            if tag in ("script", "link", "img") and (a.get("src") or a.get("href")):
                self.scripts += 1  # anything fetched from elsewhere

        def handle_endtag(self, tag: str) -> None:
            if tag == "svg":
                self.plot = None

    parsed = Page()
    parsed.feed(dom)
    assert "Archive audit: 50 articles" in dom  # rendered by the browser, not just written
    assert parsed.plots.keys() >= {"plot-month", "plot-desk", "plot-rules", "plot-names",
                                   "plot-offices"}
    assert parsed.plots["plot-desk"] == 4  # three desks and the plain-text note's "(none)"
    assert parsed.plots["plot-names"] == 1 and parsed.plots["plot-offices"] == 1
    assert parsed.scripts == 0  # self-contained: nothing to fetch
    assert "#name-sergei-kovalenko" in parsed.hrefs and "#office-defence-secretary" in parsed.hrefs
    for href in parsed.hrefs:
        url = urlparse(href)
        if href.startswith("#"):
            assert href[1:] in parsed.ids, href
        elif url.scheme == "file":
            assert Path(unquote(url.path)).is_file(), href
        else:
            assert not url.scheme and (out / unquote(href)).is_file(), href
    assert shot.is_file() and shot.stat().st_size > 10_000  # a page was painted
