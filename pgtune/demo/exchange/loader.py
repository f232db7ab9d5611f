"""Create and fill the exchange schema at a given scale; the expert's index set."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import psycopg
from psycopg import sql

from ...errors import BadInput
from ...versions import ServerVersion

HERE = Path(__file__).resolve().parent
MARKETS = 60
SEED = 0.42


@dataclass(frozen=True)
class Sizes:
    """Row counts at one scale; scale 1 loads in about a minute on two cores."""

    users: int
    orders: int
    trades: int
    candle_minutes: int
    ledger: int
    deposits: int
    withdrawals: int
    api_keys: int
    audit: int

    @classmethod
    def for_scale(cls, scale: float) -> Sizes:
        if not 0 < scale <= 100:
            raise BadInput(f"scale {scale} is out of range", "use a scale above 0 and at most 100, e.g. 0.1 or 1")

        def rows(at_scale_one: int, least: int = 10) -> int:
            return max(least, round(at_scale_one * scale))

        return cls(
            users=rows(100_000),
            orders=rows(2_000_000),
            trades=rows(3_000_000),
            candle_minutes=rows(14 * 1440),
            ledger=rows(2_000_000),
            deposits=rows(200_000),
            withdrawals=rows(100_000),
            api_keys=rows(150_000),
            audit=rows(500_000),
        )


def schema_sql() -> str:
    return (HERE / "schema.sql").read_text(encoding="utf-8")


def generate_sql(sizes: Sizes) -> sql.Composed:
    counts = {name: sql.Literal(value) for name, value in asdict(sizes).items()}
    text = (HERE / "generate.sql").read_text(encoding="utf-8")
    return sql.SQL(text).format(seed=sql.Literal(SEED), **counts)


def expert_sql() -> str:
    return (HERE / "expert.sql").read_text(encoding="utf-8")


def expert_indexes() -> list[str]:
    """The expert's CREATE INDEX statements, one per item, comments dropped."""
    code = "\n".join(line.split("--", 1)[0] for line in expert_sql().splitlines())
    return [" ".join(part.split()) for part in code.split(";") if part.strip()]


def load(connection: psycopg.Connection, sizes: Sizes, hypertables: bool = False) -> None:
    """Drop and recreate the exchange tables, fill them, then ANALYZE. Needs an autocommit connection.
    ``hypertables``: trades and candles become TimescaleDB hypertables (the extension must be created).

    The bulk load is history, not workload: the statistics are reset after it, as on a server whose
    counters cover its steady state, so that write rates come from the replayed application alone."""
    connection.execute(schema_sql())
    if hypertables:
        connection.execute((HERE / "hypertables.sql").read_text(encoding="utf-8"))
    connection.execute(generate_sql(sizes))
    if ServerVersion(connection.info.server_version).has_stat_force_next_flush:
        # The load's own counts are still pending in this backend: flushed after the reset, they would
        # read as a write rate.
        connection.execute("SELECT pg_stat_force_next_flush()")
    connection.execute("SELECT pg_stat_reset()")
    connection.execute("VACUUM ANALYZE")
