"""Migration rules for ``pgtune check``: one rule per module, listed in order below.

Each module exports ``RULE`` and ``check(actions, context)``: the DDL actions of the whole set of files,
in migration order, and the ``MigrationContext`` (database facts, or none) in; findings out.
"""

from __future__ import annotations

from types import ModuleType

from . import (
    add_column_rewrite,
    alter_column_type,
    attach_partition,
    breaking_drop,
    breaking_rename,
    concurrently_in_transaction,
    constraint_not_valid,
    create_index,
    detach_partition,
    drop_index,
    lock_table,
    lock_timeout,
    plan_regression,
    reindex,
    set_expression,
    set_not_null,
    set_persistence,
    statement_fails,
    table_rewrite_command,
    truncate,
    unique_without_index,
    whole_table_backfill,
)

MIGRATION_RULES: tuple[ModuleType, ...] = (
    create_index,
    drop_index,
    concurrently_in_transaction,
    reindex,
    add_column_rewrite,
    alter_column_type,
    set_not_null,
    constraint_not_valid,
    unique_without_index,
    table_rewrite_command,
    lock_table,
    truncate,
    set_persistence,
    attach_partition,
    detach_partition,
    whole_table_backfill,
    breaking_drop,
    breaking_rename,
    lock_timeout,
    plan_regression,
    statement_fails,
    set_expression,
)
