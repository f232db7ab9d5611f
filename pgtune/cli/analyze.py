"""``pgtune analyze``: collect, model, choose indexes, run every advisor, render one ranked report."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..advisors.base import AdvisorSettings
from ..analysis import AnalysisSettings, analyze
from ..collectors import CollectOptions, snapshot_from
from ..config import Config, load_config
from ..db import SessionGuards, connect
from ..errors import BadInput, ExitCode
from ..findings import Severity
from ..report import html, json_report, markdown, sql_script, terminal
from ..targets import ServiceTargets
from ..whatif.advise import DEFAULT_BUDGET, IndexAdvisorSettings
from .app import DsnOption, LockTimeoutOption, StatementTimeoutOption, app, guards
from .progress import progress


class ReportFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"
    html = "html"
    sql = "sql"


_RENDERERS = {
    ReportFormat.markdown: markdown.render,
    ReportFormat.json: json_report.render,
    ReportFormat.html: html.render,
    ReportFormat.sql: sql_script.render,
}
_ANALYZE_KEYS = {"budget", "top", "min_savings", "fail_on", "show_literals"}
_TARGET_KEYS = {"statement_p95_ms", "cache_hit_pct", "pool_efficiency_pct"}


def _targets(config: Config) -> ServiceTargets:
    return ServiceTargets(**{k: float(v) for k, v in config.section("targets", _TARGET_KEYS).items()})


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
    output: Annotated[Path | None, typer.Option("--output", help="Write the report here, not stdout.")] = None,
    budget: Annotated[
        str | None,
        typer.Option("--budget", help=f"Index storage budget: 2GB, 512MB or 25% (default {DEFAULT_BUDGET})."),
    ] = None,
    top: Annotated[int | None, typer.Option("--top", min=1, help="At most this many recommendations.")] = None,
    min_savings: Annotated[
        float | None, typer.Option("--min-savings", min=0, help="Hide recommendations saving under this % of workload.")
    ] = None,
    explain_analyze: Annotated[
        bool, typer.Option("--explain-analyze", help="Run EXPLAIN ANALYZE on SELECT samples (rolled back).")
    ] = False,
    fail_on: Annotated[
        Severity | None, typer.Option("--fail-on", help="Exit 1 when a finding at or above this severity exists.")
    ] = None,
    show_literals: Annotated[bool, typer.Option("--show-literals", help="Keep literal values in the report.")] = False,
    no_whatif: Annotated[bool, typer.Option("--no-whatif", help="Heuristic index advice, without HypoPG.")] = False,
    config_file: Annotated[Path | None, typer.Option("--config", help="pgtune.toml or pyproject.toml to read.")] = None,
    statement_timeout_ms: StatementTimeoutOption = SessionGuards.statement_timeout_ms,
    lock_timeout_ms: LockTimeoutOption = SessionGuards.lock_timeout_ms,
) -> int:
    """Analyze a database (or a snapshot) and print ranked recommendations with savings, DDL and rollback."""
    config = load_config(config_file)
    settings_table = config.section("analyze", _ANALYZE_KEYS)
    fail_on = fail_on or (Severity(settings_table["fail_on"]) if "fail_on" in settings_table else None)
    settings = AnalysisSettings(
        index=IndexAdvisorSettings(
            budget=budget or settings_table.get("budget", DEFAULT_BUDGET), use_hypopg=not no_whatif
        ),
        advisors=AdvisorSettings(targets=_targets(config)),
        top=top or int(settings_table.get("top", 20)),
        min_savings_pct=min_savings if min_savings is not None else float(settings_table.get("min_savings", 0.0)),
        show_literals=show_literals or bool(settings_table.get("show_literals", False)),
    )
    options = CollectOptions(workload_files=tuple(workload or ()), explain_analyze=explain_analyze)
    session_guards = guards(statement_timeout_ms, lock_timeout_ms)
    with progress("pgtune analyze") as step:
        step("collecting")
        facts = snapshot_from(dsn if snapshot is None else None, snapshot, options, session_guards)
        live = snapshot is None or dsn is not None
        source = str(snapshot) if snapshot else ""
        if live:
            with connect(dsn, session_guards) as session:
                report = analyze(facts, session, settings, source or session.redacted_dsn, step)
        else:
            report = analyze(facts, None, settings, source, step)
    text = terminal.render(report) if output_format is ReportFormat.text else _RENDERERS[output_format](report)
    if output:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise BadInput(f"cannot write the report to {output}: {exc.strerror}", "check the path") from None
    else:
        typer.echo(text, nl=False)
    if fail_on and any(f.severity.at_least(fail_on) for f in report.all_findings):
        return ExitCode.FINDINGS
    return ExitCode.OK
