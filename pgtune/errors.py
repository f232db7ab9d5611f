"""The one error hierarchy. Each error says what was tried, what was found and how to fix it.

The CLI alone turns these into a one-line message and an exit code (see ``pgtune.cli``).
"""

from __future__ import annotations


class ExitCode:
    OK = 0
    FINDINGS = 1
    BAD_INPUT = 2
    CANNOT_CONNECT = 3
    INTERNAL = 4
    INTERRUPTED = 130


class PgtuneError(Exception):
    """Base of every error pgtune raises on purpose."""

    exit_code = ExitCode.BAD_INPUT

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def one_line(self) -> str:
        text = self.message if not self.hint else f"{self.message} — {self.hint}"
        return " ".join(text.split())


class BadInput(PgtuneError):
    """Unusable input: a malformed DSN, an unreadable or empty file, bad option values."""


class AnalyzeRefused(BadInput):
    """EXPLAIN ANALYZE would execute something that may act beyond its rolled-back transaction."""


class NotAnIndexDefinition(BadInput):
    """Text given as a CREATE INDEX statement (a migration's, a fix's, pg_indexes.indexdef) that is not one."""


class ConnectionFailed(PgtuneError):
    """The server could not be reached."""

    exit_code = ExitCode.CANNOT_CONNECT


class AuthenticationFailed(ConnectionFailed):
    """The server refused the credentials."""


class UnknownDatabase(ConnectionFailed):
    """The server has no such database."""


class PrivilegeMissing(PgtuneError):
    """The role lacks a privilege the command cannot do without."""

    exit_code = ExitCode.CANNOT_CONNECT


class ExtensionMissing(PgtuneError):
    """An extension the command needs is not installed, preloaded or created."""

    exit_code = ExitCode.CANNOT_CONNECT


class UnsupportedVersion(PgtuneError):
    """The server's major version is outside what pgtune supports."""

    exit_code = ExitCode.CANNOT_CONNECT


class TraceRefused(PgtuneError):
    """``pgtune check --trace`` cannot make its throwaway clone here (the template database is in use)."""

    exit_code = ExitCode.CANNOT_CONNECT


class ServerError(PgtuneError):
    """The server refused or failed a statement pgtune sent (permission, timeout, missing object)."""

    exit_code = ExitCode.CANNOT_CONNECT


class PgtuneBug(PgtuneError):
    """The server rejected a statement pgtune made itself (a syntax error, an unknown parameter): pgtune's
    fault, not the server's, so exit 4 with the statement named."""

    exit_code = ExitCode.INTERNAL


class ToolMissing(PgtuneError):
    """A program pgtune needs on this machine (e.g. PostgreSQL's initdb for the demo) is absent."""
