"""``pgtune check --probe``: for each statement whose failure depends on the rows, ONE read-only query that
answers whether it would fail, built from the statement's parse tree (identifiers quoted, expressions
deparsed by pglast, never unparsed text pasted together).

Each query returns a count capped at ``PROBE_CAP`` (a ``LIMIT`` inside, so a table full of violations
stops early): 0 means the statement would succeed on the rows as they are now."""

from __future__ import annotations

from dataclasses import dataclass

from pglast import ast, enums, parse_sql
from pglast.parser import ParseError
from pglast.stream import RawStream, maybe_double_quote_name

from .ddl_model import ConstraintType, DdlAction, Kind, KnownSchema
from .ddl_nodes import qualified
from .ddl_source import Lines, parse_statements
from .ddl_types import ColumnType
from .ddl_values import column_refs
from .ddl_writes import divisions

PROBE_CAP = 1000
_CHECK = enums.ConstrType.CONSTR_CHECK
_INPUT_IS_VALID_SINCE = 160000
_TEXT_TYPES = frozenset({"text", "varchar", "bpchar"})
_INTEGER_LIMITS = {"int2": 2**15 - 1, "int4": 2**31 - 1, "int8": 2**63 - 1}
_WRITES = frozenset({"InsertStmt", "UpdateStmt", "DeleteStmt", "MergeStmt", "CopyStmt", "TruncateStmt"})
_ANYTHING = frozenset({"DoStmt", "CallStmt", "ExecuteStmt"})


@dataclass(frozen=True)
class Probe:
    """What one statement's probe asks, or why it is not asked."""

    action: DdlAction
    what: str
    """What the count counts (``rows of public.fills with px IS NULL``)."""
    query: str | None = None
    skipped: str = ""
    """Why no query is run (``query`` is None)."""


@dataclass(frozen=True)
class DataWrite:
    """A statement of a checked file that changes rows: ``table`` None when it may change any table."""

    file: str
    line: int
    table: str | None


def data_writes(file: str, text: str) -> list[DataWrite]:
    """The statements of a file that change rows (INSERT, UPDATE, DELETE, MERGE, COPY FROM, TRUNCATE; a DO
    block or CALL may change any table)."""
    lines = Lines(text)
    statements, _ = parse_statements(file, text, lines)
    found: list[DataWrite] = []
    for statement in statements:
        name = type(statement.node).__name__
        line = lines.position(statement.start)[0]
        if name in _ANYTHING:
            found.append(DataWrite(file, line, None))
        elif name in _WRITES and not (name == "CopyStmt" and not statement.node.is_from):
            relations = getattr(statement.node, "relations", None) or [statement.node.relation]
            found.extend(DataWrite(file, line, qualified(r)) for r in relations if isinstance(r, ast.RangeVar))
    return found


def build_probes(
    actions: tuple[DdlAction, ...],
    known: KnownSchema,
    server_version_num: int,
    writes: list[DataWrite],
    files: list[str],
    unvalidated: dict[tuple[str, str], str] | None = None,
) -> list[Probe]:
    """One probe (or the reason for none) per statement whose success depends on the table's rows;
    ``unvalidated`` holds the database's NOT VALID constraints, (schema.table, name) → pg_get_constraintdef."""
    probes: list[Probe] = []
    used: set[tuple[str, int, int, int]] = set()
    """(file, line, column, subcommand index) already matched to an action of that ALTER TABLE."""
    added: dict[tuple[str, str], ast.Constraint] = {}
    """Constraints the files add (NOT VALID, then VALIDATE later): their definitions come from here."""
    for action in actions:
        if action.kind is Kind.ADD_CONSTRAINT and action.not_valid and action.name:
            node = _node(action, set())
            if isinstance(node, ast.AlterTableStmt):
                added[(action.table or "", action.name)] = node.cmds[0].def_
        if action.target_is_new or action.traced or not _data_dependent(action):
            continue
        node = _node(action, used)
        if node is None:
            probes.append(Probe(action, "", skipped="the statement could not be read back"))
            continue
        probe = _ProbeBuilder(action, known, server_version_num, added, unvalidated or {}).build(node)
        if probe is None:
            continue
        tables = {action.table, action.referenced_table, *_partition(node)} - {None}
        earlier = next(
            (w for w in writes if _before(w, action, files) and (w.table is None or w.table in tables)), None
        )
        if probe.query is not None and earlier is not None:
            probe = Probe(
                action,
                probe.what,
                skipped=f"an earlier statement of the files ({earlier.file}:{earlier.line}) changes this table's "
                "rows: the probe would see them as they are before it",
            )
        probes.append(probe)
    return probes


