"""What a statement needs of the server before it can run at all: a PostgreSQL release that knows its syntax
(``first_release``), and being outside a transaction block (``block_refusal``).

The release table is the release notes' (E.x "Migration" and "Changes" sections of 15–18): each entry is the
first major whose grammar or parse analysis accepts the construct; an older server refuses the statement.
The transaction-block list is the commands whose code calls ``PreventInTransactionBlock`` (vacuum.c,
dbcommands.c, tablespace.c, guc.c's AlterSystemSetConfigFile, indexcmds.c's ReindexMultipleTables,
cluster.c, subscriptioncmds.c). CONCURRENTLY commands are MG003's and are left out here.
"""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast, enums, parse_sql

from .ddl_nodes import truthy

_NODE_RELEASES: dict[type, tuple[int, str]] = {
    ast.MergeStmt: (150000, "MERGE"),
    ast.JsonIsPredicate: (160000, "IS JSON"),
    ast.JsonObjectConstructor: (160000, "JSON_OBJECT()"),
    ast.JsonArrayConstructor: (160000, "JSON_ARRAY()"),
    ast.JsonArrayQueryConstructor: (160000, "JSON_ARRAY()"),
    ast.JsonObjectAgg: (160000, "JSON_OBJECTAGG()"),
    ast.JsonArrayAgg: (160000, "JSON_ARRAYAGG()"),
    ast.JsonTable: (170000, "JSON_TABLE"),
    ast.JsonFuncExpr: (170000, "JSON_EXISTS / JSON_QUERY / JSON_VALUE"),
    ast.JsonParseExpr: (170000, "JSON()"),
    ast.JsonScalarExpr: (170000, "JSON_SCALAR()"),
    ast.JsonSerializeExpr: (170000, "JSON_SERIALIZE()"),
    ast.MergeSupportFunc: (170000, "merge_action()"),
}

_VACUUM_OPTION_RELEASES = {
    "buffer_usage_limit": 160000,
    "process_main": 160000,
    "skip_database_stats": 160000,
    "only_database_stats": 160000,
}
_COPY_OPTION_RELEASES = {"default": 160000, "on_error": 170000, "log_verbosity": 170000, "reject_limit": 180000}
_FUNCTION_RELEASES = {
    **dict.fromkeys(
        ("any_value", "pg_input_is_valid", "pg_input_error_info", "random_normal", "array_sample", "array_shuffle"),
        160000,
    ),
    **dict.fromkeys(("date_add", "date_subtract", "erf", "erfc"), 160000),
    **dict.fromkeys(("uuid_extract_timestamp", "uuid_extract_version", "to_bin", "to_oct"), 170000),
    **dict.fromkeys(("uuidv7", "uuidv4", "casefold", "array_sort", "array_reverse", "crc32", "crc32c"), 180000),
}
"""Built-in functions by the release that added them (pg_proc of each major, checked by tests/versions): an
older server refuses the call (42883), unless the files create a function of that name themselves."""
_SETTING_RELEASES = {"transaction_timeout": 170000}
"""Session settings by the release that added them: SET of one an older server lacks fails (42704)."""


def first_release(node: ast.Node, own_functions: set[str]) -> tuple[int, str] | None:
    """The newest construct the statement uses, as (server_version_num of its first release, construct);
    ``own_functions``: names of the functions the files created, which no release decides."""
    return max(_constructs(node, own_functions), default=None, key=lambda found: found[0])


def _constructs(node: ast.Node, own_functions: set[str]) -> Iterator[tuple[int, str]]:
    for item in _walk(node):
        known = _NODE_RELEASES.get(type(item))
        if known:
            yield known
        if isinstance(item, ast.MergeStmt) and item.returningClause is not None:
            yield 170000, "MERGE ... RETURNING"
        elif isinstance(item, ast.MergeWhenClause) and (
            item.matchKind == enums.MergeMatchKind.MERGE_WHEN_NOT_MATCHED_BY_SOURCE
        ):
            yield 170000, "MERGE ... WHEN NOT MATCHED BY SOURCE"
        elif isinstance(item, (ast.IndexStmt, ast.Constraint)) and item.nulls_not_distinct:
            yield 150000, "UNIQUE NULLS NOT DISTINCT"
        elif isinstance(item, ast.AlterTableCmd) and item.subtype == enums.AlterTableType.AT_SetExpression:
            yield 170000, "ALTER COLUMN ... SET EXPRESSION"
        if isinstance(item, ast.Constraint):
            yield from _constraint(item)
        elif isinstance(item, ast.VacuumStmt):
            yield from _options(item.options, _VACUUM_OPTION_RELEASES, "VACUUM")
        elif isinstance(item, ast.CopyStmt):
            yield from _options(item.options, _COPY_OPTION_RELEASES, "COPY")
        elif isinstance(item, ast.FuncCall) and (name := _builtin_name(item.funcname)) in _FUNCTION_RELEASES:
            if name not in own_functions:
                yield _FUNCTION_RELEASES[name], f"{name}()"
        elif isinstance(item, ast.VariableSetStmt) and item.name in _SETTING_RELEASES:
            yield _SETTING_RELEASES[item.name], f"the setting {item.name}"


