"""What a migration's parse-tree nodes say: defaults that force a rewrite, WHERE clauses that touch every
row, ALTER TABLE subcommands by the lock they take, names qualified as the gate keys them."""

from __future__ import annotations

import re

from pglast import ast, enums
from pglast.visitors import Visitor

from .ddl_locks import Lock
from .ddl_model import ConstraintType, Kind

CONSTRAINT_TYPES = {
    enums.ConstrType.CONSTR_FOREIGN: ConstraintType.FOREIGN_KEY,
    enums.ConstrType.CONSTR_CHECK: ConstraintType.CHECK,
    enums.ConstrType.CONSTR_UNIQUE: ConstraintType.UNIQUE,
    enums.ConstrType.CONSTR_PRIMARY: ConstraintType.PRIMARY_KEY,
    enums.ConstrType.CONSTR_EXCLUSION: ConstraintType.EXCLUSION,
}
# Functions a column default may call without forcing a rewrite (stable or immutable); any other call,
# including a user function (volatile unless declared otherwise), is taken as volatile.
_NON_VOLATILE_FUNCTIONS = frozenset(
    {
        "now",
        "transaction_timestamp",
        "statement_timestamp",
        "current_date",
        "lower",
        "upper",
        "to_timestamp",
        "to_date",
        "make_interval",
        "jsonb_build_object",
        "json_build_object",
        "jsonb_build_array",
        "array_fill",
        "concat",
        "md5",
        "length",
        "abs",
    }
)
_AT = enums.AlterTableType
# ALTER TABLE's documentation: these subcommands take SHARE UPDATE EXCLUSIVE (reads and writes continue).
SHARE_UPDATE_EXCLUSIVE_SUBCOMMANDS = frozenset(
    {_AT.AT_SetStatistics, _AT.AT_SetOptions, _AT.AT_ResetOptions, _AT.AT_ClusterOn, _AT.AT_DropCluster}
)
TRIGGER_SUBCOMMANDS = frozenset(
    {
        _AT.AT_EnableTrig,
        _AT.AT_EnableAlwaysTrig,
        _AT.AT_EnableReplicaTrig,
        _AT.AT_DisableTrig,
        _AT.AT_EnableTrigAll,
        _AT.AT_DisableTrigAll,
        _AT.AT_EnableTrigUser,
        _AT.AT_DisableTrigUser,
    }
)
# Storage parameters SET (...) changes under SHARE UPDATE EXCLUSIVE; any other takes ACCESS EXCLUSIVE.
_LIGHT_OPTIONS = re.compile(
    r"^(fillfactor|parallel_workers|vacuum_index_cleanup|vacuum_truncate|log_autovacuum_min_duration|"
    r"toast_tuple_target|autovacuum_\w+|toast\.autovacuum_\w+|toast\.vacuum_\w+|toast\.log_autovacuum_min_duration)$"
)


def light_options(options) -> bool:
    names = [f"{o.defnamespace}.{o.defname}" if o.defnamespace else o.defname for o in options or ()]
    return bool(names) and all(_LIGHT_OPTIONS.match(n) for n in names)


def null_tested_columns(where: ast.Node | None) -> list[str]:
    """Columns a WHERE tests with IS NULL (alone or ANDed): a backfill of a column just added touches every row."""
    if isinstance(where, ast.BoolExpr) and where.boolop == enums.BoolExprType.AND_EXPR:
        return [c for arg in where.args for c in null_tested_columns(arg)]
    if (
        isinstance(where, ast.NullTest)
        and where.nulltesttype == enums.NullTestType.IS_NULL
        and isinstance(where.arg, ast.ColumnRef)
    ):
        return [where.arg.fields[-1].sval]
    return []


def not_null_tests(where: ast.Node | None) -> list[str]:
    """The columns of a WHERE made only of ``column IS NOT NULL`` tests ANDed together, else nothing."""
    if isinstance(where, ast.BoolExpr) and where.boolop == enums.BoolExprType.AND_EXPR:
        parts = [not_null_tests(arg) for arg in where.args]
        return [c for part in parts for c in part] if all(parts) else []
    if (
        isinstance(where, ast.NullTest)
        and where.nulltesttype == enums.NullTestType.IS_NOT_NULL
        and isinstance(where.arg, ast.ColumnRef)
        and isinstance(where.arg.fields[-1], ast.String)
    ):
        return [where.arg.fields[-1].sval]
    return []


