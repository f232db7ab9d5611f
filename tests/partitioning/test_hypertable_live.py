"""PT002's PostgreSQL half on the real server: the unique-key swap before create_hypertable, and the rollback's
copy back into a plain table. The TimescaleDB calls themselves are checked against the 2.28.3 recording
(test_timescale_recording.py); TimescaleDB cannot be installed here."""

from __future__ import annotations

import re

import pglast

from .pipeline import finding_for

FIXTURE = """
CREATE TABLE postings (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL,
    amount numeric NOT NULL,
    posted_at timestamptz NOT NULL
);
CREATE INDEX postings_account_id_posted_at_idx ON postings (account_id, posted_at);
INSERT INTO postings (account_id, amount, posted_at)
SELECT g % 1000, g % 89, now() - interval '1 day' + g * (interval '1 day' / 110000)
FROM generate_series(1, 110000) g;
ANALYZE postings;
"""
TIMESCALE_ONLY = re.compile(
    r"create_hypertable|_policy\(|timescaledb|set_integer_now_func|refresh_continuous_aggregate|MATERIALIZED VIEW"
)
KEYS = """
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'postings'::regclass ORDER BY 1
"""


def run_postgresql_part(conn, script: str) -> int:
    ran = 0
    for sql in pglast.split(script):
        if not TIMESCALE_ONLY.search(sql):
            conn.execute(sql)
            ran += 1
    return ran


def test_the_key_swap_and_the_copy_back_run_on_postgresql(database):
    database.execute(FIXTURE)
    workload = [
        ("SELECT sum(amount) FROM postings WHERE account_id = %s AND posted_at >= now() - %s::interval", (7, "1 day"))
    ]
    finding = finding_for(database, workload, "PT002", "public.postings", "timescaledb")
    with database.connect() as conn:
        original = conn.execute(KEYS).fetchall()
        assert run_postgresql_part(conn, finding.fix.ddl) == 2
        assert conn.execute(KEYS).fetchall() == [("postings_pkey", "PRIMARY KEY (id, posted_at)")]
        conn.execute("INSERT INTO postings (account_id, amount, posted_at) VALUES (1, 1, now())")
        assert run_postgresql_part(conn, finding.fix.rollback) == 10
        assert conn.execute(KEYS).fetchall() == original
        assert conn.execute("SELECT count(*), max(id) FROM postings").fetchone() == (110_001, 110_001)
        assert (
            conn.execute(
                "INSERT INTO postings (account_id, amount, posted_at) VALUES (1, 1, now()) RETURNING id"
            ).fetchone()[0]
            == 110_002
        )
        indexes = conn.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'postings' ORDER BY 1").fetchall()
        assert [i[0] for i in indexes] == ["postings_account_id_posted_at_idx", "postings_pkey"]