def _data_dependent(action: DdlAction) -> bool:
    if action.kind is Kind.ADD_CONSTRAINT:
        return (
            not action.not_valid and not action.using_index and action.constraint_type is not ConstraintType.EXCLUSION
        )
    return action.kind in (
        Kind.UPDATE,
        Kind.CREATE_INDEX,
        Kind.VALIDATE_CONSTRAINT,
        Kind.SET_NOT_NULL,
        Kind.ALTER_COLUMN_TYPE,
        Kind.ATTACH_PARTITION,
    ) or (action.kind is Kind.CREATE_TABLE and "PARTITION OF" in action.reason.upper())


def _before(write: DataWrite, action: DdlAction, files: list[str]) -> bool:
    here, there = (
        files.index(action.file) if action.file in files else 0,
        files.index(write.file) if write.file in files else 0,
    )
    return there < here or (there == here and write.line < action.line)


_SUBTYPES = {
    Kind.ADD_CONSTRAINT: enums.AlterTableType.AT_AddConstraint,
    Kind.VALIDATE_CONSTRAINT: enums.AlterTableType.AT_ValidateConstraint,
    Kind.SET_NOT_NULL: enums.AlterTableType.AT_SetNotNull,
    Kind.ALTER_COLUMN_TYPE: enums.AlterTableType.AT_AlterColumnType,
    Kind.ATTACH_PARTITION: enums.AlterTableType.AT_AttachPartition,
}


def _node(action: DdlAction, used: set[tuple[str, int, int, int]]) -> ast.Node | None:
    """The statement, or the ALTER TABLE subcommand, ``action`` stands for (each subcommand used once)."""
    try:
        statement = parse_sql(action.sql)[0].stmt
    except (ParseError, IndexError):
        return None
    if not isinstance(statement, ast.AlterTableStmt):
        return statement
    for number, cmd in enumerate(statement.cmds or ()):
        key = (action.file, action.line, action.column, number)
        if cmd.subtype == _SUBTYPES.get(action.kind) and key not in used:
            if (
                action.kind in (Kind.SET_NOT_NULL, Kind.ALTER_COLUMN_TYPE, Kind.VALIDATE_CONSTRAINT)
                and cmd.name != action.name
            ):
                continue
            used.add(key)
            return ast.AlterTableStmt(relation=statement.relation, cmds=(cmd,), objtype=statement.objtype)
    return None


def _partition(node: ast.Node) -> list[str]:
    if isinstance(node, ast.CreateStmt):
        return [qualified(node.relation)]
    if isinstance(node, ast.AlterTableStmt) and node.cmds[0].subtype == enums.AlterTableType.AT_AttachPartition:
        return [qualified(node.cmds[0].def_.name)]
    return []


def _sql(node: ast.Node) -> str:
    return RawStream()(node)


def _name(column: str) -> str:
    return maybe_double_quote_name(column)


def _count(relation: str, condition: str, tail: str = "") -> str:
    return f"SELECT count(*) FROM (SELECT 1 FROM {relation} WHERE {condition}{tail} LIMIT {PROBE_CAP}) AS probe"


