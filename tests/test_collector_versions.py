"""Which SQL variant serves each supported PostgreSQL version, and the TimescaleDB gates."""

from __future__ import annotations

import pytest

from pgtune.resources import data_dir
from pgtune.versions import ServerVersion, TimescaleVersion, pick_sql_variant


@pytest.mark.parametrize(
    ("name", "version_num", "chosen"),
    [
        ("statements", 140010, "statements.sql"),
        ("statements", 150018, "statements.pg15.sql"),
        ("statements", 160004, "statements.pg15.sql"),
        ("statements", 170002, "statements.pg17.sql"),
        ("statements", 180004, "statements.pg18.sql"),
        ("statements", 190000, "statements.pg18.sql"),
        ("pgss_info", 140010, "pgss_info.sql"),
        ("pgss_info", 180004, "pgss_info.sql"),
        ("checkpointer", 160004, "checkpointer.sql"),
        ("checkpointer", 170002, "checkpointer.pg17.sql"),
        ("checkpointer", 180004, "checkpointer.pg18.sql"),
    ],
)
def test_sql_variant_by_version(name, version_num, chosen):
    assert pick_sql_variant(data_dir("sql"), name, ServerVersion(version_num)).name == chosen


@pytest.mark.parametrize(
    ("variant", "present", "absent"),
    [
        ("statements.sql", ["s.toplevel", "NULL::float8 AS jit_ms"], ["jit_emission_time"]),
        ("statements.pg15.sql", ["jit_emission_time", "s.blk_read_time"], ["jit_deform_time"]),
        (
            "statements.pg17.sql",
            ["shared_blk_read_time", "local_blk_read_time", "jit_deform_time", "stats_since"],
            ["s.blk_read_time", "parallel_workers"],
        ),
        ("statements.pg18.sql", ["shared_blk_read_time", "stats_since", "parallel_workers_launched"], []),
        ("checkpointer.pg17.sql", ["pg_stat_checkpointer", "sum(io.writes)"], ["checkpoints_req AS", "write_bytes"]),
        ("checkpointer.pg18.sql", ["pg_stat_checkpointer", "sum(io.write_bytes)"], ["io.writes"]),
    ],
)
def test_variants_use_their_versions_columns(variant, present, absent):
    text = (data_dir("sql") / variant).read_text()
    assert all(p in text for p in present) and not any(a in text for a in absent)


@pytest.mark.parametrize(
    ("text", "parts", "settings_view"),
    [("2.28.3", (2, 28, 3), True), ("2.15.0", (2, 15, 0), True), ("2.14.2-dev", (2, 14, 2), False)],
)
def test_timescale_versions(text, parts, settings_view):
    version = TimescaleVersion.parse(text)
    assert version.parts == parts
    assert version.has_hypertable_compression_settings is settings_view is version.has_job_history
