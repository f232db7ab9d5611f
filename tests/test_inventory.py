"""Inventory files, --dsn lists and --tag selection (no server needed)."""

from __future__ import annotations

import re

import pytest

from pgtune.errors import BadInput
from pgtune.fleet import fleet_targets
from pgtune.inventory import Target, load_inventory, select, targets_from_dsns

GOOD = """
servers = [
    { name = "orders-eu", dsn = "host=db1 dbname=orders", tags = ["prod", "eu"] },
    { name = "ledger", service = "ledger" },
]
"""


def test_inventory_reads_names_dsns_services_and_tags(tmp_path):
    path = tmp_path / "fleet.toml"
    path.write_text(GOOD)
    assert load_inventory(path) == (
        Target("orders-eu", "host=db1 dbname=orders", ("prod", "eu")),
        Target("ledger", "service=ledger"),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "must hold [[servers]]"),
        ("servers = 3", "must hold [[servers]]"),
        ('owner = "x"\n[[servers]]\nname = "a"\ndsn = ""', "must hold [[servers]]"),
        ("servers = [1]", "server 1 of"),
        ('[[servers]]\nname = "a"\ndsn = "x=1"\nport = 5', "unknown key(s) in server 1"),
        ('[[servers]]\ndsn = "host=a"', "has no usable name (None)"),
        ('[[servers]]\nname = "a/b"\ndsn = "host=a"', "has no usable name ('a/b')"),
        ('[[servers]]\nname = "a"', "exactly one of dsn or service"),
        ('[[servers]]\nname = "a"\ndsn = "host=a"\nservice = "s"', "exactly one of dsn or service"),
        ('[[servers]]\nname = "a"\ndsn = 5', "exactly one of dsn or service"),
        ('[[servers]]\nname = "a"\ndsn = "host=a"\ntags = "prod"', "must be a list of text"),
        ('[[servers]]\nname = "a"\ndsn = "host=\'oops"', "malformed DSN"),
        ('[[servers]]\nname = "a"\ndsn = "host=a"\n[[servers]]\nname = "a"\ndsn = "host=b"', "two servers are named a"),
        ("[[servers]\n", "is not valid TOML"),
    ],
)
def test_bad_inventories_are_one_clear_error(tmp_path, text, message):
    path = tmp_path / "fleet.toml"
    path.write_text(text)
    with pytest.raises(BadInput, match=re.escape(message)):
        load_inventory(path)


def test_select_needs_every_tag_asked_for():
    targets = (Target("a", "", ("prod", "eu")), Target("b", "", ("prod", "us")), Target("c", ""))
    assert [t.name for t in select(targets, [])] == ["a", "b", "c"]
    assert [t.name for t in select(targets, ["prod"])] == ["a", "b"]
    assert [t.name for t in select(targets, ["prod", "us"])] == ["b"]
    with pytest.raises(BadInput, match="no server carries the tag"):
        select(targets, ["asia"])


def test_dsns_are_named_after_their_database():
    found = targets_from_dsns(["host=a dbname=orders", "postgresql://u:pw@b/led%20ger", "host=c"])
    assert [t.name for t in found] == ["orders", "led_ger", "postgres"]


def test_dsns_of_one_database_name_are_named_by_what_tells_them_apart():
    found = targets_from_dsns(["postgresql://u:pw@db1/app", "postgresql://u:pw@db2/app", "host=db3 dbname=ledger"])
    assert [t.name for t in found] == ["db1_app", "db2_app", "ledger"]
    ports = targets_from_dsns(["host=db1 port=5432 dbname=app", "host=db1 port=5433 dbname=app"])
    assert [t.name for t in ports] == ["db1_5432_app", "db1_5433_app"]
    with pytest.raises(BadInput, match="two servers are named db1_5432_app"):  # the same server twice
        targets_from_dsns(["host=db1 dbname=app user=a", "host=db1 dbname=app user=b"])


def test_one_dsn_is_not_a_fleet(tmp_path):
    assert fleet_targets(["host=a"], None, []) == ()
    assert fleet_targets([], None, []) == ()
    with pytest.raises(BadInput, match="--tag selects"):
        fleet_targets([], None, ["prod"])
