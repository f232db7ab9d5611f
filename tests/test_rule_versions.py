"""``Rule.min_server_version_num`` is enforced: a rule the server's version does not support is not run, and
the report says so in every format that lists skips, through ``pgtune analyze --snapshot``.

No analysis rule needs more than pgtune's floor (PostgreSQL 14) today, so the case is a snapshot of an
older server: the suite's server collected for real, its version rewritten to 13 as a snapshot of a
PostgreSQL 13 server would read."""

from __future__ import annotations

import json

from pgtune.advisors import ANALYSIS_ADVISORS
from pgtune.cli import main

REASON = "not run: needs PostgreSQL 14 or later, the server is PostgreSQL 13 (server_version_num 130011)"


def _analyze(snapshot, tmp_path, fmt: str) -> str:
    output = tmp_path / f"report.{fmt}"
    assert main(["analyze", "--snapshot", str(snapshot), "--format", fmt, "--output", str(output)]) in (0, 1)
    return output.read_text()


def test_rules_newer_than_the_server_are_reported_skipped_in_every_format(database, tmp_path):
    database.execute("CREATE TABLE IF NOT EXISTS ledger (id bigint PRIMARY KEY, account_id bigint, amount numeric)")
    database.execute("CREATE INDEX IF NOT EXISTS ledger_account_dup ON ledger (account_id)")
    database.execute("CREATE INDEX IF NOT EXISTS ledger_account_idx ON ledger (account_id)")
    database.run_workload([("SELECT amount FROM ledger WHERE account_id = %s", (7,))], repeat=3)
    current = tmp_path / "current.json"
    assert main(["snapshot", "--dsn", database.dsn, "--output", str(current), "--no-plans"]) == 0
    data = json.loads(current.read_text())
    data["server"].update(version_num=130011, version="PostgreSQL 13.11")
    older = tmp_path / "pg13.json"
    older.write_text(json.dumps(data))

    on_its_own_version = json.loads(_analyze(current, tmp_path, "json"))
    assert not [s for s in on_its_own_version["skipped"] if "needs PostgreSQL" in s["reason"]]
    assert any(f["rule"] == "IX003" for f in on_its_own_version["findings"]), "the duplicate index is found"

    report = json.loads(_analyze(older, tmp_path, "json"))
    skipped = {s["item"]: s["reason"] for s in report["skipped"]}
    for advisor in ANALYSIS_ADVISORS:
        assert skipped[f"rule {advisor.RULE.id} {advisor.RULE.slug}"] == REASON
    assert report["findings"] == [] and report["recommendations"] == []
    rules = len(ANALYSIS_ADVISORS)
    grouped = f"{rules} items, such as rule {ANALYSIS_ADVISORS[0].RULE.id} {ANALYSIS_ADVISORS[0].RULE.slug}"
    assert f"- skipped `{grouped}`: {REASON}" in _analyze(older, tmp_path, "markdown")
    assert REASON in _analyze(older, tmp_path, "html")
    assert REASON in " ".join(_analyze(older, tmp_path, "text").split())
    assert "needs PostgreSQL" not in _analyze(current, tmp_path, "markdown")
