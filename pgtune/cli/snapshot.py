"""``pgtune snapshot``: collect everything pgtune knows about a database into one JSON file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..collectors import CollectOptions, check_workload_files, snapshot_from
from ..db import SessionGuards
from ..errors import BadInput, ExitCode
from ..facts import Snapshot
from ..fleet import Saved, fleet_targets, save_fleet
from ..snapshots import destination, save
from .app import (
    LockTimeoutOption,
    PgBouncerIntervalOption,
    PgBouncerOption,
    ServerNameOption,
    StatementTimeoutOption,
    StoreOption,
    app,
    guards,
)


@app.command()
def snapshot(
    dsn: Annotated[
        list[str] | None,
        typer.Option(
            "--dsn",
            help="libpq connection string or URI; default $PGTUNE_DSN, else libpq's PGHOST/PGDATABASE/~/.pgpass. "
            "Repeat it to collect several servers at once.",
            show_default=False,
        ),
    ] = None,
    inventory: Annotated[
        Path | None,
        typer.Option("--inventory", help="A TOML file of [[servers]] (name, dsn or service, tags) to collect."),
    ] = None,
    tag: Annotated[
        list[str] | None, typer.Option("--tag", help="Only the inventory's servers with this tag; repeatable (all).")
    ] = None,
    concurrency: Annotated[
        int, typer.Option("--concurrency", min=1, max=64, help="Servers collected at the same time.")
    ] = 8,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the snapshot to this JSON file, not the store.")
    ] = None,
    store: StoreOption = None,
    server: ServerNameOption = None,
    workload: Annotated[
        list[Path] | None,
        typer.Option("--workload", help="A SQL file of statements with literals, or a server log; repeatable."),
    ] = None,
    top_statements: Annotated[
        int, typer.Option("--top-statements", min=1, help="pg_stat_statements entries kept, by total time.")
    ] = CollectOptions.top_statements,
    plans: Annotated[
        bool, typer.Option("--plans/--no-plans", help="Collect generic plans of the top statements.")
    ] = True,
    max_plans: Annotated[int, typer.Option("--max-plans", min=0, help="How many statements get a plan.")] = (
        CollectOptions.max_plans
    ),
    explain_analyze: Annotated[
        bool,
        typer.Option("--explain-analyze", help="EXPLAIN ANALYZE read-only SELECTs from --workload (rolled back)."),
    ] = False,
    pgbouncer: PgBouncerOption = None,
    pgbouncer_interval: PgBouncerIntervalOption = CollectOptions.pgbouncer_interval_s,
    statement_timeout_ms: StatementTimeoutOption = SessionGuards.statement_timeout_ms,
    lock_timeout_ms: LockTimeoutOption = SessionGuards.lock_timeout_ms,
) -> None:
    """Collect statements, plans, tables, indexes, statistics and settings into the history store or a file.

    With --output, later commands accept --snapshot FILE instead of --dsn. What could not be collected is listed.
    Several --dsn, or --inventory, collect many servers concurrently, each saved under its name (or written to
    --output DIR/NAME.json); exit code 3 when any of them failed, the others saved all the same.
    """
    options = CollectOptions(
        top_statements=top_statements,
        plans=plans,
        max_plans=max_plans,
        explain_analyze=explain_analyze,
        workload_files=tuple(workload or ()),
        pgbouncer_dsns=tuple(pgbouncer or ()),
        pgbouncer_interval_s=pgbouncer_interval,
    )
    check_workload_files(options.workload_files)
    session_guards = guards(statement_timeout_ms, lock_timeout_ms)
    targets = fleet_targets(dsn or [], inventory, tag or [])
    if targets:
        if server or workload or explain_analyze or pgbouncer:
            raise BadInput(
                "--server, --workload, --explain-analyze and --pgbouncer apply to one server, not to a fleet",
                "name servers in the --inventory file; collect workload files with one --dsn",
            )
        run = save_fleet(targets, options, session_guards, concurrency, store, output, _print_saved)
        typer.echo(
            f"collected {run.servers - len(run.failed)} of {run.servers} servers in {run.seconds:.1f} s"
            + (f"; failed: {', '.join(run.failed)}" if run.failed else "")
        )
        raise typer.Exit(ExitCode.CANNOT_CONNECT if run.failed else ExitCode.OK)
    collected = snapshot_from(dsn[0] if dsn else None, None, options, session_guards)
    name = server or collected.server.database
    with destination(store, output) as history:
        where = save(collected, name, history, output) + (f" of {name}" if output is None else "")
    typer.echo(
        f"snapshot of {collected.server.database} written to {where}: {len(collected.statements)} statements, "
        f"{len(collected.plans)} plans, {len(collected.tables)} tables, {len(collected.indexes)} indexes, "
        f"{len(collected.workload)} workload samples"
        + (f", {len(collected.poolers)} PgBouncer reading(s)" if collected.poolers else "")
    )
    _print_gaps(collected, "")


def _print_saved(saved: Saved) -> None:
    """A fleet server's lines, as it is saved: prefixed with its name, so that concurrent output stays readable."""
    outcome, name = saved.outcome, saved.outcome.target.name
    if saved.where is not None and outcome.snapshot is not None:
        snapshot = outcome.snapshot
        typer.echo(
            f"{name}: snapshot of {snapshot.server.database} written to {saved.where} in {outcome.seconds:.1f} s: "
            f"{len(snapshot.statements)} statements, {len(snapshot.plans)} plans, {len(snapshot.tables)} tables, "
            f"{len(snapshot.indexes)} indexes"
        )
        _print_gaps(snapshot, f"{name}: ")
    if saved.error is not None:
        typer.echo(f"pgtune: {name} ({outcome.redacted_dsn}): {saved.error.one_line()}", err=True)


def _print_gaps(snapshot: Snapshot, prefix: str) -> None:
    for gap in snapshot.gaps:
        remedy = f" — {gap.remedy}" if gap.remedy else ""
        typer.echo(f"{prefix}not collected: {gap.source}: {gap.reason}{remedy}", err=True)
