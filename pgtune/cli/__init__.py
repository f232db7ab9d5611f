"""The command line. The one place where errors become a one-line message and an exit code."""

from __future__ import annotations

import os
import sys
import traceback

import psycopg
import typer

from ..db import explain_server_error
from ..errors import ExitCode, PgtuneError
from . import analyze, check, demo, doctor, report, rules, snapshot  # noqa: F401  (registers the commands)
from .app import app


def main(argv: list[str] | None = None) -> int:
    try:
        result = app(args=argv, prog_name="pgtune", standalone_mode=False)
    except PgtuneError as exc:
        if exc.exit_code == ExitCode.INTERNAL and os.environ.get("PGTUNE_DEBUG"):
            traceback.print_exc()
        return _fail(exc)
    except psycopg.Error as exc:
        error = explain_server_error(exc)
        if error.exit_code == ExitCode.INTERNAL and os.environ.get("PGTUNE_DEBUG"):
            traceback.print_exc()
        return _fail(error)
    except typer.Exit as exc:
        return exc.exit_code
    except typer.TyperException as exc:
        exc.show()
        return ExitCode.BAD_INPUT
    except (KeyboardInterrupt, typer.Abort):
        print("pgtune: interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except Exception as exc:
        if os.environ.get("PGTUNE_DEBUG"):
            raise
        print(
            f"pgtune: internal error: {type(exc).__name__}: {' '.join(str(exc).split())} "
            "(a bug: rerun with PGTUNE_DEBUG=1 for the traceback and report it)",
            file=sys.stderr,
        )
        return ExitCode.INTERNAL
    return result if isinstance(result, int) else ExitCode.OK


def _fail(exc: PgtuneError) -> int:
    print(f"pgtune: error: {exc.one_line()}", file=sys.stderr)
    return exc.exit_code


def run() -> None:
    sys.exit(main())
