"""Failure isolation: a candidate HypoPG refuses, a rule that raises or declines, and an error the server
returns to a statement pgtune made (pgtune's bug: exit 4 naming it, never "cannot connect")."""

from __future__ import annotations

import pytest

from pgtune.advisors.queries import qr006_count_whole_table
from pgtune.cli import analyze as analyze_cli
from pgtune.collectors import collect
from pgtune.db import connect
from pgtune.errors import ExitCode
from pgtune.whatif.costing import PlannerCosts
from pgtune.whatif.hypopg import CandidateRefused, HypoPG
from pgtune.whatif.spec import IndexKey, IndexSpec

from .conftest import analyze_json

SCHEMA = """
CREATE TABLE candles (market_id int NOT NULL, bucket timestamptz NOT NULL, close numeric);
INSERT INTO candles SELECT g % 50, timestamptz '2026-01-01' + g * interval '1 minute', g
FROM generate_series(1, 5000) g;
ANALYZE candles;
"""
GOOD = IndexSpec("public", "candles", (IndexKey("market_id"),))
ALSO_GOOD = IndexSpec("public", "candles", (IndexKey("bucket"),))
WITH_PARAMETER = IndexSpec("public", "candles", (IndexKey("market_id"), IndexKey(None, "date_trunc($1, bucket)")))
NOT_IMMUTABLE = IndexSpec("public", "candles", (IndexKey(None, "(bucket)::date"),))


@pytest.fixture(scope="module")
def candles(database):
    database.execute(SCHEMA)
    return database


def test_a_failed_batch_is_retried_one_index_at_a_time_to_find_the_culprits(candles):
    with connect(candles.dsn) as session, HypoPG(session) as hypopg:
        planner = PlannerCosts(session, hypopg, collect(session))
        planner._materialize(frozenset({GOOD, WITH_PARAMETER, ALSO_GOOD, NOT_IMMUTABLE}))
        assert set(planner._live) == {GOOD, ALSO_GOOD} and hypopg.count() == 2
        assert hypopg.refused[WITH_PARAMETER] == "there is no parameter $1"
        assert "must be marked IMMUTABLE" in hypopg.refused[NOT_IMMUTABLE]
        assert planner.size_bytes(GOOD) > 0
        with pytest.raises(CandidateRefused, match="no parameter"):
            planner.size_bytes(WITH_PARAMETER)
        # Never sent again.
        assert hypopg.create_many([WITH_PARAMETER]) == {}


def test_a_rule_that_raises_is_listed_and_the_report_goes_on(candles, tmp_path, monkeypatch):
    def broken(facts):
        raise KeyError("odd facts")
        yield  # pragma: no cover

    monkeypatch.setattr(qr006_count_whole_table, "check", broken)
    code, report = analyze_json(candles.dsn, tmp_path)
    assert code == ExitCode.OK
    (skipped,) = [s for s in report["skipped"] if s["item"].startswith("rule QR006")]
    assert skipped["reason"].startswith("failed on these facts (KeyError: 'odd facts')")
    # IX002 on a fresh server's statistics says it will not judge yet, and why.
    (declined,) = [s for s in report["skipped"] if s["item"].startswith("rule IX002")]
    assert "declined to judge" in declined["reason"] and "min_stats_age_days = 7" in declined["reason"]


def test_an_error_in_a_statement_pgtune_made_exits_4_naming_it(candles, tmp_path, monkeypatch, capsys):
    def buggy(dsn, *args, **kwargs):
        with connect(dsn) as session:
            session.rows("SELECT relname FROM pg_class WHERE relnamee = 'x'")

    monkeypatch.setattr(analyze_cli, "analyze_live", buggy)
    code, _ = analyze_json(candles.dsn, tmp_path)
    err = capsys.readouterr().err
    assert code == ExitCode.INTERNAL
    assert 'the server refused a statement pgtune made (column "relnamee" does not exist)' in err
    assert "WHERE relnamee = 'x'" in err and "Traceback" not in err
    monkeypatch.setenv("PGTUNE_DEBUG", "1")
    code, _ = analyze_json(candles.dsn, tmp_path)
    assert code == ExitCode.INTERNAL and "Traceback" in capsys.readouterr().err
