"""Cross-archive tables: Dask dataframe reductions over the partitions' Parquet, on the cluster.

Only aggregates come back to the client (counts per rule, month and desk; the names and offices
written more than one way); the row-level outputs (every finding, the articles where a minority
variant appears) are written by the workers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dask.dataframe as dd
import pandas as pd

from factlint.audit.mentions import NAME, same_name
from factlint.audit.worker import table_path

SAMPLE = 20  # findings shown per rule in the report
TOP = 15  # rules, names and offices shown in the report (each rule's findings as a CSV file)
UNKNOWN = "(none)"  # month or desk of articles without that front matter
GROUP_COLUMNS = {"kind": "string", "key": "string", "group": "string", "variant": "string",
                 "count": "int64", "articles": "int64", "majority": "bool"}


@dataclass
class Tables:
    """What the report needs: small tables, computed on the cluster."""

    totals: dict[str, int]
    density: pd.DataFrame  # month, desk, words, findings, per_1000
    rule_counts: pd.DataFrame  # rule, severity, month, desk, findings
    variants: pd.DataFrame  # kind, group, variant, count, articles, majority
    variant_spread: pd.DataFrame  # kind, group, variant, year, desk, count
    minority_articles: pd.DataFrame  # kind, group, variant, path, date, desk, count (first N)
    samples: pd.DataFrame  # the first findings of each rule
    extra: dict[str, Any] = field(default_factory=dict)


def frames(out: str, keys: list[str]) -> dict[str, dd.DataFrame]:
    """The three tables of this run's partitions (only these keys: stale files are not read)."""
    return {t: dd.read_parquet([str(table_path(out, t, k)) for k in keys])
            for t in ("findings", "articles", "mentions")}


def aggregate(out: str, keys: list[str], similarity: float, *, shown: int = 30) -> Tables:
    """Every cross-archive table; writes the row-level ones under ``out``."""
    import dask

    with dask.config.set({"dataframe.shuffle.method": "tasks"}):  # small tables: no p2p
        return _aggregate(out, keys, similarity, shown)


def _aggregate(out: str, keys: list[str], similarity: float, shown: int) -> Tables:
    import dask

    tables = frames(out, keys)
    articles = _filled(tables["articles"])
    findings = _filled(tables["findings"])
    mentions = _filled(tables["mentions"])
    sums = articles[["words", "findings", "error", "warning", "info"]].sum()
    distinct = mentions.groupby(["kind", "key", "variant"]).agg(
        count=("count", "sum"), articles=("path", "count")).reset_index()
    totals_s, unreadable, count, density, rules, variants = dask.compute(
        sums, articles["unreadable"].sum(), articles.shape[0],
        articles.groupby(["month", "desk"])[["words", "findings"]].sum(),
        findings.groupby(["rule", "severity", "month", "desk"]).size(),
        _variant_groups(distinct, similarity),
    )
    variants = variants.sort_values(["kind", "group", "count"], ascending=[True, True, False])
    totals = {k: int(v) for k, v in totals_s.items()}
    totals.update(articles=int(count), unreadable=int(unreadable))
    density = density.reset_index()
    density["per_1000"] = 1000 * density["findings"] / density["words"].where(density["words"] > 0)
    rule_counts = rules.rename("findings").reset_index()
    spread, minority, written = _variant_rows(mentions, variants, out, shown)
    files = [str(table_path(out, "findings", k)) for k in keys]
    samples = write_rule_files(files, list(top_rules(rule_counts)["rule"]), out)
    return Tables(totals, density, rule_counts, variants, spread, minority, samples,
                  {"variant_articles": written})


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def top_rules(rule_counts: pd.DataFrame) -> pd.DataFrame:
    """The rules with the most findings: rule, severity, findings."""
    by_rule = rule_counts.groupby("rule").agg(
        findings=("findings", "sum"),
        severity=("severity", lambda s: ", ".join(sorted(set(s)))))  # a rule may set several
    return (by_rule.reset_index().sort_values(["findings", "rule"], ascending=[False, True])
            .head(TOP))


def write_rule_files(files: list[str], rules: list[str], out: str) -> pd.DataFrame:
    """rules/SLUG.csv: every finding of each rule (the report links each rule to its file), one
    task per rule on the cluster, reading only that rule's rows (a pyarrow filter); returns the
    first findings of each, by path and line, for the report."""
    import dask

    folder = Path(out) / "rules"
    folder.mkdir(exist_ok=True)
    tasks = [dask.delayed(_write_rule_file)(files, rule, str(folder / f"{slug(rule)}.csv"))
             for rule in rules]
    firsts = dask.compute(*tasks)
    return pd.concat(firsts, ignore_index=True) if firsts else pd.DataFrame(columns=["rule"])


