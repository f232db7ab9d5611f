"""PT001 end to end on the real server: statements run, pgtune collects and analyzes, and the plan it writes
migrates the table, prunes, and rolls back."""

from __future__ import annotations

import re

import pglast
import pytest

from pgtune.report.units import evidence_text

from .pipeline import finding_for

FIXTURE = """
CREATE TABLE markets (id int PRIMARY KEY, symbol text NOT NULL);
INSERT INTO markets SELECT g, 'M' || g FROM generate_series(1, 20) g;
CREATE TABLE trades (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    market_id int NOT NULL REFERENCES markets (id),
    price numeric NOT NULL,
    qty numeric NOT NULL CHECK (qty > 0),
    notional numeric GENERATED ALWAYS AS (price * qty) STORED,
    executed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trades_market_id_executed_at_idx ON trades (market_id, executed_at DESC);
INSERT INTO trades (market_id, price, qty, executed_at)
SELECT 1 + g % 20, 100 + g % 7, 1 + g % 3, now() - interval '30 days' + g * (interval '30 days' / 300000)
FROM generate_series(1, 300000) g;
ANALYZE trades;
"""
WORKLOAD = (
    (
        "SELECT * FROM trades WHERE market_id = %s AND executed_at >= now() - %s::interval "
        "ORDER BY executed_at DESC LIMIT 100",
        (3, "1 day"),
    ),
    (
        "SELECT market_id, sum(price * qty) FROM trades WHERE executed_at >= now() - %s::interval "
        "AND executed_at < now() - %s::interval GROUP BY market_id",
        ("3 days", "2 days"),
    ),
    (
        "SELECT date_trunc('hour', executed_at) AS hour, max(price), sum(qty) FROM trades "
        "WHERE executed_at > now() - %s::interval GROUP BY 1",
        ("1 day",),
    ),
    "DELETE FROM trades WHERE executed_at < now() - interval '90 days'",
)
COLUMNS = """
SELECT attname, format_type(atttypid, atttypmod), attnotnull, attidentity, attgenerated
FROM pg_attribute WHERE attrelid = 'trades'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum
"""


def run_script(conn, script: str) -> None:
    """Statement by statement, as psql sends them (CREATE INDEX CONCURRENTLY refuses a multi-statement query)."""
    for sql in pglast.split(script):
        conn.execute(sql)


def scanned(conn, query: str) -> tuple[list[str], int]:
    """The relations a plan scans, and how many subplans run-time pruning removed."""
    plan = conn.execute(f"EXPLAIN (FORMAT JSON) {query}").fetchone()[0][0]["Plan"]
    relations, removed, stack = [], 0, [plan]
    while stack:
        node = stack.pop()
        removed += node.get("Subplans Removed", 0)
        if "Relation Name" in node:
            relations.append(node["Relation Name"])
        stack.extend(node.get("Plans", ()))
    return sorted(relations), removed


@pytest.fixture(scope="module")
def migrated(database):
    database.execute(FIXTURE)
    finding = finding_for(database, WORKLOAD, "PT001", "public.trades", "native")
    with database.connect() as conn:
        before = conn.execute(COLUMNS).fetchall()
        run_script(conn, finding.fix.ddl)
    return finding, before


def test_the_trades_table_is_recognised_with_its_evidence(migrated):
    finding, _ = migrated
    assert finding.target == "public.trades"
    labels = {e.label: evidence_text(e) for e in finding.evidence}
    assert "correlation 1.00" in labels["time order"]
    assert "300,000 inserts, 0 updates, 0 deletes" in labels["writes"]
    assert "ranges of executed_at or ORDER BY executed_at LIMIT in 4 statements:" in labels["range reads"]
    assert labels["retention"] == "1 DELETE statement removing old rows by executed_at"


@pytest.mark.usefixtures("migrated")
def test_the_plan_makes_a_partitioned_table_with_every_row(database):
    with database.connect() as conn:
        assert conn.execute("SELECT relkind FROM pg_class WHERE oid = 'trades'::regclass").fetchone()[0] == "p"
        assert conn.execute("SELECT count(*) FROM trades").fetchone()[0] == 300_000
        partitions = conn.execute("SELECT count(*) FROM pg_inherits WHERE inhparent = 'trades'::regclass").fetchone()
        assert partitions[0] == 5
        new_id = conn.execute("INSERT INTO trades (market_id, price, qty) VALUES (1, 100, 1) RETURNING id").fetchone()[
            0
        ]
        assert new_id == 300_001
        with pytest.raises(Exception, match="duplicate key"):
            conn.execute(
                "INSERT INTO trades (id, market_id, price, qty, executed_at) OVERRIDING SYSTEM VALUE "
                "SELECT id, market_id, price, qty, executed_at FROM trades WHERE id = 300001"
            )


@pytest.mark.usefixtures("migrated")
def test_range_statements_prune_partitions(database):
    with database.connect() as conn:
        bound, next_bound = conn.execute(
            "SELECT min(lower), min(upper) FROM (SELECT (regexp_match(pg_get_expr(relpartbound, oid), "
            "'FROM \\(''([^'']+)''\\) TO \\(''([^'']+)''\\)'))[1]::timestamptz AS lower, "
            "(regexp_match(pg_get_expr(relpartbound, oid), 'TO \\(''([^'']+)''\\)'))[1]::timestamptz AS upper "
            "FROM pg_class WHERE relispartition AND relname LIKE 'trades_p%') p"
        ).fetchone()
        newest, _ = scanned(
            conn,
            f"SELECT market_id, sum(price * qty) FROM trades WHERE executed_at >= '{bound.isoformat()}' "
            f"AND executed_at < '{next_bound.isoformat()}' GROUP BY market_id",
        )
        assert len(newest) == 1 and newest[0].startswith("trades_p")
        recent, removed = scanned(
            conn,
            "SELECT * FROM trades WHERE market_id = 3 AND executed_at >= now() - interval '1 hour' "
            "AND executed_at < now()",
        )
        assert (recent, removed) == (["trades_legacy"], 4)


