"""``pgtune check --dsn --probe`` on the suite's real PostgreSQL, through the CLI: each probe's count decides
the statement, a timeout or an earlier write leaves it unknown, and the database is never written."""

from __future__ import annotations

import contextlib
import io
import json

import psycopg
import pytest

from pgtune.cli import main

SCHEMA = """
CREATE TABLE parents (id bigint PRIMARY KEY);
CREATE TABLE children (id bigint, parent_id bigint, px numeric, note text, qty bigint);
CREATE TABLE clean (id bigint, parent_id bigint, px numeric);
CREATE TABLE fills (id bigint, at timestamptz) PARTITION BY RANGE (at);
CREATE TABLE fills_2026_09 PARTITION OF fills FOR VALUES FROM ('2026-09-01') TO ('2026-10-01');
CREATE TABLE fills_rest PARTITION OF fills DEFAULT;
CREATE TABLE big (id bigint);
CREATE TABLE tiers (id bigint, tier int) PARTITION BY LIST (tier);
CREATE TABLE tiers_low PARTITION OF tiers FOR VALUES IN (1, 2);
CREATE TABLE tiers_rest PARTITION OF tiers DEFAULT;
INSERT INTO tiers SELECT g, 1 + g % 4 FROM generate_series(1, 400) g;
CREATE TABLE fills_q4 (id bigint, at timestamptz);
INSERT INTO fills_q4 VALUES (1, '2026-12-15'), (2, '2027-01-05');
INSERT INTO parents SELECT g FROM generate_series(1, 100) g;
INSERT INTO children SELECT g, CASE WHEN g % 50 = 0 THEN 1000 + g ELSE 1 + g % 100 END, g,
       CASE WHEN g % 10 = 0 THEN NULL ELSE 'n' END, CASE WHEN g = 7 THEN 9000000000 ELSE g END
FROM generate_series(1, 400) g;
INSERT INTO children VALUES (1, 1, 1, 'dup', 1);
INSERT INTO clean SELECT g, 1 + g % 100, g FROM generate_series(1, 400) g;
INSERT INTO fills SELECT g, timestamptz '2026-09-01' + g * interval '10 minutes' FROM generate_series(1, 9000) g;
INSERT INTO big SELECT g FROM generate_series(1, 3000000) g;
ALTER TABLE children ADD CONSTRAINT c_old_fk FOREIGN KEY (parent_id) REFERENCES parents (id) NOT VALID;
ANALYZE;
"""


@pytest.fixture(scope="module")
def data(database):
    database.execute(SCHEMA)
    return database


def _check(*args: str) -> tuple[int, dict]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", *args, "--format", "json"])
    assert code in (0, 1), err.getvalue()
    return code, json.loads(out.getvalue())


def _probe(data, tmp_path, sql: str, *extra: str) -> tuple[list[str], list[str]]:
    path = tmp_path / "0001_m.sql"
    path.write_text("SET lock_timeout = '2s';\n" + sql)
    _, report = _check(str(path), "--dsn", data.dsn, "--probe", *extra)
    failing = [f["message"] for f in report["findings"] if f["rule"] == "MG021"]
    return failing, [n for n in report["notes"] if n.startswith("probe")]


CASES = [
    ("ALTER TABLE children ADD CONSTRAINT c_fk FOREIGN KEY (parent_id) REFERENCES parents (id);", "without a matching"),
    ("CREATE UNIQUE INDEX CONCURRENTLY children_id ON children (id);", "key values repeated"),
    ("ALTER TABLE children VALIDATE CONSTRAINT c_old_fk;", "without a matching public.parents row"),
    ("ALTER TABLE children ADD CONSTRAINT c_px CHECK (px < 300);", "the CHECK rejects"),
    ("ALTER TABLE children ALTER COLUMN note SET NOT NULL;", "with note NULL"),
    ("ALTER TABLE children ADD PRIMARY KEY (id);", "repeated or NULL"),
    ("ALTER TABLE children ALTER COLUMN qty TYPE int;", "do not fit int4"),
    ("ALTER TABLE children ALTER COLUMN note TYPE varchar(0);", "do not fit varchar(0)"),
    ("CREATE TABLE tiers_3 PARTITION OF tiers FOR VALUES IN (3, NULL);", "DEFAULT partition inside"),
    (
        "ALTER TABLE fills ATTACH PARTITION fills_q4 FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');",
        "of public.fills_q4 outside it",
    ),
    (
        "CREATE TABLE fills_2026_10 PARTITION OF fills FOR VALUES FROM ('2026-10-01') TO ('2026-11-01');",
        "DEFAULT partition inside the new bound",
    ),
]


@pytest.mark.parametrize(("sql", "phrase"), CASES)
def test_a_probe_that_counts_rows_is_a_failure(data, tmp_path, sql, phrase):
    failing, notes = _probe(data, tmp_path, sql + "\n")
    assert any("probed read-only" in m and phrase in m for m in failing), (failing, notes)
    assert any("probed, fails" in n for n in notes)


@pytest.mark.parametrize(
    "sql",
    [
        "ALTER TABLE clean ADD CONSTRAINT k_fk FOREIGN KEY (parent_id) REFERENCES parents (id);",
        "ALTER TABLE clean ADD CONSTRAINT k_px CHECK (px > 0);",
        "ALTER TABLE clean ALTER COLUMN px SET NOT NULL;",
        "CREATE UNIQUE INDEX CONCURRENTLY clean_id ON clean (id);",
        "CREATE TABLE fills_2027_01 PARTITION OF fills FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');",
        "CREATE TABLE fills_old PARTITION OF fills FOR VALUES FROM (MINVALUE) TO ('2026-01-01');",
        "CREATE TABLE tiers_9 PARTITION OF tiers FOR VALUES IN (9);",
        "ALTER TABLE clean ALTER COLUMN px TYPE numeric(6, 2);",
    ],
)
def test_a_clean_table_passes_its_probe(data, tmp_path, sql):
    failing, notes = _probe(data, tmp_path, sql + "\n")
    assert failing == []
    assert any("probed, passes" in n for n in notes), notes


