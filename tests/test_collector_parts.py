"""The pure parts of the collectors: row mapping, plannable statements, search_path, most-common values."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from pgtune.collectors import snapshot_from
from pgtune.collectors.base import build
from pgtune.collectors.catalog import search_path
from pgtune.collectors.column_stats import _text
from pgtune.collectors.plans import is_plannable
from pgtune.errors import BadInput
from pgtune.facts import ColumnStats, SequenceFacts, ServerFacts, Setting, Snapshot, TableFacts


@pytest.mark.parametrize(
    ("text", "plannable"),
    [
        ("SELECT 1", True),
        ("UPDATE t SET a = $1", True),
        ("WITH x AS (SELECT 1) DELETE FROM t", True),
        ("SET work_mem = $1", False),
        ("BEGIN", False),
        ("SELECT 1; SELECT 2", False),
        ("SELECT * FROM orders WHERE id = ", False),
    ],
)
def test_plannable_statements(text, plannable):
    assert is_plannable(text) is plannable


def test_build_keeps_defaults_for_null_and_turns_lists_into_tuples():
    stats = build(
        ColumnStats, {"schema": "s", "table": "t", "column": "c", "null_frac": None, "most_common_freqs": [0.5]}
    )
    assert stats.null_frac == 0.0 and stats.most_common_freqs == (0.5,) and stats.correlation is None
    sequence = build(
        SequenceFacts, {"schema": "s", "name": "q", "data_type": "int", "last_value": None, "max_value": 9}
    )
    assert sequence.last_value is None


def _snapshot(value: str | None, schemas: tuple[str, ...] = ()) -> Snapshot:
    settings = (Setting("search_path", value),) if value is not None else ()
    server = ServerFacts(150000, "15", "db", "app", settings=settings)
    tables = tuple(TableFacts(schema, "t") for schema in schemas)
    return Snapshot(server=server, collected_at=datetime(2026, 1, 1, tzinfo=timezone.utc), tables=tables)


@pytest.mark.parametrize(
    ("value", "schemas", "expected"),
    [
        ('"$user", public', (), ("public",)),
        ('"$user", public', ("app",), ("app", "public")),
        ('ledger, "Odd ""Name""", public', (), ("ledger", 'Odd "Name"', "public")),
        ("", (), ()),
        (None, (), ("public",)),
    ],
)
def test_search_path(value, schemas, expected):
    assert search_path(_snapshot(value, schemas)) == expected


@pytest.mark.parametrize(
    ("value", "text"), [("open", "open"), (3, "3"), (None, "NULL"), (["a", None, ["b"]], "{a,NULL,{b}}")]
)
def test_most_common_values_as_text(value, text):
    assert _text(value) == text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\xff\xfe{", "is not UTF-8"),
        (b"{not json", "is not JSON"),
        (b"[1, 2]", "is not a pgtune snapshot"),
        (b'{"server": {}, "schema_version": 99}', "schema version 99 is newer"),
    ],
)
def test_unusable_snapshots_are_refused(tmp_path, content, message):
    path = tmp_path / "snap.json"
    path.write_bytes(content)
    with pytest.raises(BadInput, match=message):
        snapshot_from(None, path)


def test_a_missing_snapshot_is_refused(tmp_path):
    with pytest.raises(BadInput, match="cannot read the snapshot"):
        snapshot_from(None, tmp_path / "absent.json")