def test_the_rollback_restores_the_original_table(migrated, database):
    finding, before = migrated
    with database.connect() as conn:
        run_script(conn, finding.fix.rollback)
        assert conn.execute("SELECT relkind FROM pg_class WHERE oid = 'trades'::regclass").fetchone()[0] == "r"
        assert conn.execute(COLUMNS).fetchall() == before
        assert conn.execute("SELECT count(*) FROM trades").fetchone()[0] == 300_001
        assert conn.execute("SELECT to_regclass('trades_legacy')").fetchone()[0] is None
        new_id = conn.execute("INSERT INTO trades (market_id, price, qty) VALUES (1, 1, 1) RETURNING id").fetchone()
        assert new_id[0] == 300_002
        indexes = conn.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'trades' ORDER BY 1").fetchall()
        assert [i[0] for i in indexes] == ["trades_market_id_executed_at_idx", "trades_pkey"]


LEDGER = """
CREATE TABLE ledger (
    entry_id bigserial,
    account_id bigint NOT NULL,
    amount numeric NOT NULL,
    posted_on date NOT NULL,
    CONSTRAINT ledger_entry_id_key UNIQUE (entry_id)
);
CREATE TABLE statements (id int PRIMARY KEY, entry_id bigint REFERENCES ledger (entry_id));
INSERT INTO ledger (account_id, amount, posted_on)
SELECT g % 500, g % 97, current_date - 4 + g / 37500 FROM generate_series(1, 150000) g;
ANALYZE ledger;
"""


def test_a_serial_key_a_unique_constraint_and_a_date_column_survive_the_round_trip(database):
    database.execute(LEDGER)
    workload = [
        ("SELECT sum(amount) FROM ledger WHERE posted_on >= current_date - %s AND posted_on < current_date", (7,))
    ]
    finding = finding_for(database, workload, "PT001", "public.ledger", "native")
    assert "foreign key statements_entry_id_fkey on public.statements references public.ledger" in finding.fix.note
    with database.connect() as conn:
        run_script(conn, finding.fix.ddl)
        assert conn.execute("SELECT relkind FROM pg_class WHERE oid = 'ledger'::regclass").fetchone()[0] == "p"
        owner = conn.execute(
            "SELECT refobjid::regclass::text FROM pg_depend WHERE objid = 'ledger_entry_id_seq'::regclass "
            "AND deptype = 'a'"
        ).fetchone()[0]
        assert owner == "ledger"
        conn.execute("INSERT INTO ledger (account_id, amount, posted_on) VALUES (1, 1, current_date)")
        run_script(conn, finding.fix.rollback)
        assert conn.execute("SELECT count(*), max(entry_id) FROM ledger").fetchone() == (150_001, 150_001)
        conn.execute("INSERT INTO ledger (account_id, amount, posted_on) VALUES (1, 1, current_date)")
        assert conn.execute("SELECT max(entry_id) FROM ledger").fetchone()[0] == 150_002
        constraints = conn.execute(
            "SELECT conname FROM pg_constraint WHERE conrelid = 'ledger'::regclass ORDER BY 1"
        ).fetchall()
        assert [c[0] for c in constraints] == ["ledger_entry_id_key"]


FILLS = (
    """
CREATE TABLE fills (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, order_id bigint NOT NULL, qty numeric);
"""
    + "".join(
        # Twelve calls of one statement: a rate over pg_stat_statements' window (one call would be a bulk load).
        "INSERT INTO fills (order_id, qty) SELECT g % 5000, g % 13 "
        f"FROM generate_series({n * 10_000 + 1}, {(n + 1) * 10_000}) g;\n"
        for n in range(12)
    )
    + "ANALYZE fills;\n"
)


def test_an_id_key_partitions_prunes_and_rolls_back(database):
    database.execute(FILLS)
    workload = [("SELECT * FROM fills WHERE id > %s ORDER BY id LIMIT 1000", (5000,))]
    finding = finding_for(database, workload, "PT001", "public.fills", "native")
    with database.connect() as conn:
        run_script(conn, finding.fix.ddl)
        name, first = re.search(
            r"CREATE TABLE public\.(fills_p\d+) PARTITION OF .* FROM \((\d+)\)", finding.fix.ddl
        ).groups()
        first = int(first)
        assert first > 120_000
        assert scanned(conn, "SELECT * FROM fills WHERE id BETWEEN 100 AND 200") == (["fills_legacy"], 0)
        assert scanned(conn, f"SELECT * FROM fills WHERE id >= {first} AND id < {first + 10}") == ([name], 0)
        conn.execute("INSERT INTO fills (order_id, qty) VALUES (1, 1)")
        run_script(conn, finding.fix.rollback)
        assert conn.execute("SELECT count(*), max(id) FROM fills").fetchone() == (120_001, 120_001)
        assert conn.execute("SELECT relkind FROM pg_class WHERE oid = 'fills'::regclass").fetchone()[0] == "r"
