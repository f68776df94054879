"""On a worker: lint one partition with the worker's Runner and write its rows as Parquet.

Each partition writes three files named by its key (findings, articles, mentions), each to a
temporary name first and then renamed into place, the articles file last: a partition is done
when its articles file exists. A task that Dask retries after its worker died writes the same
files again (same key, same rows), so nothing is lost or counted twice.
"""

from __future__ import annotations

import os
import resource
import time
import uuid
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from factlint.audit.mentions import Vocabulary, mention_rows
from factlint.audit.partitions import Partition
from factlint.config import Overrides
from factlint.document import parse_date
from factlint.engine import Linter, Runner

TABLES = ("findings", "mentions", "articles")  # written in this order: articles marks done
FRONT = [("date", pa.string()), ("year", pa.int32()), ("month", pa.string()),
         ("desk", pa.string()), ("author", pa.string())]
SCHEMAS = {
    "findings": pa.schema([
        ("path", pa.string()), ("rule", pa.string()), ("severity", pa.string()),
        ("line", pa.int32()), ("column", pa.int32()), ("end_line", pa.int32()),
        ("end_column", pa.int32()), ("offset", pa.int64()), ("end_offset", pa.int64()),
        ("text", pa.string()), ("message", pa.string()), *FRONT, ("partition", pa.string()),
    ]),
    "articles": pa.schema([
        ("path", pa.string()), ("words", pa.int64()), ("findings", pa.int32()),
        ("error", pa.int32()), ("warning", pa.int32()), ("info", pa.int32()),
        ("unreadable", pa.bool_()), ("title", pa.string()), *FRONT, ("partition", pa.string()),
    ]),
    "mentions": pa.schema([
        ("path", pa.string()), ("kind", pa.string()), ("key", pa.string()),
        ("variant", pa.string()), ("count", pa.int32()), *FRONT, ("partition", pa.string()),
    ]),
}

# One Runner per worker process and configuration, built on the first partition and reused.
_RUNNERS: dict[tuple[str, str | None], Runner] = {}
_VOCABULARIES: dict[int, Vocabulary] = {}


def runner_for(overrides: Overrides, config_path: str | None) -> Runner:
    key = (overrides.model_dump_json(), config_path)
    if key not in _RUNNERS:
        _RUNNERS[key] = Runner(overrides, config_path)
    return _RUNNERS[key]


def _vocabulary(linter: Linter) -> Vocabulary:
    if id(linter) not in _VOCABULARIES:
        _VOCABULARIES[id(linter)] = Vocabulary.of(linter)
    return _VOCABULARIES[id(linter)]


def table_path(out: str | Path, table: str, key: str) -> Path:
    return Path(out) / table / f"{key}.parquet"


def is_done(out: str | Path, key: str) -> bool:
    return all(table_path(out, t, key).is_file() for t in TABLES)


def lint_partition(part: Partition, out: str, overrides: Overrides,
                   config_path: str | None) -> dict[str, Any]:
    """Lint every file of ``part`` and write its three tables; return counts and timings."""
    started, cpu = time.perf_counter(), time.process_time()
    runner = runner_for(overrides, config_path)
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for path in part.paths:
        _lint_one(runner, path, part.key, rows)
    for table in TABLES:
        _write_atomic(pa.Table.from_pylist(rows[table], schema=SCHEMAS[table]),
                      table_path(out, table, part.key))
    return {
        "key": part.key, "files": len(part.paths), "findings": len(rows["findings"]),
        "seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu,
        "pid": os.getpid(),
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _lint_one(runner: Runner, path: str, key: str, rows: dict[str, list[dict[str, Any]]]) -> None:
    result, doc = runner.lint_file_with_document(Path(path))
    front = front_matter_columns(doc.front_matter if doc is not None else {})
    severities = {"error": 0, "warning": 0, "info": 0}
    for f in result.findings:
        severities[f.severity.value] += 1
        rows["findings"].append({
            "path": path, "rule": f.rule, "severity": f.severity.value, "line": f.line,
            "column": f.column, "end_line": f.end_line, "end_column": f.end_column,
            "offset": f.offset, "end_offset": f.end_offset, "text": f.text,
            "message": f.message, **front, "partition": key,
        })
    words = sum(len(s.text.split()) for s in doc.segments) if doc is not None else 0
    title = next((s.text for s in doc.segments if s.kind == "headline"), None) if doc else None
    rows["articles"].append({
        "path": path, "words": words, "findings": len(result.findings), **severities,
        "unreadable": doc is None, "title": title, **front, "partition": key,
    })
    if doc is not None:
        linter = runner.linter_for(Path(path))
        for m in mention_rows(doc, _vocabulary(linter)):
            rows["mentions"].append({"path": path, "kind": m.kind, "key": m.key,
                                     "variant": m.variant, "count": m.uses, **front,
                                     "partition": key})


def front_matter_columns(front: dict[str, Any]) -> dict[str, Any]:
    """date (ISO), year, month (YYYY-MM), desk (or section) and author from front matter; null
    when absent or not a date: nothing is guessed from paths or text."""
    day = parse_date(front.get("date"))
    desk = front.get("desk", front.get("section"))
    author = front.get("author", front.get("authors"))
    if isinstance(author, list):
        author = "; ".join(str(a) for a in author)
    return {
        "date": day.isoformat() if day else None,
        "year": day.year if day else None,
        "month": f"{day.year:04d}-{day.month:02d}" if day else None,
        "desk": str(desk) if desk is not None else None,
        "author": str(author) if author is not None else None,
    }


def _write_atomic(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
