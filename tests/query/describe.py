"""A StatementShape or ParseFailure as the compact JSON the corpus files hold: one line per predicate, key or
table, so that an expected extraction reads (and is reviewed) like the SQL it comes from."""

from __future__ import annotations

from pgtune.query.model import ParseFailure, Predicate, PredicateOp, SortKey, StatementShape, TableAccess


def describe(result: StatementShape | ParseFailure) -> dict:
    if isinstance(result, ParseFailure):
        return {"failure": result.reason, "location": result.location, "truncated": result.truncated}
    out: dict = {"kind": result.kind.value, "tables": [_table(a) for a in result.tables]}
    optional = {
        "relations_written": [str(t) for t in result.relations_written],
        "joins": [f"{j.left}.{j.left_column} = {j.right}.{j.right_column} ({j.kind})" for j in result.joins],
        "sort": [_sort(k) for k in result.sort_keys],
        "limit": result.limit,
        "limit_unknown": result.has_limit and result.limit is None,
        "offset": result.offset,
        "distinct": result.distinct,
        "group_by": list(result.group_by),
        "aggregates": result.has_aggregates,
        "windows": result.has_window_functions,
        "locks_rows": result.locks_rows,
        "ambiguous": list(result.ambiguous_columns),
        "views": [str(v) for v in result.views],
        "truncated": result.truncated,
    }
    out.update({k: v for k, v in optional.items() if v})
    out["indexable"] = True if result.index_helpful else result.not_indexable_reason
    return out


def _table(access: TableAccess) -> dict:
    out: dict = {"table": str(access.table) + (f" {access.alias}" if access.alias else "")}
    optional = {
        "predicates": [_predicate(p) for p in access.predicates],
        "join_columns": list(access.join_columns),
        "sort": [_sort(k) for k in access.sort_keys],
        "group_by": list(access.group_by),
        "read": sorted(access.columns_read) + (["*"] if access.reads_all_columns else []),
        "written": sorted(access.columns_written) if access.written else None,
        "via_view": str(access.via_view) if access.via_view else None,
    }
    out.update({k: v for k, v in optional.items() if v is not None and v != []})
    return out


def _predicate(p: Predicate) -> str:
    value = "" if p.op in (PredicateOp.IS_NULL, PredicateOp.IS_NOT_NULL) else f" {p.constant or '?'}"
    text = f"{p.expression or p.column} {p.operator}{value} [{p.op.value}"
    flags = [f"n={p.in_list_length}"] if p.in_list_length else []
    flags += ["join"] if p.in_join else []
    flags += ["or"] if p.in_or else []
    if p.expression and len(p.columns) > 1:
        flags.append("columns=" + ",".join(p.columns))
    return text + "".join(" " + f for f in flags) + "]"


def _sort(key: SortKey) -> str:
    target = key.expression or key.column
    table = f"{key.table}: " if key.table else ""
    nulls = {True: " nulls first", False: " nulls last", None: ""}[key.nulls_first]
    return f"{table}{target} {'desc' if key.descending else 'asc'}{nulls}"
