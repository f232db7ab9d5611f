"""A corpus of every construct pg_stat_statements and applications put in statement texts that pgtune must
plan: parameters in each place pg_stat_statements writes them, and texts as they arrive (comments, semicolons
in strings and dollar quotes). Each entry is run as an application would, so pg_stat_statements holds it."""

from __future__ import annotations

from datetime import datetime, timezone

SCHEMA = """
CREATE TABLE markets (id int PRIMARY KEY, symbol text NOT NULL, tags text[] NOT NULL DEFAULT '{}');
INSERT INTO markets SELECT g, 'M' || g, ARRAY['spot', 'x' || g] FROM generate_series(1, 200) g;
CREATE TABLE candles_1m (market_id int NOT NULL REFERENCES markets, bucket timestamptz NOT NULL,
    open numeric NOT NULL, close numeric NOT NULL, volume numeric NOT NULL, PRIMARY KEY (market_id, bucket));
INSERT INTO candles_1m SELECT g % 200 + 1, timestamptz '2026-01-01' + (g / 200) * interval '1 minute', g, g, g
FROM generate_series(0, 79999) g;
CREATE TABLE orders (id bigint PRIMARY KEY, market_id int NOT NULL REFERENCES markets, status text NOT NULL,
    side text NOT NULL, price numeric NOT NULL, placed_at timestamptz NOT NULL, placed_on date NOT NULL,
    meta jsonb NOT NULL DEFAULT '{}', region text NOT NULL);
INSERT INTO orders SELECT g, g % 200 + 1, CASE WHEN g % 40 = 0 THEN 'open' ELSE 'filled' END,
    CASE WHEN g % 2 = 0 THEN 'buy' ELSE 'sell' END, g % 1000, timestamptz '2026-01-01' + g * interval '10 seconds',
    date '2026-01-01' + g / 8640, jsonb_build_object('client', 'c' || (g % 500), 'n', g), 'r' || (g % 12)
FROM generate_series(1, 60000) g;
ANALYZE;
"""
NOW = datetime(2026, 1, 3, tzinfo=timezone.utc)

# (label, statement, parameters): the label names the construct, as a skipped reason must.
CONSTRUCTS: list[tuple[str, str, tuple | dict]] = [
    ("typed literal interval", "SELECT id FROM orders WHERE placed_at > now() - interval '5 minutes'", ()),
    ("typed literal date", "SELECT count(*) FROM orders WHERE placed_on = date '2026-01-02'", ()),
    ("typed literal timestamptz", "SELECT id FROM orders WHERE placed_at >= timestamptz '2026-01-02 10:00+00'", ()),
    ("typed literal numeric", "SELECT id FROM orders WHERE price > numeric '990.5'", ()),
    (
        "date_trunc($1, col) in GROUP BY",
        "SELECT market_id, date_trunc(%(unit)s, bucket), max(close) FROM candles_1m WHERE market_id = %(market)s "
        "GROUP BY market_id, date_trunc(%(unit)s, bucket)",
        {"unit": "hour", "market": 7},
    ),
    ("jsonb ->> $1", "SELECT id FROM orders WHERE meta ->> %s = %s", ("client", "c42")),
    ("variadic any", "SELECT jsonb_build_object(%s, id, %s, price) FROM orders WHERE id = %s", ("id", "price", 5)),
    (
        "LIMIT/OFFSET $n",
        "SELECT id FROM orders WHERE market_id = %s ORDER BY placed_at DESC LIMIT %s OFFSET %s",
        (3, 20, 40),
    ),
    ("array subscript", "SELECT id FROM markets WHERE tags[%s] = %s", (1, "spot")),
    ("IN list", "SELECT id FROM orders WHERE status IN (%s, %s, %s) AND market_id = %s", ("open", "new", "x", 9)),
    ("= ANY($1)", "SELECT id FROM orders WHERE id = ANY(%s)", ([1, 2, 3],)),
    ("uninferable $n", "SELECT %s::text AS label, id FROM orders WHERE market_id = %s", ("a", 4)),
    ("$n compared with a column", "SELECT id FROM orders WHERE %s < price AND region = %s", (5, "r1")),
    ("timestamptz::date", "SELECT id FROM orders WHERE placed_at::date = current_date AND region = %s", ("r3",)),
    ("trailing -- comment", "SELECT id FROM orders WHERE status = 'open' -- list the open ones", ()),
    ("/* */ comment", "SELECT /* hint */ id FROM orders WHERE side = 'buy' /* trailing */", ()),
    ("leading comment", "-- the dashboard\n/* v2 */ SELECT count(*) FROM orders WHERE region = 'r5'", ()),
    ("semicolon in a string", "SELECT id FROM orders WHERE status = 'a;b' OR region = ';'", ()),
    ("semicolon in a dollar quote", "SELECT id, side FROM orders WHERE region = $q$x; ROLLBACK$q$", ()),
    ("comment then ROLLBACK-like word", "SELECT * FROM orders WHERE id = 1 -- list", ()),
]
FK_PROBE: tuple[str, str, tuple] = (
    "FK trigger probe",
    "INSERT INTO orders (id, market_id, status, side, price, placed_at, placed_on, region) "
    "VALUES (%s, %s, 'open', 'buy', 1, now(), current_date, 'r1')",
    (900_001, 5),
)


def run_constructs(connection) -> None:
    """Each construct as an application runs it (typed text parameters, as JDBC and asyncpg send them), with
    nested statements tracked so that the foreign-key probe of the INSERT reaches pg_stat_statements."""
    from psycopg.types.string import StrDumper

    connection.adapters.register_dumper(str, StrDumper)
    connection.execute("SET pg_stat_statements.track = 'all'")
    for _, statement, parameters in CONSTRUCTS:
        connection.execute(statement, parameters or None)
    connection.execute(FK_PROBE[1], FK_PROBE[2])
    connection.execute("RESET pg_stat_statements.track")


def literal_texts(connection) -> list[str]:
    """The constructs with their values inline, as a workload file or a log has them."""
    import psycopg

    cursor = psycopg.ClientCursor(connection)
    return [cursor.mogrify(statement, parameters or None) for _, statement, parameters in CONSTRUCTS]
