"""Migration rules for ``pgtune check``: one rule per module, listed in order below.

Each module exports ``RULE`` and ``check(actions, context)``: the DDL actions of the whole set of files,
in migration order, and the ``MigrationContext`` (database facts, or none) in; findings out.
"""

from __future__ import annotations

from types import ModuleType

from . import (
    mg001_create_index,
    mg002_drop_index,
    mg003_concurrently_in_transaction,
    mg004_reindex,
    mg005_add_column_rewrite,
    mg006_alter_column_type,
    mg007_set_not_null,
    mg008_constraint_not_valid,
    mg009_unique_without_index,
    mg010_table_rewrite_command,
    mg011_lock_table,
    mg012_truncate,
    mg013_set_persistence,
    mg014_attach_partition,
    mg015_detach_partition,
    mg016_whole_table_backfill,
    mg017_breaking_drop,
    mg018_breaking_rename,
    mg019_lock_timeout,
    mg020_plan_regression,
    mg021_statement_fails,
    mg022_set_expression,
    mg023_domain_constraint,
    mg024_index_built_under_lock,
)

MIGRATION_RULES: tuple[ModuleType, ...] = (
    mg001_create_index,
    mg002_drop_index,
    mg003_concurrently_in_transaction,
    mg004_reindex,
    mg005_add_column_rewrite,
    mg006_alter_column_type,
    mg007_set_not_null,
    mg008_constraint_not_valid,
    mg009_unique_without_index,
    mg010_table_rewrite_command,
    mg011_lock_table,
    mg012_truncate,
    mg013_set_persistence,
    mg014_attach_partition,
    mg015_detach_partition,
    mg016_whole_table_backfill,
    mg017_breaking_drop,
    mg018_breaking_rename,
    mg019_lock_timeout,
    mg020_plan_regression,
    mg021_statement_fails,
    mg022_set_expression,
    mg023_domain_constraint,
    mg024_index_built_under_lock,
)
