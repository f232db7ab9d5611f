"""Plans from the server: generic plans for normalized statements, and EXPLAIN ANALYZE when asked.

Used by the plans collector and by the what-if engine (which plans the same statements while hypothetical
indexes exist in the session). Everything runs inside a transaction that is rolled back.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

import psycopg
from psycopg import sql

from .db import Session
from .errors import AnalyzeRefused
from .facts import PlanNode, StatementPlan
from .query.sqltext import (
    arithmetic_parameters,
    cast_parameter,
    is_single_statement,
    output_parameters,
    parameter_count,
    plannable_text,
)
from .side_effects import analyze_refusal

# One name for every plan (each is deallocated in its own round trip): pg_stat_statements keys the
# EXPLAIN EXECUTE and DEALLOCATE texts by name, so a name per plan was an entry per plan.
PREPARED_NAME = "pgtune_plan"
_INDETERMINATE_DATATYPE = "42P18"
_AMBIGUOUS_FUNCTION = "42725"
_UNTYPED = re.compile(r"could not determine data type of parameter \$(?P<number>\d+)")
_TYPE_MISMATCH = ("42883", "42804")
"""undefined_function (``operator does not exist``) and datatype_mismatch (``COALESCE types … cannot be
matched``, ``argument of WHERE must be type boolean``)."""
_OTHER_TYPE = (
    re.compile(r"operator does not exist: text [^\w\s]+ (?P<type>.+)$"),
    re.compile(r"operator does not exist: (?P<type>.+) [^\w\s]+ text$"),
    re.compile(r"types text and (?P<type>.+) cannot be matched"),
    re.compile(r"types (?P<type>.+) and text cannot be matched"),
    re.compile(r"must be type (?P<type>.+), not type text"),
)
"""The type a text-typed value met, in the planner's words."""
_typed: dict[str, str] = {}
"""Statements whose untyped parameters were given a type, by their text: retried once, remembered after."""
_TYPED_LIMIT = 10_000


def explain(session: Session, query: str, queryid: int | None = None, analyze: bool = False) -> StatementPlan:
    """Plan ``query``; ``$n`` parameters get a generic plan. Errors become the plan's ``error``.

    ``analyze`` executes the statement: it is refused (AnalyzeRefused) unless the statement is a SELECT with its
    literals that reaches nothing with side effects (``pgtune/side_effects.py``).
    """
    return explain_after(session, (), query, queryid, analyze)[1]


def explain_after(
    session: Session,
    prologue: Sequence[sql.Composable],
    query: str,
    queryid: int | None = None,
    analyze: bool = False,
) -> tuple[list[list[dict]], StatementPlan]:
    """``explain``, with ``prologue`` statements (each returning one row or more) sent ahead of it.

    The what-if engine plans thousands of statements, so a plan, with the hypothetical indexes it needs,
    costs one round trip: the prologue, BEGIN, the EXPLAIN, ROLLBACK (and DEALLOCATE) in one string.
    Returns the prologue's rows (none when the string failed) and the plan.
    """
    params = parameter_count(query)
    sent = _typed.get(query) or plannable_text(query)
    if analyze:
        # The text checked is the text sent.
        refusal = "it has $n parameters, not its literal values" if params else analyze_refusal(session, sent)
        if refusal:
            raise AnalyzeRefused(f"EXPLAIN ANALYZE refused: {refusal}", "it was planned without ANALYZE")
    if not is_single_statement(query):
        # Sent as part of one query string, a second statement would run: never.
        return [], StatementPlan(queryid, query, bool(params), analyze, error="not a single statement")
    # Before 16 a generic plan needs PREPARE. Where pgtune's statements are tracked, every plan goes through
    # it: pg_stat_statements then sees one EXPLAIN EXECUTE text, not an entry per literal statement.
    by_prepare = (bool(params) and not session.version.has_explain_generic_plan) or session.own_statements_tracked
    prepared = PREPARED_NAME if by_prepare else None
    try:
        results = session.script([*prologue, *_statements(sent, params, analyze, prepared), *_ending(prepared)])
    except psycopg.Error as exc:
        message = " ".join(str(exc).splitlines()[0].split()) if str(exc) else type(exc).__name__
        _clean_up(session, prepared)
        typed = _retyped(sent, exc.sqlstate, message)
        if typed == sent or len(_typed) >= _TYPED_LIMIT:
            return [], StatementPlan(queryid, query, generic=bool(params), analyzed=analyze, error=message)
        # Planned with the types given from now on. The prologue has run already, so only a call without
        # one retries at once.
        _typed[query] = typed
        if prologue:
            return [], StatementPlan(queryid, query, generic=bool(params), analyzed=analyze, error=message)
        return explain_after(session, (), query, queryid, analyze)
    # Whatever the text did to the one string (a comment that swallowed the ROLLBACK), never left open.
    session.leave_transaction()
    document = next(iter(results[len(prologue)][0].values()))
    top = (json.loads(document) if isinstance(document, str) else document)[0]
    return results[: len(prologue)], StatementPlan(
        queryid=queryid,
        query=query,
        generic=bool(params),
        analyzed=analyze,
        root=parse_plan(top["Plan"]),
        planning_ms=top.get("Planning Time"),
        execution_ms=top.get("Execution Time"),
    )


