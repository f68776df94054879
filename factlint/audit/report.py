"""DIR/report.html: one self-contained page (inline SVG and CSS, nothing fetched) for editors."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import pandas as pd

from factlint.audit.aggregate import TOP, slug, top_rules

if TYPE_CHECKING:
    from factlint.audit.aggregate import Tables

BAR = 18  # pixels per bar
STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;color:#222;padding:0 1em}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}
.figures{display:flex;flex-wrap:wrap;gap:1em}.figure{background:#f4f6f8;padding:.6em 1em;
border-radius:6px}.figure b{display:block;font-size:1.5em}
table{border-collapse:collapse;margin:.5em 0}td,th{border-bottom:1px solid #e3e3e3;
padding:2px 8px;text-align:left;vertical-align:top}td.n{text-align:right}
svg text{font:12px system-ui,sans-serif}svg a:hover rect{fill:#d9822b}
.minority{color:#b3261e}section{margin-bottom:1.5em}
"""


def write_report(out: str, tables: Tables) -> Path:
    """Write report.html (and the per-rule CSV files it links to, already in ``out``)."""
    body = [
        f"<h1>Archive audit: {tables.totals['articles']:,} articles</h1>",
        _figures(tables),
        _density_plots(tables.density),
        _rules_plot(tables),
        _variants_plot(tables, "name", "Names spelled more than one way"),
        _variants_plot(tables, "office", "Offices written more than one way"),
        _density_table(tables.density),
        _rule_sections(tables),
        _variant_sections(tables, "name"),
        _variant_sections(tables, "office"),
        "<h2>Files</h2><p>Every finding: <code>findings/*.parquet</code>; per article: "
        "<code>articles/*.parquet</code>; <a href='variants.csv'>variants.csv</a>, "
        "<a href='variant_spread.csv'>variant_spread.csv</a>, <a href='rule_counts.csv'>"
        "rule_counts.csv</a>, <a href='density.csv'>density.csv</a>; every article with a "
        "minority variant: <code>variant_articles.parquet</code>.</p>",
    ]
    html = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>factlint audit"
            f"</title><style>{STYLE}</style></head><body>{''.join(body)}</body></html>")
    path = Path(out) / "report.html"
    path.write_text(html, encoding="utf-8")
    return path


def _figures(tables: Tables) -> str:
    t = tables.totals
    words = t["words"] or 1
    names = tables.variants[tables.variants["kind"] == "name"]["group"].nunique()
    offices = tables.variants[tables.variants["kind"] == "office"]["group"].nunique()
    items = [("articles", f"{t['articles']:,}"), ("words", f"{t['words']:,}"),
             ("findings", f"{t['findings']:,}"),
             ("per 1,000 words", f"{1000 * t['findings'] / words:.1f}"),
             ("errors", f"{t['error']:,}"), ("warnings", f"{t['warning']:,}"),
             ("info", f"{t['info']:,}"), ("unreadable files", f"{t['unreadable']:,}"),
             ("names spelled 2+ ways", f"{names:,}"), ("offices written 2+ ways", f"{offices:,}")]
    cells = "".join(f"<div class='figure'><b>{v}</b>{k}</div>" for k, v in items)
    return f"<div class='figures' id='figures'>{cells}</div>"


def _bars(items: list[tuple[str, float, str, str]], plot_id: str, width: int = 640,
          text: int = 70) -> str:
    """A horizontal bar chart: (label, value, shown value, link) per bar, as inline SVG, with
    ``text`` pixels right of the longest bar for the shown value."""
    if not items:
        return "<p>Nothing to plot.</p>"
    top = max(v for _, v, _, _ in items) or 1
    label_w = 260
    room = width - label_w - text
    rows = []
    for i, (label, value, shown, href) in enumerate(items):
        y = i * BAR
        w = max(1, room * value / top)
        rows.append(
            f"<a href='{escape(href, quote=True)}'><text x='{label_w - 6}' y='{y + 13}' "
            f"text-anchor='end'>{escape(label[:40])}</text><rect x='{label_w}' y='{y + 2}' "
            f"width='{w:.1f}' height='{BAR - 4}' fill='#3a6ea5'><title>{escape(label)}: "
            f"{escape(shown)}</title></rect><text x='{label_w + w + 4:.1f}' y='{y + 13}'>"
            f"{escape(shown)}</text></a>")
    height = BAR * len(items) + 4
    return (f"<svg class='plot' id='{plot_id}' width='{width}' height='{height}' "
            f"xmlns='http://www.w3.org/2000/svg' role='img'>{''.join(rows)}</svg>")


def _density_plots(density: pd.DataFrame) -> str:
    parts = ["<h2>Findings per 1,000 words</h2>"]
    for column, title in (("month", "By month"), ("desk", "By desk")):
        by = density.groupby(column)[["words", "findings"]].sum().sort_index()
        items = [(str(k), 1000 * r.findings / r.words if r.words else 0.0,
                  f"{1000 * r.findings / r.words:.1f}" if r.words else "-",
                  f"#{column}-{slug(str(k))}") for k, r in by.iterrows()]
        parts.append(f"<h3>{title}</h3>{_bars(items, f'plot-{column}')}")
    return "".join(parts)


