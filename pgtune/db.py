"""The only place that opens connections to a server being analyzed.

Every session is read-only, bounded by statement_timeout and lock_timeout, and named ``pgtune`` in
pg_stat_activity. Passwords never leave this module: DSNs are shown only through :func:`redact_dsn`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import conninfo, sql
from psycopg.pq import TransactionStatus
from psycopg.rows import dict_row

from .errors import (
    AuthenticationFailed,
    BadInput,
    ConnectionFailed,
    PgtuneBug,
    PgtuneError,
    PrivilegeMissing,
    ServerError,
    UnknownDatabase,
)
from .resources import data_dir, sql_text
from .versions import ServerVersion, pick_sql_variant

APPLICATION_NAME = "pgtune"
_SECRET_KEYS = ("password", "sslpassword")
_URI_PASSWORD = re.compile(r"(?P<head>[a-z]+://[^:/@]*:)(?P<secret>[^@]*)(?P<tail>@)", re.IGNORECASE)
_QUOTED = re.compile(r'"[^"]*"')


@dataclass(frozen=True)
class SessionGuards:
    """Limits set on every pgtune session; documented in the README."""

    statement_timeout_ms: int = 30_000
    lock_timeout_ms: int = 1_000
    idle_in_transaction_timeout_ms: int = 60_000
    connect_timeout_s: int = 10


def resolve_dsn(dsn: str | None) -> str:
    """``--dsn``, else ``PGTUNE_DSN``, else "" so that libpq reads PGHOST, PGDATABASE, ~/.pgpass."""
    return dsn or os.environ.get("PGTUNE_DSN", "")


def redact_dsn(dsn: str) -> str:
    """The DSN with any password replaced, safe for output, logs and errors."""
    if not dsn:
        return "(libpq environment)"
    try:
        params = conninfo.conninfo_to_dict(dsn)
    except psycopg.ProgrammingError:
        return "(unparseable DSN)"
    if "://" in dsn:
        return _URI_PASSWORD.sub(r"\g<head>***\g<tail>", _strip_uri_query_secrets(dsn))
    shown = {k: str(v) for k, v in sorted(params.items()) if k not in _SECRET_KEYS}
    return conninfo.make_conninfo(**shown) or "(libpq environment)"


def _strip_uri_query_secrets(dsn: str) -> str:
    return re.sub(r"((?:^|[?&])(?:password|sslpassword)=)[^&]*", r"\1***", dsn)


def _scrub(text: str, dsn: str) -> str:
    """Remove anything that may be a secret from a libpq message."""
    try:
        params = conninfo.conninfo_to_dict(dsn) if dsn else {}
    except psycopg.ProgrammingError:
        params = {}
    for key in _SECRET_KEYS:
        secret = params.get(key)
        if secret:
            text = text.replace(str(secret), "***")
    return " ".join(text.split())


def _classify(exc: psycopg.OperationalError, dsn: str) -> PgtuneError:
    raw = str(exc)
    message = _scrub(raw, dsn)
    where = redact_dsn(dsn)
    lowered = raw.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return AuthenticationFailed(
            f"authentication failed connecting to {where}",
            "check the user and password in the DSN, PGPASSWORD or ~/.pgpass",
        )
    if "database" in lowered and "does not exist" in lowered:
        return UnknownDatabase(
            f"the database named in {where} does not exist",
            "check the dbname in the DSN (list databases with psql -l)",
        )
    if "role" in lowered and "does not exist" in lowered:
        return AuthenticationFailed(f"the role named in {where} does not exist", "check the user in the DSN")
    if "permission denied" in lowered or "pg_hba.conf" in lowered:
        return PrivilegeMissing(
            f"the server refused the connection to {where}: {_last_line(message)}",
            "allow this role and host in pg_hba.conf or grant CONNECT on the database",
        )
    if "could not translate host name" in lowered or "name or service not known" in lowered:
        return ConnectionFailed(f"unknown host in {where}", "check the host name in the DSN or PGHOST")
    if "timeout expired" in lowered:
        return ConnectionFailed(
            f"timed out connecting to {where}", "check that the host is reachable and the port is open"
        )
    if "connection refused" in lowered or "no such file or directory" in lowered:
        return ConnectionFailed(
            f"nothing is listening at {where}",
            "check that PostgreSQL is running and the host and port are right",
        )
    return ConnectionFailed(f"could not connect to {where}: {_last_line(message)}")


def _last_line(message: str) -> str:
    return message.rsplit("failed:", 1)[-1].strip()


# SQLSTATE classes of errors in a statement's own text or logic (42 syntax and names, 22 data, 0A not
# supported, 25/26 transaction and prepared-statement state, XX internal): for a statement pgtune made, a bug.
_BUG_CLASSES = ("42", "22", "0A", "25", "26", "XX")
_NOT_BUGS = frozenset({"42501"})  # insufficient_privilege: the role, not pgtune


def is_statement_error(exc: psycopg.Error) -> bool:
    """True when the server refused the statement itself, rather than the session, the role or the load."""
    state = exc.sqlstate or ""
    return state[:2] in _BUG_CLASSES and state not in _NOT_BUGS


def explain_server_error(exc: psycopg.Error) -> PgtuneError:
    """A typed, one-line account of an error the server returned to one of pgtune's statements."""
    first = " ".join(str(exc).splitlines()[0].split()) if str(exc) else type(exc).__name__
    statement = getattr(exc, "pgtune_statement", None)
    if statement is not None and is_statement_error(exc):
        return PgtuneBug(
            f"the server refused a statement pgtune made ({first}): {' '.join(statement.split())[:300]}",
            "this is a bug in pgtune: rerun with PGTUNE_DEBUG=1 for the traceback and report it",
        )
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return PrivilegeMissing(f"the server refused: {first}", "GRANT pg_monitor TO the role pgtune uses")
    if isinstance(exc, psycopg.errors.QueryCanceled):
        return ServerError(f"the server cancelled a statement: {first}", "raise --statement-timeout-ms")
    if isinstance(exc, psycopg.errors.LockNotAvailable):
        return ServerError(f"a lock was not granted in time: {first}", "retry, or raise --lock-timeout-ms")
    if isinstance(exc, psycopg.OperationalError):
        return ServerError(f"the connection failed: {first}", "check the server and retry")
    return ServerError(f"the server returned an error: {first}")


