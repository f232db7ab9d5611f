"""MT004: tables without a primary key."""

from __future__ import annotations

from collections.abc import Iterator

from ...facts import IndexFacts, TableFacts
from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...quantities import Unit, human_bytes, human_count
from ...query.sqltext import bounded_identifier, quote_ident
from ...rules import Rule
from ..base import AnalysisFacts, sql_name, table_rows
from ..index_definitions import create_concurrently

RULE = Rule(
    id="MT004",
    slug="missing-primary-key",
    title="Give every table a primary key",
    why=(
        "Logical replication, and the change-data-capture tools built on it, need a replica identity to "
        "apply updates and deletes: without a primary key those statements fail on a published table, or "
        "with REPLICA IDENTITY FULL every change ships and compares the whole row. Online schema tools "
        "(pg_repack, pg_squeeze) refuse such tables, and duplicate rows creep in unnoticed."
    ),
    bad_example="CREATE TABLE public.fills (order_id bigint NOT NULL, qty numeric NOT NULL, filled_at timestamptz);",
    good_example=(
        "ALTER TABLE public.fills ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;\n"
        "ALTER TABLE public.fills ADD CONSTRAINT fills_pkey PRIMARY KEY (id);"
    ),
    severity=Severity.WARNING,
    needs=("tables", "constraints"),
)

_INTERNAL_SCHEMA_PREFIXES = ("_timescaledb", "pg_", "information_schema")


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    snapshot = facts.snapshot
    keyed = {(c.schema, c.table) for c in snapshot.constraints if c.kind == "p"}
    for table in snapshot.tables:
        if (
            table.kind not in ("r", "p")
            or table.parent is not None
            or (table.schema, table.name) in keyed
            or table.schema.startswith(_INTERNAL_SCHEMA_PREFIXES)
        ):
            continue
        candidate = _candidate_key(facts, table)
        changes = table.n_tup_upd + table.n_tup_del
        yield Finding(
            rule=RULE.id,
            severity=Severity.WARNING if changes else Severity.INFO,
            message=(
                f"{table.qualified_name} ({human_bytes(table.size_bytes)}, {human_count(table_rows(table))} rows) "
                "has no primary key: logical replication cannot apply its updates and deletes"
                + (f" ({human_count(changes)} so far)" if changes else "")
            ),
            help=(
                f"promote the unique index {candidate.name} on NOT NULL columns to the primary key"
                if candidate
                else "add a primary key (an identity column if no natural key exists)"
            ),
            target=table.qualified_name,
            kind="primary-key",
            evidence=(
                Evidence("rows", table_rows(table), Unit.ROWS),
                Evidence("updates + deletes", changes, Unit.COUNT),
                Evidence("unique index on NOT NULL columns", candidate.definition if candidate else "none"),
            ),
            fix=_promote(table, candidate) if candidate else None,
            confidence="high",
        )


def _candidate_key(facts: AnalysisFacts, table: TableFacts) -> IndexFacts | None:
    not_null = {c.name for c in table.columns if c.not_null}
    return next(
        (
            i
            for i in sorted(facts.indexes_of(table.schema, table.name), key=lambda i: (len(i.columns), i.name))
            if i.is_unique
            and i.is_valid
            and i.predicate is None
            and i.backs_constraint is None
            and i.columns
            and not i.expressions
            and set(i.columns) <= not_null
        ),
        None,
    )


def _promote(table: TableFacts, index: IndexFacts) -> Fix:
    target = sql_name(table.schema, table.name)
    constraint = quote_ident(bounded_identifier(f"{table.name}_pkey"))
    return Fix(
        f"ALTER TABLE {target} ADD CONSTRAINT {constraint} PRIMARY KEY USING INDEX {quote_ident(index.name)};",
        f"ALTER TABLE {target} DROP CONSTRAINT {constraint};\n{create_concurrently(index)}",
        FixSafety.BRIEF_LOCK,
        "the index is renamed to the constraint's name; dropping the constraint drops the index, so the "
        "rollback builds it again",
    )
