"""The audit run on the client: connect to a cluster, submit partitions, aggregate, report."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster, as_completed

from factlint.audit.aggregate import Tables, aggregate
from factlint.audit.mentions import Vocabulary
from factlint.audit.partitions import TARGET_BYTES, Partition, partitions
from factlint.audit.worker import is_done, lint_partition
from factlint.config import Overrides
from factlint.engine import Runner


@dataclass(frozen=True)
class AuditRequest:
    """Everything `factlint audit` was asked to do."""

    paths: tuple[str, ...]
    out: str
    scheduler: str | None = None
    workers: int | None = None
    config_path: str | None = None
    overrides: Overrides = Overrides()
    resume: bool = False
    partition_bytes: int = TARGET_BYTES
    report: bool = True


@dataclass
class AuditResult:
    """What the run did: partitions linted and skipped, per-task stats, the tables."""

    partitions: int
    skipped: int
    stats: list[dict[str, Any]]
    tables: Tables
    seconds: dict[str, float] = field(default_factory=dict)


def list_files(runner: Runner, paths: tuple[str, ...]) -> Iterator[str]:
    """The files `factlint check` would lint; a missing path is kept (an io/unreadable row)."""
    for raw in paths:
        if not Path(raw).exists():
            yield str(Path(raw).absolute())
            continue
        for path in runner.expand([raw]):
            yield str(path.absolute())


@contextmanager
def connect(scheduler: str | None, workers: int | None) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler``, or of a LocalCluster of worker processes
    (one single-threaded process per core: the linter is pure Python and holds the GIL)."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    n = workers or os.cpu_count() or 1
    with LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        yield client


def run_audit(request: AuditRequest, client: Client) -> AuditResult:
    """Lint every partition not yet written, then aggregate and report."""
    clock = {"start": time.perf_counter()}
    runner = Runner(request.overrides, request.config_path)  # config errors stop here (exit 2)
    vocabulary = Vocabulary.of(runner.linter_for(None))
    out = str(Path(request.out).absolute())
    Path(out).mkdir(parents=True, exist_ok=True)
    parts = list(partitions(list_files(runner, request.paths), request.partition_bytes))
    todo = [p for p in parts if not (request.resume and is_done(out, p.key))]
    clock["listed"] = time.perf_counter()
    stats = lint_all(client, todo, out, request)
    clock["linted"] = time.perf_counter()
    keys = [p.key for p in parts]
    tables = aggregate(out, keys, vocabulary.similarity)
    clock["aggregated"] = time.perf_counter()
    _write_tables(out, tables)
    if request.report:
        from factlint.audit.report import write_report

        write_report(out, tables)
    clock["reported"] = time.perf_counter()
    seconds = {name: clock[name] - clock["start"] for name in clock if name != "start"}
    _write_manifest(out, request, parts, stats, seconds)
    return AuditResult(len(parts), len(parts) - len(todo), stats, tables, seconds)


def lint_all(client: Client, todo: list[Partition], out: str,
             request: AuditRequest) -> list[dict[str, Any]]:
    """One task per partition, keyed by the partition, so a retry is the same task."""
    futures = client.map(
        lint_partition, todo, out=out, overrides=request.overrides,
        config_path=request.config_path, key=[f"lint-{p.key}" for p in todo], retries=2,
    )
    stats = []
    for future in as_completed(futures):
        stats.append(future.result())
        future.release()
    return sorted(stats, key=lambda s: s["key"])


def _write_tables(out: str, tables: Tables) -> None:
    folder = Path(out)
    tables.rule_counts.to_csv(folder / "rule_counts.csv", index=False)
    tables.density.to_csv(folder / "density.csv", index=False)
    tables.variants.to_csv(folder / "variants.csv", index=False)
    tables.variant_spread.to_csv(folder / "variant_spread.csv", index=False)
    for name in ("rule_counts", "density", "variants", "variant_spread"):
        getattr(tables, name).to_parquet(folder / f"{name}.parquet", index=False)


def _write_manifest(out: str, request: AuditRequest, parts: list[Partition],
                    stats: list[dict[str, Any]], seconds: dict[str, float]) -> None:
    manifest = {
        "paths": list(request.paths), "config": request.config_path,
        "overrides": json.loads(request.overrides.model_dump_json()),
        "partitions": [p.key for p in parts], "linted_now": [s["key"] for s in stats],
        "seconds": seconds,
    }
    (Path(out) / "audit.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
