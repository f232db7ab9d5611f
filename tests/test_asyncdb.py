"""The asyncpg session: the same facts as the psycopg session, the same guards, typed errors."""

from __future__ import annotations

import asyncio
import dataclasses
import socket

import asyncpg
import psycopg
import pytest

from pgtune.asyncdb import (
    AsyncpgSession,
    _as_psycopg_error,
    _connect_message,
    asyncpg_dsn,
    await_only,
    connect_async,
    fill_schemas,
    quote_ident,
    run_sync,
    to_dollar_params,
)
from pgtune.collectors import CollectOptions, collect
from pgtune.db import SessionGuards, connect
from pgtune.errors import AuthenticationFailed, BadInput, ConnectionFailed, UnknownDatabase

SETUP = """
CREATE TABLE IF NOT EXISTS accounts (id int PRIMARY KEY, owner text NOT NULL, balance numeric, tags text[],
    doc jsonb, opened timestamptz DEFAULT now());
INSERT INTO accounts SELECT g, 'owner' || (g % 7), g * 1.5, ARRAY['a', 'b'], '{"k": 1}', now()
    FROM generate_series(1, 300) g ON CONFLICT DO NOTHING;
CREATE INDEX IF NOT EXISTS accounts_owner ON accounts (owner) INCLUDE (balance) WHERE balance > 10;
CREATE INDEX IF NOT EXISTS accounts_lower ON accounts (lower(owner));
CREATE TABLE IF NOT EXISTS transfers (id bigserial PRIMARY KEY, account int REFERENCES accounts, amount numeric);
CREATE OR REPLACE VIEW rich AS SELECT * FROM accounts WHERE balance > 100;
CREATE EXTENSION IF NOT EXISTS pg_qualstats;
ANALYZE;
"""


def _run(coroutine_function, *args):
    return asyncio.run(coroutine_function(*args))


async def _with_session(dsn, work, guards=None):
    def closing(session):
        with session:
            return work(session)

    session = await connect_async(dsn, guards)
    result = await run_sync(closing, session)
    assert session.connection.is_closed()
    return result


@pytest.fixture(scope="module")
def loaded(database):
    database.execute(SETUP)
    database.run_workload(
        [
            ("SELECT balance FROM accounts WHERE owner = %s", ("owner1",)),
            ("SELECT count(*) FROM accounts WHERE balance > %s", (50,)),
            "SELECT * FROM rich ORDER BY opened LIMIT 5",
        ],
        repeat=3,
    )
    return database


def _comparable(snapshot):
    """What must not differ between two collections a moment apart."""
    return dataclasses.replace(
        snapshot,
        collected_at=None,
        server=None,
        plans=(),
        activity=None,
        database=None,
        checkpointer=None,
        statements=tuple(sorted((s.queryid, s.query) for s in snapshot.statements if "accounts" in s.query)),
        tables=tuple(dataclasses.replace(t, **_counters(t)) for t in snapshot.tables),
        indexes=tuple(dataclasses.replace(i, **_counters(i)) for i in snapshot.indexes),
        qualstats=(),
        example_queries=(),
    )


def _without_client_encoding(server):
    """asyncpg always asks for UTF8 in its startup packet, so the setting's source is "client"."""
    return dataclasses.replace(server, settings=tuple(s for s in server.settings if s.name != "client_encoding"))


def _counters(fact):
    """Usage counters that pgtune's own catalog queries move."""
    return {
        f.name: 0
        for f in dataclasses.fields(fact)
        if f.name.startswith(("seq_", "idx_", "n_", "heap_", "toast_", "tidx_"))
        and isinstance(getattr(fact, f.name), int)
    }


