"""PT008: indexes per hypertable: drop those no statement uses, add (column, time) where the workload needs it."""

from __future__ import annotations

from collections.abc import Iterator

from ...facts import Hypertable, IndexFacts
from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...query.model import PredicateOp, StatementKind
from ...rules import Rule
from ...whatif.workload import WorkloadStatement
from ..base import AnalysisFacts
from ..index_definitions import protected, qualified_index
from .common import impacts
from .ddl import ident, qualified, short
from .signals import equality_columns, plural
from .timescale import user_hypertables

RULE = Rule(
    id="PT008",
    slug="hypertable-indexes",
    title="Keep only the indexes a hypertable's statements use, and lead by the filtered column then time",
    why=(
        "Every index on a hypertable is built on every chunk and maintained by every insert, so an index no "
        "statement filters, joins or sorts by costs write time and chunk space for nothing. Statements that "
        "filter one column with = and read a time range (or the newest rows) of it are served best by the "
        "composite index TimescaleDB documents for that pattern: the column first, then time descending."
    ),
    bad_example=(
        "CREATE INDEX trades_taker_side_idx ON trades (taker_side);\n"
        "SELECT * FROM trades WHERE market_id = $1 AND executed_at > now() - interval '1 day' "
        "ORDER BY executed_at DESC LIMIT 100;"
    ),
    good_example=(
        "DROP INDEX IF EXISTS public.trades_taker_side_idx;\n"
        "CREATE INDEX trades_market_id_executed_at_idx ON public.trades (market_id, executed_at DESC);"
    ),
    severity=Severity.WARNING,
    needs=("timescaledb", "statements"),
)

MIN_DISTINCT = 3
"""Below this many distinct values (when pg_stats knows) an equality filter at most halves a time range: not
worth an index on every chunk."""
_PER_CHUNK = (
    "on a hypertable CREATE INDEX cannot run CONCURRENTLY and locks every chunk against writes until it "
    "finishes; WITH (timescaledb.transaction_per_chunk) builds it chunk by chunk, one short lock each (the "
    "option's name is not in the catalog pgtune reads: check that the server accepts it)"
)


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    for own in user_hypertables(facts):
        hypertable = own.hypertable
        reads = tuple(s for s in own.statements if s.shape.kind is not StatementKind.INSERT)
        indexes = facts.indexes_of(hypertable.schema, hypertable.name)
        # create_hypertable makes a time index unless told not to: none at all means none were collected, and
        # a composite proposed then may well exist already.
        if not reads or not indexes:
            continue
        used = _used_columns(reads, hypertable)
        for index in indexes:
            if _droppable(index, used):
                yield _drop(index, hypertable, reads)
        proposal = _missing_composite(facts, hypertable, reads, indexes)
        if proposal is not None:
            yield proposal


def _accesses(statement: WorkloadStatement, hypertable: Hypertable):
    return (a for a in statement.shape.tables if (a.table.schema, a.table.name) == (hypertable.schema, hypertable.name))


def _used_columns(statements: tuple[WorkloadStatement, ...], hypertable: Hypertable) -> frozenset[str]:
    """Columns some statement filters, joins, sorts or groups the hypertable by."""
    used: set[str] = set()
    for statement in statements:
        for access in _accesses(statement, hypertable):
            used.update(p.column for p in access.predicates if p.column)
            used.update(access.join_columns)
            used.update(k.column for k in access.sort_keys if k.column)
            used.update(access.group_by)
    return frozenset(used)


def _droppable(index: IndexFacts, used: frozenset[str]) -> bool:
    """Not behind a constraint, and led by a column no statement reads by. The default time index
    (``<table>_<time>_idx``) stays exactly while the workload reads by time, as its leading column is time."""
    leading = index.columns[0] if index.columns else None
    # An expression index is not judged here: its expression may be what the statements compute.
    return not protected(index) and leading is not None and leading not in used


