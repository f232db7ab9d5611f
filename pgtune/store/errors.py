"""Errors of the history store; the CLI turns them into one line and exit code 3."""

from __future__ import annotations

from ..errors import ConnectionFailed, ExitCode, PgtuneError


class StoreUnavailable(ConnectionFailed):
    """The history store could not be opened: no such file, no permission, server down, not a store."""


class StoreTooNew(PgtuneError):
    """The store was written by a newer pgtune, whose schema this one does not know."""

    exit_code = ExitCode.CANNOT_CONNECT
