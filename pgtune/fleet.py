"""Many servers in one run: each collected by the ordinary collectors over an asyncpg session, at most
``concurrency`` at a time. A server that fails or is slow is that server's outcome only; the others go on.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import psycopg

from .asyncdb import connect_async, run_sync
from .collectors import CollectOptions, collect
from .db import Session, SessionGuards, explain_server_error, redact_dsn
from .errors import PgtuneError
from .facts import Snapshot
from .inventory import Target


@dataclass(frozen=True)
class Collected:
    """One server's outcome: its snapshot, or the error that stopped it."""

    target: Target
    redacted_dsn: str
    seconds: float
    snapshot: Snapshot | None = None
    error: PgtuneError | None = None


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
