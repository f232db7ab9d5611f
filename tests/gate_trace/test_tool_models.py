"""Each migration tool's way of running a file, through ``pgtune check`` and ``pgtune check --trace`` on the
suite's real server: which parts run, and in which transaction (goose, Liquibase, Diesel, golang-migrate)."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from pgtune.cli import main

SCHEMA = """
CREATE TABLE orders (id bigint PRIMARY KEY, qty int, note text, status text);
INSERT INTO orders SELECT g, g, 'n', 'open' FROM generate_series(1, 200) g;
"""


@pytest.fixture(scope="module")
def source(database):
    database.execute(SCHEMA)
    return database


def _check(*args: str) -> tuple[int, dict]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", *args, "--format", "json"])
    assert code in (0, 1), err.getvalue()
    return code, json.loads(out.getvalue())


def _traced(path: Path, dsn: str) -> tuple[int, dict]:
    return _check(str(path), "--trace", "--dsn", dsn)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def _at(report: dict, rule: str) -> list[int]:
    return sorted(f["location"]["line"] for f in report["findings"] if f["rule"] == rule)


def _lines(report: dict) -> set[int]:
    return {f["location"]["line"] for f in report["findings"] if f.get("location")}


def _model(report: dict) -> str:
    (entry,) = report["files"]
    return entry["model"]


GOOSE = """-- +goose Up
-- +goose StatementBegin
CREATE INDEX CONCURRENTLY orders_qty_idx ON orders (qty);
-- +goose StatementEnd

-- +goose Down
ALTER TABLE orders DROP COLUMN note;
DROP TABLE orders;
"""


def test_goose_runs_only_up_in_one_transaction(source, tmp_path):
    path = _write(tmp_path / "00001_qty.sql", GOOSE)
    code, static = _check(str(path))
    assert code == 1 and _at(static, "MG003") == [3]
    assert _lines(static) == {3}  # nothing from the Down section
    assert _model(static) == "goose (the Up section): one transaction"
    code, traced = _traced(path, source.dsn)
    failed = [f for f in traced["findings"] if f["rule"] == "MG021"]
    assert code == 1 and len(failed) == 1 and "25001" in failed[0]["message"]
    assert _lines(traced) <= {3}  # the Down section was not run either


def test_goose_no_transaction_runs_each_statement_bare(source, tmp_path):
    text = GOOSE.replace("-- +goose Up\n", "-- +goose NO TRANSACTION\n-- +goose Up\n")
    path = _write(tmp_path / "00002_qty.sql", text)
    _, static = _check(str(path))
    assert "MG003" not in {f["rule"] for f in static["findings"]} and _lines(static) <= {4}
    assert _model(static) == "goose (the Up section): autocommit"
    _, traced = _traced(path, source.dsn)
    assert not [f for f in traced["findings"] if f["rule"] == "MG021"]


def test_goose_envsub_substitutes_the_environment(source, tmp_path, monkeypatch):
    monkeypatch.setenv("PGTUNE_TEST_TABLE", "orders")
    text = "-- +goose Up\n-- +goose ENVSUB ON\nCREATE INDEX CONCURRENTLY i ON ${PGTUNE_TEST_TABLE} (qty);\n"
    code, static = _check(str(_write(tmp_path / "00003_env.sql", text)))
    assert code == 1 and _at(static, "MG003") == [3]


LIQUIBASE = """--liquibase formatted sql

--changeset alice:1
--comment: a concurrent build inside the changeset's transaction
CREATE INDEX CONCURRENTLY orders_qty_idx ON orders (qty);
--rollback ALTER TABLE orders DROP COLUMN note;

--changeset alice:2 runInTransaction:false
CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
--rollback DROP TABLE orders;

