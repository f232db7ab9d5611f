"""``pgtune report`` end to end on a stored history: formats, exit codes, retention, webhook, a real browser."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import threading
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar

import pytest

from pgtune.cli import main
from pgtune.errors import ExitCode
from pgtune.store import open_store

from .scenario import analyses, nights

NOW = datetime.now(timezone.utc).replace(microsecond=0)


@pytest.fixture
def stored(tmp_path) -> str:
    """The scenario's four nights, the last one an hour ago, with their analyses."""
    url = f"sqlite://{tmp_path}/history.sqlite3"
    with open_store(url) as store:
        ids = []
        for n, snap in enumerate(nights()):
            moved = dataclasses.replace(snap, collected_at=NOW - timedelta(days=3 - n, hours=1))
            ids.append(store.save_snapshot(moved, "orders-db"))
        for analysis in analyses():
            store.save_analysis(analysis.report, analysis.snapshot_id)
    return url


def test_markdown_to_stdout_and_exit_codes(stored, capsys):
    assert main(["report", "--store", stored, "--since", "5d"]) == ExitCode.OK
    out = capsys.readouterr().out
    assert out.startswith("# pgtune nightly report — orders-db")
    assert "plan changed from Index Scan using orders_market_idx on orders to Seq Scan on orders" in out
    assert "applied" in out and "measured 500 ms/day, estimated 900 ms/day" in out
    assert main(["report", "--store", stored, "--fail-on", "critical"]) == ExitCode.FINDINGS
    capsys.readouterr()
    # The last night alone has no baseline for regressions; the critical recommendation that appeared still counts.
    assert main(["report", "--store", stored, "--fail-on", "critical", "--since", "12h"]) == ExitCode.FINDINGS
    out = capsys.readouterr().out
    assert "## Regressions\n\nNone." in out and "- new: an index on public.orders (status)" in out


@pytest.mark.parametrize("fmt", ["json", "html", "markdown"])
def test_formats_to_a_file(stored, tmp_path, fmt):
    target = tmp_path / f"report.{fmt}"
    assert main(["report", "--store", stored, "--format", fmt, "--output", str(target)]) == ExitCode.OK
    text = target.read_text()
    if fmt == "json":
        document = json.loads(text)
        assert document["summary"]["worst_severity"] == "critical" and document["summary"]["regressions"] == 1
    elif fmt == "html":
        assert "<script" not in text and "http://" not in text.replace("http://www.w3.org/2000/svg", "")
        HTMLParser().feed(text)
    assert "orders-db" in text


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--since", "soon"], ExitCode.BAD_INPUT, "--since 'soon' is not a duration"),
        (["--server", "ledger"], ExitCode.BAD_INPUT, "holds no snapshot of 'ledger'"),
        (["--notify", "ftp://x"], ExitCode.BAD_INPUT, "is not an http(s) URL"),
        (["--output", "/nonexistent/dir/r.md"], ExitCode.BAD_INPUT, "cannot write the report"),
        (["--keep", "2x"], ExitCode.BAD_INPUT, "--keep '2x' is not a duration"),
    ],
)
def test_bad_input(stored, capsys, args, code, message):
    assert main(["report", "--store", stored, *args]) == code
    assert message in capsys.readouterr().err


def test_several_servers_need_server_and_empty_store(tmp_path, stored, capsys):
    with open_store(stored) as store:
        store.save_snapshot(nights()[0], "ledger-db")
    assert main(["report", "--store", stored]) == ExitCode.BAD_INPUT
    assert "several servers: ledger-db, orders-db" in capsys.readouterr().err
    assert main(["report", "--store", stored, "--server", "ledger-db", "--fail-on", "info"]) == ExitCode.OK
    empty = f"sqlite://{tmp_path}/empty.sqlite3"
    open_store(empty).close()
    assert main(["report", "--store", empty]) == ExitCode.BAD_INPUT
    assert "holds no snapshot yet" in capsys.readouterr().err


def test_unreachable_store_exits_3(tmp_path, capsys):
    assert main(["report", "--store", f"sqlite://{tmp_path}/missing.sqlite3"]) == ExitCode.CANNOT_CONNECT
    assert "there is no history store" in capsys.readouterr().err
    assert not (tmp_path / "missing.sqlite3").exists()


def test_keep_prunes_before_reporting(stored, capsys):
    assert main(["report", "--store", stored, "--keep", "2d"]) == ExitCode.OK
    with open_store(stored) as store:
        assert len(store.snapshots("orders-db")) == 2


class _Hook(BaseHTTPRequestHandler):
    received: ClassVar[list[dict]] = []
    status = 204

    def do_POST(self):
        length = int(self.headers["Content-Length"])
        _Hook.received.append(json.loads(self.rfile.read(length)))
        self.send_response(_Hook.status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def webhook():
    server = HTTPServer(("127.0.0.1", 0), _Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Hook.received.clear()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook"
    server.shutdown()
    server.server_close()


def test_notify_posts_the_summary(stored, webhook, capsys):
    _Hook.status = 204
    assert main(["report", "--store", stored, "--notify", webhook, "--fail-on", "warning"]) == ExitCode.FINDINGS
    (summary,) = _Hook.received
    assert summary["server"] == "orders-db" and summary["worst_severity"] == "critical"
    assert summary["applied_recommendations"] == 1 and summary["new_sequential_scans"] == 1


def test_notify_failures_exit_3(stored, webhook, capsys):
    _Hook.status = 500
    assert main(["report", "--store", stored, "--notify", webhook]) == ExitCode.CANNOT_CONNECT
    assert "answered HTTP 500" in capsys.readouterr().err
    dead = webhook.rsplit(":", 1)[0] + ":1/hook"
    assert main(["report", "--store", stored, "--notify", dead]) == ExitCode.CANNOT_CONNECT
    assert "cannot post to the webhook" in capsys.readouterr().err


def test_html_renders_in_a_real_browser_without_console_errors(stored, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed (Debian: apt-get install chromium)")
    page = tmp_path / "report.html"
    assert main(["report", "--store", stored, "--format", "html", "--output", str(page)]) == ExitCode.OK
    shot = tmp_path / "report.png"
    result = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={shot}",
            "--window-size=1366,900",
            "--enable-logging=stderr",
            "--v=0",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line]
    assert not [line for line in console if "error" in line.lower()], console
