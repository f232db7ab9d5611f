"""``pgtune demo``: the exchange workload on a throwaway server, and what pgtune says about it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ..demo.run import DemoOptions, DemoResult, run_demo, top_statements
from ..facts import StatementStats
from .app import app
from .doctor import print_diagnosis
from .progress import progress


@app.command()
def demo(
    scale: Annotated[
        float,
        typer.Option("--scale", min=0.001, max=100, help="Data volume; 1 is 3M trades and loads in about a minute."),
    ] = DemoOptions.scale,
    statements: Annotated[
        int, typer.Option("--statements", min=1, help="Statements the simulated application replays.")
    ] = DemoOptions.statements,
    keep: Annotated[bool, typer.Option("--keep", help="Keep the server running and print its DSN.")] = False,
) -> int:
    """Start a throwaway PostgreSQL, load a crypto exchange's workload, replay it and analyze it."""
    collect, render = WORKLOAD_REPORT
    options = DemoOptions(scale=scale, statements=statements, keep=keep)
    with progress("pgtune demo") as step:
        result = run_demo(options, collect, step)
    _print(result, render)
    return 0


def _print(result: DemoResult, render: Callable[[Any], None]) -> None:
    sizes = result.sizes
    typer.echo(
        f"exchange workload: {sizes.users:,} users, {sizes.orders:,} orders, {sizes.trades:,} trades; "
        f"{result.statements_run:,} statements replayed"
    )
    print_diagnosis(result.diagnosis)
    render(result.workload)
    if result.kept:
        typer.echo(f"server kept: {result.kept.dsn}")
        typer.echo(f"stop and remove it with: {result.kept.stop_command}")


def print_top_statements(statements: tuple[StatementStats, ...]) -> None:
    table = Table(title="the workload's top statements by total execution time")
    for column in ("total ms", "calls", "mean ms", "rows"):
        table.add_column(column, justify="right")
    table.add_column("statement")
    for s in statements:
        table.add_row(
            f"{s.total_exec_ms:,.1f}", f"{s.calls:,}", f"{s.mean_exec_ms:,.2f}", f"{s.rows:,}", _short(s.query)
        )
    Console(soft_wrap=False).print(table)


# What the demo reports on the workload: (DSN -> report, report -> printed). `pgtune analyze`'s collection +
# analysis and its terminal renderer replace this pair.
WORKLOAD_REPORT = (top_statements, print_top_statements)


def _short(query: str, width: int = 70) -> str:
    text = " ".join(query.split())
    return text if len(text) <= width else text[: width - 1] + "…"
