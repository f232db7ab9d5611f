"""Column types as the migration gate compares them: does ``ALTER COLUMN ... TYPE`` rewrite the table?

PostgreSQL skips the rewrite when the old type is binary-coercible to the new one and the new typmod
cannot reject a stored value: varchar(n) → varchar(m ≥ n) or text, text ↔ unbounded varchar,
numeric(p, s) → numeric(q ≥ p, s) or unbounded numeric.
"""

from __future__ import annotations

from dataclasses import dataclass

from pglast import ast, parse_sql
from pglast.parser import ParseError

_ALIASES = {
    "character varying": "varchar",
    "character": "bpchar",
    "char": "bpchar",
    "decimal": "numeric",
    "integer": "int4",
    "int": "int4",
    "bigint": "int8",
    "smallint": "int2",
    "timestamp without time zone": "timestamp",
    "timestamp with time zone": "timestamptz",
    "bit varying": "varbit",
}
_TEXT_LIKE = frozenset({"text", "varchar"})
# Changes to these, with the old type unknown, are nearly always widenings (a narrowing fails on longer
# values). numeric is left out: changing a price's scale, which rewrites, is routine on trading schemas.
_WIDENABLE = _TEXT_LIKE | {"varbit"}
SERIAL_TYPES = frozenset({"serial", "bigserial", "smallserial", "serial2", "serial4", "serial8"})


@dataclass(frozen=True)
class ColumnType:
    name: str
    """The base type name without schema, normalised (``varchar``, ``int8``, ``numeric``)."""
    modifiers: tuple[int, ...] = ()
    array: bool = False

    @classmethod
    def parse(cls, text: str) -> ColumnType | None:
        """Read a type as ``format_type`` shows it (``character varying(20)``); None if it is not a type."""
        try:
            stmt = parse_sql(f"CREATE TABLE _t (_c {text})")[0].stmt
        except ParseError:
            return None
        return type_of(stmt.tableElts[0].typeName)

    def __str__(self) -> str:
        mods = f"({','.join(map(str, self.modifiers))})" if self.modifiers else ""
        return f"{self.name}{mods}{'[]' if self.array else ''}"


def type_of(node: ast.TypeName) -> ColumnType:
    name = node.names[-1].sval.lower()
    mods = tuple(m.val.ival for m in node.typmods or () if isinstance(m, ast.A_Const) and hasattr(m.val, "ival"))
    return ColumnType(_ALIASES.get(name, name), mods, bool(node.arrayBounds))


_PRECISION_TYPES = frozenset({"timestamp", "timestamptz", "time", "timetz"})
_DEFAULT_PRECISION = 6
_BINARY_COERCIBLE = frozenset({("cidr", "inet"), ("varchar", "text"), ("text", "varchar")})


def timezone_dependent(old: ColumnType | None, new: ColumnType) -> bool:
    """timestamp ↔ timestamptz: no rewrite on 12+ when the session TimeZone is UTC, else a rewrite."""
    return old is not None and {old.name, new.name} == {"timestamp", "timestamptz"} and old.array == new.array


# Zones whose every offset is 0 (pg_get_timezone_offset): timestamp ↔ timestamptz keeps the table under them.
_UTC_ZONES = frozenset(
    f"{prefix}{name}"
    for prefix in ("", "etc/")
    for name in ("utc", "uct", "gmt", "gmt0", "gmt+0", "gmt-0", "greenwich", "universal", "zulu")
)


def utc_zone(timezone: str) -> bool:
    """Whether the zone's offset is always 0 (``UTC``, ``Etc/GMT``, ``0``, ``+00:00``)."""
    return timezone.strip().lower() in _UTC_ZONES or timezone.strip().lstrip("+-").replace(":", "").strip("0") == ""


def zoned_change(fields: dict, timezone: str) -> dict:
    """A timestamp ↔ timestamptz change under the TimeZone the file set: PostgreSQL 12+ keeps the table only
    when that zone's offset is always 0 (``TimestampTimestampTzRequiresRewrite``), else converts every row."""
    zero = utc_zone(timezone)
    change = f"{fields['old_type']} → {fields['new_type']}"
    if zero:
        return {"rewrites": False, "depends_on_timezone": False, "reason": f"{change} under TimeZone {timezone}"}
    return {
        "rewrites": True,
        "depends_on_timezone": False,
        "reason": f"{change} converts every row: the file sets TimeZone {timezone}, whose offset is not always 0",
    }


def change_rewrites(old: ColumnType | None, new: ColumnType, using: bool) -> bool | None:
    """True when the change rewrites the table, False when it does not, None when the old type is unknown."""
    if using:
        return True
    if old is None:
        return None
    if old.array != new.array:
        return True
    if old.name == new.name and old.modifiers == new.modifiers:
        return False
    if old.name in _TEXT_LIKE and new.name in _TEXT_LIKE:
        return not _widens(old.modifiers, new.modifiers)
    if old.name == new.name == "numeric":
        if not new.modifiers:
            return False
        if len(old.modifiers) == 2 and len(new.modifiers) == 2:
            return not (new.modifiers[0] >= old.modifiers[0] and new.modifiers[1] == old.modifiers[1])
        return True
    if old.name == new.name == "varbit":
        return not _widens(old.modifiers, new.modifiers)
    if old.name == new.name and old.name in _PRECISION_TYPES:
        # A higher (or default, 6) fractional-second precision keeps every stored value.
        before = old.modifiers[0] if old.modifiers else _DEFAULT_PRECISION
        after = new.modifiers[0] if new.modifiers else _DEFAULT_PRECISION
        return after < before
    if (old.name, new.name) in _BINARY_COERCIBLE and not new.modifiers:
        return False
    return old.name != new.name or old.modifiers != new.modifiers


def may_only_widen(new: ColumnType) -> bool:
    """Whether a change to ``new`` from an unknown type can be a widening that keeps the table."""
    return new.name in _WIDENABLE and not new.array


def _widens(old: tuple[int, ...], new: tuple[int, ...]) -> bool:
    if not new:
        return True
    return bool(old) and new[0] >= old[0]
