"""Transaction block, lock_timeout and the locks held so far, as a file's statements leave them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pglast import ast, enums

from .ddl_locks import Lock
from .ddl_model import DdlAction


@dataclass
class Session:
    """Transaction block and lock_timeout as the statements so far left them."""

    in_transaction: bool
    wrapped: bool
    implicit: bool = False
    """The file is one multi-statement query string: after a COMMIT the server opens the next implicit block."""
    lock_timeout_set: bool = False
    local_timeout: bool = False
    held: dict[str | None, Lock] = field(default_factory=dict)
    enum_values: set[str] = field(default_factory=set)
    """Enum values added in the open transaction block: PostgreSQL refuses to use them before it commits."""
    timezone: str | None = None
    """The TimeZone a ``SET TIME ZONE`` / ``SET timezone`` of the file chose (None: the server's, unknown)."""
    local_timezone: bool = False
    function_bodies_checked: bool = True
    """``check_function_bodies`` (pg_dump's files turn it off): a LANGUAGE sql body is analysed at CREATE."""
    ignored: str | None = None
    """The setting the last statement tried to SET LOCAL outside a transaction block (not applied)."""
    before_block: tuple[bool, str | None, bool] | None = None
    """lock_timeout, TimeZone and check_function_bodies as BEGIN found them: a ROLLBACK restores them."""

    def note_enum_value(self, node: ast.Node) -> None:
        if isinstance(node, ast.AlterEnumStmt) and node.newVal and not node.oldVal and self.in_transaction:
            self.enum_values.add(node.newVal)

    def uses_new_enum_value(self, text: str) -> str | None:
        used = next((v for v in sorted(self.enum_values) if f"'{v}'" in text), None)
        if used is None:
            return None
        return f"enum value '{used}' was added in the same transaction: PostgreSQL refuses it until that commits"

    def hold(self, action: DdlAction) -> None:
        """Locks last until the transaction block ends; outside one, each statement releases its own."""
        if not self.in_transaction or action.lock is None:
            return
        order = list(Lock)
        current = self.held.get(action.table)
        if current is None or order.index(action.lock) > order.index(current):
            self.held[action.table] = action.lock

    def apply(self, node: ast.Node) -> bool:
        """Track session statements; True when ``node`` is one (it produces no action)."""
        if isinstance(node, ast.TransactionStmt):
            kinds = enums.TransactionStmtKind
            if node.kind in (kinds.TRANS_STMT_BEGIN, kinds.TRANS_STMT_START):
                self.in_transaction = True
                self.before_block = (self.lock_timeout_set, self.timezone, self.function_bodies_checked)
            elif node.kind in (kinds.TRANS_STMT_COMMIT, kinds.TRANS_STMT_ROLLBACK):
                if node.kind == kinds.TRANS_STMT_ROLLBACK and self.before_block is not None:
                    # A SET inside the block, LOCAL or not, is undone with it (guc.c AtEOXact_GUC).
                    self.lock_timeout_set, self.timezone, self.function_bodies_checked = self.before_block
                    self.local_timeout = self.local_timezone = False
                self.before_block = None
                self.in_transaction = self.implicit
                self.held.clear()
                self.enum_values.clear()
                if self.local_timeout:
                    self.lock_timeout_set = self.local_timeout = False
                if self.local_timezone:
                    self.timezone, self.local_timezone = None, False
            return True
        self.ignored = None
        if isinstance(node, ast.VariableSetStmt):
            if node.is_local and not self.in_transaction:
                self.ignored = node.name
                # "SET LOCAL" outside a transaction block: PostgreSQL warns and the setting is not applied.
                return True
            value = node.args[0] if node.kind == enums.VariableSetKind.VAR_SET_VALUE and node.args else None
            self._set(node.name, _setting_text(value), bool(node.is_local))
            return True
        calls = _set_config_calls(node)
        for name, text, local in calls or ():
            # set_config(name, value, true) lasts until the transaction ends: outside a block, the statement's own.
            if self.in_transaction or not local:
                self._set(name, text, local)
        return bool(calls)

    def _set(self, name: str, text: str | None, local: bool) -> None:
        if name == "lock_timeout":
            self.lock_timeout_set = re.search("[1-9]", text or "0") is not None
            self.local_timeout = self.lock_timeout_set and local
        elif name == "check_function_bodies":
            self.function_bodies_checked = (text or "on").lower() in ("on", "true", "1", "yes")
        elif name == "timezone":
            self.timezone = text
            self.local_timezone = text is not None and local


def _set_config_calls(node: ast.Node) -> list[tuple[str, str | None, bool]] | None:
    """``SELECT set_config('lock_timeout', '3s', false)``: each call's (setting, value, is_local), when the
    statement is nothing but such calls of constants; None otherwise (it is not a session statement)."""
    if not isinstance(node, ast.SelectStmt) or node.fromClause or node.whereClause or not node.targetList:
        return None
    calls = []
    for target in node.targetList:
        call = target.val
        if not isinstance(call, ast.FuncCall) or call.funcname[-1].sval != "set_config" or len(call.args or ()) != 3:
            return None
        name, value, local = call.args
        if not isinstance(name, ast.A_Const) or not isinstance(local, ast.A_Const):
            return None
        flag = getattr(local.val, "boolval", None)
        if not isinstance(getattr(name.val, "sval", None), str) or flag is None:
            return None
        calls.append((name.val.sval.lower(), _setting_text(value), bool(flag)))
    return calls


def _setting_text(value: ast.Node | None) -> str | None:
    """A SET's value as text: ``'2s'`` → ``2s``, ``0`` → ``0``, ``INTERVAL '+00:00' HOUR TO MINUTE`` → ``+00:00``."""
    if isinstance(value, ast.TypeCast):
        value = value.arg
    if not isinstance(value, ast.A_Const) or value.isnull:
        return None
    return str(getattr(value.val, "sval", None) or getattr(value.val, "ival", None) or getattr(value.val, "fval", 0))
