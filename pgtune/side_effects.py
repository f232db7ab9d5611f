"""The EXPLAIN ANALYZE guard: a statement is executed only if everything it can reach is known to be free of
side effects.

A rolled-back READ ONLY transaction does not undo what a function does outside the transaction: a
replication slot dropped or created, a backend terminated, an advisory lock, a sequence advanced, a large
object written, a notification sent, a remote call through dblink. So a name denylist is not enough: this is
an allowlist, read from the catalog. From the statement's text (``pgtune/query/reach.py``) it collects every
function, operator, relation and type that could run, resolved on the session's search path (every
candidate of an unqualified name, whichever overload the server would pick), and follows them: views
through their definitions, tables' row security policies, SQL functions through their bodies (each read
back as SQL and parsed like the statement), aggregates through their support functions,
casts to a type through pg_cast, domains through their constraints, and user-defined implicit casts always.

A function is safe when it is
- built in, immutable or stable and not among the built-ins that act even so (``_BUILTINS_WITH_EFFECTS``),
  or one of the few volatile built-ins that only read (``_HARMLESS_VOLATILE``);
- a user SQL function, not volatile, whose body is a SELECT of safe things;
- a non-volatile C function of an installed extension (extension code needs a superuser to install).
Anything else (a volatile user function, PL/pgSQL, whose body cannot be checked, a foreign table) refuses
the statement; it is then planned without ANALYZE and the report says why.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .db import Session
from .query.reach import Name, Reach, function_body_reach, statement_reach

# Built-in functions that act beyond the transaction, whatever their volatility label says. Most are volatile
# (and refused for that alone); they are listed so that a future relabelling cannot let them through.
_BUILTINS_WITH_EFFECTS = frozenset(
    {
        "pg_drop_replication_slot",
        "pg_create_physical_replication_slot",
        "pg_create_logical_replication_slot",
        "pg_copy_physical_replication_slot",
        "pg_copy_logical_replication_slot",
        "pg_replication_slot_advance",
        "pg_logical_slot_get_changes",
        "pg_logical_slot_get_binary_changes",
        "pg_terminate_backend",
        "pg_cancel_backend",
        "set_config",
        "nextval",
        "setval",
        "pg_notify",
        "pg_logical_emit_message",
        "pg_switch_wal",
        "pg_reload_conf",
        "pg_rotate_logfile",
        "pg_promote",
        "pg_create_restore_point",
        "pg_stat_reset",
        "pg_stat_reset_shared",
        "pg_stat_reset_single_table_counters",
        "pg_stat_reset_single_function_counters",
        "pg_stat_reset_slru",
        "pg_stat_reset_replication_slot",
        "pg_stat_reset_subscription_stats",
        # Stable, yet each assigns a transaction id (the xid counter moves on for good).
        "txid_current",
        "pg_current_xact_id",
        # Stable, yet each runs the SELECTs of whole tables or schemas, views included.
        "table_to_xml",
        "table_to_xml_and_xmlschema",
        "table_to_xmlschema",
        "schema_to_xml",
        "schema_to_xml_and_xmlschema",
        "schema_to_xmlschema",
        "database_to_xml",
        "database_to_xml_and_xmlschema",
        "database_to_xmlschema",
    }
)
_BUILTIN_PREFIXES_WITH_EFFECTS = ("pg_advisory", "pg_try_advisory", "lo_", "pg_replication_origin", "dblink")
# Volatile built-ins that read a clock, a random source or a size, or wait, and change nothing.
_HARMLESS_VOLATILE = frozenset(
    {
        "pg_sleep",
        "pg_sleep_for",
        "random",
        "random_normal",
        "clock_timestamp",
        "timeofday",
        "gen_random_uuid",
        "pg_relation_size",
        "pg_total_relation_size",
        "pg_table_size",
        "pg_indexes_size",
        "pg_database_size",
        "pg_tablespace_size",
        "pg_is_in_recovery",
        "pg_current_wal_lsn",
        "pg_current_wal_insert_lsn",
        "pg_last_wal_receive_lsn",
        "pg_last_wal_replay_lsn",
        "pg_last_xact_replay_timestamp",
    }
)
_guards: weakref.WeakKeyDictionary[Session, AnalyzeGuard] = weakref.WeakKeyDictionary()
_VOLATILITY = {"i": "immutable", "s": "stable", "v": "volatile"}
_EXTENSION_LANGUAGES = frozenset({"c", "internal"})


@dataclass
class _Reached:
    """The objects one statement reaches, by oid, each with how it was reached (for the refusal message)."""

    functions: dict[int, str] = field(default_factory=dict)
    relations: dict[int, str] = field(default_factory=dict)
    types: dict[int, str] = field(default_factory=dict)

    def any(self) -> bool:
        return bool(self.functions or self.relations or self.types)


class Refused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class AnalyzeGuard:
    """Decides, per statement, whether EXPLAIN ANALYZE may execute it on this session's server."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._path: list[str] = list(session.named("guard_search_path")[0]["path"])
        self._all_schemas: list[str] | None = None
        self._known_safe: set[tuple[str, int]] = set()
        self._implicit_casts: list[int] | None = None

    def refusal(self, text: str) -> str | None:
        """Why ``text`` must not be executed, or None when everything it reaches is free of side effects."""
        reach = statement_reach(text)
        if reach.refusal:
            return f"the statement {reach.refusal}"
        try:
            self._check(reach)
        except Refused as refused:
            return refused.reason
        return None

    def _check(self, reach: Reach) -> None:
        pending = _Reached()
        self._resolve(reach, self._path, "the statement", pending)
        for oid in self._implicit_cast_functions():
            pending.functions.setdefault(oid, "a user-defined implicit cast")
        visited: set[tuple[str, int]] = set()
        while pending.any():
            for kind, items in (("f", pending.functions), ("r", pending.relations), ("t", pending.types)):
                for oid in list(items):
                    if (kind, oid) in visited or (kind, oid) in self._known_safe:
                        del items[oid]
                    else:
                        visited.add((kind, oid))
            found = _Reached()
            self._check_functions(pending.functions, found)
            self._check_relations(pending.relations, found)
            self._check_types(pending.types, found)
            pending = found
        self._known_safe |= visited

    def _resolve(self, reach: Reach, schemas: list[str], via: str, into: _Reached) -> None:
        functions = self._lookup("guard_functions", reach.functions, schemas)
        missing = reach.functions - {(s, r["name"]) for r in functions for s in (r["schema"], None)}
        if missing:
            raise Refused(f"{via} calls {_shown(sorted(missing, key=str)[0])}(), which is not in the catalog")
        for row in functions:
            into.functions.setdefault(row["oid"], via)
        for row in self._lookup("guard_operators", reach.operators, schemas):
            if row["function"]:
                into.functions.setdefault(row["function"], f"operator {row['name']} in {via}")
        relations = self._lookup("guard_relations", reach.relations, schemas)
        found = {(s, r["name"]) for r in relations for s in (r["schema"], None)}
        for wanted in reach.relations - found:
            if wanted[0] is not None or wanted[1] not in reach.cte_names:
                raise Refused(f"{via} reads {_shown(wanted)}, which is not in the catalog")
        for row in relations:
            into.relations.setdefault(row["oid"], via)
        for row in self._lookup("guard_types", reach.types, schemas):
            into.types.setdefault(row["oid"], via)

    def _lookup(self, query: str, names: Iterable[Name], schemas: list[str]) -> list[dict]:
        pairs = sorted({(schema, name) for wanted, name in names for schema in ([wanted] if wanted else schemas)})
        if not pairs:
            return []
        return self._session.named(
            query, {"oids": [], "schemas": [p[0] for p in pairs], "names": [p[1] for p in pairs]}
        )

    def _by_oid(self, query: str, oids: Iterable[int]) -> list[dict]:
        return self._session.named(query, {"oids": sorted(oids), "schemas": [], "names": []})

    def _check_functions(self, functions: dict[int, str], found: _Reached) -> None:
        if not functions:
            return
        standard_bodies: list[int] = []
        for row in self._by_oid("guard_functions", functions):
            via = functions[row["oid"]]
            what = f"{row['schema']}.{row['name']}()"
            verdict = _function_verdict(row)
            if verdict:
                raise Refused(f"{via} calls {what}: {verdict}")
            through = f"function {what} (through {via})" if via != "the statement" else f"function {what}"
            for part in row["parts"]:
                found.functions.setdefault(part, f"an aggregate support function of {through}")
            if not row["builtin"] and row["language"] == "sql":
                if row["has_sql_body"]:
                    standard_bodies.append(row["oid"])
                else:
                    self._resolve_body(row["source"], through, found)
        self._follow_definitions(found, functions=standard_bodies)

    def _resolve_body(self, source: str, through: str, found: _Reached) -> None:
        body = function_body_reach(source)
        if body.refusal:
            raise Refused(f"the body of {through} {body.refusal}")
        # The function may set its own search_path, so its unqualified names are looked up in every schema.
        self._resolve(body, self._every_schema(), f"the body of {through}", found)

    def _check_relations(self, relations: dict[int, str], found: _Reached) -> None:
        if not relations:
            return
        views, secured = [], []
        for row in self._by_oid("guard_relations", relations):
            what = f"{row['schema']}.{row['name']}"
            via = relations[row["oid"]]
            if row["kind"] == "f" or row["foreign_descendant"]:
                raise Refused(f"{via} reads {what}, a foreign table or one with foreign partitions (a remote call)")
            if row["kind"] == "v":
                views.append(row["oid"])
            if row["row_security"]:
                secured.append(row["oid"])
        self._follow_definitions(found, views=views, secured=secured)

    def _check_types(self, types: dict[int, str], found: _Reached) -> None:
        if not types:
            return
        domains = []
        for row in self._by_oid("guard_types", types):
            through = f"type {row['schema']}.{row['name']} (in {types[row['oid']]})"
            for oid in row["cast_functions"]:
                found.functions.setdefault(oid, f"a cast to {through}")
            if row["kind"] == "d":
                domains.append(row["oid"])
                found.types.setdefault(row["base_type"], through)
            elif row["oid"] >= 16384 and row["input_function"]:
                found.functions.setdefault(row["input_function"], f"the input function of {through}")
        self._follow_definitions(found, domains=domains)

    def _follow_definitions(
        self,
        found: _Reached,
        views: Sequence[int] = (),
        secured: Sequence[int] = (),
        functions: Sequence[int] = (),
        domains: Sequence[int] = (),
    ) -> None:
        """Views' queries, policies' conditions, domains' checks and SQL-standard bodies, read back as SQL and
        checked like the statement. (pg_depend would not do: it records no dependency on built-in objects.)"""
        if not (views or secured or functions or domains):
            return
        rows = self._session.named(
            "guard_definitions",
            {"views": list(views), "secured": list(secured), "functions": list(functions), "domains": list(domains)},
        )
        for row in rows:
            if row["used_by"].startswith("function "):
                self._resolve_body(row["statement"], row["used_by"], found)
                continue
            reach = statement_reach(row["statement"])
            if reach.refusal:
                raise Refused(f"{row['used_by']} {reach.refusal}")
            self._resolve(reach, self._path, row["used_by"], found)

    def _every_schema(self) -> list[str]:
        if self._all_schemas is None:
            self._all_schemas = [r["nspname"] for r in self._session.named("guard_schemas")]
        return self._all_schemas

    def _implicit_cast_functions(self) -> list[int]:
        if self._implicit_casts is None:
            self._implicit_casts = [r["function"] for r in self._session.named("guard_implicit_casts")]
        return self._implicit_casts