def _builtin_name(funcname: tuple) -> str | None:
    """A call's name when it is unqualified or pg_catalog's."""
    names = [n.sval for n in funcname]
    return names[-1] if len(names) == 1 or names[0] == "pg_catalog" else None


def _constraint(constraint: ast.Constraint) -> Iterator[tuple[int, str]]:
    kind = enums.ConstrType
    if constraint.contype == kind.CONSTR_GENERATED and constraint.generated_kind == "v":
        # 18 made VIRTUAL the default: GENERATED ALWAYS AS (...) without STORED is a syntax error before it.
        yield 180000, "a virtual generated column (GENERATED ALWAYS AS (...) without STORED)"
    if constraint.contype == kind.CONSTR_NOTNULL and constraint.skip_validation:
        yield 180000, "NOT NULL ... NOT VALID"
    elif constraint.contype == kind.CONSTR_NOTNULL and constraint.keys:
        yield 180000, "a NOT NULL table constraint (ADD CONSTRAINT ... NOT NULL column)"
    enforceable = constraint.contype in (kind.CONSTR_CHECK, kind.CONSTR_FOREIGN)
    if constraint.contype == kind.CONSTR_ATTR_NOT_ENFORCED or (enforceable and not constraint.is_enforced):
        yield 180000, "a NOT ENFORCED constraint"
    if constraint.without_overlaps or constraint.fk_with_period or constraint.pk_with_period:
        yield 180000, "WITHOUT OVERLAPS / PERIOD (temporal constraints)"


def _options(options, releases: dict[str, int], command: str) -> Iterator[tuple[int, str]]:
    for option in options or ():
        if option.defname in releases:
            yield releases[option.defname], f"{command} option {option.defname.upper()}"


def _walk(node: object) -> Iterator[ast.Node]:
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, tuple):
            stack.extend(item)
        elif isinstance(item, ast.Node):
            yield item
            stack.extend(getattr(item, slot, None) for slot in item.__slots__)


def block_refusal(node: ast.Node) -> str | None:
    """The command PostgreSQL refuses inside a transaction block ("... cannot run inside a transaction block")."""
    refused = _REFUSED.get(type(node))
    if refused is None:
        return None
    command = refused(node)
    return f"{command} cannot run inside a transaction block" if command else None


def statement_block_refusal(sql: str) -> str | None:
    """``block_refusal`` of one statement's text (the trace's, for a statement it must not run)."""
    (raw,) = parse_sql(sql)
    return block_refusal(raw.stmt)


def _vacuum(node: ast.VacuumStmt) -> str | None:
    return "VACUUM" if node.is_vacuumcmd else None


def _reindex(node: ast.ReindexStmt) -> str | None:
    kind = enums.ReindexObjectType
    if node.kind in (kind.REINDEX_OBJECT_SCHEMA, kind.REINDEX_OBJECT_SYSTEM, kind.REINDEX_OBJECT_DATABASE):
        return f"REINDEX {node.kind.name.removeprefix('REINDEX_OBJECT_')}"
    return None


def _alter_database(node: ast.AlterDatabaseStmt) -> str | None:
    return "ALTER DATABASE ... SET TABLESPACE" if any(o.defname == "tablespace" for o in node.options or ()) else None


def _subscription(node: ast.CreateSubscriptionStmt) -> str | None:
    options = {o.defname: o for o in node.options or ()}
    for name in ("connect", "create_slot"):
        if name in options and not truthy(options[name]):
            return None
    return "CREATE SUBSCRIPTION ... WITH (create_slot = true)"


_REFUSED = {
    ast.VacuumStmt: _vacuum,
    ast.CreatedbStmt: lambda node: "CREATE DATABASE",
    ast.DropdbStmt: lambda node: "DROP DATABASE",
    ast.CreateTableSpaceStmt: lambda node: "CREATE TABLESPACE",
    ast.DropTableSpaceStmt: lambda node: "DROP TABLESPACE",
    ast.AlterSystemStmt: lambda node: "ALTER SYSTEM",
    ast.ReindexStmt: _reindex,
    ast.ClusterStmt: lambda node: None if node.relation is not None else "CLUSTER without a table",
    ast.AlterDatabaseStmt: _alter_database,
    ast.CreateSubscriptionStmt: _subscription,
}
