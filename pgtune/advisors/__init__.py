"""Advisors: facts and query shapes in, findings out. Pure: no connection, no I/O, no output format.

Each advisor is one module exporting ``RULE`` (its metadata) and ``check(...)`` yielding findings; the
ordered registries below list them, and a test fails when a module is left out or an id collides.
"""

from __future__ import annotations

from functools import cache
from types import ModuleType

from ..rules import Rule
from .config import (
    cf001_shared_buffers,
    cf002_effective_cache_size,
    cf003_work_mem,
    cf004_maintenance_work_mem,
    cf005_storage_costs,
    cf006_max_wal_size,
    cf007_max_connections,
    cf008_track_io_timing,
    cf009_pg_stat_statements,
    cf010_idle_in_transaction_timeout,
    cf011_parallel_workers,
)
from .indexes import (
    ix001_create_index,
    ix002_unused_index,
    ix003_duplicate_index,
    ix004_redundant_index,
    ix005_invalid_index,
    ix006_bloated_index,
    ix007_foreign_key_index,
)
from .maintenance import (
    mt001_dead_tuples,
    mt002_wraparound,
    mt003_sequence_limit,
    mt004_missing_primary_key,
    mt005_sequential_scans,
    mt006_extended_statistics,
    mt007_stale_statistics,
)
from .migrations import MIGRATION_RULES
from .partitioning import (
    pt001_native_partitioning,
    pt002_hypertable,
    pt003_chunk_interval,
    pt004_compression,
    pt005_compression_settings,
    pt006_failing_jobs,
    pt007_continuous_aggregates,
    pt008_hypertable_indexes,
)
from .pooling import (
    pl001_idle_connections,
    pl002_clients_waiting,
    pl003_pool_oversized,
    pl004_session_idle_clients,
    pl005_prepared_statements,
    pl006_pools_over_max_connections,
)
from .queries import (
    qr001_offset_pagination,
    qr002_not_in_subquery,
    qr003_non_sargable,
    qr004_leading_wildcard,
    qr005_or_across_columns,
    qr006_count_whole_table,
    qr007_planning_time,
    qr008_in_list_variants,
)
from .targets import st001_cache_hit_rate, st002_statement_p95, st003_pool_efficiency

ANALYSIS_ADVISORS: tuple[ModuleType, ...] = (
    ix001_create_index,
    ix002_unused_index,
    ix003_duplicate_index,
    ix004_redundant_index,
    ix005_invalid_index,
    ix006_bloated_index,
    ix007_foreign_key_index,
    mt001_dead_tuples,
    mt002_wraparound,
    mt003_sequence_limit,
    mt004_missing_primary_key,
    mt005_sequential_scans,
    mt006_extended_statistics,
    mt007_stale_statistics,
    qr001_offset_pagination,
    qr002_not_in_subquery,
    qr003_non_sargable,
    qr004_leading_wildcard,
    qr005_or_across_columns,
    qr006_count_whole_table,
    qr007_planning_time,
    qr008_in_list_variants,
    cf001_shared_buffers,
    cf002_effective_cache_size,
    cf003_work_mem,
    cf004_maintenance_work_mem,
    cf005_storage_costs,
    cf006_max_wal_size,
    cf007_max_connections,
    cf008_track_io_timing,
    cf009_pg_stat_statements,
    cf010_idle_in_transaction_timeout,
    cf011_parallel_workers,
    st001_cache_hit_rate,
    st002_statement_p95,
    st003_pool_efficiency,
    pl001_idle_connections,
    pl002_clients_waiting,
    pl003_pool_oversized,
    pl004_session_idle_clients,
    pl005_prepared_statements,
    pl006_pools_over_max_connections,
    pt001_native_partitioning,
    pt002_hypertable,
    pt003_chunk_interval,
    pt004_compression,
    pt005_compression_settings,
    pt006_failing_jobs,
    pt007_continuous_aggregates,
    pt008_hypertable_indexes,
)
"""Advisors run by ``pgtune analyze``, in report order."""


def all_rules() -> tuple[Rule, ...]:
    """Every rule pgtune knows, for ``pgtune rules`` and the generated docs."""
    return tuple(module.RULE for module in (*ANALYSIS_ADVISORS, *MIGRATION_RULES))


@cache
def rules_by_id() -> dict[str, Rule]:
    return {rule.id: rule for rule in all_rules()}