def _parse_dsn(dsn: str) -> None:
    if not dsn:
        return
    try:
        conninfo.conninfo_to_dict(dsn)
    except psycopg.ProgrammingError as exc:
        detail = _QUOTED.sub('"…"', str(exc).splitlines()[0])
        raise BadInput(
            f"malformed DSN: {detail}",
            "use key=value pairs (host=db1 dbname=app) or a postgresql:// URI",
        ) from None


class Session:
    """A guarded, read-only session on one server, with its version read once."""

    def __init__(self, connection: psycopg.Connection, dsn: str) -> None:
        self.connection = connection
        self.redacted_dsn = redact_dsn(dsn)
        self.version = ServerVersion(int(self.scalar("SHOW server_version_num")))

    def rows(self, query: str | sql.Composable, params: Sequence[Any] | dict | None = None) -> list[dict]:
        with self._naming(query), self.connection.cursor(row_factory=dict_row) as cur:
            cur.execute(query, params)
            return cur.fetchall() if cur.description else []

    def scalar(self, query: str | sql.Composable, params: Sequence[Any] | dict | None = None) -> Any:
        with self._naming(query), self.connection.cursor() as cur:
            cur.execute(query, params)
            row = cur.fetchone()
            return row[0] if row else None

    @contextmanager
    def _naming(self, query: str | sql.Composable) -> Iterator[None]:
        """An error the server returns carries the statement, so that the CLI can name it."""
        try:
            yield
        except psycopg.Error as exc:
            if not hasattr(exc, "pgtune_statement"):
                exc.pgtune_statement = self._text(query)  # type: ignore[attr-defined]
            raise

    def _text(self, query: str | sql.Composable) -> str:
        if isinstance(query, str):
            return query
        try:
            return query.as_string(self.connection)
        except (psycopg.Error, TypeError, ValueError):
            return repr(query)

    def script(self, statements: Sequence[str | sql.Composable]) -> list[list[dict]]:
        """Several statements without parameters in one round trip; the rows of each one that returned rows,
        in order. The first error stops the rest, as on the server."""
        # Each ';' on a line of its own: a statement ending in a ``--`` comment cannot swallow it.
        joined = sql.SQL("\n;\n").join(sql.SQL(s) if isinstance(s, str) else s for s in statements)
        found: list[list[dict]] = []
        with self._naming(joined), self.connection.cursor(row_factory=dict_row) as cur:
            cur.execute(joined)
            while True:
                if cur.description is not None and (rows := cur.fetchall()):
                    found.append(rows)
                if not cur.nextset():
                    return found

    def named(
        self,
        name: str,
        params: Sequence[Any] | dict | None = None,
        schemas: dict[str, str] | None = None,
    ) -> list[dict]:
        """Run ``sql/<name>.sql``, or its variant for this server's version.

        ``schemas`` fills ``{placeholders}`` with quoted identifiers, for extension views that live in
        whatever schema the extension was created in.
        """
        text = sql_text(pick_sql_variant(data_dir("sql"), name, self.version))
        return self.rows(self._with_schemas(text, schemas) if schemas else text, params)

    def _with_schemas(self, text: str, schemas: dict[str, str]) -> str | sql.Composable:
        return sql.SQL(text).format(**{k: sql.Identifier(v) for k, v in schemas.items()})

    @contextmanager
    def rolled_back(self) -> Iterator[Session]:
        """A transaction that is always rolled back, for EXPLAIN and what-if work."""
        with self.connection.transaction(force_rollback=True):
            yield self

    def leave_transaction(self) -> None:
        """Roll back a transaction a statement string left open: pgtune is never idle in a transaction."""
        if self.connection.info.transaction_status != TransactionStatus.IDLE:
            self.connection.rollback()

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _open(target: str, guards: SessionGuards, **options: Any) -> psycopg.Connection:
    """An autocommit connection named ``pgtune``; libpq's failures become typed errors without the password."""
    try:
        return psycopg.connect(
            target,
            autocommit=True,
            application_name=APPLICATION_NAME,
            connect_timeout=guards.connect_timeout_s,
            **options,
        )
    except psycopg.OperationalError as exc:
        raise _classify(exc, target) from None