def _write_rule_file(files: list[str], rule: str, target: str) -> pd.DataFrame:
    import pyarrow.parquet as pq

    cols = ["path", "line", "column", "severity", "text", "message", "date", "desk", "author"]
    table = pq.read_table(files, columns=cols, filters=[("rule", "==", rule)])
    rows = table.to_pandas().sort_values(["path", "line", "column"], kind="stable")
    tmp = Path(target).with_suffix(".csv.tmp")
    rows.to_csv(tmp, index=False)
    tmp.replace(target)
    return rows.head(SAMPLE).assign(rule=rule)


def _filled(frame: dd.DataFrame) -> dd.DataFrame:
    """Month and desk of articles without front matter as one explicit value, so that group-bys
    keep them (null keys are dropped by a group-by)."""
    return frame.fillna({"month": UNKNOWN, "desk": UNKNOWN})


def _variant_groups(distinct: dd.DataFrame, similarity: float) -> dd.DataFrame:
    """Names and offices written more than one way: one row per variant of each group.

    ``distinct`` is already reduced to one row per (kind, key, variant) across the archive, a
    table the size of the archive's vocabulary of names and offices, not of its mentions; it is
    shuffled so that each (kind, key) lies in one partition, and grouped there on a worker.
    """
    meta = pd.DataFrame({c: pd.Series(dtype=t) for c, t in GROUP_COLUMNS.items()})
    return distinct.shuffle(on=["kind", "key"]).map_partitions(_groups_in, similarity, meta=meta)


def _groups_in(frame: pd.DataFrame, similarity: float) -> pd.DataFrame:
    blocks: dict[tuple[str, str], list[tuple[str, int, int]]] = {}
    for row in zip(frame["kind"], frame["key"], frame["variant"], frame["count"],
                   frame["articles"], strict=True):
        blocks.setdefault((row[0], row[1]), []).append(row[2:])
    rows = []
    for (kind, key), block in blocks.items():
        if len(block) > 1:  # most keys (first names, posts) have one variant: nothing to group
            rows += _group_rows(kind, key, block, similarity)
    return pd.DataFrame(rows, columns=list(GROUP_COLUMNS)).astype(GROUP_COLUMNS)


def _group_rows(kind: str, key: str, block: list[tuple[str, int, int]],
                similarity: float) -> list[dict[str, Any]]:
    counts = {variant: int(n) for variant, n, _ in block}
    seen = {variant: int(n) for variant, _, n in block}
    person = kind == NAME and not key.startswith("=")  # a first name: compare its surnames
    groups = same_name(sorted(counts), similarity) if person else [sorted(counts)]
    rows = []
    for group in groups:
        majority = max(group, key=lambda v: (counts[v], v))
        label = f"{key} {majority}" if person else majority
        rows += [{"kind": kind, "key": key, "group": label, "variant": v, "count": counts[v],
                  "articles": seen[v], "majority": v == majority} for v in group]
    return rows


def _variant_rows(mentions: dd.DataFrame, variants: pd.DataFrame, out: str,
                  shown: int) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """Counts of each variant by year and desk, and the articles that use a minority variant
    (all of them written to ``out``/variant_articles.parquet, the first ``shown`` per variant
    returned for the report)."""
    import dask

    small = variants[["kind", "key", "variant", "group", "majority"]]
    joined = mentions.merge(small, on=["kind", "key", "variant"], how="inner")  # broadcast
    spread = joined.groupby(["kind", "group", "variant", "year", "desk"], dropna=False)[
        "count"].sum()
    minority = joined[~joined["majority"]][
        ["kind", "group", "variant", "path", "date", "desk", "count"]]
    target = Path(out) / "variant_articles.parquet"
    written = minority.to_parquet(str(target), write_index=False, compute=False,
                                  overwrite=True)
    first = minority.reduction(
        chunk=lambda df: _first_per(df, ["kind", "group", "variant"], "path", shown),
        aggregate=lambda df: _first_per(df, ["kind", "group", "variant"], "path", shown),
        meta=minority._meta)
    spread, first, _ = dask.compute(spread, first, written)
    return spread.reset_index(), first, str(target)


def _first_per(df: pd.DataFrame, by: list[str], order: str, n: int) -> pd.DataFrame:
    if isinstance(df, pd.Series):  # dask hands reductions of one partition over as is
        df = df.to_frame()
    return df.sort_values([*by, order]).groupby(by, sort=False).head(n)
