"""SIGINT and SIGTERM: the running statement is cancelled on the server, the session closed (its hypothetical
indexes go with it), one line is printed and pgtune exits 130 or 143.

The handler raises KeyboardInterrupt wherever pgtune is: psycopg answers it by cancelling the statement in
flight on the server before re-raising, and the ``with`` blocks close the sessions on the way out. Typer turns
a KeyboardInterrupt into a silent exit 130, so the signal is also remembered here and ``main`` says which one
it was. Until ``install`` runs (while the CLI's modules are still being imported) a signal ends the process
at once with the same line: there is nothing to clean up yet, and no traceback either way. This module
imports nothing but ``_signal`` (loaded as the interpreter starts) and ``os`` (loaded by ``site``), so that
``pgtune/__init__.py`` takes the signals over a few bytecodes into pgtune's first line, before the standard
library's ``signal`` (an enum import) or anything heavy.
"""

from __future__ import annotations

import _signal
import os

_NAMES = {_signal.SIGINT: "SIGINT", _signal.SIGTERM: "SIGTERM"}
_HANDLED = tuple(_NAMES)
_received: list[int] = []
_launched: list[bool] = []


def exit_code(signum: int) -> int:
    return 128 + signum


def message(signum: int) -> str:
    return f"pgtune: interrupted by {_NAMES.get(signum, signum)}; nothing was left running on the server"


def _leave_now(signum: int, frame: object) -> None:
    os.write(2, (message(signum) + "\n").encode())
    os._exit(exit_code(signum))


def _interrupt(signum: int, frame: object) -> None:
    if _received:  # a second signal while cleaning up: leave at once
        _leave_now(_received[0], frame)
    _received.append(signum)
    raise KeyboardInterrupt


def take_signals() -> None:
    """Until ``install``: a signal ends the process at once with its one line."""
    for signum in _HANDLED:
        _signal.signal(signum, _leave_now)


def launched() -> None:
    """The ``pgtune`` command is starting (``pgtune.launcher``): the CLI's ``install`` takes the signals over."""
    _launched.append(True)
    take_signals()


def install() -> None:
    """From here on a signal interrupts what is running (called by the CLI's ``main``; a test calling
    ``main`` keeps its own handlers)."""
    _received.clear()
    if not _launched:
        return
    for signum in _HANDLED:
        _signal.signal(signum, _interrupt)


def received() -> int | None:
    return _received[0] if _received else None
