"""The typer application and the options every command shares."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from .. import __version__
from ..db import SessionGuards
from ..errors import BadInput

EXIT_CODES_HELP = (
    "Exit codes: 0 ok; 1 findings at or above --fail-on (doctor: something essential is missing); "
    "2 bad usage or unusable input; 3 cannot connect, not allowed, or the server lacks what the "
    "command needs; 4 internal error (a bug: please report it); 130 interrupted."
)

app = typer.Typer(
    name="pgtune",
    help="Evidence-backed PostgreSQL and TimescaleDB tuning: indexes, health, configuration, migrations.",
    epilog=EXIT_CODES_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DsnOption = Annotated[
    str | None,
    typer.Option(
        "--dsn",
        help="libpq connection string or URI; default $PGTUNE_DSN, else libpq's PGHOST/PGDATABASE/~/.pgpass.",
        show_default=False,
    ),
]
StatementTimeoutOption = Annotated[
    int, typer.Option("--statement-timeout-ms", min=1, help="statement_timeout of pgtune's sessions.")
]
LockTimeoutOption = Annotated[int, typer.Option("--lock-timeout-ms", min=1, help="lock_timeout of pgtune's sessions.")]


StoreOption = Annotated[
    str | None,
    typer.Option("--store", help="sqlite:///path or postgresql://…; default $PGTUNE_STORE, else the user's data dir."),
]
ServerNameOption = Annotated[
    str | None, typer.Option("--server", help="This server's name in the history store (default: the database).")
]
OutputOption = Annotated[Path | None, typer.Option("--output", help="Write the report here, not stdout.")]
PgBouncerOption = Annotated[
    list[str] | None,
    typer.Option(
        "--pgbouncer",
        help="A PgBouncer admin console in front of the server (host=… port=6432 dbname=pgbouncer user=…), read "
        "twice to measure pool efficiency; repeatable.",
        show_default=False,
    ),
]
PgBouncerIntervalOption = Annotated[
    float,
    typer.Option("--pgbouncer-interval", min=0.5, help="Least seconds between the two readings of each PgBouncer."),
]


def output_width() -> int:
    """The terminal's width, but never rich's 80-column default for piped or logged output."""
    return max(120, Console().width)


def write_output(text: str, output: Path | None) -> None:
    """The report on stdout, or in ``output``."""
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise BadInput(f"cannot write the report to {output}: {exc.strerror}", "check the path") from None


def guards(statement_timeout_ms: int, lock_timeout_ms: int) -> SessionGuards:
    return SessionGuards(statement_timeout_ms=statement_timeout_ms, lock_timeout_ms=lock_timeout_ms)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pgtune {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """pgtune: point it at a database, get a short ranked list of what to change."""