--changeset alice:3 dbms:oracle
ALTER TABLE orders DROP COLUMN qty;
"""


def test_liquibase_changesets_run_in_their_own_transactions(source, tmp_path):
    path = _write(tmp_path / "changelog.sql", LIQUIBASE)
    code, static = _check(str(path))
    assert code == 1 and _at(static, "MG003") == [5]
    assert _lines(static) == {5}  # rollback lines and the Oracle-only changeset never run
    assert _model(static) == (
        "Liquibase formatted SQL: changeset alice:1 one transaction; changeset alice:2 autocommit"
    )
    assert any("changeset alice:3 is skipped on PostgreSQL" in n for n in static["notes"])
    code, traced = _traced(path, source.dsn)
    failed = [f for f in traced["findings"] if f["rule"] == "MG021"]
    assert code == 1 and [f["location"]["line"] for f in failed] == [5] and "25001" in failed[0]["message"]


def test_liquibase_second_changeset_runs_after_the_first_commits(source, tmp_path):
    text = LIQUIBASE.replace("CREATE INDEX CONCURRENTLY orders_qty_idx", "CREATE INDEX orders_qty_idx")
    path = _write(tmp_path / "changelog.sql", text)
    _, traced = _traced(path, source.dsn)
    assert not [f for f in traced["findings"] if f["rule"] == "MG021"]


def _diesel(root: Path, up: str, metadata: str | None = None) -> Path:
    directory = root / "migrations" / "2026-01-01-000000_orders_idx"
    _write(directory / "up.sql", up)
    _write(directory / "down.sql", "ALTER TABLE orders DROP COLUMN note;\nDROP TABLE orders;\n")
    if metadata is not None:
        _write(directory / "metadata.toml", metadata)
    return root / "migrations"


def test_diesel_runs_up_sql_in_a_transaction_and_never_down_sql(source, tmp_path):
    migrations = _diesel(tmp_path, "CREATE INDEX CONCURRENTLY orders_qty_idx ON orders (qty);\n")
    code, static = _check(str(migrations))
    assert code == 1 and _at(static, "MG003") == [1]
    assert [Path(f["path"]).name for f in static["files"]] == ["up.sql"]
    assert static["files"][0]["model"] == "Diesel (up.sql): one transaction"
    code, traced = _traced(migrations, source.dsn)
    assert code == 1 and [f["location"]["file"] for f in traced["findings"] if f["rule"] == "MG021"] == [
        str(migrations / "2026-01-01-000000_orders_idx" / "up.sql")
    ]


def test_diesel_metadata_turns_the_transaction_off(source, tmp_path):
    one = "CREATE INDEX CONCURRENTLY orders_qty_idx ON orders (qty);\n"
    migrations = _diesel(tmp_path, one, "run_in_transaction = false\n")
    code, static = _check(str(migrations))
    assert code == 0 and static["files"][0]["model"] == "Diesel (up.sql): autocommit"
    _, traced = _traced(migrations, source.dsn)
    assert not [f for f in traced["findings"] if f["rule"] == "MG021"]


TWO_CIC = (
    "CREATE INDEX CONCURRENTLY orders_qty_idx ON orders (qty);\n"
    "CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\n"
)


def test_golang_migrate_sends_the_file_in_one_exec(source, tmp_path):
    two = _write(tmp_path / "000001_two.up.sql", TWO_CIC)
    _write(tmp_path / "000001_two.down.sql", "DROP TABLE orders;\n")
    code, static = _check(str(two))
    assert code == 1 and _at(static, "MG003") == [1, 2]
    assert _model(static) == "golang-migrate (the file in one Exec): one implicit transaction"
    code, traced = _traced(two, source.dsn)
    failed = [f for f in traced["findings"] if f["rule"] == "MG021"]
    assert code == 1 and [f["location"]["line"] for f in failed] == [1] and "25001" in failed[0]["message"]


def test_golang_migrate_one_concurrent_build_alone_passes(source, tmp_path):
    one = _write(tmp_path / "000002_one.up.sql", TWO_CIC.splitlines(keepends=True)[0])
    code, static = _check(str(one))
    assert code == 0 and _model(static) == "golang-migrate (the file in one Exec): autocommit"
    code, traced = _traced(one, source.dsn)
    assert code == 0 and not traced["findings"]


def test_dbmate_without_a_transaction_still_sends_one_exec(source, tmp_path):
    text = "-- migrate:up transaction:false\n" + TWO_CIC + "-- migrate:down\nDROP TABLE orders;\n"
    path = _write(tmp_path / "20260101000000_idx.sql", text)
    code, static = _check(str(path))
    assert code == 1 and _at(static, "MG003") == [2, 3]
    _, traced = _traced(path, source.dsn)
    assert [f["location"]["line"] for f in traced["findings"] if f["rule"] == "MG021"] == [2]


def test_atlas_txmode_none_and_its_default(tmp_path):
    _write(tmp_path / "atlas.sum", "h1:x\n")
    default = _write(tmp_path / "20260101000000_a.sql", TWO_CIC.splitlines(keepends=True)[0])
    code, static = _check(str(default))
    assert code == 1 and _at(static, "MG003") == [1] and _model(static) == "Atlas: one transaction"
    bare = _write(tmp_path / "20260102000000_b.sql", "-- atlas:txmode none\n\n" + TWO_CIC)
    code, static = _check(str(bare))
    assert code == 0 and _model(static) == "Atlas: autocommit"


def test_drizzle_runs_its_migrations_in_one_transaction(tmp_path):
    _write(tmp_path / "meta" / "_journal.json", '{"entries": []}')
    text = "ALTER TABLE orders ADD COLUMN x int;--> statement-breakpoint\n" + TWO_CIC.splitlines(keepends=True)[0]
    code, static = _check(str(_write(tmp_path / "0001_x.sql", text)))
    assert code == 1 and _at(static, "MG003") == [2] and _model(static) == "Drizzle: one transaction"
    assert any("all pending migrations in one transaction" in n for n in static["notes"])


def test_prisma_sends_the_script_in_one_simple_query(tmp_path):
    _write(tmp_path / "migrations" / "migration_lock.toml", 'provider = "postgresql"\n')
    two = _write(tmp_path / "migrations" / "20260101000000_two" / "migration.sql", TWO_CIC)
    _write(tmp_path / "migrations" / "20260102000000_one" / "migration.sql", TWO_CIC.splitlines()[0])
    _, static = _check(str(tmp_path / "migrations"))
    assert [(Path(f["path"]).parent.name, f["model"]) for f in static["files"]] == [
        ("20260101000000_two", "Prisma migrate (the script in one simple query): one implicit transaction"),
        ("20260102000000_one", "Prisma migrate (the script in one simple query): autocommit"),
    ]
    assert sorted(
        (f["location"]["file"], f["location"]["line"]) for f in static["findings"] if f["rule"] == "MG003"
    ) == [
        (str(two), 1),
        (str(two), 2),
    ]


def test_liquibase_end_delimiter_and_ignored_lines(tmp_path):
    text = (
        "--liquibase formatted sql\n"
        "--changeset bob:1 endDelimiter:/\n"
        "CREATE INDEX CONCURRENTLY orders_qty_idx ON orders (qty)\n"
        "/\n"
        "--ignoreLines:start\n"
        "DROP TABLE orders;\n"
        "--ignoreLines:end\n"
        "--ignoreLines:1\n"
        "DROP TABLE orders;\n"
        "--changeset bob:2 dbms:!oracle\n"
        "DROP TABLE orders;\n"
    )
    code, static = _check(str(_write(tmp_path / "changelog.sql", text)))
    assert code == 1 and _lines(static) == {3, 11} and _at(static, "MG003") == [3]


def test_utf16_and_an_unterminated_dollar_quote_are_one_line_problems(tmp_path):
    (tmp_path / "a.sql").write_bytes("SELECT 1;\n".encode("utf-16"))
    _write(tmp_path / "b.sql", "DO $$\nBEGIN\n  UPDATE orders SET qty = 0 WHERE id = 1;\n" + "-- more\n" * 40)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(["check", str(tmp_path), "--format", "json"]) == 2
    problems = {Path(p["file"]).name: p["message"] for p in json.loads(out.getvalue())["problems"]}
    assert problems["a.sql"] == "UTF-16 text; save it as UTF-8 to check it"
    assert "\n" not in problems["b.sql"] and "unterminated dollar-quoted string" in problems["b.sql"]
    assert len(problems["b.sql"]) < 120


def test_golang_migrate_after_an_explicit_commit_is_still_one_query_string(source, tmp_path):
    text = "BEGIN;\nALTER TABLE orders ADD COLUMN y int;\nCOMMIT;\n" + TWO_CIC.splitlines(keepends=True)[0]
    path = _write(tmp_path / "000003_commit.up.sql", text)
    code, static = _check(str(path))
    assert code == 1 and _at(static, "MG003") == [4]
    _, traced = _traced(path, source.dsn)
    assert [f["location"]["line"] for f in traced["findings"] if f["rule"] == "MG021"] == [4]


def test_diesel_metadata_that_is_not_toml_is_a_note(tmp_path):
    migrations = _diesel(tmp_path, TWO_CIC.splitlines(keepends=True)[0], "run_in_transaction = \n")
    code, static = _check(str(migrations))
    assert code == 1 and _at(static, "MG003") == [1]
    assert any("metadata.toml: not read" in n for n in static["notes"])


def test_liquibase_changelog_for_another_database_runs_nothing(tmp_path):
    text = "--liquibase formatted sql\n--changeset a:1 dbms:mssql\nEXEC sp_rename 'a', 'b';\n"
    code, static = _check(str(_write(tmp_path / "changelog.sql", text)))
    assert code == 0 and not static["problems"] and not static["findings"]
    assert (
        static["files"][0]["model"] == "Liquibase formatted SQL: nothing in it runs on PostgreSQL"
        and "skipped on PostgreSQL" in static["notes"][0]
    )


def test_sqlx_is_known_by_the_template_line_its_cli_writes(source, tmp_path):
    """A file kept under any name with ``sqlx migrate add``'s first line is sqlx's: in a transaction unless
    ``-- no-transaction`` comes first; a plain file with the same statement runs as psql runs it."""
    statement = TWO_CIC.splitlines(keepends=True)[0]
    wrapped = _write(tmp_path / "add_index.sql", "-- Add migration script here\n" + statement)
    code, static = _check(str(wrapped))
    assert code == 1 and _at(static, "MG003") == [2]
    assert _model(static) == "sqlx migrate (the script in one simple query): one transaction"
    _, traced = _traced(wrapped, source.dsn)
    assert [f["location"]["line"] for f in traced["findings"] if f["rule"] == "MG021"] == [2]
    bare = _write(tmp_path / "add_index_bare.sql", "-- no-transaction\n-- Add up migration script here\n" + statement)
    code, static = _check(str(bare))
    assert code == 0 and _model(static) == "sqlx migrate (the script in one simple query): autocommit"
    plain = _write(tmp_path / "plain.sql", "-- add the index\n" + statement)
    code, static = _check(str(plain))
    assert code == 0 and "sqlx" not in _model(static)


def test_sqlx_wraps_each_migration_unless_it_starts_with_no_transaction(source, tmp_path):
    """sqlx (sqlx-core migrate/source.rs, sqlx-postgres migrate.rs): ``<version>_<name>.sql`` under a crate's
    migrations/, run in a transaction unless its first bytes are ``-- no-transaction``; a ``.up.sql`` there is
    sqlx's too, not golang-migrate's."""
    crate = tmp_path / "crate"
    _write(crate / "Cargo.toml", '[package]\nname = "exchange"\n')
    wrapped = _write(crate / "migrations" / "20261202000000_idx.up.sql", TWO_CIC.splitlines(keepends=True)[0])
    code, static = _check(str(wrapped))
    assert code == 1 and _at(static, "MG003") == [1]
    assert _model(static) == "sqlx migrate (the script in one simple query): one transaction"
    _, traced = _traced(wrapped, source.dsn)
    assert [f["location"]["line"] for f in traced["findings"] if f["rule"] == "MG021"] == [1]
    bare = _write(tmp_path / "20261202000001_idx.sql", "-- no-transaction\n" + TWO_CIC.splitlines(keepends=True)[0])
    code, static = _check(str(bare))
    assert code == 0 and _model(static) == "sqlx migrate (the script in one simple query): autocommit"
    code, traced = _traced(bare, source.dsn)
    assert code == 0 and not traced["findings"]
    two = _write(tmp_path / "20261202000002_two.sql", "-- no-transaction\n" + TWO_CIC)
    code, static = _check(str(two))
    assert code == 1 and _model(static) == "sqlx migrate (the script in one simple query): one implicit transaction"


def test_goose_statement_block_is_one_exec_and_one_implicit_transaction(source, tmp_path):
    build = "CREATE INDEX CONCURRENTLY orders_st_idx ON orders (status);\n"
    block = f"-- +goose StatementBegin\nSET lock_timeout = '2s';\n{build}"
    text = f"-- +goose NO TRANSACTION\n-- +goose Up\n{block}-- +goose StatementEnd\nSELECT 1;\n"
    path = _write(tmp_path / "00004_block.sql", text)
    _, static = _check(str(path))
    assert _at(static, "MG003") == [5]
    assert _model(static) == "goose (the Up section): block at line 3 one implicit transaction; from line 7 autocommit"
    _, traced = _traced(path, source.dsn)
    failed = [f for f in traced["findings"] if f["rule"] == "MG021"]
    assert len(failed) == 1 and "25001" in failed[0]["message"] and failed[0]["location"]["line"] == 5


def test_yoyo_wraps_unless_its_header_says_transactional_false(source, tmp_path):
    build = "CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);\n"
    wrapped = _write(tmp_path / "y1" / "20261201_01_note.sql", f"-- depends: 20261130_01_base\n\n{build}")
    _, static = _check(str(wrapped))
    assert _at(static, "MG003") == [3] and _model(static) == "yoyo: one transaction"
    _, traced = _traced(wrapped, source.dsn)
    assert [f["location"]["line"] for f in traced["findings"] if f["rule"] == "MG021"] == [3]
    bare = _write(
        tmp_path / "y2" / "20261201_02_note.sql", f"-- depends: 20261130_01_base\n-- transactional: false\n{build}"
    )
    _, traced = _traced(bare, source.dsn)
    assert _model(traced) == "yoyo: autocommit" and not _at(traced, "MG021") and not _at(traced, "MG003")


def test_node_pg_migrate_runs_only_the_up_migration(source, tmp_path):
    text = (
        "-- Up Migration\nSET lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN flag boolean;\n\n"
        "-- Down Migration\nALTER TABLE orders DROP COLUMN flag;\n"
    )
    path = _write(tmp_path / "1764813600000_flag.sql", text)
    _, static = _check(str(path))
    assert _model(static) == "node-pg-migrate (the Up Migration section): one transaction" and 6 not in _lines(static)
    code, traced = _traced(path, source.dsn)
    assert code == 0 and 6 not in _lines(traced) and not traced["findings"]
