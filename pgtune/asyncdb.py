"""asyncpg sessions, for collecting from many servers at once on one thread.

The collectors are plain functions over :class:`pgtune.db.Session`. Rather than keep an async twin of each,
a server's whole collection runs in a greenlet (as SQLAlchemy runs its ORM over asyncpg): when a collector
calls ``named()``, the session hands asyncpg's coroutine to the event loop and the collector resumes with
the rows. So the SQL files and the row→fact mapping exist once for both drivers. Errors come back as the
psycopg error class of the same SQLSTATE, which is what the collectors already classify.

The guards are those of :func:`pgtune.db.connect`: read-only, statement_timeout, lock_timeout,
idle_in_transaction_session_timeout, application_name ``pgtune``.
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any, TypeVar
from urllib.parse import urlencode

import asyncpg
import greenlet
import psycopg
from psycopg import conninfo, sql

from .db import APPLICATION_NAME, Session, SessionGuards, _classify, _parse_dsn, redact_dsn, resolve_dsn
from .errors import BadInput
from .versions import ServerVersion

T = TypeVar("T")

_PLACEHOLDER = re.compile(r"%(?:\((?P<name>[^)]+)\)s|(?P<positional>s)|(?P<percent>%))")
_DOLLAR = re.compile(r"\$\d")
_SCHEMA_PLACEHOLDER = re.compile(r"\{(?P<key>\w+)\}")
# libpq keys asyncpg understands in a URI's query; anything else in a DSN is refused, not silently dropped.
_ASYNCPG_KEYS = frozenset(
    {
        "host",
        "port",
        "dbname",
        "user",
        "passfile",
        "service",
        "servicefile",
        "sslmode",
        "sslrootcert",
        "sslcert",
        "sslkey",
        "target_session_attrs",
    }
)
# Set by pgtune itself, from the guards.
_OVERRIDDEN_KEYS = frozenset({"application_name", "connect_timeout"})


def to_dollar_params(query: str, params: Sequence[Any] | Mapping[str, Any] | None) -> tuple[str, list[Any]]:
    """psycopg's ``%(name)s`` / ``%s`` placeholders as asyncpg's ``$n``, with the arguments in order.

    Like psycopg, a query run without parameters is sent as written (``%`` is not special); with parameters,
    ``%%`` is a literal ``%``. A name used twice is one ``$n``.
    """
    if params is None:
        return query, []
    args: list[Any] = []
    numbers: dict[str, int] = {}
    positional = iter(params) if not isinstance(params, Mapping) else None

    def replace(match: re.Match[str]) -> str:
        if match["percent"]:
            return "%"
        if match["positional"]:
            if positional is None:
                raise TypeError("a %s placeholder needs a sequence of parameters")
            args.append(next(positional))
            return f"${len(args)}"
        if positional is not None:
            raise TypeError(f"the placeholder %({match['name']})s needs a mapping of parameters")
        if match["name"] not in numbers:
            args.append(params[match["name"]])
            numbers[match["name"]] = len(args)
        return f"${numbers[match['name']]}"

    text = _PLACEHOLDER.sub(replace, query)
    if positional is not None and next(positional, _END) is not _END:
        raise TypeError("more parameters than %s placeholders")
    return text, args


_END = object()


def quote_ident(name: str) -> str:
    """An identifier quoted for any server: double quotes, inner quotes doubled."""
    if "\x00" in name:
        raise BadInput(f"an identifier cannot contain NUL: {name!r}", "check the extension's schema name")
    return '"' + name.replace('"', '""') + '"'


def fill_schemas(text: str, schemas: Mapping[str, str]) -> str:
    """``{key}`` placeholders of the SQL files as quoted identifiers; other braces are left as they are."""
    return _SCHEMA_PLACEHOLDER.sub(
        lambda m: quote_ident(schemas[m["key"]]) if m["key"] in schemas else m.group(0),
        text,
    )


@cache
def _filled(text: str, schemas: tuple[tuple[str, str], ...]) -> str:
    """Each SQL file is filled once per set of schemas; the collectors ask for the same ones on every server."""
    return fill_schemas(text, dict(schemas))


# greenlet bridge: sync code in a greenlet awaits through its parent, which runs in the event loop.


def await_only(awaitable: Awaitable[T]) -> T:
    """Wait for ``awaitable`` from synchronous code that :func:`run_sync` started."""
    current = greenlet.getcurrent()
    if not isinstance(current, _Bridge):
        raise RuntimeError("await_only() outside run_sync(): an asyncpg session is used from the wrong place")
    return current.parent.switch(awaitable)


class _Bridge(greenlet.greenlet):
    pass


async def run_sync(function: Callable[..., T], *args: Any) -> T:
    """Run the synchronous ``function`` in the event loop, its :func:`await_only` calls awaited here."""
    bridge = _Bridge(function)
    request = bridge.switch(*args)
    while not bridge.dead:
        try:
            value = await request
        except BaseException as exc:
            request = bridge.throw(exc)
        else:
            request = bridge.switch(value)
    return request


def _as_psycopg_error(exc: BaseException) -> psycopg.Error:
    """The psycopg error of the same SQLSTATE, so collectors and the CLI classify it as they already do."""
    message = str(exc) or type(exc).__name__
    if isinstance(exc, asyncpg.PostgresError):
        try:
            return psycopg.errors.lookup(exc.sqlstate or "")(message)
        except KeyError:
            return psycopg.DatabaseError(message)
    return psycopg.OperationalError(" ".join(message.split()))


_DRIVER_ERRORS = (asyncpg.PostgresError, asyncpg.InterfaceError, OSError, asyncio.TimeoutError)


class AsyncpgSession(Session):
    """:class:`pgtune.db.Session` over an asyncpg connection; its methods are called inside :func:`run_sync`."""

    def __init__(self, connection: asyncpg.Connection, dsn: str, version: ServerVersion) -> None:
        self.connection = connection
        self.redacted_dsn = redact_dsn(dsn)
        self.version = version

    def _wait(self, awaitable: Awaitable[T]) -> T:
        try:
            return await_only(awaitable)
        except _DRIVER_ERRORS as exc:
            raise _as_psycopg_error(exc) from None

    def rows(self, query: str | sql.Composable, params: Sequence[Any] | dict | None = None) -> list[dict]:
        text = query.as_string(None) if isinstance(query, sql.Composable) else query
        text, args = to_dollar_params(text, params)
        if params is None and _DOLLAR.search(text):
            # EXPLAIN (GENERIC_PLAN) of a normalized statement (16+): psycopg sends text without parameters by
            # the simple protocol, where $n stay unbound; asyncpg always prepares, so they are bound to NULL.
            statement = self._wait(self.connection.prepare(text))
            records = self._wait(statement.fetch(*[None] * len(statement.get_parameters())))
        else:
            records = self._wait(self.connection.fetch(text, *args))
        return [dict(record) for record in records]

    def scalar(self, query: str | sql.Composable, params: Sequence[Any] | dict | None = None) -> Any:
        found = self.rows(query, params)
        return next(iter(found[0].values())) if found else None

    def script(self, statements: Sequence[str | sql.Composable]) -> list[list[dict]]:
        """asyncpg returns no rows from a multi-statement string: one statement at a time."""
        return [rows for statement in statements if (rows := self.rows(statement))]

    def _with_schemas(self, text: str, schemas: dict[str, str]) -> str:
        return _filled(text, tuple(sorted(schemas.items())))

    @contextmanager
    def rolled_back(self) -> Iterator[AsyncpgSession]:
        transaction = self.connection.transaction()
        self._wait(transaction.start())
        try:
            yield self
        finally:
            self._wait(transaction.rollback())

    def leave_transaction(self) -> None:
        if self.connection.is_in_transaction():
            self._wait(self.connection.execute("ROLLBACK"))

    def close(self) -> None:
        self._wait(self.connection.close())


def asyncpg_dsn(dsn: str) -> tuple[str, str | None]:
    """A libpq DSN (key=value or URI) as the URI asyncpg reads, and the password kept out of it (so that no
    message of asyncpg's can carry it); pgtune's own settings are left out."""
    params = {k: str(v) for k, v in sorted(conninfo.conninfo_to_dict(dsn).items()) if k not in _OVERRIDDEN_KEYS}
    password = params.pop("password", None)
    unsupported = sorted(set(params) - _ASYNCPG_KEYS)
    if unsupported:
        raise BadInput(
            f"the DSN {redact_dsn(dsn)} uses {', '.join(unsupported)}, which the asyncpg collector does not read",
            f"use only {', '.join(sorted(_ASYNCPG_KEYS))}, or collect this server alone with pgtune snapshot --dsn",
        )
    return ("postgresql://?" + urlencode(params) if params else "postgresql://"), password


def _connect_message(exc: BaseException) -> str:
    """asyncpg's connection errors in the words libpq uses, which :func:`pgtune.db._classify` knows."""
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, (asyncio.TimeoutError, TimeoutError)):
        return "timeout expired"
    if isinstance(exc, socket.gaierror):
        return "could not translate host name"
    return str(exc)


