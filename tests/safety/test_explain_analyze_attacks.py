"""Attacks through ``--explain-analyze``, at the user's door: a workload file of SELECTs that would act beyond
their rolled-back READ ONLY transaction, directly, through a SQL function (string and SQL-standard bodies),
through a view, a row security policy or a domain. None may have any effect; each is planned without
ANALYZE and the report says why, while harmless SELECTs are still analyzed."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

ATTACKS = {
    "pg_drop_replication_slot": "select pg_drop_replication_slot('prod_slot')",
    "pg_create_physical_replication_slot": "select * from pg_create_physical_replication_slot('evil_slot', true)",
    "pg_create_logical_replication_slot": "select pg_create_logical_replication_slot('evil_logical', 'pgoutput')",
    "pg_terminate_backend": "select pg_terminate_backend({victim})",
    "pg_cancel_backend": "select pg_cancel_backend({victim})",
    "killer()": "select killer({victim})",
    "atomic_killer(integer)": "select atomic_killer({victim})",
    "view killer_v": "select * from killer_v",
    "policy": "select * from guarded",
    "domain": "select 1::victim_domain",
    "set_config": "select set_config('work_mem', '1GB', false)",
    "pg_advisory_lock": "select pg_advisory_lock(4242)",
    "pg_try_advisory_lock": "select pg_try_advisory_lock(4243)",
    "nextval": "select nextval('order_ids')",
    "setval": "select setval('order_ids', 999)",
    "lo_create": "select lo_create(4244)",
    "lo_import": "select lo_import('/etc/hostname')",
    "pg_notify": "select pg_notify('attacks', 'sent')",
    "pg_current_xact_id": "select pg_current_xact_id()",
    "txid_current": "select txid_current()",
    "plpgsql": "select stable_plpgsql()",
    "DELETE": "with gone as (delete from orders returning *) select count(*) from gone",
    "UPDATE": "with moved as (update orders set qty = 0 returning *) select count(*) from moved",
    "table_to_xml": "select table_to_xml('killer_v', true, false, '')",
    "aggregate support function": "select cancel_all(id) from orders",
}
HARMLESS = (
    "select count(*) from orders where qty > 5",
    "select id, lower(side), now(), random() < 2 from orders where id between 1 and 10 order by id",
    "select * from harmless_v where total > 0",
    "select count(*) from pg_stat_activity",
)


@pytest.fixture(scope="module")
def server(database, pg_cluster):
    database.execute(
        "CREATE TABLE orders (id int PRIMARY KEY, side text NOT NULL, qty int NOT NULL);"
        "INSERT INTO orders SELECT g, CASE WHEN g % 2 = 0 THEN 'BUY' ELSE 'SELL' END, g % 10 "
        "FROM generate_series(1, 500) g;"
        "CREATE SEQUENCE order_ids;"
        "SELECT pg_create_physical_replication_slot('prod_slot');"
        "CREATE FUNCTION double_it(int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1 * 2';"
        "CREATE VIEW harmless_v AS SELECT id, double_it(qty) AS total FROM orders;"
        "CREATE FUNCTION stable_plpgsql() RETURNS int LANGUAGE plpgsql STABLE AS 'BEGIN RETURN 1; END';"
        # Labelled stable: a string body and a SQL-standard body, both ending another session.
        "CREATE FUNCTION killer(int) RETURNS bool LANGUAGE sql STABLE AS 'SELECT pg_terminate_backend($1)';"
        "CREATE FUNCTION atomic_killer(pid int) RETURNS bool LANGUAGE sql STABLE "
        "BEGIN ATOMIC SELECT pg_terminate_backend(pid); END;"
        "CREATE FUNCTION cancel_step(bool, int) RETURNS bool LANGUAGE sql IMMUTABLE AS 'SELECT pg_cancel_backend($2)';"
        "CREATE AGGREGATE cancel_all(int) (SFUNC = cancel_step, STYPE = bool);"
    )
    victim = database.connect()
    pid = victim.info.backend_pid
    database.execute(
        f"CREATE VIEW killer_v AS SELECT pg_terminate_backend({pid}) AS done;"
        "CREATE TABLE guarded (a int); INSERT INTO guarded VALUES (1);"
        "ALTER TABLE guarded ENABLE ROW LEVEL SECURITY; ALTER TABLE guarded FORCE ROW LEVEL SECURITY;"
        f"CREATE POLICY everyone ON guarded USING (pg_cancel_backend({pid}));"
        f"CREATE DOMAIN victim_domain AS int CHECK (pg_terminate_backend({pid}));"
    )
    # Debian's postgresql-15 ships dblink; elsewhere the other attacks still run.
    if "dblink" in pg_cluster.available_extensions():
        database.execute("CREATE EXTENSION dblink")
        ATTACKS["dblink"] = f"select * from dblink('{database.dsn}', 'delete from orders returning id') as gone(id int)"
    if "file_fdw" in pg_cluster.available_extensions():
        marker = f"/tmp/pgtune-attack-{pid}"
        database.execute(
            "CREATE EXTENSION file_fdw; CREATE SERVER files FOREIGN DATA WRAPPER file_fdw;"
            f"CREATE FOREIGN TABLE exfil (line text) SERVER files OPTIONS (program 'touch {marker}')"
        )
        ATTACKS["foreign table"] = "select * from exfil"
    listener = database.connect()
    listener.execute("LISTEN attacks")
    yield database, victim, pid, listener
    victim.close()
    listener.close()
    database.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots")


def test_no_attack_has_any_effect_and_each_is_reported(server, tmp_path):
    database, victim, pid, listener = server
    workload = tmp_path / "attacks.sql"
    statements = [q.format(victim=pid) for q in ATTACKS.values()] + list(HARMLESS)
    workload.write_text(";\n".join(statements) + ";\n")
    output = tmp_path / "snapshot.json"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pgtune",
            "snapshot",
            "--dsn",
            database.dsn,
            "--workload",
            str(workload),
            "--explain-analyze",
            "--output",
            str(output),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr

    assert victim.execute("SELECT 1").fetchone() == (1,)  # neither terminated nor cancelled
    with database.connect() as check:
        slots = {r[0] for r in check.execute("SELECT slot_name FROM pg_replication_slots")}
        assert slots == {"prod_slot"}
        assert check.execute("SELECT last_value, is_called FROM order_ids").fetchone() == (1, False)
        assert check.execute("SELECT count(*), sum(qty) FROM orders").fetchone() == (500, 2250)
        assert check.execute("SELECT count(*) FROM pg_largeobject_metadata").fetchone() == (0,)
        assert check.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'").fetchone() == (0,)
    assert list(listener.notifies(timeout=0.5, stop_after=1)) == []
    assert not os.path.exists(f"/tmp/pgtune-attack-{pid}")  # file_fdw's program never ran

    snapshot = json.loads(output.read_text())
    refused = [g["reason"] for g in snapshot["gaps"] if g["source"] == "EXPLAIN ANALYZE"]
    assert len(refused) == len(ATTACKS), refused
    for name in ATTACKS:
        shown = name.split()[-1] if name.startswith("view") else name
        assert any(shown in reason for reason in refused), (name, refused)
    plans = {p["query"]: p for p in snapshot["plans"] if p["queryid"] is None}
    for query in HARMLESS:
        assert plans[query]["analyzed"] and plans[query]["execution_ms"] is not None, plans[query]
    for query in (q.format(victim=pid) for q in ATTACKS.values()):
        assert not plans[query]["analyzed"]


def test_the_report_says_why_a_statement_was_not_executed(server, tmp_path):
    database, victim, pid, _ = server
    workload = tmp_path / "one.sql"
    workload.write_text(f"select * from killer_v;\nselect killer({pid});\n")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pgtune",
            "analyze",
            "--dsn",
            database.dsn,
            "--workload",
            str(workload),
            "--explain-analyze",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr
    gaps = [g for g in json.loads(result.stdout)["not_seen"] if g["source"] == "EXPLAIN ANALYZE"]
    assert len(gaps) == 2
    assert all("pg_terminate_backend" in g["reason"] and "planned without ANALYZE" in g["remedy"] for g in gaps)
    assert any("view killer_v" in g["reason"] for g in gaps)
    assert str(pid) not in json.dumps(gaps)  # literals stay redacted
    assert victim.execute("SELECT 1").fetchone() == (1,)
