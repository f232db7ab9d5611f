"""Hand-built statement shapes, as the query model gives them (pgtune.query is not merged yet).

Once ``pgtune.query.model_statement`` is on main, ``statement()`` should model the text instead of taking the
shape's parts as arguments.
"""

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

_OPS = {
    "=": PredicateOp.EQ,
    "<": PredicateOp.RANGE,
    "<=": PredicateOp.RANGE,
    ">": PredicateOp.RANGE,
    ">=": PredicateOp.RANGE,
}


def statement(
    text: str,
    table: str,
    where: tuple[tuple[str, str] | tuple[str, str, str], ...] = (),
    *,
    kind: StatementKind = StatementKind.SELECT,
    group_by: tuple[str, ...] = (),
    order_by: tuple[tuple[str, bool], ...] = (),
    calls_per_day: float = 1000.0,
    mean_exec_ms: float = 10.0,
    schema: str = "public",
    reads: tuple[str, ...] = (),
) -> WorkloadStatement:
    """``where`` holds (column, operator) or (column, operator, constant); ``order_by`` (column, descending)."""
    name = QualifiedName(schema, table)
    predicates = tuple(
        Predicate(name, w[0], _OPS[w[1]], w[1], constant=w[2] if len(w) > 2 else None, columns=(w[0],)) for w in where
    )
    sort_keys = tuple(SortKey(name, column, descending) for column, descending in order_by)
    access = TableAccess(
        table=name,
        predicates=predicates,
        sort_keys=sort_keys,
        group_by=group_by,
        columns_read=frozenset(reads),
        written=kind != StatementKind.SELECT,
    )
    shape = StatementShape(
        fingerprint=text,
        kind=kind,
        text=text,
        tables=(access,),
        sort_keys=sort_keys,
        group_by=group_by,
        has_aggregates=bool(group_by),
    )
    return WorkloadStatement(
        key=text,
        text=text,
        shape=shape,
        calls_per_day=calls_per_day,
        mean_exec_ms=mean_exec_ms,
        display_text=text,
        calls=int(calls_per_day),
    )


def exchange_workload(table: str = "trades", key: str = "executed_at") -> tuple[WorkloadStatement, ...]:
    """The reads and writes of an exchange on its trades table."""
    return (
        statement(
            f"SELECT * FROM {table} WHERE market_id = $1 AND {key} >= $2 ORDER BY {key} DESC LIMIT 100",
            table,
            (("market_id", "="), (key, ">=")),
            order_by=((key, True),),
            calls_per_day=50_000,
            mean_exec_ms=2.0,
        ),
        statement(
            f"SELECT market_id, sum(price * qty) / sum(qty) FROM {table} WHERE {key} >= $1 AND {key} < $2 "
            "GROUP BY market_id",
            table,
            ((key, ">="), (key, "<")),
            group_by=("market_id",),
            calls_per_day=2_000,
            mean_exec_ms=40.0,
        ),
        statement(
            f"SELECT time_bucket('1 minute', {key}) AS bucket, market_id, max(price), min(price), sum(qty) "
            f"FROM {table} WHERE {key} > now() - interval '1 day' GROUP BY 1, 2",
            table,
            ((key, ">", "now() - CAST('1 day' AS interval)"),),
            group_by=(f"time_bucket('1 minute', {key})", "market_id"),
            reads=("market_id", "price", "qty", key),
            calls_per_day=1_440,
            mean_exec_ms=120.0,
        ),
        statement(
            f"INSERT INTO {table} (market_id, price, qty, {key}) VALUES ($1, $2, $3, now())",
            table,
            kind=StatementKind.INSERT,
            calls_per_day=400_000,
            mean_exec_ms=0.05,
        ),
        statement(
            f"DELETE FROM {table} WHERE {key} < now() - interval '90 days'",
            table,
            ((key, "<", "now() - CAST('90 days' AS interval)"),),
            kind=StatementKind.DELETE,
            calls_per_day=24,
            mean_exec_ms=9_000.0,
        ),
    )
