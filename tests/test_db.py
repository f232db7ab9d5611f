"""The session guards, DSN resolution and redaction, and connection errors against a real server."""

from __future__ import annotations

import socket

import psycopg
import pytest

from pgtune.db import SessionGuards, connect, explain_server_error, redact_dsn, resolve_dsn
from pgtune.errors import (
    AuthenticationFailed,
    BadInput,
    ConnectionFailed,
    ExitCode,
    PgtuneBug,
    PrivilegeMissing,
    ServerError,
    UnknownDatabase,
    UnsupportedVersion,
)
from pgtune.versions import ServerVersion, pick_sql_variant

SECRET = "hunter2-Secret"


@pytest.fixture(scope="module")
def secret_role(database):
    database.execute(
        f"DROP ROLE IF EXISTS pw_user; CREATE ROLE pw_user LOGIN PASSWORD '{SECRET}';"
        f"GRANT CONNECT ON DATABASE {database.dbname} TO pw_user"
    )
    return "pw_user"


def test_session_is_read_only(database):
    database.execute("CREATE TABLE guarded (id int)")
    with connect(database.dsn) as session, pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        session.rows("INSERT INTO guarded VALUES (1)")
    with database.connect() as conn:
        assert conn.execute("SELECT count(*) FROM guarded").fetchone()[0] == 0


def test_slow_query_is_cancelled_by_statement_timeout(database):
    with connect(database.dsn, SessionGuards(statement_timeout_ms=200)) as session:
        with pytest.raises(psycopg.errors.QueryCanceled):
            session.rows("SELECT pg_sleep(5)")
        assert session.scalar("SHOW statement_timeout") == "200ms"


def test_lock_timeout_stops_waiting_for_a_lock(database):
    database.execute("CREATE TABLE locked (id int)")
    with database.connect() as holder:
        holder.autocommit = False
        holder.execute("LOCK TABLE locked IN ACCESS EXCLUSIVE MODE")
        with (
            connect(database.dsn, SessionGuards(lock_timeout_ms=100)) as session,
            pytest.raises(psycopg.errors.LockNotAvailable),
        ):
            session.rows("SELECT * FROM locked")
        holder.rollback()


def test_application_name_is_pgtune(database):
    with connect(database.dsn) as session:
        name = session.scalar("SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()")
    assert name == "pgtune"


def test_application_name_in_dsn_cannot_hide_pgtune(database):
    with connect(database.dsn + " application_name=sneaky") as session:
        assert session.scalar("SHOW application_name") == "pgtune"


def test_version_read_once_and_supported(database):
    with connect(database.dsn) as session:
        assert session.version.major == 15
        assert not session.version.has_explain_generic_plan


def test_rolled_back_transaction_undoes_everything(database):
    with connect(database.dsn) as session:
        with session.rolled_back():
            session.rows("SET LOCAL work_mem = '77MB'")
            assert session.scalar("SHOW work_mem") == "77MB"
        assert session.scalar("SHOW work_mem") != "77MB"


def test_dsn_falls_back_to_environment(monkeypatch, database):
    monkeypatch.setenv("PGTUNE_DSN", database.dsn)
    assert resolve_dsn(None) == database.dsn
    assert resolve_dsn("dbname=x") == "dbname=x"
    monkeypatch.delenv("PGTUNE_DSN")
    monkeypatch.setenv("PGHOST", database.host)
    monkeypatch.setenv("PGPORT", str(database.port))
    monkeypatch.setenv("PGUSER", database.user)
    monkeypatch.setenv("PGDATABASE", database.dbname)
    assert resolve_dsn(None) == ""
    with connect(None) as session:
        assert session.scalar("SELECT current_database()") == database.dbname


def test_pgpass_is_honoured(monkeypatch, tmp_path, database, secret_role):
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"{database.host}:{database.port}:*:{secret_role}:{SECRET}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    dsn = f"host={database.host} port={database.port} dbname={database.dbname} user={secret_role}"
    with connect(dsn) as session:
        assert session.scalar("SELECT current_user") == secret_role


@pytest.mark.parametrize(
    ("dsn", "shown"),
    [
        (f"host=db password={SECRET} user=u", "host=db user=u"),
        (f"postgresql://u:{SECRET}@db:5432/app", "postgresql://u:***@db:5432/app"),
        (f"postgresql://db/app?password={SECRET}&sslmode=require", "postgresql://db/app?password=***&sslmode=require"),
        ("", "(libpq environment)"),
        ("host='unterminated", "(unparseable DSN)"),
    ],
)
def test_redact_dsn_never_shows_the_password(dsn, shown):
    assert redact_dsn(dsn) == shown
    assert SECRET not in redact_dsn(dsn)


