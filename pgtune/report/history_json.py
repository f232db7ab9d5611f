"""The history report as JSON: the summary the webhook gets, then every section."""

from __future__ import annotations

import json

from ..serialization import to_jsonable
from .history_model import HistoryReport
from .history_text import summary


def render(report: HistoryReport) -> str:
    return json.dumps({"summary": summary(report), **to_jsonable(report)}, indent=2) + "\n"


def payload(report: HistoryReport) -> str:
    """What ``--notify`` posts: the summary alone, on one line."""
    return json.dumps(summary(report))
