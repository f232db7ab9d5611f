"""What the migration rules share: the finding they build, with the lock, the table and the estimate."""

from __future__ import annotations

import re

from ...findings import Evidence, Finding, Fix, Location, Severity
from ...query.ddl_model import DdlAction
from ...rules import Rule
from .context import MigrationContext


def lock_phrase(action: DdlAction, table: str | None = None) -> str:
    """``takes an ACCESS EXCLUSIVE lock on public.orders, which blocks all reads and writes``."""
    lock = action.lock
    where = table or action.table or "the table"
    return f"takes {article(lock.value)} {lock.value} lock on {where}, which {lock.blocks}"


def article(word: str) -> str:
    return "an" if word[:1].upper() in "AEIOU" else "a"


def finding(
    rule: Rule,
    action: DdlAction,
    context: MigrationContext,
    message: str,
    help: str,
    *,
    fix: Fix | None = None,
    severity: Severity | None = None,
    timed: bool = True,
) -> Finding:
    """A finding at the action's location; with a snapshot, the table's size, write rate and lock time.

    ``timed`` rules (the hazard is how long the lock is held) drop to info when the table is known to be
    small enough that the lock lasts under a second.
    """
    severity = severity or rule.severity
    evidence = []
    if action.lock is not None:
        evidence.append(Evidence("lock", f"{action.lock.value} on {action.table or 'the table'}"))
    if action.reason:
        evidence.append(Evidence("why", action.reason))
    if action.do_block:
        evidence.append(Evidence("inside", f"the DO block at line {action.do_block[0]}, which runs as one transaction"))
    if action.traced:
        evidence.append(Evidence("traced", action.trace_summary))
    table = context.table(action.table)
    if table is not None:
        size = _size(table.size_bytes)
        if table.total_size_bytes > table.size_bytes:
            size += f" ({_size(table.total_size_bytes)} with indexes and TOAST)"
        evidence.append(Evidence("table size", size))
        rate = context.writes_per_s(table)
        writes = f"~{rate:,.0f} writes/s since the statistics reset" if rate is not None else None
        if writes:
            evidence.append(Evidence("write rate", writes))
        estimate = context.estimate(action)
        detail = f"{action.table} is {size}"
        if writes:
            detail += f" with {writes}"
        if estimate is not None:
            evidence.append(Evidence("estimated lock time", f"{_duration(estimate.seconds)} ({estimate.assumption})"))
            detail += f"; for an estimated {_duration(estimate.seconds)}"
            if timed and estimate.seconds < 1:
                severity = Severity.INFO
        message = f"{message} ({detail})"
    return Finding(
        rule=rule.id,
        severity=severity,
        message=message,
        help=help,
        target=action.table,
        kind="migration",
        evidence=tuple(evidence),
        fix=fix,
        location=Location(action.file, action.line, action.column),
        size_bytes=table.size_bytes if table else None,
        confidence="high" if action.traced else "medium" if table else "low",
    )


def insert_keyword(sql: str, after: str, keyword: str) -> str | None:
    """``sql`` with ``keyword`` added after its first ``after`` (``INDEX`` → ``INDEX CONCURRENTLY``)."""
    pattern = re.compile(rf"\b{after}\b", re.I)
    if not pattern.search(sql):
        return None
    return pattern.sub(lambda m: f"{m.group()} {keyword}", sql.rstrip().rstrip(";"), count=1) + ";"


def _size(size_bytes: int) -> str:
    value = float(size_bytes)
    for unit in ("bytes", "kB", "MB", "GB"):
        if value < 1024:
            return f"{value:,.0f} {unit}" if unit == "bytes" else f"{value:,.1f} {unit}"
        value /= 1024
    return f"{value:,.1f} TB"


def _duration(seconds: float) -> str:
    if seconds < 1:
        return "under a second"
    if seconds < 120:
        return f"{seconds:,.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:,.0f} minutes"
    return f"{seconds / 3600:,.1f} hours"