def connect(dsn: str | None = None, guards: SessionGuards | None = None) -> Session:
    """Open a guarded session: read-only, with timeouts, named ``pgtune``."""
    guards = guards or SessionGuards()
    resolved = resolve_dsn(dsn)
    _parse_dsn(resolved)
    connection = _open(resolved, guards)
    try:
        for name, value in (
            ("default_transaction_read_only", "on"),
            ("statement_timeout", str(guards.statement_timeout_ms)),
            ("lock_timeout", str(guards.lock_timeout_ms)),
            ("idle_in_transaction_session_timeout", str(guards.idle_in_transaction_timeout_ms)),
        ):
            connection.execute(sql.SQL("SET {} = {}").format(sql.Identifier(name), sql.Literal(value)))
        session = Session(connection, resolved)
        session.version.check_supported()
    except BaseException:
        connection.close()
        raise
    return session


PGBOUNCER_CONSOLE = "pgbouncer"
_SHOW = re.compile(r"^[A-Z_]+$")


class ConsoleSession:
    """PgBouncer's admin console: ``SHOW …`` only, over the simple query protocol it is limited to."""

    def __init__(self, connection: psycopg.Connection, dsn: str) -> None:
        self.connection = connection
        self.redacted_dsn = redact_dsn(dsn)
        info = connection.info
        self.address = f"{info.host}:{info.port}"

    def show(self, what: str) -> list[dict]:
        if not _SHOW.match(what):
            raise ValueError(f"not a SHOW command of the admin console: {what!r}")
        with self.connection.cursor(row_factory=dict_row) as cur:
            cur.execute(f"SHOW {what}")
            return cur.fetchall() if cur.description else []

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> ConsoleSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def connect_pgbouncer(dsn: str, guards: SessionGuards | None = None) -> ConsoleSession:
    """PgBouncer's admin console (``dbname=pgbouncer``), as ``psql -p 6432 pgbouncer`` opens it.

    The console speaks only the simple query protocol and knows no SET: a client-side cursor, no prepared
    statements, autocommit. It answers SHOW and never changes anything unless sent a command pgtune never sends.
    """
    guards = guards or SessionGuards()
    _parse_dsn(dsn)
    params = conninfo.conninfo_to_dict(dsn) if dsn else {}
    dbname = params.get("dbname")
    if dbname and dbname != PGBOUNCER_CONSOLE:
        raise BadInput(
            f"--pgbouncer {redact_dsn(dsn)} names the database {dbname!r}, not PgBouncer's admin console",
            "connect to the console: dbname=pgbouncer on PgBouncer's port, as a user in admin_users or stats_users",
        )
    target = conninfo.make_conninfo(dsn, dbname=PGBOUNCER_CONSOLE)
    connection = _open(target, guards, prepare_threshold=None, cursor_factory=psycopg.ClientCursor)
    return ConsoleSession(connection, target)
