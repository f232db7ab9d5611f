"""``pgtune doctor``: can pgtune analyze this server, and what would make its advice better."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..db import SessionGuards
from ..doctor import Diagnosis, Status, diagnose_server
from ..errors import ExitCode
from .app import DsnOption, LockTimeoutOption, StatementTimeoutOption, app, guards, output_width


class DoctorFormat(str, Enum):
    text = "text"
    json = "json"


_STYLE = {Status.OK: "green", Status.WARN: "yellow", Status.MISSING: "bold red"}


@app.command()
def doctor(
    dsn: DsnOption = None,
    output_format: Annotated[DoctorFormat, typer.Option("--format", help="Output format.")] = DoctorFormat.text,
    statement_timeout_ms: StatementTimeoutOption = SessionGuards.statement_timeout_ms,
    lock_timeout_ms: LockTimeoutOption = SessionGuards.lock_timeout_ms,
) -> int:
    """Check the server: version, pg_stat_statements, HypoPG, pg_qualstats, settings and privileges.

    Exit 0 when analysis can run, 1 when something essential is missing, 3 when it cannot connect.
    """
    diagnosis = diagnose_server(dsn, guards(statement_timeout_ms, lock_timeout_ms))
    if output_format is DoctorFormat.json:
        typer.echo(json.dumps(_as_json(diagnosis), indent=2))
    else:
        print_diagnosis(diagnosis)
    return ExitCode.OK if diagnosis.can_analyze else ExitCode.FINDINGS


def _as_json(diagnosis: Diagnosis) -> dict:
    return {
        "server": diagnosis.server,
        "can_analyze": diagnosis.can_analyze,
        "checks": [
            {"name": c.name, "status": c.status.value, "detail": c.detail, "fix": c.fix} for c in diagnosis.checks
        ],
    }


def print_diagnosis(diagnosis: Diagnosis) -> None:
    console = Console(soft_wrap=False, width=output_width())
    table = Table(title=f"pgtune doctor — {diagnosis.server}", show_lines=False)
    table.add_column("check")
    table.add_column("status")
    table.add_column("detail")
    table.add_column("fix")
    for check in diagnosis.checks:
        style = _STYLE[check.status]
        table.add_row(check.name, f"[{style}]{check.status.value}[/]", check.detail, check.fix or "")
    console.print(table)
    verdict = "analysis can run" if diagnosis.can_analyze else "analysis cannot run until the missing items are fixed"
    console.print(verdict)
