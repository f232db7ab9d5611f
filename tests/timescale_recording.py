"""What a real TimescaleDB 2.28.3 returned (../shared/timescaledb/2.28.3 beside the clone), as the rows the
collector's queries return; the collector's own mapping turns them into facts."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from pgtune.collectors.timescaledb import queries_for, timescale_facts
from pgtune.facts import TimescaleFacts
from pgtune.versions import TimescaleVersion

RECORDING = Path(__file__).resolve().parents[1].parent / "shared" / "timescaledb" / "2.28.3"
VERSION = "2.28.3"

# Which recorded view answers each kind; function outputs are recorded per hypertable.
VIEWS = {
    "hypertables": "hypertables",
    "dimensions": "dimensions",
    "chunks": "chunks",
    "continuous_aggregates": "continuous_aggregates",
    "jobs": "jobs",
    "job_stats": "job_stats",
    "job_history": "job_history",
    "job_errors": "job_errors",
    "compression_settings": "hypertable_compression_settings",
}


def recording(name: str) -> Path:
    path = RECORDING / name
    if not path.exists():
        pytest.skip(f"the TimescaleDB recording is not beside the clone ({RECORDING})")
    return path


def view(name: str) -> list[dict]:
    return json.loads(recording(f"views/timescaledb_information.{name}.json").read_text())


def function(name: str) -> dict:
    return json.loads(recording(f"functions/{name}.json").read_text())


def per_hypertable(name: str) -> dict[tuple[str, str], list[dict]]:
    return {tuple(key.split(".", 1)): entry["result"] for key, entry in function(name).items()}


def recorded_rows() -> dict[str, list[dict]]:
    rows = {kind: view(name) for kind, name in VIEWS.items()}
    rows["chunk_sizes"] = [
        {"hypertable_schema": schema, "hypertable_name": name, **chunk}
        for (schema, name), chunks in per_hypertable("chunks_detailed_size").items()
        for chunk in chunks
    ]
    stats = per_hypertable("hypertable_compression_stats")
    counts = per_hypertable("approximate_row_count")
    rows["hypertable_sizes"] = [
        {
            "hypertable_schema": schema,
            "hypertable_name": name,
            **size[0],
            **(stats[schema, name] or [{}])[0],
            **counts[schema, name],
        }
        for (schema, name), size in per_hypertable("hypertable_detailed_size").items()
    ]
    return rows


@cache
def recorded_facts() -> TimescaleFacts:
    rows = recorded_rows()
    # The recording predates the compression-defaults query: that kind is live-only (tests/timescale_live).
    return timescale_facts(VERSION, {kind: rows.get(kind, []) for kind in queries_for(TimescaleVersion.parse(VERSION))})
