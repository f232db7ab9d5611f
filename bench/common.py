"""What every bench shares: a results table on stdout and a JSON record under bench/results/."""

from __future__ import annotations

import json
import os
import platform
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

RESULTS = Path(__file__).resolve().parent / "results"


def print_table(title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    table = Table(title=title)
    for column in columns:
        table.add_column(column, justify="left" if column == columns[0] else "right")
    for row in rows:
        table.add_row(*(_cell(v) for v in row))
    Console(width=max(120, Console().width)).print(table)


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return "" if value is None else str(value)


def write_result(name: str, result: dict[str, Any], directory: Path | None = None) -> Path:
    """Save ``result`` with the machine it was measured on; returns the file written."""
    target = (directory or RESULTS) / f"{name}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    record = {
        "bench": name,
        "measured_at": datetime.now(timezone.utc).isoformat(),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        **result,
    }
    target.write_text(json.dumps(record, indent=1, default=str) + "\n")
    return target