def test_a_probe_past_its_timeout_is_not_probed(data, tmp_path):
    failing, notes = _probe(
        data, tmp_path, "ALTER TABLE big ADD CONSTRAINT b_ok CHECK (id > 0);\n", "--probe-timeout-ms", "1"
    )
    assert failing == []
    assert any("not probed: timed out after 1 ms" in n for n in notes), notes


def test_an_earlier_backfill_makes_the_probe_skip(data, tmp_path):
    failing, notes = _probe(
        data,
        tmp_path,
        "UPDATE children SET note = 'x' WHERE note IS NULL;\nALTER TABLE children ALTER COLUMN note SET NOT NULL;\n",
    )
    assert failing == []
    assert any("not probed: an earlier statement of the files" in n for n in notes), notes


def test_a_passing_probe_withdraws_a_sample_claim(data, tmp_path):
    # NULLs ANALYZE sampled, then removed: the sample still says NULLs; the probe sees none.
    data.execute("CREATE TABLE later (id bigint, v int); INSERT INTO later VALUES (1, NULL), (2, 1); ANALYZE later;")
    data.execute("UPDATE later SET v = 0 WHERE v IS NULL;")
    path = tmp_path / "0001_m.sql"
    path.write_text("SET lock_timeout = '2s';\nALTER TABLE later ALTER COLUMN v SET NOT NULL;\n")
    _, sampled = _check(str(path), "--dsn", data.dsn)
    assert [f for f in sampled["findings"] if f["rule"] == "MG021"]
    failing, notes = _probe(data, tmp_path, "ALTER TABLE later ALTER COLUMN v SET NOT NULL;\n")
    assert failing == [] and any("probed, passes" in n for n in notes)


def test_probe_needs_dsn(tmp_path):
    path = tmp_path / "0001_m.sql"
    path.write_text("ALTER TABLE t ALTER COLUMN c SET NOT NULL;\n")
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["check", str(path), "--probe"])
    assert code == 2 and "pass --dsn" in err.getvalue()


def _counters(data) -> tuple:
    with psycopg.connect(data.dsn, autocommit=True) as conn:
        row = conn.execute(
            "SELECT n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables WHERE relname = 'children'"
        ).fetchone()
        files = conn.execute(
            "SELECT array_agg(relfilenode ORDER BY relname) FROM pg_class WHERE relname IN ('children', 'fills_rest')"
        ).fetchone()
        return row[0], files[0]


def test_probes_change_nothing_and_run_read_only(data, tmp_path):
    before = _counters(data)
    sql = "\n".join(s for s, _ in CASES) + "\n"
    failing, _ = _probe(data, tmp_path, sql)
    assert len(failing) == len(CASES), [n for n in _ if "fails" not in n]
    assert _counters(data) == before
    with psycopg.connect(data.dsn, autocommit=True) as conn:
        assert (
            conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'pgtune' AND state LIKE 'idle in%'"
            ).fetchone()[0]
            == 0
        )
    path = tmp_path / "0001_m.sql"
    _, report = _check(str(path), "--dsn", data.dsn, "--probe")
    assert any(n.startswith("probes:") and "read-only quer" in n for n in report["notes"])


def test_validate_of_a_constraint_the_file_adds_is_probed_and_listed_in_sarif(data, tmp_path):
    path = tmp_path / "0001_m.sql"
    path.write_text(
        "SET lock_timeout = '2s';\n"
        "ALTER TABLE children ADD CONSTRAINT c_fk2 FOREIGN KEY (parent_id) REFERENCES parents (id) NOT VALID;\n"
        "ALTER TABLE children VALIDATE CONSTRAINT c_fk2;\n"
        "ALTER TABLE children ADD CONSTRAINT c_q CHECK (qty < 9000000000) NOT VALID;\n"
        "ALTER TABLE children VALIDATE CONSTRAINT c_q;\n"
    )
    _, report = _check(str(path), "--dsn", data.dsn, "--probe")
    failing = {f["location"]["line"]: f["message"] for f in report["findings"] if f["rule"] == "MG021"}
    assert "without a matching public.parents row" in failing[3]
    assert "the CHECK rejects" in failing[5]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", str(path), "--dsn", data.dsn, "--probe", "--format", "sarif"])
    notices = json.loads(out.getvalue())["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any("probed, fails" in n["message"]["text"] for n in notices)


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        ("ALTER TABLE children ALTER COLUMN note TYPE int USING length(note);", "a USING expression"),
        ("ALTER TABLE children ALTER COLUMN note TYPE int;", "pg_input_is_valid, new in PostgreSQL 16"),
        ("ALTER TABLE children ADD CONSTRAINT c_fk3 FOREIGN KEY (parent_id) REFERENCES parents;", "not named"),
        ("ALTER TABLE children VALIDATE CONSTRAINT nowhere;", "is not known"),
        ("ALTER TABLE children ALTER COLUMN px TYPE float8;", "change is not probed"),
        ("DO $$ BEGIN END $$;\nALTER TABLE clean ALTER COLUMN px SET NOT NULL;", "an earlier statement"),
        ("INSERT INTO clean VALUES (0);\nALTER TABLE clean ALTER COLUMN px SET NOT NULL;", "an earlier statement"),
    ],
)
def test_what_cannot_be_probed_says_why(data, tmp_path, sql, reason):
    _, notes = _probe(data, tmp_path, sql + "\n")
    assert any("not probed" in n and reason in n for n in notes), notes
