"""pg_stat_monitor's response-time histogram: its range() text parsed, and the collector's query run on a real
server against a stand-in with pg_stat_monitor 2.x's documented shape (the extension is not packaged here).

The bucket names are range() as pg_stat_monitor's own regression test records it (regression/expected/
histogram.out, default pgsm_histogram_min 1, max 100000, 20 buckets).
"""

from __future__ import annotations

import pytest

from pgtune.collectors.base import Gaps
from pgtune.collectors.statmonitor import collect_latency_histogram, histogram_from
from pgtune.db import connect
from pgtune.facts import Extension

RECORDED_RANGES = (
    "{{0.000 - 1.000}", " (1.000 - 2.778}", " (2.778 - 4.162}", " (4.162 - 6.623}", " (6.623 - 11.000}",
    " (11.000 - 18.783}", " (18.783 - 32.623}", " (32.623 - 57.234}", " (57.234 - 101.000}",
    " (101.000 - 178.827}", " (178.827 - 317.226}", " (317.226 - 563.338}", " (563.338 - 1000.994}",
    " (1000.994 - 1779.268}", " (1779.268 - 3163.256}", " (3163.256 - 5624.371}", " (5624.371 - 10000.920}",
    " (10000.920 - 17783.643}", " (17783.643 - 31623.492}", " (31623.492 - 56234.598}",
    " (56234.598 - 100000.000}", " (100000.000 - ...}}",
)  # fmt: skip
# resp_calls of its recorded "SELECT pg_sleep(0.4 * i)" row: five calls between 317 ms and 3.2 s.
RECORDED_CALLS = ("0",) * 11 + ("1", "1", "2", "1") + ("0",) * 7


def test_recorded_ranges_parse_to_upper_edges():
    histogram = histogram_from(RECORDED_RANGES, [int(c) for c in RECORDED_CALLS])
    assert len(histogram.upper_bounds_ms) == 22 and histogram.upper_bounds_ms[:2] == (1.0, 2.778)
    assert histogram.upper_bounds_ms[-1] is None and sum(histogram.counts) == 5
    assert histogram_from(RECORDED_RANGES, [1, 2]) is None
    assert histogram_from(("garbage",), [1]) is None


@pytest.fixture
def stand_in(database):
    array = "ARRAY[" + ", ".join("'" + r.replace("'", "''") + "'" for r in RECORDED_RANGES) + "]::text[]"
    calls = "ARRAY[" + ", ".join(f"'{c}'" for c in RECORDED_CALLS) + "]::text[]"
    pgtune_calls = "ARRAY[" + ", ".join(["'0'"] * 21 + ["'9'"]) + "]::text[]"
    database.execute(
        f"""
        CREATE SCHEMA pgsm;
        CREATE FUNCTION pgsm.range() RETURNS text[] LANGUAGE sql AS $$ SELECT {array} $$;
        CREATE TABLE pgsm.pg_stat_monitor (datname name, application_name text, resp_calls text[]);
        INSERT INTO pgsm.pg_stat_monitor VALUES
            (current_database(), 'app', {calls}), (current_database(), 'app', {calls}),
            (current_database(), 'pgtune', {pgtune_calls}), ('other', 'app', {pgtune_calls});
        """
    )
    yield Extension("pg_stat_monitor", "2.1", "pgsm")
    database.execute("DROP SCHEMA pgsm CASCADE")


def test_the_collector_sums_this_databases_buckets_without_pgtunes_own(database, stand_in):
    gaps = Gaps()
    with connect(database.dsn) as session:
        histogram = collect_latency_histogram(session, stand_in, gaps)
    assert not gaps.items and sum(histogram.counts) == 10 and histogram.counts[13] == 4


def test_an_unreadable_histogram_is_a_gap(database, stand_in):
    database.execute(
        "CREATE OR REPLACE FUNCTION pgsm.range() RETURNS text[] LANGUAGE sql AS $$ SELECT '{x}'::text[] $$"
    )
    gaps = Gaps()
    with connect(database.dsn) as session:
        assert collect_latency_histogram(session, stand_in, gaps) is None
    assert gaps.items[0].source == "pg_stat_monitor" and "could not be read" in gaps.items[0].reason
