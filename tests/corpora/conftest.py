"""Foreign corpora through the user's door: ``pgtune analyze --format json`` on the suite's real server.

``analyze_json`` runs the command as the console script does (``pgtune.cli.main``) and returns its exit code
and the JSON report; ``account`` checks the promise every corpus must keep: each statement of the input is
planned or skipped with a reason, and no reason is a syntax error of pgtune's own making.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from pgtune.cli import main

REPO = Path(__file__).resolve().parents[2]


def analyze_json(dsn: str, tmp_path: Path, *args: str) -> tuple[int, dict]:
    output = tmp_path / "report.json"
    code = main(["analyze", "--dsn", dsn, "--format", "json", "--output", str(output), *args])
    return code, json.loads(output.read_text()) if output.exists() else {}


def account(report: dict) -> Counter:
    """planned / modelled / skipped counts, after checking every skipped statement says why."""
    statuses = Counter(s["status"] for s in report["statements"])
    for statement in report["statements"]:
        if statement["status"] == "skipped":
            assert statement["reason"], statement
            assert "syntax error" not in statement["reason"] or "pgtune" not in statement["reason"], statement
    return statuses
