"""``python -m bench quality`` at a tiny scale: the rows it prints and the record it writes (no timings asserted)."""

from __future__ import annotations

import json

import pytest

from bench import quality
from bench._cli import Analysis
from pgtune.demo.exchange import TEMPLATES, Sizes, expert_indexes, load

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def record(tmp_path_factory):
    directory = tmp_path_factory.mktemp("results")
    assert quality.main(["--scale", "0.002", "--repeat", "2", "--results", str(directory)]) == 0
    return json.loads((directory / "quality.json").read_text())


def test_baseline_expert_and_pgtune_rows(record):
    rows = {row["configuration"]: row for row in record["configurations"]}
    assert list(rows) == ["baseline", "expert", "pgtune"]
    assert record["indexes"]["pgtune"] and all(
        ddl.startswith("CREATE INDEX CONCURRENTLY") for ddl in record["indexes"]["pgtune"]
    )
    assert rows["baseline"]["indexes"] == 0 and rows["baseline"]["index_size_bytes"] == 0
    assert rows["expert"]["indexes"] == len(expert_indexes()) and rows["expert"]["index_size_bytes"] > 0
    assert rows["expert"]["share_of_expert_pct"] == pytest.approx(100)
    assert rows["baseline"]["improvement_pct"] == 0
    assert record["noise_pct"] >= 0 and record["load_s"] > 0


def test_every_template_is_timed_in_every_configuration(record):
    names = {t.name for t in TEMPLATES}
    assert set(record["template_ms"]) == {"baseline", "expert", "pgtune", "baseline (rerun)"}
    for means in record["template_ms"].values():
        assert set(means) == names and all(ms > 0 for ms in means.values())


def test_a_configuration_is_a_list_of_create_index_statements(monkeypatch, tmp_path, capsys):
    seen = []

    def one_index(dsn: str) -> list[str]:
        seen.append(dsn)
        return ["CREATE INDEX ON trades (market_id, executed_at)"]

    monkeypatch.setattr(quality, "CONFIGURATIONS", {"expert": lambda dsn: expert_indexes(), "pgtune": one_index})
    assert quality.main(["--scale", "0.001", "--repeat", "1", "--results", str(tmp_path)]) == 0
    rows = {r["configuration"]: r for r in json.loads((tmp_path / "quality.json").read_text())["configurations"]}
    assert rows["pgtune"]["indexes"] == 1 and rows["pgtune"]["index_size_bytes"] > 0
    assert rows["pgtune"]["share_of_expert_pct"] is not None
    assert "dbname=exchange" in seen[0]
    assert "pgtune" in capsys.readouterr().out


def test_measuring_leaves_the_data_as_it_was(database):
    sizes = Sizes.for_scale(0.001)
    counts = "SELECT (SELECT count(*) FROM orders), (SELECT count(*) FROM trades), (SELECT sum(balance) FROM accounts)"
    with database.connect() as connection:
        load(connection, sizes)
        before = connection.execute(counts).fetchone()
        means = quality.measure(connection, sizes, 2)
        assert connection.execute(counts).fetchone() == before
    assert quality.weighted_ms(means) > 0


def test_each_execution_is_timed_once_writes_without_their_transaction(database):
    """A rolled-back write is one execution: its BEGIN and ROLLBACK are neither timed nor counted."""
    with database.connect() as connection:
        connection.execute("CREATE TABLE timed (id int PRIMARY KEY, v int)")
        connection.execute("INSERT INTO timed SELECT g, g FROM generate_series(1, 1000) g")
        runs = [("UPDATE timed SET v = v + 1 WHERE id = %s", (n,)) for n in range(1, 6)]
        times = quality.execution_ms(connection, [("read", False, [("SELECT 1", ())]), ("update", True, runs)])
        assert [len(times["update"]), len(times["read"])] == [5, 1] and all(ms > 0 for ms in times["update"])
        assert connection.execute("SELECT sum(v) FROM timed").fetchone()[0] == 500500
        calls = connection.execute(
            "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements "
            "WHERE query ILIKE ANY (ARRAY['begin%', 'rollback%'])"
        ).fetchone()[0]
        assert calls == 0


def test_a_partitioning_migrations_unique_index_is_not_index_advice():
    script = (
        "SET lock_timeout = '5s';\n"
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS t_a_idx ON public.t (a);\n"
        "CREATE UNIQUE INDEX t_pkey_at_p ON ONLY public.t_new USING btree (id, at);\n"
    )
    analysis = Analysis({}, script, 0.0)
    assert analysis.create_index == ["CREATE INDEX CONCURRENTLY IF NOT EXISTS t_a_idx ON public.t (a)"]
    assert analysis.not_applied == ["CREATE UNIQUE INDEX t_pkey_at_p ON ONLY public.t_new USING btree (id, at)"]
