"""The command line. The one place where errors become a one-line message and an exit code."""

from __future__ import annotations

import os
import signal
import sys
import traceback

import psycopg
import typer

from .. import interrupts
from ..db import explain_server_error
from ..errors import ExitCode, PgtuneError
from . import analyze, check, demo, doctor, report, rules, snapshot  # noqa: F401  (registers the commands)
from .app import app


def main(argv: list[str] | None = None) -> int:
    interrupts.install()
    try:
        code = _run(argv)
    except KeyboardInterrupt:
        code = ExitCode.INTERRUPTED
    signum = interrupts.received()
    if signum is None and code != ExitCode.INTERRUPTED:
        return code
    print(interrupts.message(signum or signal.SIGINT), file=sys.stderr)
    return interrupts.exit_code(signum or signal.SIGINT)


def _run(argv: list[str] | None) -> int:
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
        if type(exc).__name__ == "NoArgsIsHelpError":
            exc.show()  # the help itself, asked for by giving nothing
        else:
            print(f"pgtune: error: {_usage_line(exc)}", file=sys.stderr)
        return ExitCode.BAD_INPUT
    except (KeyboardInterrupt, typer.Abort):
        return ExitCode.INTERRUPTED
    except Exception as exc:
        if interrupts.received():
            return ExitCode.INTERRUPTED  # clean-up failing on the way out of a signal: the signal's line says it
        if os.environ.get("PGTUNE_DEBUG"):
            raise
        print(
            f"pgtune: internal error: {type(exc).__name__}: {' '.join(str(exc).split())} "
            "(a bug: rerun with PGTUNE_DEBUG=1 for the traceback and report it)",
            file=sys.stderr,
        )
        return ExitCode.INTERNAL
    return result if isinstance(result, int) else ExitCode.OK


def _usage_line(exc: typer.TyperException) -> str:
    """A usage error in one line, as every other error: what was wrong, and where the help is."""
    message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
    context = getattr(exc, "ctx", None)
    command = context.command_path if context is not None else "pgtune"
    return f"{' '.join(message.split())} (see {command} --help)"


def _fail(exc: PgtuneError) -> int:
    if interrupts.received():
        return ExitCode.INTERRUPTED  # an error raised while the signal unwound: one line, the signal's
    print(f"pgtune: error: {exc.one_line()}", file=sys.stderr)
    return exc.exit_code


def run() -> None:
    sys.exit(main())
