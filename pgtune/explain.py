"""Plans from the server: generic plans for normalized statements, and EXPLAIN ANALYZE when asked.

Used by the plans collector and by the what-if engine (which plans the same statements while hypothetical
indexes exist in the session). Everything runs inside a transaction that is rolled back.
"""

from __future__ import annotations

import itertools
import json
from typing import Any

import psycopg
from psycopg import sql

from .db import Session
from .errors import BadInput
from .facts import PlanNode, StatementPlan
from .query.sqltext import is_read_only_select, parameter_count

_statement_names = itertools.count()


def explain(session: Session, query: str, queryid: int | None = None, analyze: bool = False) -> StatementPlan:
    """Plan ``query``; ``$n`` parameters get a generic plan. Errors become the plan's ``error``.

    ``analyze`` executes the statement and is refused for anything but a read-only SELECT with literals.
    """
    params = parameter_count(query)
    prepared = f"pgtune_plan_{next(_statement_names)}"
    if analyze and (params or not is_read_only_select(query)):
        raise BadInput(
            "EXPLAIN ANALYZE runs only on a plain SELECT with its literal values",
            "pass SELECT statements with literals (from --workload or logs) to --explain-analyze",
        )
    try:
        with session.rolled_back():
            if analyze:
                document = _explain_json(session, sql.SQL(query), "ANALYZE, BUFFERS, ")
            elif not params:
                document = _explain_json(session, sql.SQL(query), "")
            elif session.version.has_explain_generic_plan:
                document = _explain_json(session, sql.SQL(query), "GENERIC_PLAN, ")
            else:
                document = _explain_prepared(session, prepared, query, params)
    except psycopg.Error as exc:
        message = " ".join(str(exc).splitlines()[0].split()) if str(exc) else type(exc).__name__
        return StatementPlan(queryid, query, generic=bool(params), analyzed=analyze, error=message)
    finally:
        # A prepared statement outlives the rollback, even when the transaction failed after PREPARE.
        if params and not session.version.has_explain_generic_plan and _is_prepared(session, prepared):
            session.rows(sql.SQL("DEALLOCATE {}").format(sql.Identifier(prepared)))
    top = document[0]
    return StatementPlan(
        queryid=queryid,
        query=query,
        generic=bool(params),
        analyzed=analyze,
        root=parse_plan(top["Plan"]),
        planning_ms=top.get("Planning Time"),
        execution_ms=top.get("Execution Time"),
    )


def _explain_json(session: Session, statement: sql.Composable, options: str) -> list[dict[str, Any]]:
    document = session.scalar(sql.SQL("EXPLAIN (" + options + "FORMAT JSON) ") + statement)
    return json.loads(document) if isinstance(document, str) else document


def _explain_prepared(session: Session, prepared: str, query: str, params: int) -> list[dict[str, Any]]:
    """Before 16: PREPARE, force a generic plan, EXPLAIN EXECUTE with NULLs."""
    name = sql.Identifier(prepared)
    session.rows("SET LOCAL plan_cache_mode = force_generic_plan")
    session.rows(sql.SQL("PREPARE {} AS ").format(name) + sql.SQL(query))
    nulls = sql.SQL(", ").join([sql.SQL("NULL")] * params)
    return _explain_json(session, sql.SQL("EXECUTE {}({})").format(name, nulls), "")


def _is_prepared(session: Session, name: str) -> bool:
    return bool(session.scalar("SELECT count(*) FROM pg_prepared_statements WHERE name = %s", (name,)))


def parse_plan(node: dict[str, Any]) -> PlanNode:
    return PlanNode(
        node_type=node["Node Type"],
        startup_cost=float(node.get("Startup Cost", 0.0)),
        total_cost=float(node.get("Total Cost", 0.0)),
        plan_rows=float(node.get("Plan Rows", 0.0)),
        plan_width=int(node.get("Plan Width", 0)),
        relation=node.get("Relation Name"),
        schema=node.get("Schema"),
        alias=node.get("Alias"),
        index_name=node.get("Index Name"),
        join_type=node.get("Join Type"),
        filter=node.get("Filter"),
        index_cond=node.get("Index Cond"),
        sort_keys=tuple(node.get("Sort Key", ())),
        actual_rows=node.get("Actual Rows"),
        actual_loops=node.get("Actual Loops"),
        actual_total_ms=node.get("Actual Total Time"),
        shared_hit_blocks=node.get("Shared Hit Blocks"),
        shared_read_blocks=node.get("Shared Read Blocks"),
        subplans_removed=node.get("Subplans Removed"),
        children=tuple(parse_plan(child) for child in node.get("Plans", ())),
    )