async def connect_async(dsn: str | None = None, guards: SessionGuards | None = None) -> AsyncpgSession:
    """An asyncpg session with the guards of :func:`pgtune.db.connect`; typed errors as it raises them."""
    guards = guards or SessionGuards()
    resolved = resolve_dsn(dsn)
    _parse_dsn(resolved)
    uri, password = asyncpg_dsn(resolved)
    try:
        connection = await asyncpg.connect(
            uri,
            password=password,
            timeout=guards.connect_timeout_s,
            server_settings={"application_name": APPLICATION_NAME},
        )
    except (*_DRIVER_ERRORS, ValueError) as exc:
        raise _classify(psycopg.OperationalError(_connect_message(exc)), resolved) from None
    try:
        tracked = True
        try:  # pgtune's own statements kept out of pg_stat_statements where the role may (see db._stop_tracking)
            await connection.execute("SET pg_stat_statements.track = 'none'")
            tracked = False
        except asyncpg.exceptions.InsufficientPrivilegeError:
            pass
        # SET, as pgtune.db.connect does and in its words (quoted names), so that pg_settings reports the guards
        # the same way for both drivers and pg_stat_statements' copies are known as pgtune's own.
        await connection.execute(
            "SET \"default_transaction_read_only\" = 'on';"
            f"SET \"statement_timeout\" = '{int(guards.statement_timeout_ms)}';"
            f"SET \"lock_timeout\" = '{int(guards.lock_timeout_ms)}';"
            f"SET \"idle_in_transaction_session_timeout\" = '{int(guards.idle_in_transaction_timeout_ms)}'"
        )
        # Decoded as psycopg decodes them, so that the collectors' mapping sees the same Python values.
        for kind in ("json", "jsonb"):
            await connection.set_type_codec(kind, encoder=json.dumps, decoder=json.loads, schema="pg_catalog")
        version = ServerVersion(int(await connection.fetchval("SHOW server_version_num")))
        version.check_supported()
    except BaseException:
        await connection.close()
        raise
    session = AsyncpgSession(connection, resolved, version)
    session.own_statements_tracked = tracked
    return session