def column_names(expressions, every_column) -> list[str]:
    """The plain columns among ``expressions`` (``*`` stands for ``every_column``)."""
    names: list[str] = []
    for expression in expressions:
        if isinstance(expression, ast.ResTarget):
            expression = expression.val
        if not isinstance(expression, ast.ColumnRef):
            continue
        last = expression.fields[-1]
        names.extend(sorted(every_column) if isinstance(last, ast.A_Star) else [last.sval])
    return names


class _FunctionCalls(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def visit_FuncCall(self, ancestors, node: ast.FuncCall) -> None:
        self.names.append(node.funcname[-1].sval.lower())


class _References(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.relations: list[ast.RangeVar] = []
        self.columns: list[tuple[str, ...]] = []
        self.star = False

    def visit_RangeVar(self, ancestors, node: ast.RangeVar) -> None:
        self.relations.append(node)

    def visit_ColumnRef(self, ancestors, node: ast.ColumnRef) -> None:
        if isinstance(node.fields[-1], ast.A_Star):
            self.star = self.star or len(node.fields) == 1
            self.columns.append((*(f.sval for f in node.fields[:-1]), "*"))
        else:
            self.columns.append(tuple(getattr(f, "sval", "") for f in node.fields))


_NAMEDATALEN = 63


def chosen_constraint_name(table: str, constraint: ast.Constraint, column: str | None) -> str | None:
    """The name PostgreSQL gives an unnamed constraint (``ChooseConstraintName``: ``orders_qty_check``,
    ``orders_pkey``, ``orders_a_b_key``, ``orders_user_id_fkey``), before any number a clash appends; None
    when this reader cannot tell (an exclusion constraint, a name long enough to be truncated)."""
    relation = table.split(".")[-1]
    kind = enums.ConstrType
    if constraint.contype == kind.CONSTR_CHECK:
        found = _References()
        found(constraint.raw_expr)
        names = {ref[-1] for ref in found.columns if ref[-1] != "*"}
        name = f"{relation}_{names.pop()}_check" if len(names) == 1 else f"{relation}_check"
    elif constraint.contype == kind.CONSTR_PRIMARY:
        name = f"{relation}_pkey"
    elif constraint.contype in (kind.CONSTR_UNIQUE, kind.CONSTR_FOREIGN):
        keys = [
            k.sval
            for k in (constraint.fk_attrs if constraint.contype == kind.CONSTR_FOREIGN else constraint.keys) or ()
        ]
        keys = keys or ([column] if column else [])
        if not keys:
            return None
        name = f"{relation}_{'_'.join(keys)}_{'key' if constraint.contype == kind.CONSTR_UNIQUE else 'fkey'}"
    else:
        return None
    return name if len(name) <= _NAMEDATALEN else None


def referenced_columns(query: ast.Node, columns_of) -> set[tuple[str, str]]:
    """(schema.table, column) a view's query surely reads: columns qualified by a table's name or alias, or
    (when it reads one table) unqualified ones and ``*``; ``columns_of`` gives each table's known columns."""
    found = _References()
    found(query)
    by_name = {}
    for relation in found.relations:
        table = qualified(relation)
        by_name[relation.alias.aliasname if relation.alias else relation.relname] = table
    single = next(iter(by_name.values())) if len(set(by_name.values())) == 1 else None
    used: set[tuple[str, str]] = set()
    for ref in found.columns:
        table = by_name.get(ref[-2]) if len(ref) >= 2 else single
        if table is None:
            continue
        if ref[-1] == "*":
            used.update((table, c) for c in columns_of.get(table, ()))
        else:
            used.add((table, ref[-1]))
    return used


def volatile_call(expr: ast.Node) -> str | None:
    calls = _FunctionCalls()
    calls(expr)
    return next((name for name in calls.names if name not in _NON_VOLATILE_FUNCTIONS), None)


def declares_not_null(constraints) -> bool:
    return any(c.contype in (enums.ConstrType.CONSTR_NOTNULL, enums.ConstrType.CONSTR_PRIMARY) for c in constraints)


def is_null(expr: ast.Node) -> bool:
    return isinstance(expr, ast.A_Const) and bool(expr.isnull)


def always_true(where: ast.Node | None) -> bool:
    if where is None:
        return True
    if isinstance(where, ast.A_Const):
        return bool(getattr(where.val, "boolval", False))
    if isinstance(where, ast.A_Expr) and isinstance(where.lexpr, ast.A_Const) and isinstance(where.rexpr, ast.A_Const):
        return where.name[-1].sval == "=" and where.lexpr.val == where.rexpr.val
    if isinstance(where, ast.BoolExpr) and where.boolop == enums.BoolExprType.OR_EXPR:
        # ``col IS NULL OR col IS NOT NULL`` (a backfill written to catch every row): true for every row.
        tested = {}
        for arg in where.args:
            if always_true(arg):
                return True
            if isinstance(arg, ast.NullTest) and isinstance(arg.arg, ast.ColumnRef):
                tested.setdefault(_field_names(arg.arg), set()).add(arg.nulltesttype)
        return any(len(kinds) == 2 for kinds in tested.values())
    return False


def _field_names(column: ast.ColumnRef) -> tuple[str, ...]:
    return tuple(getattr(f, "sval", "*") for f in column.fields)


def join_only(where: ast.Node | None, target: ast.RangeVar) -> bool:
    """The WHERE of an UPDATE ... FROM or DELETE ... USING is only equalities joining the target's columns to
    the other relations' columns: nothing narrows the target itself, so every row with a partner is touched."""
    name = target.alias.aliasname if target.alias else target.relname
    terms = where.args if isinstance(where, ast.BoolExpr) and where.boolop == enums.BoolExprType.AND_EXPR else [where]
    for term in terms:
        if not (isinstance(term, ast.A_Expr) and term.kind == enums.A_Expr_Kind.AEXPR_OP and term.name[-1].sval == "="):
            return False
        sides = [term.lexpr, term.rexpr]
        if not all(isinstance(side, ast.ColumnRef) and len(side.fields) == 2 for side in sides):
            return False
        owners = [getattr(side.fields[0], "sval", None) for side in sides]
        if owners.count(name) != 1:
            return False
    return True


def not_null_column(expr: ast.Node | None) -> str | None:
    if (
        isinstance(expr, ast.NullTest)
        and expr.nulltesttype == enums.NullTestType.IS_NOT_NULL
        and isinstance(expr.arg, ast.ColumnRef)
    ):
        return expr.arg.fields[-1].sval
    return None


def plain_using(using: ast.Node | None, column: str, new_type: ast.TypeName) -> bool:
    """``USING column`` or ``USING column::new_type``: ALTER TABLE plans the expression before judging the
    rewrite (``expression_planner``, then ``ATColumnChangeRequiresRewrite``), so a cast of the column to the
    new type is the same coercion as no USING at all, and rewrites exactly when that would."""
    if isinstance(using, ast.TypeCast):
        cast, new = using.typeName, new_type
        if cast.names[-1].sval.lower() != new.names[-1].sval.lower() or bool(cast.arrayBounds) != bool(new.arrayBounds):
            return False
        if cast.typmods and _typmods(cast) != _typmods(new):
            return False
        using = using.arg
    return (
        isinstance(using, ast.ColumnRef) and len(using.fields) == 1 and getattr(using.fields[0], "sval", None) == column
    )


def _typmods(node: ast.TypeName) -> tuple:
    return tuple(getattr(m.val, "ival", None) for m in node.typmods or () if isinstance(m, ast.A_Const))


def truthy(option: ast.DefElem) -> bool:
    arg = option.arg
    if arg is None:
        return True
    value = getattr(arg, "boolval", getattr(arg, "ival", getattr(arg, "sval", True)))
    return value not in (False, 0, "false", "off", "0")


def rewrite_action(kind: Kind, table: str, new: bool, reason: str) -> dict:
    return {
        "kind": kind,
        "table": table,
        "lock": Lock.ACCESS_EXCLUSIVE,
        "target_is_new": new,
        "rewrites": True,
        "reason": reason,
    }


def qualified(relation: ast.RangeVar) -> str:
    return f"{relation.schemaname or 'public'}.{relation.relname}"


def index_name(schema: str | None, name: str) -> str:
    return f"{schema or 'public'}.{name}"


_OPAQUE = frozenset({"DoStmt", "CallStmt", "CreateForeignTableStmt", "ExecuteStmt"})
# Built-in functions a schema file or pg_dump calls in a SELECT; they create no table.
_BUILTIN_CALLS = _NON_VOLATILE_FUNCTIONS | {"set_config", "setval", "nextval", "count", "sum", "min", "max", "avg"}
_BUILTIN_CALLS |= {"generate_series"}


def opaque(node: ast.Node) -> bool:
    """The statement may create tables no DDL text shows (a DO block, a procedure, a function a SELECT calls:
    pg_partman's create_parent makes partitions); pg_dump's ``SELECT pg_catalog.set_config(...)`` does not."""
    if type(node).__name__ in _OPAQUE:
        return True
    if not isinstance(node, ast.SelectStmt):
        return False
    calls = _FunctionCalls()
    calls(node)
    return any(name not in _BUILTIN_CALLS for name in calls.names)