def _retyped(text: str, sqlstate: str | None, message: str) -> str:
    """The text with a type given to the parameters the error says had none, or the text unchanged.

    A parameter nothing types (an argument of variadic "any") becomes text. A parameter standing alone in
    a subquery's output list was typed text, and the error names the type it met (``text > bigint``):
    the constant pg_stat_statements replaced was of that type, as the column it is compared with. Two
    parameters in one arithmetic (``unknown - unknown``) were numbers."""
    if sqlstate == _INDETERMINATE_DATATYPE and (untyped := _UNTYPED.search(message)):
        return cast_parameter(text, int(untyped["number"]))
    if sqlstate == _AMBIGUOUS_FUNCTION and "unknown" in message:
        for number in arithmetic_parameters(text):
            text = cast_parameter(text, number, "numeric")
        return text
    if sqlstate in _TYPE_MISMATCH and (
        other := next((m["type"] for p in _OTHER_TYPE if (m := p.search(message))), None)
    ):
        for number in output_parameters(text):
            text = cast_parameter(text, number, other)
    return text


def _statements(query: str, params: int, analyze: bool, prepared: str | None) -> list[sql.Composable]:
    """BEGIN and everything up to the EXPLAIN, whose result is the last one."""
    if prepared is not None:
        # PREPARE, force a generic plan, EXPLAIN EXECUTE with NULLs (a literal statement has none).
        name = sql.Identifier(prepared)
        nulls = sql.SQL(", ").join([sql.SQL("NULL")] * params)
        execute = sql.SQL("EXECUTE {}({})").format(name, nulls) if params else sql.SQL("EXECUTE {}").format(name)
        return [
            sql.SQL("BEGIN READ ONLY"),
            sql.SQL("SET LOCAL plan_cache_mode = force_generic_plan"),
            sql.SQL("PREPARE {} AS {}").format(name, sql.SQL(query)),
            sql.SQL("EXPLAIN (" + ("ANALYZE, BUFFERS, " if analyze else "") + "FORMAT JSON) {}").format(execute),
        ]
    options = "ANALYZE, BUFFERS, " if analyze else "GENERIC_PLAN, " if params else ""
    return [sql.SQL("BEGIN READ ONLY"), sql.SQL("EXPLAIN (" + options + "FORMAT JSON) {}").format(sql.SQL(query))]


def _ending(prepared: str | None) -> list[sql.Composable]:
    """The rollback, in the same string; a prepared statement outlives it, so it is deallocated too."""
    ending = [sql.SQL("ROLLBACK")]
    if prepared is not None:
        ending.append(sql.SQL("DEALLOCATE {}").format(sql.Identifier(prepared)))
    return ending


def _clean_up(session: Session, prepared: str | None) -> None:
    """After an error the string stopped where it failed: roll back, and deallocate what PREPARE left."""
    session.script(["ROLLBACK"])
    if prepared and session.named("prepared_statement", {"name": prepared})[0]["prepared"]:
        session.rows(sql.SQL("DEALLOCATE {}").format(sql.Identifier(prepared)))


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
