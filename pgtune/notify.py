"""Deliver a payload to a webhook (Slack-style incoming hooks, alerting gateways): the one HTTP client.

The CLI calls it with what a renderer wrote (``report/history_json.payload``); nothing here formats.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urlsplit

from .errors import BadInput, ConnectionFailed

TIMEOUT_S = 10


def post_json(url: str, body: str) -> None:
    """POST ``body`` (JSON text) to ``url``; a refusal or an unreachable host is a ConnectionFailed."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BadInput(f"--notify {url!r} is not an http(s) URL", "pass the webhook's full URL, https://…")
    where = f"{parts.scheme}://{parts.hostname}{parts.path}"
    request = urllib.request.Request(
        url, data=body.encode("utf-8"), headers={"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S):
            return
    except urllib.error.HTTPError as exc:
        raise ConnectionFailed(f"the webhook {where} answered HTTP {exc.code}", "check the webhook URL") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ConnectionFailed(f"cannot post to the webhook {where}: {reason}", "check the URL and network") from None
