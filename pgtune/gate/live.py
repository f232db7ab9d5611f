"""``pgtune check --dsn``: database facts collected live, and the plan-regression gate in the same session."""

from __future__ import annotations

from pathlib import Path

from ..collectors import CollectOptions, collect
from ..db import SessionGuards, connect
from .config import CheckConfig
from .context import MigrationContext
from .plancheck import RegressionSettings
from .replan import replan
from .run import CheckResult, check_paths


def check_live(
    paths: list[Path],
    dsn: str,
    guards: SessionGuards,
    config: CheckConfig,
    history: tuple[Path, ...] = (),
    server_version_num: int | None = None,
    regression: RegressionSettings | None = None,
) -> CheckResult:
    """Collect a snapshot on a read-only session, build the context from it, and re-plan when asked."""
    with connect(dsn, guards) as session:
        snapshot = collect(session, CollectOptions())
        context = MigrationContext.from_snapshot(snapshot, f"live database {session.redacted_dsn}", server_version_num)
        replanner = None
        if regression is not None:
            replanner = lambda actions: replan(session, snapshot, actions, regression)  # noqa: E731
        return check_paths(paths, context, config, history, replanner)
