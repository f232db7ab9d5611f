"""MT003: sequences, and the integer key columns they feed, approaching their largest value."""

from __future__ import annotations

from collections.abc import Iterator

from ...facts import ColumnFacts, SequenceFacts, TableFacts
from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...quantities import Unit, human_count
from ...query.sqltext import quote_ident
from ...rules import Rule
from ..base import AnalysisFacts, split_name, sql_name

RULE = Rule(
    id="MT003",
    slug="sequence-limit",
    title="Widen keys before their sequence runs out",
    why=(
        "An integer (int4) id stops at 2,147,483,647: past that every insert fails with 'integer out of "
        "range' or 'reached maximum value of sequence', which for trades or orders stops the business. A "
        "bigint sequence does not help when the column it fills is still an integer. Changing the column type "
        "rewrites the table under an exclusive lock, so it has to be planned long before the limit."
    ),
    bad_example=(
        "CREATE TABLE public.trades (id serial PRIMARY KEY, price numeric NOT NULL);\n"
        "-- trades_id_seq.last_value = 1,900,000,000"
    ),
    good_example=(
        "ALTER SEQUENCE public.trades_id_seq AS bigint;\nALTER TABLE public.trades ALTER COLUMN id TYPE bigint;"
    ),
    severity=Severity.WARNING,
    needs=("sequences", "tables"),
)

WARNING_USED = 0.5
CRITICAL_USED = 0.9
TYPE_MAX = {"smallint": 2**15 - 1, "integer": 2**31 - 1, "bigint": 2**63 - 1}
_NARROW = ("smallint", "integer")
ONLINE_NOTE = (
    "ALTER COLUMN ... TYPE bigint rewrites the table and its indexes under an ACCESS EXCLUSIVE lock. Online: add "
    "a bigint column, keep it in step with a trigger, backfill it in batches, build its unique index "
    "concurrently, then in one short transaction swap the columns and promote the index "
    "(ADD CONSTRAINT ... PRIMARY KEY USING INDEX); referencing columns follow the same way."
)


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    for sequence in facts.snapshot.sequences:
        if sequence.last_value is None or sequence.last_value <= 0:
            continue
        owner = _owner(facts, sequence)
        column_type = owner[1].type if owner else None
        limit = min(sequence.max_value, TYPE_MAX.get(column_type or "", sequence.max_value))
        used = sequence.last_value / limit
        if used < WARNING_USED:
            continue
        column_binds = column_type in _NARROW and TYPE_MAX[column_type] < sequence.max_value
        what = f"{owner[0].qualified_name}.{owner[1].name}" if owner else f"{sequence.schema}.{sequence.name}"
        yield Finding(
            rule=RULE.id,
            severity=Severity.CRITICAL if used >= CRITICAL_USED else Severity.WARNING,
            message=(
                f"{what} has used {100 * used:.0f} % of its range: {sequence.schema}.{sequence.name} is at "
                f"{human_count(sequence.last_value)} of {human_count(limit)}"
                + (
                    f" (the {column_type} column is the limit, not the {sequence.data_type} sequence)"
                    if column_binds
                    else ""
                )
            ),
            help=_help(sequence, column_type),
            target=what,
            kind="widen-key",
            evidence=(
                Evidence("sequence", f"{sequence.schema}.{sequence.name} ({sequence.data_type})"),
                Evidence("last value", sequence.last_value, Unit.COUNT),
                Evidence("sequence maximum", sequence.max_value, Unit.COUNT),
                Evidence("column type", column_type or "not known (no owning column)"),
                Evidence("remaining values", limit - sequence.last_value, Unit.COUNT),
            ),
            fix=_fix(facts, sequence, owner),
            confidence="high",
        )


def _owner(facts: AnalysisFacts, sequence: SequenceFacts) -> tuple[TableFacts, ColumnFacts] | None:
    """The table and column the sequence fills, from ``owned_by`` (schema.table.column, quoted where needed)."""
    parts = split_name(sequence.owned_by or "")
    if len(parts) != 3:
        return None
    table = facts.table(parts[0], parts[1])
    column = next((c for c in table.columns if c.name == parts[2]), None) if table else None
    return (table, column) if table and column else None


def _help(sequence: SequenceFacts, column_type: str | None) -> str:
    if sequence.data_type in _NARROW or column_type in _NARROW:
        return "move the sequence and the column (and the columns referencing it) to bigint while there is time"
    return "the sequence has a lowered MAXVALUE: raise it with ALTER SEQUENCE ... MAXVALUE, or plan new keys"


def _fix(facts: AnalysisFacts, sequence: SequenceFacts, owner: tuple[TableFacts, ColumnFacts] | None) -> Fix | None:
    forward, back = [], []
    if sequence.data_type in _NARROW:
        name = sql_name(sequence.schema, sequence.name)
        forward.append(f"ALTER SEQUENCE {name} AS bigint;")
        back.append(f"ALTER SEQUENCE {name} AS {sequence.data_type};")
    if owner and owner[1].type in _NARROW:
        table, column = owner
        for schema, name, col in ((table.schema, table.name, column.name), *_referencing(facts, table, column)):
            target = sql_name(schema, name)
            forward.append(f"ALTER TABLE {target} ALTER COLUMN {quote_ident(col)} TYPE bigint;")
            back.append(f"ALTER TABLE {target} ALTER COLUMN {quote_ident(col)} TYPE {column.type};")
    if not forward:
        return None
    rewrites = len(forward) > (sequence.data_type in _NARROW)
    return Fix(
        "\n".join(forward),
        "\n".join(reversed(back)),
        FixSafety.BLOCKING if rewrites else FixSafety.BRIEF_LOCK,
        ONLINE_NOTE if rewrites else "the rollback works only while every value still fits the old type",
    )


def _referencing(facts: AnalysisFacts, table: TableFacts, column: ColumnFacts) -> list[tuple[str, str, str]]:
    """Narrow foreign-key columns elsewhere that hold this column's values and must widen with it."""
    found = []
    for constraint in facts.foreign_keys_to(table):
        child = facts.table(constraint.schema, constraint.table)
        types = {c.name: c.type for c in child.columns} if child else {}
        for mine, theirs in zip(constraint.columns, constraint.referenced_columns, strict=False):
            if theirs == column.name and types.get(mine, column.type) in _NARROW:
                found.append((constraint.schema, constraint.table, mine))
    return found
