"""DO-block bodies read as the statements they run (EF Core's idempotent scripts, Drizzle's foreign keys),
statically and under ``--trace``; a partitioned parent's rewrite seen through its partitions; an index
rebuild under ACCESS EXCLUSIVE reported where the table itself is kept. Through the CLI, on the real server."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from pgtune.cli import main
from pgtune.gate.config import CheckConfig
from pgtune.gate.trace import trace_paths

SCHEMA = """
CREATE TABLE users (id bigint PRIMARY KEY, country text, created_at timestamp);
CREATE INDEX users_created_at_idx ON users (created_at);
CREATE TABLE margin_calls (id bigint PRIMARY KEY, ticket int);
CREATE TABLE funding (id bigint, at date NOT NULL, account_id bigint) PARTITION BY RANGE (at);
CREATE TABLE funding_2026_10 PARTITION OF funding FOR VALUES FROM ('2026-10-01') TO ('2026-11-01');
CREATE TABLE funding_2026_11 PARTITION OF funding FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');
CREATE TABLE "__EFMigrationsHistory" ("MigrationId" text PRIMARY KEY, "ProductVersion" text);
INSERT INTO "__EFMigrationsHistory" VALUES ('20261202_Applied', '8.0.11');
INSERT INTO users SELECT g, 'DE', now() FROM generate_series(1, 200) g;
INSERT INTO margin_calls SELECT g, g FROM generate_series(1, 200) g;
INSERT INTO funding SELECT g, DATE '2026-10-01' + g % 60, g FROM generate_series(1, 300) g;
"""

EF = """START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261202_X') THEN
    SET lock_timeout = '2s';
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261202_X') THEN
    {statement}
    END IF;
END $EF$;

