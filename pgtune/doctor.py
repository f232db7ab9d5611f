"""What ``pgtune doctor`` checks: can analysis run on this server, and what would make it better."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from .db import Session, SessionGuards, connect


class Status(str, Enum):
    OK = "ok"
    WARN = "warn"
    MISSING = "missing"


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    detail: str
    fix: str | None = None


@dataclass(frozen=True)
class Diagnosis:
    server: str
    checks: tuple[Check, ...]

    @property
    def can_analyze(self) -> bool:
        return all(check.status is not Status.MISSING for check in self.checks)


def diagnose_server(dsn: str | None, guards: SessionGuards) -> Diagnosis:
    with connect(dsn, guards) as session:
        return diagnose(session)


def diagnose(session: Session) -> Diagnosis:
    facts = session.named("doctor")[0]
    checks = [
        Check(
            "server",
            Status.OK,
            f"PostgreSQL {facts['server_version']} (server_version_num {session.version.num})",
        ),
        *_pg_stat_statements(session, facts),
        _hypopg(facts, session.version.major),
        _qualstats(facts),
        _privileges(facts),
        _track_io_timing(facts),
        _query_size(facts),
        _footprint(session, facts),
    ]
    return Diagnosis(server=session.redacted_dsn, checks=tuple(checks))


def _footprint(session: Session, facts: dict) -> Check:
    """pgtune's own statements stay out of pg_stat_statements only where the role may turn tracking off."""
    name = "pgtune's own statements untracked"
    if not session.own_statements_tracked:
        return Check(name, Status.OK, "pg_stat_statements.track is off for pgtune's sessions: they add no entries")
    fix = (
        "GRANT SET ON PARAMETER pg_stat_statements.track TO the role pgtune uses (PostgreSQL 15+)"
        if session.version.num >= 150000
        else "run pgtune as a superuser, or accept its entries (PostgreSQL 15+ can grant SET on the parameter)"
    )
    return Check(
        name,
        Status.WARN,
        "this role may not SET pg_stat_statements.track: pgtune's catalog queries and plans add entries "
        "(about 30 per run, the same texts run after run)",
        fix,
    )


def _preload_fix(current: str) -> str:
    libraries = ", ".join(filter(None, [*(lib.strip() for lib in current.split(",")), "pg_stat_statements"]))
    return (
        f"ALTER SYSTEM SET shared_preload_libraries = '{libraries}'; restart PostgreSQL; "
        "then CREATE EXTENSION pg_stat_statements; in this database"
    )


def _pg_stat_statements(session: Session, facts: dict) -> list[Check]:
    libraries = facts["shared_preload_libraries"]
    if libraries is None:
        # The module's settings exist only once the library is loaded.
        preloaded = facts["pgss_max"] is not None
        where = "loaded (its settings exist; shared_preload_libraries is hidden from this role)"
    else:
        preloaded = "pg_stat_statements" in [lib.strip() for lib in libraries.split(",")]
        where = "in shared_preload_libraries"
    checks = [
        Check("pg_stat_statements preloaded", Status.OK, where)
        if preloaded
        else Check(
            "pg_stat_statements preloaded",
            Status.MISSING,
            "not in shared_preload_libraries: no statement statistics are collected",
            _preload_fix(libraries or ""),
        )
    ]
    if facts["pgss_version"] is None:
        checks.append(
            Check(
                "pg_stat_statements extension",
                Status.MISSING,
                "not created in this database",
                "CREATE EXTENSION pg_stat_statements;",
            )
        )
        return checks
    checks.append(
        Check(
            "pg_stat_statements extension",
            Status.OK,
            f"version {facts['pgss_version']} in schema {facts['pgss_schema']}",
        )
    )
    if not preloaded:
        return checks
    checks.extend(_pgss_settings(facts))
    checks.append(_stats_age(session, facts))
    return checks