def test_wrong_password(database, secret_role):
    dsn = f"host={database.host} port={database.port} dbname={database.dbname} user={secret_role} password=nope{SECRET}"
    with pytest.raises(AuthenticationFailed) as caught:
        connect(dsn)
    assert SECRET not in caught.value.one_line()
    assert "password" in caught.value.one_line()


def test_unknown_database(database):
    with pytest.raises(UnknownDatabase) as caught:
        connect(f"host={database.host} port={database.port} dbname=no_such_db user={database.user}")
    assert "does not exist" in caught.value.one_line()


def test_refused_port_and_unreachable_host():
    with pytest.raises(ConnectionFailed, match="nothing is listening"):
        connect(f"host=127.0.0.1 port=1 password={SECRET}")
    with pytest.raises(ConnectionFailed, match="unknown host"):
        connect("host=no-such-host.invalid connect_timeout=2")


def test_malformed_dsn_names_no_secret():
    with pytest.raises(BadInput) as caught:
        connect(f"host=db {SECRET}")
    assert SECRET not in caught.value.one_line()
    assert caught.value.one_line().startswith("malformed DSN")


def test_unsupported_version():
    with pytest.raises(UnsupportedVersion) as caught:
        ServerVersion(130023).check_supported()
    assert caught.value.one_line().startswith("PostgreSQL 13 is not supported (server_version_num 130023)")
    assert "pgtune supports PostgreSQL 14 to 18" in caught.value.one_line()
    ServerVersion(140000).check_supported()


def test_sql_variant_selection(tmp_path):
    for name in ("stats.sql", "stats.pg14.sql", "stats.pg17.sql", "other.pg15.sql"):
        (tmp_path / name).write_text("SELECT 1")
    assert pick_sql_variant(tmp_path, "stats", ServerVersion(130005)).name == "stats.sql"
    assert pick_sql_variant(tmp_path, "stats", ServerVersion(150018)).name == "stats.pg14.sql"
    assert pick_sql_variant(tmp_path, "stats", ServerVersion(170002)).name == "stats.pg17.sql"
    assert pick_sql_variant(tmp_path, "other", ServerVersion(140000)).name == "other.sql"


def test_connect_timeout_on_a_silent_server():
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        with pytest.raises(ConnectionFailed, match="timed out"):
            connect(f"host=127.0.0.1 port={port}", SessionGuards(connect_timeout_s=1))


def test_missing_password_is_an_authentication_error(database, secret_role, monkeypatch, tmp_path):
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    with pytest.raises(AuthenticationFailed):
        connect(f"host={database.host} port={database.port} dbname={database.dbname} user={secret_role}")


@pytest.mark.parametrize(
    ("statement", "error", "expected"),
    [
        ("SELECT * FROM pg_authid", PrivilegeMissing, "GRANT pg_monitor"),
        ("SELECT pg_sleep(2)", ServerError, "raise --statement-timeout-ms"),
        # A statement pgtune made that the server finds wrong is pgtune's bug: exit 4, the statement named.
        ("SELEC 1", PgtuneBug, 'the server refused a statement pgtune made (syntax error at or near "SELEC"): SELEC 1'),
    ],
)
def test_server_errors_are_typed(database, secret_role, statement, error, expected):
    dsn = f"host={database.host} port={database.port} dbname={database.dbname} user={secret_role} password={SECRET}"
    with connect(dsn, SessionGuards(statement_timeout_ms=100)) as session:
        with pytest.raises(psycopg.Error) as caught:
            session.rows(statement)
        typed = explain_server_error(caught.value)
    assert isinstance(typed, error)
    assert expected in typed.one_line()
    assert (typed.exit_code == ExitCode.INTERNAL) == (error is PgtuneBug)


def test_lock_and_connection_errors_are_typed(database):
    database.execute("CREATE TABLE contended (id int)")
    with database.connect() as holder:
        holder.autocommit = False
        holder.execute("LOCK TABLE contended IN ACCESS EXCLUSIVE MODE")
        with connect(database.dsn, SessionGuards(lock_timeout_ms=50)) as session:
            with pytest.raises(psycopg.Error) as caught:
                session.rows("SELECT * FROM contended")
            assert "retry, or raise --lock-timeout-ms" in explain_server_error(caught.value).one_line()
            pid = session.scalar("SELECT pg_backend_pid()")
            holder.rollback()
            holder.execute("SELECT pg_terminate_backend(%s)", (pid,))
            with pytest.raises(psycopg.OperationalError) as dropped:
                session.rows("SELECT 1")
    assert explain_server_error(dropped.value).one_line().startswith("the connection failed")