def test_asyncpg_collects_the_same_facts_as_psycopg(loaded):
    options = CollectOptions(max_plans=5)
    with connect(loaded.dsn) as session:
        expected = collect(session, options)
    found = _run(_with_session, loaded.dsn, lambda s: collect(s, options))
    assert found.gaps == expected.gaps
    # pgtune's own queries land in pg_stat_statements too, so compare the plans of the application's.
    expected_plans = {p.queryid: p for p in expected.plans if "accounts" in p.query}
    assert len(expected_plans) >= 2
    assert {p.queryid: p for p in found.plans if p.queryid in expected_plans} == expected_plans
    assert found.column_stats == expected.column_stats
    assert _without_client_encoding(found.server) == _without_client_encoding(expected.server)
    assert _comparable(found) == _comparable(expected)


def test_asyncpg_session_is_read_only_and_named_pgtune(loaded):
    def probe(session):
        name = session.scalar(
            "SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid() AND %(always)s",
            {"always": True},
        )
        timeouts = session.rows(
            "SELECT current_setting('statement_timeout') AS s, current_setting('lock_timeout') AS l"
        )
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            session.rows("CREATE TABLE pgtune_must_not_exist (id int)")
        with session.rolled_back():
            session.rows("SET LOCAL statement_timeout = 1")
        return name, timeouts[0]

    guards = SessionGuards(statement_timeout_ms=4321, lock_timeout_ms=123)
    name, timeouts = _run(_with_session, loaded.dsn, probe, guards)
    assert name == "pgtune"
    assert timeouts == {"s": "4321ms", "l": "123ms"}


def test_asyncpg_errors_come_back_as_psycopg_errors_of_the_same_sqlstate(loaded):
    def failing(session: AsyncpgSession):
        with pytest.raises(psycopg.errors.UndefinedTable):
            session.rows("SELECT * FROM no_such_table")
        with pytest.raises(psycopg.errors.QueryCanceled):
            session.rows("SELECT pg_sleep(1)")
        assert session.scalar("SELECT 1 WHERE false") is None
        assert session.rows("SELECT $1::int AS unbound") == [{"unbound": None}]
        return session.named("qualstats_examples", {"limit": 1}, schemas={"qualstats": "public"})

    assert _run(_with_session, loaded.dsn, failing, SessionGuards(statement_timeout_ms=50)) is not None


def test_connection_errors_are_typed_and_never_show_the_password(loaded):
    user = "fleet_secret_user"
    loaded.execute(
        f"DO $$ BEGIN CREATE ROLE {user} LOGIN PASSWORD 'right-pass'; EXCEPTION WHEN duplicate_object THEN NULL; END $$"
    )
    base = f"host={loaded.host} port={loaded.port} dbname={loaded.dbname}"
    cases = [
        (f"{base} user={user} password=wrong-pass", AuthenticationFailed),
        (f"host={loaded.host} port={loaded.port} dbname=no_such_db user={loaded.user}", UnknownDatabase),
        ("host=127.0.0.1 port=1 user=x password=wrong-pass", ConnectionFailed),
        (f"{base} user=no_such_role", AuthenticationFailed),
        (f"{base} port=not-a-port user={user} password=wrong-pass", BadInput),
    ]
    for dsn, error in cases:
        with pytest.raises(error) as raised:
            _run(connect_async, dsn)
        assert "wrong-pass" not in raised.value.one_line()


def test_await_only_outside_a_bridge_is_a_clear_bug():
    pending = asyncio.sleep(0)
    with pytest.raises(RuntimeError, match="outside run_sync"):
        await_only(pending)
    pending.close()


@pytest.mark.parametrize(
    ("dsn", "expected"),
    [
        ("", ("postgresql://", None)),
        (
            "host=db1 port=5433 dbname=app user=u password=p",
            ("postgresql://?dbname=app&host=db1&port=5433&user=u", "p"),
        ),
        (
            "postgresql://u:p%40ss@db1/app?sslmode=require",
            ("postgresql://?dbname=app&host=db1&sslmode=require&user=u", "p@ss"),
        ),
        ("host=a,b dbname='x y'", ("postgresql://?dbname=x+y&host=a%2Cb", None)),
        ("service=ledger application_name=x connect_timeout=3", ("postgresql://?service=ledger", None)),
    ],
)
def test_asyncpg_dsn(dsn, expected):
    assert asyncpg_dsn(dsn) == expected


