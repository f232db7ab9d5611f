"""Many servers in one run: each collected by the ordinary collectors over an asyncpg session, at most
``concurrency`` at a time, and saved as ``pgtune snapshot`` saves one. A server that fails or is slow is that
server's outcome only; the others go on.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import psycopg

from .asyncdb import connect_async, run_sync
from .collectors import CollectOptions, collect
from .db import Session, SessionGuards, explain_server_error, redact_dsn
from .errors import BadInput, PgtuneError
from .facts import Snapshot
from .inventory import Target, load_inventory, select, targets_from_dsns
from .snapshots import destination, save


@dataclass(frozen=True)
class Collected:
    """One server's outcome: its snapshot, or the error that stopped it."""

    target: Target
    redacted_dsn: str
    seconds: float
    snapshot: Snapshot | None = None
    error: PgtuneError | None = None


@dataclass(frozen=True)
class Saved:
    """One server's outcome once saved: where its snapshot went, or the error that stopped it."""

    outcome: Collected
    where: str | None = None
    error: PgtuneError | None = None


@dataclass(frozen=True)
class FleetRun:
    servers: int
    failed: tuple[str, ...]
    """The names of the servers that were not saved, sorted."""
    seconds: float


def fleet_targets(dsns: Sequence[str], inventory: Path | None, tags: Sequence[str]) -> tuple[Target, ...]:
    """The servers of a fleet run; none when the command is about one server (at most one --dsn)."""
    if inventory is not None:
        if dsns:
            raise BadInput("both --dsn and --inventory were given", "list every server in the inventory")
        return select(load_inventory(inventory), tags)
    if tags:
        raise BadInput("--tag selects servers of an --inventory file", "add --inventory FILE")
    return targets_from_dsns(dsns) if len(dsns) > 1 else ()


def save_fleet(
    targets: Sequence[Target],
    options: CollectOptions,
    guards: SessionGuards,
    concurrency: int,
    store_url: str | None,
    output: Path | None,
    done: Callable[[Saved], None],
) -> FleetRun:
    """Collect every target and save each snapshot as it comes: into the store, or ``output``/NAME.json."""
    if output is not None:
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BadInput(f"cannot use {output} as the output directory: {exc.strerror}", "pass a directory") from None
    started = time.perf_counter()
    failed: list[str] = []
    with destination(store_url, output) as store:

        def saved(outcome: Collected) -> None:
            error, name, where = outcome.error, outcome.target.name, None
            if outcome.snapshot is not None:
                path = output / f"{name}.json" if output is not None else None
                try:
                    where = save(outcome.snapshot, name, store, path, "check the directory")
                except PgtuneError as exc:
                    error = exc
            if error is not None:
                failed.append(name)
            done(Saved(outcome, where, error))

        collect_fleet(targets, options, guards, concurrency, saved)
    return FleetRun(len(targets), tuple(sorted(failed)), time.perf_counter() - started)


def collect_fleet(
    targets: Sequence[Target],
    options: CollectOptions,
    guards: SessionGuards,
    concurrency: int,
    done: Callable[[Collected], None],
) -> list[Collected]:
    """Collect every target; ``done`` sees each outcome as it finishes (on this thread, one at a time)."""

    async def run() -> list[Collected]:
        slots = asyncio.Semaphore(concurrency)

        async def one(target: Target) -> Collected:
            async with slots:
                outcome = await collect_one(target, options, guards)
            done(outcome)
            return outcome

        return list(await asyncio.gather(*(one(t) for t in targets)))

    return asyncio.run(run())


async def collect_one(target: Target, options: CollectOptions, guards: SessionGuards) -> Collected:
    started = time.perf_counter()
    where = redact_dsn(target.dsn)
    try:
        session = await connect_async(target.dsn, guards)
        snapshot = await run_sync(_collect, session, options)
    except PgtuneError as exc:
        return Collected(target, where, time.perf_counter() - started, error=exc)
    except psycopg.Error as exc:
        return Collected(target, where, time.perf_counter() - started, error=explain_server_error(exc))
    return Collected(target, where, time.perf_counter() - started, snapshot=snapshot)


def _collect(session: Session, options: CollectOptions) -> Snapshot:
    with session:
        return collect(session, options)
