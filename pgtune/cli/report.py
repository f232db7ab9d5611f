"""``pgtune report``: what changed on a server over the last nights, from the history store."""

from __future__ import annotations

from datetime import datetime, timezone
from enum import Enum
from typing import Annotated

import typer

from ..errors import BadInput, ExitCode
from ..findings import Severity
from ..report import history_html, history_json, history_markdown, history_prometheus
from ..report.history_build import build, load
from ..report.history_notify import notify
from ..store import open_store, parse_age
from .app import OutputOption, StoreOption, app, write_output


class HistoryFormat(str, Enum):
    markdown = "markdown"
    html = "html"
    json = "json"
    prometheus = "prometheus"


_RENDERERS = {
    HistoryFormat.markdown: history_markdown.render,
    HistoryFormat.html: history_html.render,
    HistoryFormat.json: history_json.render,
    HistoryFormat.prometheus: history_prometheus.render,
}


@app.command("report")
def report_command(
    store: StoreOption = None,
    server: Annotated[
        str | None, typer.Option("--server", help="Server name; needed when the store has several.")
    ] = None,
    since: Annotated[str, typer.Option("--since", help="Period to report on: 7d, 12h, 2w.")] = "7d",
    output_format: Annotated[HistoryFormat, typer.Option("--format", help="Report format.")] = HistoryFormat.markdown,
    output: OutputOption = None,
    fail_on: Annotated[
        Severity | None,
        typer.Option("--fail-on", help="Exit 1 when something at or above this severity appeared in the period."),
    ] = None,
    notify_url: Annotated[
        str | None, typer.Option("--notify", help="POST the summary as JSON to this webhook.")
    ] = None,
    keep: Annotated[
        str | None, typer.Option("--keep", help="First delete snapshots older than this (90d) from the store.")
    ] = None,
) -> int:
    """Report regressions, plan changes, recommendations and service targets over the stored nights.

    Exit 0, 1 when something at or above --fail-on appeared, 2 bad input, 3 store unreachable.
    """
    start = datetime.now(timezone.utc) - parse_age(since, "--since")
    retention = parse_age(keep, "--keep") if keep else None
    with open_store(store, create=False) as history_store:
        if retention is not None:
            history_store.prune(datetime.now(timezone.utc) - retention)
        name = server or _only_server(history_store.servers(), history_store.location)
        history = build(load(history_store, name, start), start)
    write_output(_RENDERERS[output_format](history), output)
    if notify_url:
        notify(notify_url, history)
    worst = history.worst()
    return ExitCode.FINDINGS if fail_on and worst and worst.at_least(fail_on) else ExitCode.OK


def _only_server(names: tuple[str, ...], location: str) -> str:
    if len(names) == 1:
        return names[0]
    if not names:
        raise BadInput(
            f"the history store {location} holds no snapshot yet", "save snapshots with pgtune snapshot --store"
        )
    raise BadInput(f"the history store {location} holds several servers: {', '.join(names)}", "pick one with --server")
