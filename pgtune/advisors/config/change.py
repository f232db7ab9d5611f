"""A setting change as a finding: current and proposed values, how it takes effect, the DDL and its rollback."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...facts import Setting, Snapshot
from ...findings import Evidence, Finding, Fix, FixSafety, Severity, StatementImpact
from ...quantities import Unit
from ..base import AnalysisFacts
from .values import as_bytes

PER_SESSION_SOURCES = {
    "database": "ALTER DATABASE ... SET",
    "user": "ALTER ROLE ... SET",
    "database user": "ALTER ROLE ... IN DATABASE ... SET",
    "client": "the client's connection options",
    "session": "SET in the session",
}
"""pg_settings.source values for a value set per database, per role or per session, and where it was set:
ALTER SYSTEM would not change what those sessions see, so pgtune leaves the setting alone and says so."""

_EFFECT = {
    "postmaster": "needs a server restart",
    "sighup": "takes effect on reload",
    "superuser": "takes effect on reload for new sessions; a superuser can also SET it per session",
    "user": "takes effect on reload for new sessions; any session can also SET it",
}


def setting(snapshot: Snapshot, name: str) -> Setting | None:
    return snapshot.server.setting(name)


def current_text(current: Setting) -> str:
    """The value as postgresql.conf would take it: ``16384`` of unit ``8kB`` is ``131072kB``."""
    match = re.match(r"^(\d+)(\D+)$", current.unit or "")
    if match and current.value.lstrip("-").isdigit() and int(current.value) >= 0:
        return f"{int(current.value) * int(match[1])}{match[2]}"
    return f"{current.value}{current.unit or ''}"


def setting_finding(
    rule: str,
    current: Setting,
    proposed: str,
    *,
    message: str,
    help: str,
    evidence: tuple[Evidence, ...],
    severity: Severity = Severity.WARNING,
    confidence: str = "medium",
    statements: tuple[StatementImpact, ...] = (),
) -> Finding:
    """The finding for ``ALTER SYSTEM SET name = proposed``; a per-role or per-database value is not
    overridden: the finding then says where the value comes from and carries no fix."""
    if current.source in PER_SESSION_SOURCES:
        return Finding(
            rule=rule,
            severity=Severity.INFO,
            message=f"{current.name} is {current_text(current)}, set per {current.source}: left as chosen",
            help=f"{help}; the value comes from {PER_SESSION_SOURCES[current.source]}, so change it there",
            target=current.name,
            kind="setting",
            evidence=(*evidence, Evidence("source", current.source)),
            statements=statements,
            confidence=confidence,
        )
    restart = current.context == "postmaster"
    apply = "-- takes effect after a server restart" if restart else "SELECT pg_reload_conf();"
    ddl = f"ALTER SYSTEM SET {current.name} = '{proposed}';\n{apply}"
    # A value from the configuration file may be postgresql.auto.conf's own: RESET would lose it.
    if current.source == "configuration file":
        rollback = f"ALTER SYSTEM SET {current.name} = '{current_text(current)}';"
    else:
        rollback = f"ALTER SYSTEM RESET {current.name};"
    rollback += " -- then restart" if restart else " SELECT pg_reload_conf();"
    effect = _EFFECT.get(current.context, f"context {current.context or 'unknown'}")
    return Finding(
        rule=rule,
        severity=severity,
        message=message,
        help=help,
        target=current.name,
        kind="setting",
        evidence=(
            Evidence("current", current_text(current)),
            Evidence("proposed", proposed),
            *evidence,
            Evidence("takes effect", effect),
        ),
        fix=Fix(ddl, rollback, FixSafety.RESTART if restart else FixSafety.ONLINE),
        statements=statements,
        confidence=confidence,
    )


MEMORY_SIZED = ("shared_buffers", "effective_cache_size", "work_mem", "maintenance_work_mem")


@dataclass(frozen=True)
class Sized:
    """A memory setting next to the server's memory."""

    setting: Setting
    size_bytes: int
    memory_bytes: int

    @property
    def share(self) -> float:
        return self.size_bytes / self.memory_bytes

    def evidence(self) -> tuple[Evidence, ...]:
        return (
            Evidence("server memory", self.memory_bytes, Unit.BYTES),
            Evidence("share of memory", 100 * self.share, Unit.PERCENT),
        )


def sized(facts: AnalysisFacts, name: str) -> Sized | None:
    """None when the setting was not collected or the memory not declared (CF001 says so, once)."""
    current = setting(facts.snapshot, name)
    size = as_bytes(current)
    memory = facts.settings.memory_bytes
    if current is None or size is None or memory is None:
        return None
    return Sized(current, size, memory)


def memory_unknown(rule: str, facts: AnalysisFacts) -> Finding | None:
    """The one note for every memory-sized setting when the server's memory was not declared."""
    names = [n for n in MEMORY_SIZED if setting(facts.snapshot, n) is not None]
    if facts.settings.memory_bytes is not None or not names:
        return None
    return Finding(
        rule=rule,
        severity=Severity.INFO,
        message=f"{', '.join(names)} not checked: the server's memory is unknown",
        help="pass the server's RAM, e.g. --memory 64GB, to size them",
        target="memory",
        kind="skipped",
    )
