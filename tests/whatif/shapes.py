"""Hand-made statement shapes for the advisor's tests, so they do not depend on the SQL parser."""

from __future__ import annotations

from pgtune.query.model import (
    Predicate,
    PredicateOp,
    QualifiedName,
    SortKey,
    StatementKind,
    StatementShape,
    TableAccess,
)
from pgtune.whatif.workload import WorkloadStatement


def pred(table: QualifiedName, column: str, op: PredicateOp = PredicateOp.EQ, constant: str | None = None) -> Predicate:
    return Predicate(table, column, op, "=", constant=constant, columns=(column,))


def expr_pred(table: QualifiedName, expression: str, columns: tuple[str, ...]) -> Predicate:
    return Predicate(table, None, PredicateOp.EQ, "=", expression=expression, columns=columns)


def statement(
    key: str,
    text: str,
    table: QualifiedName,
    predicates: tuple[Predicate, ...] = (),
    sort: tuple[SortKey, ...] = (),
    columns_read: frozenset[str] = frozenset(),
    reads_all: bool = False,
    limit: bool = False,
    calls_per_day: float = 10_000.0,
    mean_ms: float = 10.0,
    kind: StatementKind = StatementKind.SELECT,
) -> WorkloadStatement:
    access = TableAccess(
        table,
        predicates=predicates,
        sort_keys=sort,
        columns_read=columns_read,
        reads_all_columns=reads_all,
        written=kind is not StatementKind.SELECT,
    )
    shape = StatementShape(key, kind, text, tables=(access,), relations_read=(table,), sort_keys=sort, has_limit=limit)
    return WorkloadStatement(key, text, shape, calls_per_day, mean_ms, display_text=text, calls=int(calls_per_day * 7))
