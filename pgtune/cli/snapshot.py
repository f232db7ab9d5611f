"""``pgtune snapshot``: collect everything pgtune knows about a database into one JSON file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..collectors import CollectOptions, snapshot_from
from ..db import SessionGuards
from ..errors import BadInput
from ..store import open_store
from .app import DsnOption, LockTimeoutOption, ServerNameOption, StatementTimeoutOption, StoreOption, app, guards


@app.command()
def snapshot(
    dsn: DsnOption = None,
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
    statement_timeout_ms: StatementTimeoutOption = SessionGuards.statement_timeout_ms,
    lock_timeout_ms: LockTimeoutOption = SessionGuards.lock_timeout_ms,
) -> None:
    """Collect statements, plans, tables, indexes, statistics and settings into the history store or a file.

    With --output, later commands accept --snapshot FILE instead of --dsn. What could not be collected is listed.
    """
    options = CollectOptions(
        top_statements=top_statements,
        plans=plans,
        max_plans=max_plans,
        explain_analyze=explain_analyze,
        workload_files=tuple(workload or ()),
    )
    collected = snapshot_from(dsn, None, options, guards(statement_timeout_ms, lock_timeout_ms))
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
    )
    for gap in collected.gaps:
        typer.echo(f"not collected: {gap.source}: {gap.reason}" + (f" — {gap.remedy}" if gap.remedy else ""), err=True)
