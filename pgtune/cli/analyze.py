"""``pgtune analyze``: collect, model, choose indexes, run every advisor, render one ranked report."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..analysis import analyze, analyze_live, replica_index_scans
from ..collectors import CollectOptions, add_workload, check_workload_files
from ..db import SessionGuards
from ..errors import BadInput, ExitCode
from ..facts import Snapshot
from ..findings import Severity
from ..report import html, json_report, markdown, prometheus, sql_script, terminal
from ..settings import analyze_settings
from ..snapshots import save_analysis
from ..whatif.budget import DEFAULT_BUDGET
from .app import (
    DsnOption,
    LockTimeoutOption,
    OutputOption,
    PgBouncerIntervalOption,
    PgBouncerOption,
    ServerNameOption,
    StatementTimeoutOption,
    StoreOption,
    app,
    guards,
    write_output,
)
from .progress import progress


class ReportFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"
    html = "html"
    sql = "sql"
    prometheus = "prometheus"


RENDERERS = {
    ReportFormat.text: terminal.render,
    ReportFormat.markdown: markdown.render,
    ReportFormat.json: json_report.render,
    ReportFormat.html: html.render,
    ReportFormat.sql: sql_script.render,
    ReportFormat.prometheus: prometheus.render,
}


@app.command("analyze")
def analyze_command(
    dsn: DsnOption = None,
    snapshot: Annotated[
        Path | None, typer.Option("--snapshot", help="Analyze a saved snapshot (pgtune snapshot) instead.")
    ] = None,
    workload: Annotated[
        list[Path] | None,
        typer.Option("--workload", help="SQL file or server log with literal statements; repeatable."),
    ] = None,
    output_format: Annotated[ReportFormat, typer.Option("--format", help="Report format.")] = ReportFormat.text,
    output: OutputOption = None,
    budget: Annotated[
        str | None,
        typer.Option(
            "--budget", help=f"Index storage budget: 2GB, 512MB or 25% of the database (default {DEFAULT_BUDGET})."
        ),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option("--top", min=1, help="At most this many recommendations (default: all; the cut ones are listed)."),
    ] = None,
    min_savings: Annotated[
        float | None,
        typer.Option("--min-savings", min=0, help="Hide recommendations saving under this % of workload time."),
    ] = None,
    explain_analyze: Annotated[
        bool, typer.Option("--explain-analyze", help="EXPLAIN ANALYZE read-only SELECT samples (rolled back).")
    ] = False,
    fail_on: Annotated[
        Severity | None, typer.Option("--fail-on", help="Exit 1 when a finding at or above this severity exists.")
    ] = None,
    show_literals: Annotated[bool, typer.Option("--show-literals", help="Keep literal values in the report.")] = False,
    no_whatif: Annotated[bool, typer.Option("--no-whatif", help="Heuristic index advice, without HypoPG.")] = False,
    memory: Annotated[str | None, typer.Option("--memory", help="The server's RAM, e.g. 64GB.")] = None,
    cpus: Annotated[int | None, typer.Option("--cpus", min=1, help="The server's CPU cores.")] = None,
    storage: Annotated[str | None, typer.Option("--storage", help="ssd or hdd.")] = None,
    replica_dsn: Annotated[
        list[str] | None,
        typer.Option("--replica-dsn", help="A replica whose index usage counts too (unused-index advice); repeatable."),
    ] = None,
    min_stats_age_days: Annotated[
        float | None,
        typer.Option("--min-stats-age-days", min=0, help="Call an index unused only after this many days of stats."),
    ] = None,
    partition_target: Annotated[
        str | None,
        typer.Option(
            "--target", help="Partitioning advice for: auto (TimescaleDB when installed), native, timescaledb."
        ),
    ] = None,
    pgbouncer: PgBouncerOption = None,
    pgbouncer_interval: PgBouncerIntervalOption = CollectOptions.pgbouncer_interval_s,
    store: StoreOption = None,
    server: ServerNameOption = None,
    save: Annotated[bool, typer.Option("--save", help="Save the snapshot and analysis in the history store.")] = False,
    config_file: Annotated[Path | None, typer.Option("--config", help="pgtune.toml or pyproject.toml to read.")] = None,
    statement_timeout_ms: StatementTimeoutOption = SessionGuards.statement_timeout_ms,
    lock_timeout_ms: LockTimeoutOption = SessionGuards.lock_timeout_ms,
) -> int:
    """Analyze a database (or a snapshot): ranked recommendations with savings, DDL and rollback.

    Exit 0, or 1 when a finding at or above --fail-on exists; 2 bad input; 3 cannot connect.
    """
    resolved = analyze_settings(
        config_file,
        budget=budget,
        top=top,
        min_savings=min_savings,
        fail_on=fail_on,
        show_literals=show_literals,
        no_whatif=no_whatif,
        memory=memory,
        cpus=cpus,
        storage=storage,
        min_stats_age_days=min_stats_age_days,
        partition_target=partition_target,
    )
    session_guards = guards(statement_timeout_ms, lock_timeout_ms)
    files = tuple(workload or ())
    check_workload_files(files)
    if replica_dsn:
        resolved = resolved.with_replica_scans(replica_index_scans(replica_dsn, session_guards))
    settings = resolved.analysis
    with progress("pgtune analyze") as step:
        if snapshot is not None:
            if dsn:
                raise BadInput("both --dsn and --snapshot were given", "pass one: a live server or a saved snapshot")
            if pgbouncer:
                raise BadInput(
                    "--pgbouncer was given with --snapshot", "a snapshot holds its own readings of the PgBouncers"
                )
            step("reading the snapshot")
            facts = add_workload(Snapshot.load(snapshot), files)
            report = analyze(facts, None, settings, str(snapshot), step)
        else:
            options = CollectOptions(
                workload_files=files,
                explain_analyze=explain_analyze,
                pgbouncer_dsns=tuple(pgbouncer or ()),
                pgbouncer_interval_s=pgbouncer_interval,
            )
            facts, report = analyze_live(dsn, settings, options, session_guards, step)
    if save or store:
        save_analysis(store, server, facts, report)
    write_output(RENDERERS[output_format](report), output)
    if resolved.fail_on and any(f.severity.at_least(resolved.fail_on) for f in report.all_findings):
        return ExitCode.FINDINGS
    return ExitCode.OK