def _pgss_settings(facts: dict) -> list[Check]:
    checks = []
    track = facts["pgss_track"]
    if track == "none":
        checks.append(
            Check(
                "pg_stat_statements.track",
                Status.MISSING,
                "tracking is off",
                "ALTER SYSTEM SET pg_stat_statements.track = 'top'; SELECT pg_reload_conf();",
            )
        )
    else:
        checks.append(Check("pg_stat_statements.track", Status.OK, track))
    maximum = int(facts["pgss_max"])
    if maximum < 5000:
        checks.append(
            Check(
                "pg_stat_statements.max",
                Status.WARN,
                f"{maximum} entries: busy servers evict statements before they are analyzed",
                "ALTER SYSTEM SET pg_stat_statements.max = 10000; restart PostgreSQL",
            )
        )
    else:
        checks.append(Check("pg_stat_statements.max", Status.OK, f"{maximum} entries"))
    return checks


def _stats_age(session: Session, facts: dict) -> Check:
    info = session.named("pgss_info", schemas={"pgss": facts["pgss_schema"]})[0]
    reset = info["stats_reset"] or facts["database_stats_reset"]
    if reset is None:
        return Check("statistics age", Status.OK, "never reset")
    age = facts["observed_at"] - reset
    described = _describe_age(facts["observed_at"], reset)
    if age.total_seconds() < 86400:
        return Check(
            "statistics age",
            Status.WARN,
            f"statistics were reset {described} ago: advice is better after a full day of workload",
            "run pgtune again after a day of normal traffic",
        )
    return Check("statistics age", Status.OK, f"collected over {described}")


def _describe_age(now: datetime, then: datetime) -> str:
    seconds = int((now - then).total_seconds())
    if seconds >= 86400:
        return f"{seconds // 86400} d {seconds % 86400 // 3600} h"
    if seconds >= 3600:
        return f"{seconds // 3600} h {seconds % 3600 // 60} min"
    return f"{seconds // 60} min {seconds % 60} s"


def _hypopg(facts: dict, major: int) -> Check:
    if facts["hypopg_version"]:
        return Check("hypopg", Status.OK, f"version {facts['hypopg_version']}: index advice is planner-verified")
    if facts["hypopg_available"]:
        return Check(
            "hypopg",
            Status.WARN,
            "installed on the server but not created in this database: index advice falls back to heuristics",
            "CREATE EXTENSION hypopg;",
        )
    return Check(
        "hypopg",
        Status.WARN,
        "not installed: index advice falls back to heuristics",
        f"install the package (Debian/Ubuntu: postgresql-{major}-hypopg, matching the server's major), "
        "then CREATE EXTENSION hypopg;",
    )


def _qualstats(facts: dict) -> Check:
    if facts["qualstats_version"]:
        return Check("pg_qualstats", Status.OK, f"version {facts['qualstats_version']}: predicate constants seen")
    return Check(
        "pg_qualstats",
        Status.WARN,
        "not in use: partial-index advice relies on literal text, workload files and logs",
        "optional: install pg_qualstats, add it to shared_preload_libraries, CREATE EXTENSION pg_qualstats;",
    )


def _privileges(facts: dict) -> Check:
    role = facts["role_name"]
    if facts["is_superuser"]:
        return Check("privileges", Status.OK, f"{role} is a superuser")
    if facts["has_pg_monitor"] or facts["has_pg_read_all_stats"]:
        granted = "pg_monitor" if facts["has_pg_monitor"] else "pg_read_all_stats"
        return Check("privileges", Status.OK, f"{role} has {granted}")
    return Check(
        "privileges",
        Status.WARN,
        f"{role} lacks pg_monitor: other roles' statement texts and statistics are hidden",
        f'GRANT pg_monitor TO "{role}";',
    )


def _track_io_timing(facts: dict) -> Check:
    if facts["track_io_timing"] == "on":
        return Check("track_io_timing", Status.OK, "on: I/O time per statement is known")
    return Check(
        "track_io_timing",
        Status.WARN,
        "off: statements' time spent reading blocks is unknown",
        "ALTER SYSTEM SET track_io_timing = on; SELECT pg_reload_conf();",
    )


def _query_size(facts: dict) -> Check:
    size = facts["track_activity_query_size_bytes"]
    if size < 4096:
        return Check(
            "track_activity_query_size",
            Status.WARN,
            f"{size} bytes: longer statements are cut and cannot be analyzed",
            "ALTER SYSTEM SET track_activity_query_size = 8192; restart PostgreSQL",
        )
    return Check("track_activity_query_size", Status.OK, f"{size} bytes")