def test_asyncpg_dsn_refuses_keys_it_would_drop():
    with pytest.raises(BadInput, match="options") as raised:
        asyncpg_dsn("host=db1 password=hunter2 options='-c work_mem=1GB'")
    assert "hunter2" not in raised.value.one_line()


@pytest.mark.parametrize(
    ("query", "params", "text", "args"),
    [
        ("SELECT 1 LIMIT %(limit)s", {"limit": 5}, "SELECT 1 LIMIT $1", [5]),
        ("SELECT %(a)s, %(b)s, %(a)s", {"a": 1, "b": 2}, "SELECT $1, $2, $1", [1, 2]),
        ("SELECT %s, %s", ("x", None), "SELECT $1, $2", ["x", None]),
        ("SELECT 'a%%' LIKE %s", ["a%"], "SELECT 'a%' LIKE $1", ["a%"]),
        ("SELECT 'a%' LIKE 'b%%'", None, "SELECT 'a%' LIKE 'b%%'", []),
        ("SELECT $1", None, "SELECT $1", []),
        ("SELECT 1", {}, "SELECT 1", []),
    ],
)
def test_to_dollar_params(query, params, text, args):
    assert to_dollar_params(query, params) == (text, args)


@pytest.mark.parametrize(
    ("query", "params", "message"),
    [
        ("SELECT %s", {"a": 1}, "needs a sequence"),
        ("SELECT %(a)s", [1], "needs a mapping"),
        ("SELECT %s", [1, 2], "more parameters"),
    ],
)
def test_to_dollar_params_refuses_mismatched_parameters(query, params, message):
    with pytest.raises(TypeError, match=message):
        to_dollar_params(query, params)


@pytest.mark.parametrize(
    ("name", "quoted"),
    [("public", '"public"'), ('we"ird', '"we""ird"'), ("Caps Space", '"Caps Space"')],
)
def test_quote_ident(name, quoted):
    assert quote_ident(name) == quoted


def test_quote_ident_refuses_nul():
    with pytest.raises(BadInput):
        quote_ident("a\x00b")


def test_fill_schemas_fills_only_the_placeholders_named():
    text = "SELECT '{}' FROM {pgss}.pg_stat_statements, {other}.x"
    assert fill_schemas(text, {"pgss": 'my "ext"'}) == 'SELECT \'{}\' FROM "my ""ext""".pg_stat_statements, {other}.x'


@pytest.mark.parametrize(
    ("raised", "expected"),
    [
        (asyncpg.exceptions.UndefinedTableError("no table"), psycopg.errors.UndefinedTable),
        (asyncpg.exceptions.QueryCanceledError("cancelled"), psycopg.errors.QueryCanceled),
        (asyncpg.PostgresError("no sqlstate"), psycopg.DatabaseError),
        (asyncpg.exceptions.ConnectionDoesNotExistError("closed"), psycopg.errors.ConnectionDoesNotExist),
        (ConnectionResetError("reset by peer"), psycopg.OperationalError),
    ],
)
def test_driver_errors_become_psycopg_errors(raised, expected):
    converted = _as_psycopg_error(raised)
    assert type(converted) is expected
    assert str(raised) in str(converted)


@pytest.mark.parametrize(
    ("raised", "words"),
    [
        (ConnectionRefusedError(111, "Connect call failed"), "connection refused"),
        (asyncio.TimeoutError(), "timeout expired"),
        (socket.gaierror(-2, "Name or service not known"), "could not translate host name"),
        (OSError("other"), "other"),
    ],
)
def test_connection_errors_in_libpq_words(raised, words):
    assert _connect_message(raised) == words