class _ProbeBuilder:
    def __init__(
        self,
        action: DdlAction,
        known: KnownSchema,
        server_version_num: int,
        added: dict[tuple[str, str], ast.Constraint],
        unvalidated: dict[tuple[str, str], str],
    ) -> None:
        self.unvalidated = unvalidated
        self.added = added
        self.action = action
        self.known = known
        self.version = server_version_num
        self.table = action.table or ""

    def build(self, node: ast.Node) -> Probe | None:
        """The probe, or None when the rows cannot make the statement fail (a plain index, a DEFAULT partition)."""
        if isinstance(node, ast.IndexStmt):
            if not node.unique:
                return None
            keys = [_name(p.name) if p.name else f"({_sql(p.expr)})" for p in node.indexParams]
            where = f" AND ({_sql(node.whereClause)})" if node.whereClause is not None else ""
            return self._unique(_sql(node.relation), keys, node.nulls_not_distinct, where, primary=False)
        if isinstance(node, ast.CreateStmt):
            return self._bound(_sql(node.inhRelations[0]), self.table, node.partbound, None)
        if isinstance(node, ast.UpdateStmt):
            return self._update(node)
        relation = _sql(node.relation)
        cmd = node.cmds[0]
        if cmd.subtype == enums.AlterTableType.AT_SetNotNull:
            return self._probe(
                f"rows of {self.table} with {cmd.name} NULL", _count(relation, f"{_name(cmd.name)} IS NULL")
            )
        if cmd.subtype == enums.AlterTableType.AT_AlterColumnType:
            return self._type(relation, cmd)
        if cmd.subtype == enums.AlterTableType.AT_AttachPartition:
            return self._bound(relation, self.table, cmd.def_.bound, cmd.def_.name)
        if cmd.subtype == enums.AlterTableType.AT_ValidateConstraint:
            if (self.table, cmd.name) in self.added:
                return self._constraint(relation, self.added[(self.table, cmd.name)])
            known = self._known_constraint(cmd.name)
            if known is None:
                return Probe(
                    self.action,
                    "",
                    skipped=f"the definition of constraint {cmd.name} is not known",
                )
            return self._constraint(relation, known)
        return self._constraint(relation, cmd.def_)

    def _update(self, node: ast.UpdateStmt) -> Probe | None:
        """Rows the UPDATE matches that a NOT VALID CHECK on columns it does not set rejects (it re-checks every
        row it writes), or whose division in its SET list meets a zero; None when it has neither."""
        if node.fromClause:
            return None
        set_columns = {t.name for t in node.targetList or ()}
        checks = [c.raw_expr for (t, _), c in self.added.items() if t == self.table and c.contype == _CHECK]
        checks += [
            c.raw_expr
            for (t, name), text in self.unvalidated.items()
            if t == self.table and text.startswith("CHECK") and (c := self._known_constraint(name)) is not None
        ]
        failing = [f"NOT ({_sql(c)})" for c in checks if not column_refs(c) & set_columns]
        for target in node.targetList or ():
            failing += [f"(({_sql(b)}) = 0 AND ({_sql(a)}) IS NOT NULL)" for a, b in divisions(target.val)]
        if not failing:
            return None
        where = f"({_sql(node.whereClause)}) AND " if node.whereClause is not None else ""
        return self._probe(
            f"rows of {self.table} the UPDATE writes that a NOT VALID CHECK rejects or that divide by zero",
            _count(_sql(node.relation), f"{where}({' OR '.join(failing)})"),
        )

    def _probe(self, what: str, query: str) -> Probe:
        return Probe(self.action, what, query)

    def _known_constraint(self, name: str) -> ast.Constraint | None:
        """Constraint ``name`` as the database defines it (pg_get_constraintdef), read back by pglast."""
        key = (self.table, name)
        definition = self.unvalidated.get(key) or self.known.check_definitions.get(key)
        if definition is None:
            return None
        try:
            statement = parse_sql(f"ALTER TABLE _t ADD CONSTRAINT _c {definition}")[0].stmt
        except ParseError:
            return None
        return statement.cmds[0].def_

    def _check(self, relation: str, expr: ast.Node) -> Probe:
        # A CHECK passes when its expression is NULL: only rows where it is false break it.
        return self._probe(f"rows of {self.table} the CHECK rejects", _count(relation, f"NOT ({_sql(expr)})"))

    def _constraint(self, relation: str, constraint: ast.Constraint) -> Probe:
        kind = constraint.contype
        if kind == enums.ConstrType.CONSTR_CHECK:
            return self._check(relation, constraint.raw_expr)
        if kind == enums.ConstrType.CONSTR_FOREIGN:
            return self._foreign_key(relation, constraint)
        keys = [_name(k.sval) for k in constraint.keys or ()]
        primary = kind == enums.ConstrType.CONSTR_PRIMARY
        return self._unique(relation, keys, constraint.nulls_not_distinct, "", primary)

    def _foreign_key(self, relation: str, constraint: ast.Constraint) -> Probe:
        referencing = [_name(k.sval) for k in constraint.fk_attrs or ()]
        referenced = [_name(k.sval) for k in constraint.pk_attrs or ()]
        parent = qualified(constraint.pktable)
        if not referenced or len(referenced) != len(referencing):
            return Probe(
                self.action,
                "",
                skipped=f"the referenced columns of {parent} are not named (its primary key is not read)",
            )
        # MATCH SIMPLE: a row with any NULL key column is never checked.
        present = " AND ".join(f"c.{c} IS NOT NULL" for c in referencing)
        matches = " AND ".join(f"p.{p} = c.{c}" for p, c in zip(referenced, referencing, strict=True))
        condition = f"{present} AND NOT EXISTS (SELECT 1 FROM {_sql(constraint.pktable)} AS p WHERE {matches})"
        return self._probe(
            f"rows of {self.table} without a matching {parent} row", _count(f"{relation} AS c", condition)
        )

    def _unique(self, relation: str, keys: list[str], nulls_not_distinct: bool, where: str, primary: bool) -> Probe:
        present = " AND ".join(f"{k} IS NOT NULL" for k in keys)
        duplicates = _count(
            relation,
            ("TRUE" if nulls_not_distinct else present) + where,
            f" GROUP BY {', '.join(keys)} HAVING count(*) > 1",
        )
        if not primary:
            return self._probe(f"key values repeated in {self.table}", duplicates)
        nulls = _count(relation, " OR ".join(f"{k} IS NULL" for k in keys))
        return self._probe(f"key values repeated or NULL in {self.table}", f"SELECT ({duplicates}) + ({nulls})")

    def _type(self, relation: str, cmd: ast.AlterTableCmd) -> Probe:
        column = _name(cmd.name)
        definition: ast.ColumnDef = cmd.def_
        using = definition.raw_default
        if using is not None and not (
            isinstance(using, ast.ColumnRef)
            or (isinstance(using, ast.TypeCast) and isinstance(using.arg, ast.ColumnRef))
        ):
            return Probe(self.action, "", skipped="a USING expression is not probed")
        old_text = self.action.old_type or self.known.column_types.get((self.table, cmd.name))
        old = ColumnType.parse(old_text) if old_text else None
        new = ColumnType.parse(_sql(definition.typeName))
        if old is None or new is None or old.array or new.array:
            return Probe(self.action, "", skipped="the column's current type is not known")
        what = f"values of {self.table}.{cmd.name} that do not fit {new}"
        if new.name in _INTEGER_LIMITS and (old.name in _INTEGER_LIMITS or old.name == "numeric"):
            limit = _INTEGER_LIMITS[new.name]
            return self._probe(what, _count(relation, f"round({column}) NOT BETWEEN {-limit - 1} AND {limit}"))
        if new.name in ("varchar", "bpchar") and new.modifiers and old.name in _TEXT_TYPES:
            # An assignment cast to varchar(n) drops trailing spaces beyond n and refuses anything else.
            return self._probe(what, _count(relation, f"char_length(rtrim({column}, ' ')) > {new.modifiers[0]}"))
        if new.name == "numeric" and len(new.modifiers) == 2 and old.name in (*_INTEGER_LIMITS, "numeric"):
            precision, scale = new.modifiers
            return self._probe(what, _count(relation, f"abs(round({column}, {scale})) >= 1e{precision - scale}"))
        if old.name in _TEXT_TYPES and new.name not in _TEXT_TYPES:
            if self.version < _INPUT_IS_VALID_SINCE:
                return Probe(
                    self.action,
                    "",
                    skipped=f"a {old} → {new} cast is tested with pg_input_is_valid, new in PostgreSQL 16",
                )
            type_literal = "'" + _sql(definition.typeName).replace("'", "''") + "'"
            return self._probe(
                what, _count(relation, f"{column} IS NOT NULL AND NOT pg_input_is_valid({column}, {type_literal})")
            )
        return Probe(self.action, "", skipped=f"a {old} → {new} change is not probed")

    def _bound(
        self, parent: str, parent_name: str, bound: ast.PartitionBoundSpec | None, attached: ast.RangeVar | None
    ) -> Probe | None:
        keys = self.known.partition_keys.get(parent_name, ())
        if bound is None or bound.is_default:
            return None
        if len(keys) != 1 or keys[0] is None:
            return Probe(self.action, "", skipped=f"the partition key of {parent_name} is not one known column")
        key = _name(keys[0])
        inside = _inside(key, bound)
        if inside is None:
            return Probe(self.action, "", skipped="a hash or multi-column bound is not probed")
        # Bounds never overlap, so a row of the parent inside the new bound is a row of its DEFAULT partition.
        default = _count(parent, inside)
        if attached is None:
            return self._probe(f"rows of {parent_name}'s DEFAULT partition inside the new bound", default)
        outside = _count(
            _sql(attached), f"{key} IS NULL OR NOT ({inside})" if "IS NULL" not in inside else f"NOT ({inside})"
        )
        return self._probe(
            f"rows of {parent_name}'s DEFAULT partition inside the bound, or of {qualified(attached)} outside it",
            f"SELECT ({default}) + ({outside})",
        )


def _inside(key: str, bound: ast.PartitionBoundSpec) -> str | None:
    if bound.strategy == "l":
        values = [d for d in bound.listdatums or ()]
        listed = [_sql(v) for v in values if not (isinstance(v, ast.A_Const) and v.isnull)]
        tests = [f"{key} IN ({', '.join(listed)})"] if listed else []
        if len(listed) < len(values):
            tests.append(f"{key} IS NULL")
        return " OR ".join(tests) or None
    if bound.strategy != "r" or len(bound.lowerdatums or ()) != 1 or len(bound.upperdatums or ()) != 1:
        return None
    tests = []
    for datum, operator in ((bound.lowerdatums[0], ">="), (bound.upperdatums[0], "<")):
        if isinstance(datum, ast.ColumnRef):  # MINVALUE or MAXVALUE: no limit on that side
            continue
        tests.append(f"{key} {operator} {_sql(datum)}")
    return " AND ".join(tests) or "TRUE"
