"""`factlint audit`: the command. Only click here; Dask is imported when the command runs."""

from __future__ import annotations

import click

from factlint.audit.partitions import TARGET_BYTES
from factlint.errors import FactlintError


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="Folder for the Parquet tables and report.html.")
@click.option("--scheduler", help="Address of a running Dask scheduler (tcp://host:8786).")
@click.option("--workers", type=click.IntRange(1), help="LocalCluster worker processes "
              "(default: one per core). Ignored with --scheduler.")
@click.option("--config", "config_path", type=click.Path(), help="Use this config file only.")
@click.option("--select", multiple=True, help="Only these rules or packs (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rules or packs (comma-separated).")
@click.option("--dialect", help="House dialect (overrides the config).")
@click.option("--exclude", multiple=True, help="Extra glob patterns of paths to skip.")
@click.option("--resume", is_flag=True, help="Skip partitions already written in --out.")
@click.option("--partition-bytes", type=click.IntRange(1), default=TARGET_BYTES, show_default=True,
              help="Target size of a partition (bytes of text).")
def audit(paths: tuple[str, ...], out: str, scheduler: str | None, workers: int | None,
          config_path: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
          dialect: str | None, exclude: tuple[str, ...], resume: bool,
          partition_bytes: int) -> None:
    """Audit an archive on a Dask cluster: every finding as Parquet, cross-archive tables, a report.

    Needs `pip install 'factlint[audit]'`.
    """
    try:
        from factlint.audit.run import AuditRequest, connect, run_audit
    except ImportError as exc:
        raise FactlintError(f"factlint audit needs Dask and pyarrow: pip install "
                            f"'factlint[audit]' ({exc.name} is missing)") from None
    from factlint.cli import _csv  # loaded by now (it registers this command)
    from factlint.config import Overrides

    if scheduler and workers:
        raise click.UsageError("--scheduler and --workers exclude each other")
    try:
        overrides = Overrides(dialect=dialect, select=_csv(select) or None,  # type: ignore[arg-type]
                              ignore=_csv(ignore), exclude=_csv(exclude))
    except ValueError as exc:  # the dialect
        raise click.UsageError(f"--dialect: {exc}") from None
    request = AuditRequest(paths=paths, out=out, scheduler=scheduler, workers=workers,
                           config_path=config_path, overrides=overrides, resume=resume,
                           partition_bytes=partition_bytes)
    with connect(scheduler, workers) as client:
        result = run_audit(request, client)
    totals = result.tables.totals
    click.echo(f"factlint audit: {totals['articles']} articles, {totals['findings']} findings "
               f"({result.partitions} partitions, {result.skipped} skipped); {out}/report.html",
               err=True)
