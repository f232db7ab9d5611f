"""``pgtune report``: what changed on a server over the last nights, from the history store."""

from __future__ import annotations

from datetime import datetime, timezone
from enum import Enum
from typing import Annotated

import typer

from ..errors import ExitCode
from ..findings import Severity
from ..history.build import build
from ..history.load import load_server
from ..notify import post_json
from ..report import history_html, history_json, history_markdown, history_prometheus
from ..store import parse_age
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
    now = datetime.now(timezone.utc)
    start = now - parse_age(since, "--since")
    prune_before = now - parse_age(keep, "--keep") if keep else None
    history = build(load_server(store, server, start, prune_before), start)
    write_output(_RENDERERS[output_format](history), output)
    if notify_url:
        post_json(notify_url, history_json.payload(history))
    worst = history.worst()
    return ExitCode.FINDINGS if fail_on and worst and worst.at_least(fail_on) else ExitCode.OK
