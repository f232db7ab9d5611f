"""Post the history report's summary to a webhook (Slack-style incoming hooks, alerting gateways)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from ..errors import BadInput, ConnectionFailed
from .history_model import HistoryReport
from .history_text import summary

TIMEOUT_S = 10


def notify(url: str, report: HistoryReport) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BadInput(f"--notify {url!r} is not an http(s) URL", "pass the webhook's full URL, https://…")
    where = f"{parts.scheme}://{parts.hostname}{parts.path}"
    body = json.dumps(summary(report)).encode("utf-8")
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S):
            return
    except urllib.error.HTTPError as exc:
        raise ConnectionFailed(f"the webhook {where} answered HTTP {exc.code}", "check the webhook URL") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ConnectionFailed(f"cannot post to the webhook {where}: {reason}", "check the URL and network") from None