def _drop(index: IndexFacts, hypertable: Hypertable, reads: tuple[WorkloadStatement, ...]) -> Finding:
    name = qualified_index(index)
    size = (
        f"{index.size_bytes:,} bytes on the parent; its size across the chunks was not collected "
        f"(hypertable_index_size('{name}') on the server gives it)"
    )
    return Finding(
        rule=RULE.id,
        severity=RULE.severity,
        message=(
            f"{name} on hypertable {qualified(hypertable.schema, hypertable.name)} leads with {index.columns[0]}, "
            f"which none of the {plural(len(reads), 'statement')} reading it filters, joins or sorts by"
        ),
        help=(
            "drop it: every chunk carries a copy and every insert maintains it; keep it if statements outside "
            "the workload sample read by that column"
        ),
        target=name,
        kind="drop-index",
        evidence=(Evidence("definition", index.definition), Evidence("size", size)),
        fix=Fix(
            f"DROP INDEX IF EXISTS {name};\n",
            f"{index.definition.strip()};\n",
            FixSafety.BLOCKING,
            "the drop locks each chunk briefly; the rollback rebuilds it on every chunk: " + _PER_CHUNK,
        ),
        confidence="medium",
    )


def _missing_composite(
    facts: AnalysisFacts, hypertable: Hypertable, reads: tuple[WorkloadStatement, ...], indexes: tuple[IndexFacts, ...]
) -> Finding | None:
    """One (column, time DESC) index for the statements that filter by = and read by time but that no index
    serves by an equality column followed by time; the column filtered most often among them."""
    time = hypertable.time_column
    served = {i.columns[0] for i in indexes if i.predicate is None and i.columns[1:2] == (time,)}
    needing = tuple(
        s
        for s in reads
        if _reads_by_time(s, hypertable)
        and not served & set(equality_columns((s,), hypertable.schema, hypertable.name, time))
    )
    candidates = [
        c
        for c in equality_columns(needing, hypertable.schema, hypertable.name, time)
        if _distinct_enough(facts, hypertable, c)
    ]
    if not candidates:
        return None
    column = candidates[0]
    needing = tuple(s for s in needing if column in equality_columns((s,), hypertable.schema, hypertable.name, time))
    table = qualified(hypertable.schema, hypertable.name)
    index_name = short(f"{hypertable.name}_{column}_{time}_idx")
    stats = facts.stats_of(hypertable.schema, hypertable.name, column)
    return Finding(
        rule=RULE.id,
        severity=RULE.severity,
        message=(
            f"{plural(len(needing), 'statement')} {'filters' if len(needing) == 1 else 'filter'} hypertable {table} "
            f"by {column} = and read it by {time}, "
            f"and no index leads with {column}, {time}"
        ),
        help=f"create the index TimescaleDB documents for this pattern; {_PER_CHUNK}",
        target=table,
        kind="create-index",
        evidence=(
            Evidence("indexes", ", ".join(i.name for i in indexes)),
            Evidence(
                "distinct values",
                f"{column}: {stats.n_distinct:g} (pg_stats n_distinct)"
                if stats
                else f"{column}: not in pg_stats (run ANALYZE), its selectivity is assumed",
            ),
        ),
        fix=Fix(
            f"CREATE INDEX {ident(index_name)} ON {table} ({ident(column)}, {ident(time)} DESC);\n",
            f"DROP INDEX IF EXISTS {qualified(hypertable.schema, index_name)};\n",
            FixSafety.BLOCKING,
            _PER_CHUNK,
        ),
        statements=impacts(needing),
        confidence="medium" if stats else "low",
    )


def _reads_by_time(statement: WorkloadStatement, hypertable: Hypertable) -> bool:
    """A range on the time column, or an ORDER BY that starts with it."""
    time = hypertable.time_column
    return any(
        any(p.column == time and p.op == PredicateOp.RANGE for p in a.predicates)
        or (a.sort_keys and a.sort_keys[0].column == time)
        for a in _accesses(statement, hypertable)
    )


def _distinct_enough(facts: AnalysisFacts, hypertable: Hypertable, column: str) -> bool:
    stats = facts.stats_of(hypertable.schema, hypertable.name, column)
    # n_distinct is a count when positive, minus a fraction of the rows when negative, 0 when unknown.
    return stats is None or not 0 < stats.n_distinct < MIN_DISTINCT
