"""The chosen set revised after each step (real server, HypoPG): an index a later one took over is dropped
once what it still saves no longer pays its way."""

from __future__ import annotations

import pytest

from pgtune.collectors import collect
from pgtune.db import connect
from pgtune.query.model import QualifiedName
from pgtune.whatif.candidates import Candidate
from pgtune.whatif.costing import PlannerCosts
from pgtune.whatif.hypopg import HypoPG
from pgtune.whatif.selection import SelectionSettings, select
from pgtune.whatif.spec import IndexKey, IndexSpec

from .shapes import pred, statement

PAIRS = QualifiedName("public", "pairs")
SCHEMA = """
CREATE TABLE pairs (id int PRIMARY KEY, a int NOT NULL, b int NOT NULL, pad text);
INSERT INTO pairs SELECT g, g % 500, (g * 7919) % 2000, repeat('x', 50) FROM generate_series(1, 200000) g;
"""
BY_B = IndexSpec("public", "pairs", (IndexKey("b"),))
BY_A_B_ID = IndexSpec("public", "pairs", (IndexKey("a"), IndexKey("b"), IndexKey("id")))
"""Wider than ``BY_B`` (three keys to its one), so that ``BY_B`` has the better saving per byte at first."""


@pytest.fixture(scope="module")
def snapshot(database):
    database.execute(SCHEMA)
    database.execute("VACUUM ANALYZE pairs")
    # The load is no write rate: neither index pays a write cost here.
    database.execute("SELECT pg_stat_reset(), pg_stat_statements_reset()")
    with connect(database.dsn) as session:
        return collect(session)


def test_an_index_a_later_one_took_over_goes_when_the_rest_no_longer_pays_for_it(snapshot, database):
    """``pairs (b)`` serves the frequent pair lookup and a rare lookup by b, so it is chosen first;
    ``pairs (a, b, id)`` then serves the pair lookup better. The rare lookup alone saves less than the
    minimum a step must save, so ``pairs (b)`` is dropped (Extend's greedy only adds, and kept it)."""
    both = statement(
        "both",
        "SELECT * FROM pairs WHERE a = 7 AND b = 13",
        PAIRS,
        (pred(PAIRS, "a"), pred(PAIRS, "b")),
        reads_all=True,
    )
    rare = statement(
        "rare", "SELECT * FROM pairs WHERE b = 13", PAIRS, (pred(PAIRS, "b"),), reads_all=True, calls_per_day=1.0
    )
    candidates = [
        Candidate(BY_B, frozenset({"both", "rare"}), ("test",)),
        Candidate(BY_A_B_ID, frozenset({"both"}), ("test",)),
    ]
    settings = SelectionSettings(budget_bytes=1 << 40, min_saving_ms_per_day=50.0)
    with connect(database.dsn) as session, HypoPG(session) as hypopg:
        model = PlannerCosts(session, hypopg, snapshot)
        first = select(candidates[:1], [both, rare], model, snapshot, model.size_bytes, settings)
        # Alone, it pays its way, and the rare lookup uses it.
        assert [c.spec for c in first.chosen] == [BY_B]
        chosen = select(candidates, [both, rare], model, snapshot, model.size_bytes, settings)
        still = model.cost(rare, frozenset({BY_B, BY_A_B_ID}))
    assert [c.spec for c in chosen.chosen] == [BY_A_B_ID]
    # It was not superseded: beside the wider index the rare lookup still plans on it, for less than 50 ms a day.
    assert BY_B in still.used
    saved = {o.key: o.saving_ms_per_day for o in first.outcomes}
    assert 0 < saved["rare"] < settings.min_saving_ms_per_day

