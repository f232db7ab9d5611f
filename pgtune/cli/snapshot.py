"""``pgtune snapshot``: collect everything pgtune knows about a database into one JSON file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..collectors import CollectOptions, check_workload_files, snapshot_from
from ..db import SessionGuards
from ..errors import BadInput
from ..store import open_store
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
from .fleet import fleet_targets, snapshot_fleet


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
        raise typer.Exit(snapshot_fleet(targets, options, session_guards, concurrency, store, output))
    collected = snapshot_from(dsn[0] if dsn else None, None, options, session_guards)
    if output is None:
        with open_store(store) as history:
            name = server or collected.server.database
            snapshot_id = history.save_snapshot(collected, name)
            where = f"{history.location} as snapshot {snapshot_id} of {name}"
    else:
        try:
            output.write_text(collected.to_json() + "\n", encoding="utf-8")
        except OSError as exc:
            raise BadInput(f"cannot write the snapshot {output}: {exc.strerror}", "check the path") from None
        where = str(output)
    typer.echo(
        f"snapshot of {collected.server.database} written to {where}: {len(collected.statements)} statements, "
        f"{len(collected.plans)} plans, {len(collected.tables)} tables, {len(collected.indexes)} indexes, "
        f"{len(collected.workload)} workload samples"
        + (f", {len(collected.poolers)} PgBouncer reading(s)" if collected.poolers else "")
    )
    for gap in collected.gaps:
        typer.echo(f"not collected: {gap.source}: {gap.reason}" + (f" — {gap.remedy}" if gap.remedy else ""), err=True)
