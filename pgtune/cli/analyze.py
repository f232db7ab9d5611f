"""``pgtune analyze``: collect, model, choose indexes, run every advisor, render one ranked report."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..advisors.base import AdvisorSettings
from ..analysis import AnalysisSettings, analyze, analyze_live, replica_index_scans
from ..collectors import CollectOptions, add_workload, check_workload_files
from ..config import Config, load_config
from ..db import SessionGuards
from ..errors import BadInput, ExitCode
from ..facts import Snapshot
from ..findings import Severity
from ..report import html, json_report, markdown, prometheus, sql_script, terminal
from ..report.model import Report
from ..store import open_store
from ..targets import ServiceTargets
from ..whatif.advise import DEFAULT_BUDGET, IndexAdvisorSettings, parse_budget
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
_ANALYZE_KEYS = {
    "budget",
    "top",
    "min_savings",
    "fail_on",
    "show_literals",
    "memory",
    "cpus",
    "storage",
    "min_stats_age_days",
}
_TARGET_KEYS = {"statement_p95_ms", "cache_hit_pct", "pool_efficiency_pct"}


def targets_from(config: Config) -> ServiceTargets:
    return ServiceTargets(**{k: float(v) for k, v in config.section("targets", _TARGET_KEYS).items()})


def _size(text: str | None, flag: str) -> int | None:
    if text is None:
        return None
    if text.strip().endswith("%"):
        raise BadInput(f"{flag} takes a size such as 64GB, not a share", f"pass {flag} 64GB")
    return parse_budget(text, 0)


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
    top: Annotated[int | None, typer.Option("--top", min=1, help="At most this many recommendations.")] = None,
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
    config = load_config(config_file)
    table = config.section("analyze", _ANALYZE_KEYS)
    storage = storage or table.get("storage", "ssd")
    if storage not in ("ssd", "hdd"):
        raise BadInput(f"--storage must be ssd or hdd, not {storage!r}", "pass --storage ssd or --storage hdd")
    fail_on = fail_on or (Severity(table["fail_on"]) if "fail_on" in table else None)
    session_guards = guards(statement_timeout_ms, lock_timeout_ms)
    settings = AnalysisSettings(
        index=IndexAdvisorSettings(budget=budget or table.get("budget", DEFAULT_BUDGET), use_hypopg=not no_whatif),
        advisors=AdvisorSettings(
            targets=targets_from(config),
            memory_bytes=_size(memory or table.get("memory"), "--memory"),
            cpus=cpus or table.get("cpus"),
            storage=storage,
            min_stats_age_days=float(
                min_stats_age_days if min_stats_age_days is not None else table.get("min_stats_age_days", 7.0)
            ),
            replica_index_scans=replica_index_scans(replica_dsn, session_guards) if replica_dsn else None,
            partition_target=partition_target or table.get("target", "auto"),
        ),
        top=top or int(table.get("top", 20)),
        min_savings_pct=min_savings if min_savings is not None else float(table.get("min_savings", 0.0)),
        show_literals=show_literals or bool(table.get("show_literals", False)),
    )
    files = tuple(workload or ())
    check_workload_files(files)
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
        _save(store, server, facts, report)
    write_output(RENDERERS[output_format](report), output)
    if fail_on and any(f.severity.at_least(fail_on) for f in report.all_findings):
        return ExitCode.FINDINGS
    return ExitCode.OK


def _save(store: str | None, server: str | None, facts: Snapshot, report: Report) -> None:
    with open_store(store) as history:
        snapshot_id = history.save_snapshot(facts, server or facts.server.database)
        history.save_analysis(report, snapshot_id)
