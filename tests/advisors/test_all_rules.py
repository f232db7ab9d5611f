"""Every health rule on one sick exchange database at once, and its findings through every renderer."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema

from pgtune.advisors import ANALYSIS_ADVISORS, all_rules
from pgtune.advisors.base import AnalysisFacts, run_check
from pgtune.facts import ColumnStats, ConstraintFacts, DatabaseStats, PlanNode, SequenceFacts, StatementPlan
from pgtune.report import html, json_report, markdown, terminal

from ..report.canonical import CANONICAL
from .factories import index, snapshot, table

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "report.schema.json"
GB = 2**30

SICK = snapshot(
    tables=(
        table(
            "orders",
            ("id", "user_id", "market_id", "symbol"),
            types={"id": "integer"},
            reltuples=40e6,
            n_live_tup=40_000_000,
            n_dead_tup=12_000_000,
            n_mod_since_analyze=30_000_000,
            size_bytes=12 * GB,
            seq_scan=9000,
            seq_tup_read=9000 * 40_000_000,
            xid_age=1_600_000_000,
        ),
        table("fills", ("order_id", "qty"), reltuples=5e6, n_tup_upd=100, last_autoanalyze=CANONICAL.collected_at),
    ),
    indexes=(
        index("orders_pkey", "USING btree (id)", unique=True, is_primary=True, backs_constraint="orders_pkey"),
        index("orders_user_id_idx", "USING btree (user_id)", columns=("user_id",), size_bytes=3 * GB),
        index("orders_user_id_market_id_idx", "USING btree (user_id, market_id)", idx_scan=10),
        index("orders_user_id_market_id_copy", "USING btree (user_id, market_id)", idx_scan=5),
        index("orders_symbol_idx", "USING btree (symbol)", idx_scan=0, size_bytes=GB),
        index("orders_client_key", "USING btree (symbol)", unique=True, is_valid=False),
    ),
    constraints=(
        ConstraintFacts("public", "orders", "orders_pkey", "p", ("id",)),
        ConstraintFacts("public", "fills", "fills_order_id_fkey", "f", ("order_id",), "", True, "orders", ("id",)),
    ),
    column_stats=(ColumnStats("public", "orders", "user_id", avg_width_bytes=8),),
    sequences=(SequenceFacts("public", "orders_id_seq", "bigint", 2_000_000_000, 2**63 - 1, "public.orders.id"),),
    plans=(
        StatementPlan(
            1,
            "SELECT * FROM orders WHERE market_id = $1 AND symbol = $2",
            False,
            True,
            PlanNode(
                "Seq Scan", 0, 1, 2, relation="orders", filter="(market_id = 1) AND (symbol = 'x')", actual_rows=9e4
            ),
        ),
    ),
    database=DatabaseStats("exchange", xid_age=1_600_000_000, stats_reset=CANONICAL.collected_at.replace(year=2025)),
)


def test_each_health_rule_fires_once_on_the_sick_database():
    health = [m for m in ANALYSIS_ADVISORS if m.RULE.id[:2] in ("IX", "MT") and m.RULE.id != "IX001"]
    findings = [f for module in health for f in run_check(module, AnalysisFacts(SICK))]
    assert sorted(f.rule for f in findings) == sorted(r.id for r in all_rules() if r.id[:2] in ("IX", "MT"))[1:]
    report = dataclasses.replace(CANONICAL, recommendations=(), findings=tuple(findings))
    document = json.loads(json_report.render(report))
    jsonschema.validate(document, json.loads(SCHEMA.read_text()), format_checker=jsonschema.FormatChecker())
    rendered = markdown.render(report) + html.render(report) + terminal.render(report, width=400)
    for finding in findings:
        assert finding.rule in rendered