COMMIT;
"""


@pytest.fixture(scope="module")
def source(database):
    database.execute(SCHEMA)
    return database


def _check(*args: str) -> tuple[int, list[dict]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["check", *args, "--format", "json"])
    return code, json.loads(out.getvalue())["findings"]


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def _rules(findings: list[dict]) -> dict[str, dict]:
    return {f["rule"]: f for f in findings}


def test_ef_core_statements_inside_do_blocks_are_read_statically_and_traced(source, tmp_path):
    widen = _write(
        tmp_path, "ef_bigint.sql", EF.format(statement="ALTER TABLE margin_calls ALTER COLUMN ticket TYPE bigint;")
    )
    rename = _write(tmp_path, "ef_rename.sql", EF.format(statement="ALTER TABLE users RENAME COLUMN country TO cc;"))
    code, static = _check(widen)
    found = _rules(static)["MG006"]
    assert code == 1 and found["location"]["line"] == 13
    assert any(e["label"] == "inside" and "DO block at line 10" in e["value"] for e in found["evidence"])
    # The SET inside the first DO is in force for the second: no MG019.
    assert "MG019" not in _rules(static)
    code, traced = _check(widen, "--trace", "--dsn", source.dsn)
    found = _rules(traced)["MG006"]
    assert code == 1 and found["confidence"] == "high" and found["severity"] == "critical"
    assert "rewrites public.margin_calls" in found["message"]
    code, traced = _check(rename, "--trace", "--dsn", source.dsn)
    assert code == 1 and _rules(traced)["MG018"]["confidence"] == "high"


def test_a_statement_an_applied_ef_core_migration_skips_is_no_finding_when_traced(source, tmp_path):
    applied = EF.format(statement="ALTER TABLE users DROP COLUMN country;").replace("20261202_X", "20261202_Applied")
    path = _write(tmp_path, "ef_applied.sql", applied)
    # Read statically, the statement is judged as run: its IF is the database's to decide.
    assert "MG017" in _rules(_check(path)[1])
    code, traced = _check(path, "--trace", "--dsn", source.dsn)
    assert code == 0 and "MG017" not in _rules(traced)


def test_drizzle_foreign_key_in_a_do_block_is_read(tmp_path):
    drizzle = _write(
        tmp_path,
        "0001_drizzle.sql",
        'CREATE TABLE IF NOT EXISTS "subs" ("id" serial PRIMARY KEY, "user_id" bigint NOT NULL);\n'
        "--> statement-breakpoint\nDO $$ BEGIN\n"
        ' ALTER TABLE "subs" ADD CONSTRAINT "subs_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id");\n'
        "EXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;\n",
    )
    _, findings = _check(drizzle)
    found = _rules(findings)["MG019"]
    assert found["location"]["line"] == 4 and "public.users" in found["message"]


def test_concurrently_inside_a_do_block_runs_in_its_transaction(tmp_path):
    path = _write(
        tmp_path, "0002_do.sql", "DO $$ BEGIN EXECUTE 'CREATE INDEX CONCURRENTLY i ON users (country)'; END $$;\n"
    )
    code, findings = _check(path)
    assert code == 1 and "MG003" in _rules(findings)


@pytest.mark.parametrize(
    ("do", "flagged"),
    [
        # Dynamic SQL of a variable may create anything: the missing table is not claimed.
        ("DO $$ DECLARE t text := 'ghosts'; BEGIN EXECUTE 'CREATE TABLE ' || t || ' (id int)'; END $$;", False),
        # A literal, a format() of literals: read, so the absence is still known.
        ("DO $$ BEGIN EXECUTE format('CREATE TABLE %I (id int)', 'spirits'); END $$;", True),
        ("DO $$ BEGIN IF true THEN CREATE TABLE spirits (id int); END IF; END $$;", True),
    ],
)
def test_dynamic_sql_that_is_not_a_literal_stays_unknown(tmp_path, do, flagged):
    history = tmp_path / "migrations"
    history.mkdir()
    (history / "0001_init.sql").write_text("CREATE TABLE ledger (id bigint PRIMARY KEY);\n")
    checked = _write(history, "0002_do.sql", f"{do}\nDROP TABLE ghosts;\n")
    _, findings = _check(checked, "--history", str(history))
    assert any(f["rule"] == "MG021" and "ghosts" in f["message"] for f in findings) is flagged


def test_a_partitioned_parent_rewrite_is_seen_through_its_partitions(source, tmp_path):
    path = _write(
        tmp_path,
        "0004_part.sql",
        "SET lock_timeout = '2s';\nALTER TABLE funding ADD COLUMN settled_at timestamptz DEFAULT clock_timestamp();\n",
    )
    code, findings = _check(path, "--trace", "--dsn", source.dsn)
    found = _rules(findings)["MG005"]
    assert code == 1 and found["confidence"] == "high" and found["target"] == "public.funding"
    shrink = _write(
        tmp_path, "0005_part.sql", "SET lock_timeout = '2s';\nALTER TABLE funding ALTER COLUMN account_id TYPE int;\n"
    )
    code, findings = _check(shrink, "--trace", "--dsn", source.dsn)
    assert code == 1 and _rules(findings)["MG006"]["severity"] == "critical"


def test_an_index_rebuilt_while_writes_wait_is_reported_though_the_table_is_kept(source, tmp_path):
    path = _write(
        tmp_path,
        "0006_tz.sql",
        "BEGIN;\nSET lock_timeout = '2s';\nSET TIME ZONE 'UTC';\n"
        "ALTER TABLE users ALTER COLUMN created_at TYPE timestamptz;\nCOMMIT;\n",
    )
    code, findings = _check(path, "--trace", "--dsn", source.dsn)
    found = _rules(findings)["MG006"]
    assert code == 1 and "rebuilds its indexes" in found["message"] and found["location"]["line"] == 4


@pytest.mark.parametrize(
    ("do", "rule"),
    [
        ("DO 'BEGIN ALTER TABLE users RENAME COLUMN country TO cc; END';", "MG018"),
        ("DO $$ BEGIN EXECUTE format('ALTER TABLE %I RENAME COLUMN country TO cc', 'Users') || ''; END $$;", "MG018"),
        ("DO $$ BEGIN EXECUTE 'ALTER TABLE users ' || 'RENAME COLUMN country TO cc'::text; END $$;", "MG018"),
        ("DO $$ BEGIN EXECUTE format('UPDATE users SET country = %L WHERE true', 'it''s 100%%'); END $$;", "MG016"),
        ("DO $$ BEGIN EXECUTE format('ALTER TABLE %2$s RENAME COLUMN a TO b', 'users'); END $$;", None),
        ("DO $$ BEGIN EXECUTE 'not sql at all'; EXECUTE 'SELECT ('; END $$;", None),
        ("DO $$ BEGIN not plpgsql; END $$;", None),
        ("DO LANGUAGE plpython3u $$ plpy.execute('ALTER TABLE users RENAME COLUMN country TO cc') $$;", None),
    ],
)
def test_what_a_do_block_runs_is_read_only_when_its_text_says(tmp_path, do, rule):
    _, findings = _check(_write(tmp_path, "0007_do.sql", f"SET lock_timeout = '1s';\n{do}\n"))
    rules = {f["rule"] for f in findings}
    assert rule in rules if rule else not rules


@pytest.mark.parametrize(
    ("migration", "rule", "every_row"),
    [
        ("DO $$\nBEGIN\n    UPDATE margin_calls SET ticket = ticket + 1;\nEND\n$$;\n", "MG016", True),
        ("DO $$\nBEGIN\n    UPDATE margin_calls SET ticket = ticket + 1 WHERE id <= 100;\nEND\n$$;\n", None, False),
        # Row by row, every row: each UPDATE's tag would say 1; the transaction's counts say 200.
        (
            "DO $$ BEGIN FOR i IN 1..200 LOOP UPDATE margin_calls SET ticket = i WHERE id = i; END LOOP; END $$;\n",
            "MG016",
            True,
        ),
        (
            "CREATE PROCEDURE bump() LANGUAGE sql AS $$ UPDATE margin_calls SET ticket = 0 $$;\nCALL bump();\n",
            "MG016",
            True,
        ),
        (
            "CREATE FUNCTION purge() RETURNS void LANGUAGE sql AS $$ DELETE FROM margin_calls $$;\nSELECT purge();\n",
            "MG016",
            True,
        ),
        (
            "CREATE FUNCTION trim_calls() RETURNS void LANGUAGE sql AS $$ DELETE FROM margin_calls WHERE id > 150 $$;\n"
            "SELECT trim_calls();\n",
            None,
            False,
        ),
    ],
    ids=["do-all", "do-some", "do-row-by-row", "call", "select-function", "select-function-some"],
)
def test_rows_a_block_procedure_or_function_writes_are_counted(source, tmp_path, migration, rule, every_row):
    """Their command tags (DO, CALL, SELECT 1) carry no count of the rows written: the transaction's own
    counters (pg_stat_xact_user_tables) before and after the statement do, and feed the same hazard and rule."""
    path = _write(tmp_path, "0008_backfill.sql", "SET lock_timeout = '2s';\n" + migration)
    trace = trace_paths([Path(path)], source.dsn, CheckConfig())[0].files[0]
    assert ("touches every row of public.margin_calls" in "; ".join(trace.hazards())) is every_row, trace.hazards()
    code, findings = _check(path, "--trace", "--dsn", source.dsn)
    assert [f["rule"] for f in findings if f["severity"] != "info"] == ([rule] if rule else []), findings
    if rule:
        assert code == 1 and _rules(findings)[rule]["confidence"] == "high"
    with source.connect() as conn:  # the clone was written, never the source
        assert conn.execute("SELECT count(*), sum(ticket) FROM margin_calls").fetchone() == (200, 20100)
