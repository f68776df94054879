"""`factlint audit` on ../shared/corpus on a LocalCluster of 1 and of 2 worker processes (not a test).

For each worker count: articles/s of the lint stage (files listed -> every partition written),
the speed-up from 1 to 2 workers, the time of the cross-archive aggregation and report, the
scheduler's overhead per partition (no-op tasks through the same scheduler, and wall time x
workers less the time spent inside the tasks), the peak RSS of each worker process, and the
CPU time the tasks used (articles per CPU-second; its share of wall time x workers shows how
much of the cores the workers actually got on a shared machine).

    nice -n 10 python benchmarks/audit.py                       # grammar off, whole corpus
    nice -n 10 python benchmarks/audit.py --grammar --sample 400  # grammar on, a sample

The sample takes every k-th article of the sorted corpus (both sources). Grammar on over the
whole corpus is ~12 minutes of both cores: run it on a dedicated machine only.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from _shared import corpus_files
from distributed import Client, LocalCluster

from factlint.audit.partitions import TARGET_BYTES, partitions
from factlint.audit.run import AuditRequest, run_audit
from factlint.config import Overrides


def _noop(part: object) -> int:
    return 0


def measure(files: list[str], workers: int, overrides: Overrides, partition_bytes: int) -> dict:
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        parts = list(partitions(files, partition_bytes))
        started = time.perf_counter()
        client.gather(client.map(_noop, parts, key=[f"noop-{p.key}" for p in parts]))
        noop = (time.perf_counter() - started) / len(parts)
        with tempfile.TemporaryDirectory() as out:
            request = AuditRequest(paths=tuple(files), out=out, overrides=overrides,
                                   partition_bytes=partition_bytes)
            result = run_audit(request, client)
    lint = result.seconds["linted"] - result.seconds["listed"]
    inside = sum(s["seconds"] for s in result.stats)
    cpu = sum(s["cpu_seconds"] for s in result.stats)
    peaks: dict[int, float] = {}
    for s in result.stats:
        peaks[s["pid"]] = max(peaks.get(s["pid"], 0.0), s["max_rss_mb"])
    return {
        "workers": workers, "articles": len(files), "partitions": len(parts),
        "lint_s": round(lint, 2), "articles_per_s": round(len(files) / lint, 1),
        "aggregate_and_report_s": round(result.seconds["reported"] - result.seconds["linted"], 2),
        "task_s_median": round(statistics.median(s["seconds"] for s in result.stats), 3),
        # CPU time inside the tasks: what the articles cost, whatever else loads the machine
        "articles_per_cpu_s": round(len(files) / cpu, 1),
        "cpu_share_of_wall": round(cpu / (lint * workers), 2),
        "noop_task_ms": round(1000 * noop, 2),
        "overhead_per_partition_ms": round(1000 * (lint * workers - inside) / len(parts), 1),
        "peak_rss_mb_per_worker": sorted(round(v) for v in peaks.values()),
        "findings": result.tables.totals["findings"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grammar", action="store_true", help="Grammar and spelling on (Harper)")
    parser.add_argument("--sample", type=int, help="About this many articles, spread evenly")
    parser.add_argument("--workers", default="1,2", help="Worker counts to compare")
    parser.add_argument("--partition-bytes", type=int, default=TARGET_BYTES)
    args = parser.parse_args()
    files = [str(p) for p in corpus_files()]
    if args.sample:
        step = max(1, len(files) // args.sample)
        files = files[::step][: args.sample]
    overrides = Overrides() if args.grammar else Overrides(ignore=("grammar", "spelling"))
    rows = [measure(files, int(n), overrides, args.partition_bytes)
            for n in args.workers.split(",")]
    for row in rows:
        print(json.dumps(row))
    if len(rows) > 1:
        print(f"speed-up {rows[0]['workers']} -> {rows[-1]['workers']} workers: "
              f"{rows[-1]['articles_per_s'] / rows[0]['articles_per_s']:.2f}x "
              f"(grammar {'on' if args.grammar else 'off'}, {len(files)} articles)")


if __name__ == "__main__":
    main()
