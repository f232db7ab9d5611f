"""``pgtune snapshot`` of many servers: one line per server, exit code 3 when any of them failed."""

from __future__ import annotations

import time
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path

import typer

from ..collectors import CollectOptions
from ..db import SessionGuards
from ..errors import BadInput, ExitCode, PgtuneError
from ..facts import Snapshot
from ..fleet import Collected, collect_fleet
from ..inventory import Target, load_inventory, select, targets_from_dsns
from ..store import Store, open_store


def fleet_targets(dsns: Sequence[str], inventory: Path | None, tags: Sequence[str]) -> tuple[Target, ...]:
    """The servers of a fleet run; none when the command is about one server (at most one --dsn)."""
    if inventory is not None:
        if dsns:
            raise BadInput("both --dsn and --inventory were given", "list every server in the inventory")
        return select(load_inventory(inventory), tags)
    if tags:
        raise BadInput("--tag selects servers of an --inventory file", "add --inventory FILE")
    return targets_from_dsns(dsns) if len(dsns) > 1 else ()


def snapshot_fleet(
    targets: Sequence[Target],
    options: CollectOptions,
    guards: SessionGuards,
    concurrency: int,
    store_url: str | None,
    output: Path | None,
) -> int:
    if output is not None:
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BadInput(f"cannot use {output} as the output directory: {exc.strerror}", "pass a directory") from None
    started = time.perf_counter()
    failed: list[str] = []
    with open_store(store_url) if output is None else nullcontext() as history:

        def done(outcome: Collected) -> None:
            error, name = outcome.error, outcome.target.name
            if outcome.snapshot is not None:
                try:
                    _report(outcome, outcome.snapshot, _save(name, outcome.snapshot, history, output))
                except PgtuneError as exc:
                    error = exc
            if error is not None:
                failed.append(name)
                typer.echo(f"pgtune: {name} ({outcome.redacted_dsn}): {error.one_line()}", err=True)

        collect_fleet(targets, options, guards, concurrency, done)
    seconds = time.perf_counter() - started
    typer.echo(
        f"collected {len(targets) - len(failed)} of {len(targets)} servers in {seconds:.1f} s"
        + (f"; failed: {', '.join(sorted(failed))}" if failed else "")
    )
    return ExitCode.CANNOT_CONNECT if failed else ExitCode.OK


def _save(name: str, snapshot: Snapshot, history: Store | None, output: Path | None) -> str:
    """Into ``output``/NAME.json when given, else into the history store."""
    if output is not None:
        path = output / f"{name}.json"
        try:
            path.write_text(snapshot.to_json() + "\n", encoding="utf-8")
        except OSError as exc:
            raise BadInput(f"cannot write the snapshot {path}: {exc.strerror}", "check the directory") from None
        return str(path)
    assert history is not None
    return f"{history.location} as snapshot {history.save_snapshot(snapshot, name)}"


def _report(outcome: Collected, snapshot: Snapshot, where: str) -> None:
    name = outcome.target.name
    typer.echo(
        f"{name}: snapshot of {snapshot.server.database} written to {where} in {outcome.seconds:.1f} s: "
        f"{len(snapshot.statements)} statements, {len(snapshot.plans)} plans, {len(snapshot.tables)} tables, "
        f"{len(snapshot.indexes)} indexes"
    )
    for gap in snapshot.gaps:
        remedy = f" — {gap.remedy}" if gap.remedy else ""
        typer.echo(f"{name}: not collected: {gap.source}: {gap.reason}{remedy}", err=True)