def _rules_plot(tables: Tables) -> str:
    items = [(r.rule, float(r.findings), f"{r.findings:,}", f"#rule-{slug(r.rule)}")
             for r in top_rules(tables.rule_counts).itertuples()]
    return f"<h2>Top rules</h2>{_bars(items, 'plot-rules')}"


def _top_groups(tables: Tables, kind: str) -> pd.DataFrame:
    """The groups with the most uses of minority variants, then the most uses in all (the names
    readers see most)."""
    v = tables.variants[tables.variants["kind"] == kind]
    minority = v[~v["majority"]].groupby("group")["count"].sum().rename("minority")
    frame = pd.concat([minority, v.groupby("group")["count"].sum().rename("uses")], axis=1)
    return (frame.reset_index().sort_values(["minority", "uses", "group"],
                                            ascending=[False, False, True]).head(TOP))


def _variants_plot(tables: Tables, kind: str, title: str) -> str:
    v = tables.variants
    items = []
    for g in _top_groups(tables, kind).itertuples():
        forms = v[(v["kind"] == kind) & (v["group"] == g.group)]
        shown = " / ".join(f"{r.variant} {r.count}" for r in forms.itertuples())
        items.append((g.group, float(g.minority), shown, f"#{kind}-{slug(g.group)}"))
    return f"<h2>{title}</h2>{_bars(items, f'plot-{kind}s', width=980, text=420)}"


def _density_table(density: pd.DataFrame) -> str:
    parts = ["<h2 id='density'>Findings per 1,000 words, by month and by desk</h2>"]
    for column in ("month", "desk"):
        by = density.groupby(column)[["words", "findings"]].sum().sort_index()
        rows = "".join(
            f"<tr id='{column}-{slug(str(k))}'><td>{escape(str(k))}</td><td class='n'>"
            f"{r.words:,}</td><td class='n'>{r.findings:,}</td><td class='n'>"
            f"{(1000 * r.findings / r.words if r.words else 0):.1f}</td></tr>"
            for k, r in by.iterrows())
        parts.append(f"<table><tr><th>{column}</th><th>words</th><th>findings</th>"
                     f"<th>per 1,000</th></tr>{rows}</table>")
    return "".join(parts)


def _rule_sections(tables: Tables) -> str:
    parts = ["<h2>Findings by rule</h2>"]
    counts = tables.rule_counts
    for r in top_rules(tables.rule_counts).itertuples():
        mine = counts[counts["rule"] == r.rule]
        by_month = mine.groupby("month")["findings"].sum().sort_index()
        by_desk = mine.groupby("desk")["findings"].sum().sort_index()
        sample = tables.samples[tables.samples["rule"] == r.rule]
        rows = "".join(
            f"<tr><td><a href='{_file_url(s.path)}'>{escape(Path(s.path).name)}</a>:{s.line}:"
            f"{s.column}</td><td>{escape(str(s.text)[:80])}</td><td>{escape(s.message)}</td></tr>"
            for s in sample.itertuples())
        parts.append(
            f"<section id='rule-{slug(r.rule)}'><h3>{escape(r.rule)} ({r.severity}): "
            f"{r.findings:,}</h3><p>By month: {_inline(by_month)}. By desk: {_inline(by_desk)}."
            f" All of them: <a href='rules/{slug(r.rule)}.csv'>rules/{slug(r.rule)}.csv</a>.</p>"
            f"<table><tr><th>where</th><th>text</th><th>message</th></tr>{rows}</table></section>")
    return "".join(parts)


def _variant_sections(tables: Tables, kind: str) -> str:
    parts = [f"<h2>{kind.capitalize()}s: variants by year and desk</h2>"]
    v, spread, minority = tables.variants, tables.variant_spread, tables.minority_articles
    for g in _top_groups(tables, kind).itertuples():
        forms = v[(v["kind"] == kind) & (v["group"] == g.group)]
        rows = []
        for f in forms.itertuples():
            mine = spread[(spread["kind"] == kind) & (spread["group"] == g.group)
                          & (spread["variant"] == f.variant)]
            years = mine.groupby(mine["year"].fillna(-1).astype(int))["count"].sum()
            years.index = [str(y) if y >= 0 else "(none)" for y in years.index]
            desks = mine.groupby("desk")["count"].sum()
            where = minority[(minority["kind"] == kind) & (minority["group"] == g.group)
                             & (minority["variant"] == f.variant)]
            links = ", ".join(f"<a href='{_file_url(a.path)}'>{escape(Path(a.path).name)}</a>"
                              for a in where.itertuples())
            mark = "" if f.majority else " class='minority'"
            rows.append(f"<tr{mark}><td>{escape(f.variant)}</td><td class='n'>{f.count}</td>"
                        f"<td class='n'>{f.articles}</td><td>{_inline(years)}</td>"
                        f"<td>{_inline(desks)}</td><td>{links}</td></tr>")
        parts.append(
            f"<section id='{kind}-{slug(g.group)}'><h3>{escape(g.group)}</h3><table><tr>"
            "<th>variant</th><th>uses</th><th>articles</th><th>by year</th><th>by desk</th>"
            f"<th>articles using the minority variant</th></tr>{''.join(rows)}</table></section>")
    return "".join(parts)


def _inline(series: pd.Series) -> str:
    return ", ".join(f"{escape(str(k))} {int(n):,}" for k, n in series.items()) or "-"


def _file_url(path: str) -> str:
    return "file://" + quote(str(Path(path).absolute()))
