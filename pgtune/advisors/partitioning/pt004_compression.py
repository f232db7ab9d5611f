"""PT004: a hypertable whose old chunks stay uncompressed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from ...facts import Chunk, Snapshot
from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...quantities import Unit, human_bytes
from ...rules import Rule
from ..base import AnalysisFacts
from .ddl import ident, qualified
from .hypertable_plan import MIN_COMPRESS_AFTER, interval_sql, interval_text
from .signals import equality_columns
from .timescale import OwnHypertable, chunk_moment, timescale_defaults, user_hypertables

RULE = Rule(
    id="PT004",
    slug="compress-old-chunks",
    title="Compress the old chunks of a hypertable",
    why=(
        "Rows a few chunks old are rarely changed and read in bulk by time range. Compressed, segmented by the "
        "columns the queries filter on, they typically take a tenth of the space and scan faster; left "
        "uncompressed they fill disk and evict hot pages from the cache."
    ),
    bad_example="SELECT create_hypertable('orders', by_range('created_at', INTERVAL '7 days'));  -- never compressed",
    good_example=(
        "ALTER TABLE public.orders SET (timescaledb.compress, timescaledb.compress_segmentby = 'market_id',\n"
        "    timescaledb.compress_orderby = 'created_at DESC');\n"
        "SELECT add_compression_policy('public.orders', compress_after => INTERVAL '14 days');"
    ),
    severity=Severity.WARNING,
    needs=("timescaledb",),
)

MIN_OLD_CHUNKS = 2


def compress_after(own: OwnHypertable) -> timedelta:
    return max(MIN_COMPRESS_AFTER, 2 * (own.interval or timedelta()))


def old_uncompressed(snapshot: Snapshot, own: OwnHypertable, age: timedelta) -> list[Chunk]:
    cutoff = snapshot.collected_at - age
    return [c for c in own.chunks if not c.is_compressed and (end := chunk_moment(c.range_end)) and end < cutoff]


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    snapshot = facts.snapshot
    for own in user_hypertables(facts):
        hypertable = own.hypertable
        if own.interval is None:
            continue
        age = compress_after(own)
        old = old_uncompressed(snapshot, own, age)
        if len(old) < MIN_OLD_CHUNKS:
            continue
        name = qualified(hypertable.schema, hypertable.name)
        old_bytes = sum(c.total_size_bytes for c in old)
        statements = own.statements
        segment = next(
            iter(equality_columns(statements, hypertable.schema, hypertable.name, hypertable.time_column)), None
        )
        order = f"{hypertable.time_column} DESC"
        if hypertable.compression_enabled:
            message = (
                f"{name} has compression enabled but {len(old)} chunks older than {interval_text(age)} are "
                f"uncompressed ({human_bytes(old_bytes)})"
            )
            help_text = "check its compression policy and job (see PT006), then compress the backlog"
            ddl = (
                f"SELECT add_compression_policy('{name}', compress_after => {interval_sql(interval_text(age))}, "
                "if_not_exists => true);\n"
            )
            rollback = None
        else:
            message = (
                f"{name} is not compressed: {len(old)} of its {len(own.chunks)} chunks are "
                f"older than {interval_text(age)} ({human_bytes(old_bytes)})"
            )
            help_text = (
                "enable compression"
                + (f" segmented by {segment}, the column its statements filter on with =" if segment else "")
                + f", ordered by {order}, and add a policy for chunks older than {interval_text(age)}"
            )
            settings = (
                "timescaledb.compress"
                + (f", timescaledb.compress_segmentby = '{ident(segment)}'" if segment else "")
                + f", timescaledb.compress_orderby = '{order}'"
            )
            ddl = (
                f"ALTER TABLE {name} SET ({settings});\n"
                f"SELECT add_compression_policy('{name}', compress_after => {interval_sql(interval_text(age))});\n"
            )
            rollback = (
                f"SELECT remove_compression_policy('{name}', if_exists => true);\n"
                f"SELECT decompress_chunk(c, if_compressed => true) FROM show_chunks('{name}') AS c;\n"
                f"ALTER TABLE {name} SET (timescaledb.compress = false);\n"
            )
        yield Finding(
            rule=RULE.id,
            severity=RULE.severity,
            message=message,
            help=help_text,
            target=name,
            kind="compression",
            evidence=(
                Evidence(
                    "old chunks", len(old), Unit.COUNT, f" uncompressed chunks end before now - {interval_text(age)}"
                ),
                Evidence("their size", old_bytes, Unit.BYTES),
                Evidence("compression", "enabled" if hypertable.compression_enabled else "not enabled"),
                Evidence(
                    "segment by",
                    f"{segment}: heaviest equality filter of {len(statements)} statements"
                    if segment
                    else "no equality filter in the workload: one segment per chunk",
                ),
                *(() if hypertable.compression_enabled else timescale_defaults(hypertable, segment, order)),
            ),
            fix=Fix(ddl, rollback, FixSafety.ONLINE, "the policy compresses in the background, chunk by chunk"),
            size_bytes=old_bytes,
            confidence="medium",
        )
