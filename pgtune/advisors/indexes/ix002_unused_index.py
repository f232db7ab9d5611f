"""IX002: indexes no statement has used since the statistics were reset, long enough ago to mean it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from ...facts import IndexFacts, TableFacts
from ...findings import Evidence, Finding, Severity
from ...quantities import Unit, human_bytes
from ...rules import Rule
from ..base import AnalysisFacts, Declined
from ..index_definitions import drop_index_fix, on_partition, protected
from . import ix003_duplicate_index, ix004_redundant_index

RULE = Rule(
    id="IX002",
    slug="unused-index",
    title="Drop an index nothing uses",
    why=(
        "Every insert, and every update that is not HOT, writes to every index of the table, and the index "
        "takes space in shared buffers, backups and replicas. An index with no scans over a long statistics "
        "window costs all of that for nothing. Primary keys, unique indexes and indexes backing a constraint "
        "are never reported: they work on every write without counting a scan. Replicas keep their own "
        "counters, so an index used only by reads on a replica looks unused on the primary."
    ),
    bad_example=(
        "CREATE INDEX orders_legacy_ref_idx ON public.orders (legacy_ref);\n"
        "-- pg_stat_user_indexes.idx_scan = 0 after 30 days"
    ),
    good_example="DROP INDEX CONCURRENTLY IF EXISTS public.orders_legacy_ref_idx;",
    severity=Severity.WARNING,
    needs=("indexes", "tables"),
)

USES = (ix003_duplicate_index, ix004_redundant_index)
"""A duplicate or covered index is dropped under that rule, with its reason: one drop per index."""

LARGE_BYTES = 100 * 2**20


def check(facts: AnalysisFacts, earlier: Mapping[str, Sequence[Finding]]) -> Iterator[Finding]:
    """``earlier``: the findings of the ``USES`` rules, by rule id."""
    age_days = facts.stats_age_days
    if age_days is None:
        raise Declined("when the index statistics were last reset is unknown, so no index can be called unused")
    if age_days < facts.settings.min_stats_age_days:
        raise Declined(
            f"index statistics cover {age_days:.1f} day(s), under min_stats_age_days = "
            f"{facts.settings.min_stats_age_days:g}: too soon to call an index unused"
        )
    replica_scans = facts.settings.replica_index_scans
    dropped_elsewhere = {f.target for used in USES for f in earlier[used.RULE.id]}
    for index in facts.snapshot.indexes:
        table = facts.table(index.schema, index.table)
        key = f"{index.schema}.{index.name}"
        if protected(index) or not index.is_valid or on_partition(facts, index) or key in dropped_elsewhere:
            continue
        scans = _scans(facts, index, table)
        scans_on_replicas = replica_scans.get(key, 0) if replica_scans is not None else 0
        if scans is None or scans + scans_on_replicas:
            continue
        replicas = (
            "none on the replicas either"
            if replica_scans is not None
            else "replicas keep their own counters and were not asked (pass --replica-dsn)"
        )
        writes = (table.n_tup_ins + table.n_tup_upd - table.n_tup_hot_upd) if table else 0
        yield Finding(
            rule=RULE.id,
            severity=Severity.WARNING if index.size_bytes >= LARGE_BYTES else Severity.INFO,
            message=(
                f"{index.name} on {index.qualified_table} ({human_bytes(index.size_bytes)}) has not been scanned"
                f"{' on any partition' if table is not None and table.kind == 'p' else ''} "
                f"in {age_days:.0f} days of statistics; {replicas}"
            ),
            help=(
                "drop it concurrently once you are sure no replica, report or monthly job needs it; "
                "the rollback recreates it from its definition"
            ),
            target=key,
            kind="drop-index",
            evidence=(
                Evidence("scans on the primary", scans, Unit.COUNT),
                (
                    Evidence("scans on the replicas", scans_on_replicas, Unit.COUNT)
                    if replica_scans is not None
                    else Evidence("scans on the replicas", "not collected")
                ),
                Evidence("statistics window", age_days, Unit.DAYS),
                Evidence("index writes in that window (inserts, non-HOT updates)", writes, Unit.COUNT),
                Evidence("definition", index.definition),
            ),
            fix=drop_index_fix(facts, index),
            size_bytes=index.size_bytes,
            confidence="medium" if replica_scans is None else "high",
        )


def _scans(facts: AnalysisFacts, index: IndexFacts, table: TableFacts | None) -> int | None:
    """Scans of the index; for a partitioned table's index, of its copies on every partition (None: unknown)."""
    if table is None or table.kind != "p":
        return index.idx_scan
    shape = facts.shape(index)
    if shape is None:
        return None
    wanted = (shape.method, shape.unique, shape.keys, shape.include, shape.predicate)
    total = 0
    for partition in facts.leaf_partitions(table):
        for copy in facts.indexes_of(partition.schema, partition.name):
            other = facts.shape(copy)
            if other is not None and (other.method, other.unique, other.keys, other.include, other.predicate) == wanted:
                total += copy.idx_scan
    return total