def analyze_refusal(session: Session, text: str) -> str | None:
    """Why EXPLAIN ANALYZE must not execute ``text`` on this session's server, or None (catalog facts are
    read once per session)."""
    guard = _guards.get(session)
    if guard is None:
        guard = _guards[session] = AnalyzeGuard(session)
    return guard.refusal(text)


def _function_verdict(row: dict) -> str | None:
    """Why this function must not be executed, or None."""
    name, volatility = row["name"], _VOLATILITY.get(row["volatility"], row["volatility"])
    if name in _BUILTINS_WITH_EFFECTS or name.startswith(_BUILTIN_PREFIXES_WITH_EFFECTS):
        return "it acts beyond the transaction (a rollback does not undo it)"
    if row["builtin"]:
        if volatility == "volatile" and name not in _HARMLESS_VOLATILE:
            return "a volatile built-in function, which may act beyond the transaction"
        return None
    if volatility == "volatile":
        return f"a volatile {row['language']} function (user-defined), which may act beyond the transaction"
    if row["kind"] == "a" or row["language"] == "sql":
        return None  # its support functions or its body are checked in turn
    if row["language"] in _EXTENSION_LANGUAGES and row["in_extension"]:
        return None
    return f"a {row['language']} function, whose body pgtune cannot check"


def _shown(name: Name) -> str:
    return ".".join(part for part in name if part)
