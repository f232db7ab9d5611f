"""``pgtune check --dsn --probe``: run each statement's probe (``pgtune/query/ddl_probes.py``) on pgtune's
read-only session, one autocommit query at a time under its own statement_timeout, and turn the answers
into facts: a probe that counts rows makes the statement an MG021 "will fail"; a probe that counts none
withdraws a failure the pg_stats sample claimed.

Unlike ``--trace`` this needs no CREATEDB and no idle database: a replica or the busy primary answers it.
Its footprint is the probes themselves (plus two SETs), each a plain SELECT under ACCESS SHARE."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import psycopg

from ..db import Session
from ..query.ddl_model import DdlAction, Kind, KnownSchema
from ..query.ddl_probes import PROBE_CAP, DataWrite, Probe, build_probes, data_writes
from .files import MigrationFile, read

DEFAULT_PROBE_TIMEOUT_MS = 5000
_SAMPLED = "pg_stats (as of the last ANALYZE)"


def probe_actions(
    session: Session,
    actions: tuple[DdlAction, ...],
    files: list[Path],
    known: KnownSchema,
    timeout_ms: int,
) -> tuple[tuple[DdlAction, ...], list[str]]:
    """The actions with what the probes found, and a note per probe (probed, failed, or not probed and why)."""
    writes: list[DataWrite] = []
    for path in files:
        migration = read(path)
        if isinstance(migration, MigrationFile):
            writes.extend(data_writes(migration.path, migration.text))
    names = [str(p) for p in files]
    probes = build_probes(actions, known, session.version.num, writes, names, _unvalidated(session, actions))
    answers: dict[int, str | None] = {}
    notes: list[str] = []
    ran = 0
    if any(p.query for p in probes):
        session.rows(f"SET statement_timeout = {int(timeout_ms)}")
        try:
            for probe in probes:
                if probe.query is None:
                    continue
                ran += 1
                answer, note = _run(session, probe, timeout_ms)
                answers[id(probe.action)] = answer
                notes.append(note)
        finally:
            session.rows("RESET statement_timeout")
            session.leave_transaction()
    notes.extend(f"{_where(p)}: not probed: {p.skipped}" for p in probes if p.query is None)
    footprint = (
        "none kept in pg_stat_statements"
        if not session.own_statements_tracked
        else (f"{ran + 2} statement(s) pg_stat_statements may record")
    )
    notes.append(
        f"probes: {ran} read-only quer{'y' if ran == 1 else 'ies'} run on {session.redacted_dsn}, each under "
        f"statement_timeout {timeout_ms} ms ({footprint}); {sum(1 for p in probes if p.query is None)} not probed"
    )
    probed = {id(p.action): p for p in probes if p.query is not None}
    changed = tuple(_applied(a, probed.get(id(a)), answers.get(id(a), "")) for a in actions)
    return changed, notes


def _unvalidated(session: Session, actions: tuple[DdlAction, ...]) -> dict[tuple[str, str], str]:
    """The database's NOT VALID constraints (one catalog query, only when a VALIDATE CONSTRAINT or an UPDATE,
    which re-checks the rows it writes, is checked)."""
    if not any(a.kind in (Kind.VALIDATE_CONSTRAINT, Kind.UPDATE) for a in actions):
        return {}
    rows = session.rows(
        "SELECT n.nspname || '.' || c.relname AS tbl, k.conname, pg_get_constraintdef(k.oid) AS def "
        "FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE NOT k.convalidated AND k.contype IN ('c', 'f')"
    )
    return {(r["tbl"], r["conname"]): r["def"] for r in rows}


def _run(session: Session, probe: Probe, timeout_ms: int) -> tuple[str | None, str]:
    """(why it fails, or None when it passes, or "" when unknown; the note)."""
    try:
        count = int(session.scalar(probe.query))
    except psycopg.errors.QueryCanceled:
        session.leave_transaction()
        return "", f"{_where(probe)}: not probed: timed out after {timeout_ms} ms (--probe-timeout-ms)"
    except psycopg.errors.LockNotAvailable:
        session.leave_transaction()
        return "", f"{_where(probe)}: not probed: the table's lock was not granted within lock_timeout"
    except psycopg.Error as exc:
        session.leave_transaction()
        reason = (exc.diag.message_primary or type(exc).__name__).splitlines()[0]
        return "", f"{_where(probe)}: not probed: the server refused the probe ({reason})"
    if count == 0:
        return None, f"{_where(probe)}: probed, passes: no {probe.what}"
    shown = f"at least {count}" if count >= PROBE_CAP else str(count)
    why = f"probed read-only on the database: {shown} {probe.what}"
    return why, f"{_where(probe)}: probed, fails: {shown} {probe.what}"


def _applied(action: DdlAction, probe: Probe | None, answer: str | None) -> DdlAction:
    if probe is None or answer == "":
        return action
    if answer is None:
        # The rows as they are now pass: a claim from ANALYZE's sample (or a possible failure) is withdrawn,
        # others stand.
        action = replace(action, may_fail=None)
        return replace(action, fails=None) if action.fails and _SAMPLED in action.fails else action
    if action.fails and _SAMPLED not in action.fails:
        return action  # the text or the schema already settles it: that reason stands
    return replace(action, fails=answer)


def _where(probe: Probe) -> str:
    return f"probe {probe.action.file}:{probe.action.line}"
