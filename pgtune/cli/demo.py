"""``pgtune demo``: the exchange workload on a throwaway server, and what pgtune says about it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import typer

from ..analysis import analyze_live
from ..demo.run import DemoOptions, DemoResult, run_demo
from ..report import terminal
from ..report.model import Report
from .app import app, output_width
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
    timescaledb: Annotated[
        bool, typer.Option("--timescaledb", help="trades and candles as TimescaleDB hypertables (needs TimescaleDB).")
    ] = False,
) -> int:
    """Start a throwaway PostgreSQL, load a crypto exchange's workload, replay it and analyze it."""
    collect, render = WORKLOAD_REPORT
    options = DemoOptions(scale=scale, statements=statements, keep=keep, timescaledb=timescaledb)
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


def analyze_demo(dsn: str) -> Report:
    return analyze_live(dsn)[1]


def print_report(report: Report) -> None:
    typer.echo(terminal.render(report, width=output_width()), nl=False)


# What the demo reports on the workload: (DSN -> report, report -> printed).
WORKLOAD_REPORT = (analyze_demo, print_report)
