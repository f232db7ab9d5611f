"""``pgtune snapshot`` of a fleet: several databases of the suite's server collected concurrently."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from pgtune.cli import main
from pgtune.collectors import CollectOptions
from pgtune.db import SessionGuards
from pgtune.facts import Snapshot
from pgtune.fleet import collect_fleet
from pgtune.inventory import Target
from pgtune.store import open_store
from tests.conftest import TestDatabase

ROOT = Path(__file__).resolve().parents[1]
NAMES = ("orders", "ledger", "quotes")
ROLE, PASSWORD = "fleet_reader", "fleet-secret-pw"


@pytest.fixture(scope="module")
def fleet(database, pg_template):
    """Three more databases cloned from the template, each with a table and a little workload."""
    clones = {}
    with psycopg.connect(f"{database.dsn} dbname=postgres", autocommit=True) as admin:
        for name in NAMES:
            dbname = f"{database.dbname}_{name}"[:63]
            admin.execute(f"CREATE DATABASE {dbname} TEMPLATE {pg_template.template_dbname}")
            clone = TestDatabase(database.host, database.port, database.user, dbname)
            clone.execute(f"CREATE TABLE {name}_items (id int PRIMARY KEY, note text); ANALYZE")
            clone.run_workload([(f"SELECT note FROM {name}_items WHERE id = %s", (1,))], repeat=2)
            clones[name] = clone
        database.execute(
            f"DO $$ BEGIN CREATE ROLE {ROLE} LOGIN PASSWORD '{PASSWORD}'; "
            "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
        )
        yield clones
        for clone in clones.values():
            admin.execute(f"DROP DATABASE {clone.dbname} WITH (FORCE)")


def _store(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'history.sqlite3'}"


def test_three_databases_are_saved_under_their_names(fleet, tmp_path, capsys):
    store = _store(tmp_path)
    argv = ["snapshot", "--store", store, "--no-plans", "--concurrency", "3"]
    for clone in fleet.values():
        argv += ["--dsn", clone.dsn]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "collected 3 of 3 servers" in out
    with open_store(store) as history:
        assert set(history.servers()) == {clone.dbname for clone in fleet.values()}
        for name, clone in fleet.items():
            (latest,) = history.snapshots(clone.dbname)
            snapshot = history.load_snapshot(latest.id)
            assert snapshot.table("public", f"{name}_items") is not None
            assert any(f"{name}_items" in s.query for s in snapshot.statements)


def _inventory(tmp_path: Path, fleet: dict[str, TestDatabase]) -> Path:
    orders, ledger, quotes = fleet.values()
    wrong_password = f"host={ledger.host} port={ledger.port} dbname={ledger.dbname} user={ROLE} password=wrong-pw-42"
    servers = [
        ("orders-eu", orders.dsn, ["prod", "eu"]),
        ("quotes-us", quotes.dsn, ["prod", "us"]),
        ("nowhere", f"host=127.0.0.1 port=1 dbname=app user={ROLE} password={PASSWORD}", ["prod", "eu"]),
        ("ledger-bad-password", wrong_password, ["prod"]),
        ("staging", ledger.dsn, ["staging"]),
    ]
    path = tmp_path / "fleet.toml"
    path.write_text(
        "".join(f'[[servers]]\nname = "{n}"\ndsn = "{d}"\ntags = {json.dumps(t)}\n\n' for n, d, t in servers)
    )
    return path


def test_failing_servers_get_one_line_each_and_the_others_are_saved(fleet, tmp_path):
    store = _store(tmp_path)
    inventory = _inventory(tmp_path, fleet)
    command = [sys.executable, "-m", "pgtune", "snapshot", "--inventory", str(inventory), "--tag", "prod"]
    result = subprocess.run(
        [*command, "--store", store, "--no-plans"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 3, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("pgtune: ")]
    assert len(errors) == 2
    bad_password, nowhere = sorted(errors)
    assert nowhere.startswith(
        "pgtune: nowhere (dbname=app host=127.0.0.1 port=1 user=fleet_reader): nothing is listening"
    )
    assert bad_password.startswith("pgtune: ledger-bad-password (") and "authentication failed" in bad_password
    for secret in (PASSWORD, "wrong-pw-42"):
        assert secret not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "collected 2 of 4 servers" in result.stdout and "failed: ledger-bad-password, nowhere" in result.stdout
    with open_store(store) as history:
        assert set(history.servers()) == {"orders-eu", "quotes-us"}


def test_tags_select_servers_and_output_writes_one_file_each(fleet, tmp_path, capsys):
    inventory = _inventory(tmp_path, fleet)
    output = tmp_path / "snapshots"
    argv = ["snapshot", "--inventory", str(inventory), "--tag", "prod", "--tag", "us", "--output", str(output)]
    assert main([*argv, "--no-plans"]) == 0
    assert sorted(p.name for p in output.iterdir()) == ["quotes-us.json"]
    assert Snapshot.load(output / "quotes-us.json").table("public", "quotes_items") is not None
    assert "quotes-us: snapshot of" in capsys.readouterr().out


def test_a_locked_table_holds_up_no_server(fleet):
    """The orders database's table stays locked (lock_timeout one minute) while the fleet is collected: its
    server leaves the table out with a gap instead of waiting, and every server completes."""
    orders = fleet["orders"]
    locker = psycopg.connect(orders.dsn)
    locker.execute("LOCK TABLE orders_items IN ACCESS EXCLUSIVE MODE")
    targets = [Target(name, clone.dsn) for name, clone in fleet.items()]
    try:
        guards = SessionGuards(lock_timeout_ms=60_000)
        finished = collect_fleet(targets, CollectOptions(plans=False), guards, concurrency=3, done=lambda _: None)
    finally:
        locker.close()
    assert all(o.snapshot is not None and o.error is None for o in finished)
    (locked,) = [o.snapshot for o in finished if o.target.name == "orders"]
    assert [g.source for g in locked.gaps if g.source.startswith("table ")] == ["table public.orders_items"]


def test_a_locked_table_is_a_gap_of_that_server_and_a_dead_server_fails_alone(fleet, tmp_path, capsys):
    orders = fleet["orders"]
    store = _store(tmp_path)
    argv = ["snapshot", "--store", store, "--no-plans", "--lock-timeout-ms", "100"]
    with psycopg.connect(orders.dsn) as locker:
        locker.execute("LOCK TABLE orders_items IN ACCESS EXCLUSIVE MODE")
        dsns = [x for clone in fleet.values() for x in ("--dsn", clone.dsn)]
        code = main([*argv, *dsns, "--dsn", "host=127.0.0.1 port=1 dbname=nowhere connect_timeout=1"])
    assert code == 3
    err = capsys.readouterr().err
    (nowhere,) = [line for line in err.splitlines() if line.startswith("pgtune: ")]
    assert nowhere.startswith("pgtune: nowhere (connect_timeout=1 dbname=nowhere host=127.0.0.1 port=1): nothing is")
    assert f"{orders.dbname}: not collected: table public.orders_items: not read: session" in err
    with open_store(store) as history:
        assert set(history.servers()) == {fleet["ledger"].dbname, fleet["quotes"].dbname, orders.dbname}


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--server", "x"], "apply to one server"),
        (["--inventory", "fleet.toml"], "both --dsn and --inventory"),
    ],
)
def test_fleet_usage_errors(fleet, extra, message, capsys):
    dsns = [x for clone in fleet.values() for x in ("--dsn", clone.dsn)]
    assert main(["snapshot", *dsns, *extra]) == 2
    assert message in capsys.readouterr().err


def test_tag_without_inventory_and_unusable_output_directory(fleet, tmp_path, capsys):
    assert main(["snapshot", "--tag", "prod"]) == 2
    assert "--tag selects servers of an --inventory file" in capsys.readouterr().err
    blocker = tmp_path / "file"
    blocker.write_text("")
    dsns = [x for clone in fleet.values() for x in ("--dsn", clone.dsn)]
    assert main(["snapshot", *dsns, "--output", str(blocker / "dir")]) == 2
    assert "cannot use" in capsys.readouterr().err


def test_what_a_server_could_not_give_is_listed_under_its_name(fleet, tmp_path, capsys):
    """The postgres database has no pg_stat_statements extension created: a gap, not a failure."""
    quotes = fleet["quotes"]
    bare = f"host={quotes.host} port={quotes.port} dbname=postgres user={quotes.user}"
    output = tmp_path / "out"
    assert main(["snapshot", "--dsn", quotes.dsn, "--dsn", bare, "--output", str(output), "--no-plans"]) == 0
    err = capsys.readouterr().err
    assert "postgres: not collected: pg_stat_statements: the extension is not created in this database" in err
    assert f"{quotes.dbname}: not collected" not in err
    assert {p.name for p in output.iterdir()} == {f"{quotes.dbname}.json", "postgres.json"}


def test_a_snapshot_that_cannot_be_written_fails_that_server_only(fleet, tmp_path, capsys):
    ledger, quotes = fleet["ledger"], fleet["quotes"]
    output = tmp_path / "out"
    (output / f"{quotes.dbname}.json").mkdir(parents=True)
    assert main(["snapshot", "--dsn", ledger.dsn, "--dsn", quotes.dsn, "--output", str(output), "--no-plans"]) == 3
    (line,) = [line for line in capsys.readouterr().err.splitlines() if line.startswith("pgtune: ")]
    assert line.startswith(f"pgtune: {quotes.dbname} (") and "cannot write the snapshot" in line
    assert Snapshot.load(output / f"{ledger.dbname}.json").table("public", "ledger_items") is not None


def test_one_dsn_is_still_the_single_server_snapshot(fleet, tmp_path, capsys):
    store = _store(tmp_path)
    assert main(["snapshot", "--dsn", fleet["ledger"].dsn, "--store", store, "--server", "ledger", "--no-plans"]) == 0
    assert "as snapshot 1 of ledger" in capsys.readouterr().out
    with open_store(store) as history:
        assert history.servers() == ("ledger",)
