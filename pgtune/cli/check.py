"""``pgtune check``: the migration gate for CI."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..advisors.migrations.context import MigrationContext
from ..db import SessionGuards
from ..errors import BadInput
from ..facts import Snapshot
from ..findings import Severity
from ..gate.config import load_config
from ..gate.live import check_live, check_traced
from ..gate.plancheck import DEFAULT_REGRESSION_STATEMENTS, RegressionSettings, parse_threshold
from ..gate.probes import DEFAULT_PROBE_TIMEOUT_MS
from ..gate.run import check_paths
from ..report.check import RENDERERS
from ..versions import MIN_SERVER_VERSION_NUM
from .app import LockTimeoutOption, StatementTimeoutOption, app, guards


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    junit = "junit"


class FailOn(str, Enum):
    info = "info"
    warning = "warning"
    critical = "critical"


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Migration files or directories (checked in file-name order).")],
    snapshot: Annotated[
        Path | None, typer.Option("--snapshot", help="A pgtune snapshot: real table sizes, write rates, index users.")
    ] = None,
    dsn: Annotated[
        str | None,
        typer.Option(
            "--dsn",
            help="Collect the same facts live from this database (read-only). Only when given: $PGTUNE_DSN alone "
            "does not make check connect.",
            show_default=False,
        ),
    ] = None,
    max_regression: Annotated[
        str | None,
        typer.Option(
            "--max-regression",
            help="With --dsn: re-plan the top statements under the migration's indexes (HypoPG) and fail (MG020) "
            "when their time-weighted planner cost rises by more than this, e.g. 10%; default "
            "[tool.pgtune.check] max-regression, else off.",
        ),
    ] = None,
    trace: Annotated[
        bool,
        typer.Option(
            "--trace",
            help="With --dsn: run each file on a throwaway CREATE DATABASE … TEMPLATE clone of that database "
            "(dropped afterwards; the named database must be idle and is never written) and judge the rules on "
            "the locks, rewrites, scans and failures the server showed. Needs CREATEDB.",
        ),
    ] = False,
    probe: Annotated[
        bool,
        typer.Option(
            "--probe",
            help="With --dsn: for each statement that fails on some rows (VALIDATE, CHECK, FOREIGN KEY, SET NOT "
            "NULL, UNIQUE, a narrowing type change, a new partition), run one read-only counting query on the "
            "database and report what it found. No CREATEDB needed: a replica or a busy primary will do.",
        ),
    ] = False,
    probe_timeout_ms: Annotated[
        int,
        typer.Option("--probe-timeout-ms", min=1, help="statement_timeout of each --probe query; past it: not probed."),
    ] = DEFAULT_PROBE_TIMEOUT_MS,
    regression_statements: Annotated[
        int,
        typer.Option("--regression-statements", min=1, help="How many top statements --max-regression re-plans."),
    ] = DEFAULT_REGRESSION_STATEMENTS,
    pg_version: Annotated[
        int | None,
        typer.Option("--pg-version", help="Target PostgreSQL major version; default the snapshot's, else 15."),
    ] = None,
    output_format: Annotated[CheckFormat, typer.Option("--format", help="Output format.")] = CheckFormat.text,
    config: Annotated[
        Path | None, typer.Option("--config", help="Config file; default pgtune.toml, else pyproject.toml, here.")
    ] = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Lowest severity that fails the run.")] = FailOn.warning,
    history: Annotated[
        list[Path] | None,
        typer.Option(
            "--history",
            help="Migrations already applied (repeatable): read for the tables, types and indexes they built, "
            "not checked. Without it, a table created by an earlier file of PATH counts as new and empty.",
        ),
    ] = None,
    statement_timeout_ms: StatementTimeoutOption = SessionGuards.statement_timeout_ms,
    lock_timeout_ms: LockTimeoutOption = SessionGuards.lock_timeout_ms,
) -> int:
    """Check migrations for lock and rewrite hazards before they reach production.

    Exit 0 when nothing reaches --fail-on, 1 when something does, 2 when any input is unusable (an
    unreadable, empty, binary or unparsable file; the other files are still checked and reported).
    """
    version_num = _version_num(pg_version)
    settings = load_config(config, Path.cwd())
    limit = parse_threshold(max_regression) if max_regression is not None else settings.max_regression_pct
    probe_timeout = _probe_timeout(probe, dsn is not None, trace, probe_timeout_ms)
    if trace:
        if dsn is None:
            raise BadInput("--trace runs the migrations on a clone of a live database", "pass --dsn as well")
        if max_regression is not None:
            raise BadInput("--trace and --max-regression are separate runs", "run check twice")
        production = Snapshot.load(snapshot) if snapshot is not None else None
        result = check_traced(
            list(paths),
            dsn,
            guards(statement_timeout_ms, lock_timeout_ms),
            settings,
            tuple(history or ()),
            version_num,
            production,
            f"snapshot {snapshot}" if snapshot is not None else "",
        )
    elif dsn is not None:
        if snapshot is not None:
            raise BadInput("both --dsn and --snapshot were given", "pass one: a live database or a saved snapshot")
        regression = RegressionSettings(limit, regression_statements) if limit is not None else None
        result = check_live(
            list(paths),
            dsn,
            guards(statement_timeout_ms, lock_timeout_ms),
            settings,
            tuple(history or ()),
            version_num,
            regression,
            probe_timeout,
        )
    else:
        if max_regression is not None:
            raise BadInput("--max-regression re-plans the workload on a live database", "pass --dsn as well")
        if snapshot is not None:
            context = MigrationContext.from_snapshot(Snapshot.load(snapshot), f"snapshot {snapshot}", version_num)
        else:
            context = MigrationContext.empty(version_num or MigrationContext.empty().server_version_num)
        result = check_paths(list(paths), context, settings, tuple(history or ()))
    typer.echo(RENDERERS[output_format.value](result), nl=False)
    return result.exit_code(Severity(fail_on.value))


def _probe_timeout(probe: bool, live: bool, trace: bool, timeout_ms: int) -> int | None:
    """--probe's statement_timeout, None without --probe; refused where there is no live session to probe."""
    if probe and (not live or trace):
        raise BadInput(
            "--probe and --trace are separate runs" if live else "--probe queries a live database",
            "run check twice" if live else "pass --dsn as well",
        )
    return timeout_ms if probe else None


def _version_num(major: int | None) -> int | None:
    if major is None:
        return None
    if not MIN_SERVER_VERSION_NUM // 10000 <= major <= 99:
        raise BadInput(
            f"--pg-version {major} is not a supported major version",
            f"use {MIN_SERVER_VERSION_NUM // 10000} or later, e.g. 17",
        )
    return major * 10000
