"""Every renderer against saved output for the canonical report; JSON against its schema.

Regenerate the saved output with PGTUNE_UPDATE_GOLDEN=1 after an intended change, and read the diff.
"""

from __future__ import annotations

import json
import os
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from pglast import parse_sql

from pgtune.findings import Evidence
from pgtune.quantities import Unit
from pgtune.report import html, json_report, markdown, prometheus, sql_script, terminal
from pgtune.report.units import evidence_json, evidence_text

from .canonical import CANONICAL

GOLDEN = Path(__file__).parent / "golden"
SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "report.schema.json"
RENDERERS = {
    "report.md": markdown.render,
    "report.json": json_report.render,
    "report.html": html.render,
    "report.sql": sql_script.render,
    "report.txt": terminal.render,
    "report.prom": prometheus.render,
}


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_matches_saved_output(name):
    rendered = RENDERERS[name](CANONICAL)
    path = GOLDEN / name
    if os.environ.get("PGTUNE_UPDATE_GOLDEN"):
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8")


def test_json_validates_against_the_schema():
    document = json.loads(json_report.render(CANONICAL))
    jsonschema.validate(document, json.loads(SCHEMA.read_text()), format_checker=jsonschema.FormatChecker())
    recommendation = document["recommendations"][0]
    assert recommendation["estimated_savings"] == {"ms_per_day": 2_100_000.0, "workload_pct": 24.3}
    assert recommendation["doc"] == "docs/rules/IX001-create-index.md"


def test_sql_script_parses():
    assert len(parse_sql(sql_script.render(CANONICAL))) == 2


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.external: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        self.scripts += tag == "script"
        for key, value in attrs:
            if key in ("src", "href") and value and value.startswith(("http:", "https:", "//")):
                self.external.append(value)


def test_html_is_self_contained_and_escaped():
    page = html.render(CANONICAL)
    collector = _Collector()
    collector.feed(page)
    assert collector.external == [] and collector.scripts == 0
    assert "a note &lt;with&gt; markup &amp; a | pipe" in page
    assert page.count("<svg") == 3


def test_markdown_escapes_table_pipes():
    assert "a \\| pipe" not in markdown.render(CANONICAL).split("## Other findings")[0]
    assert "a note <with> markup & a | pipe" in markdown.render(CANONICAL)


def test_the_schema_names_every_evidence_unit():
    schema = json.loads(SCHEMA.read_text())
    evidence = schema["$defs"]["finding"]["properties"]["evidence"]["items"]["properties"]
    assert set(evidence["unit"]["enum"]) == {unit.value for unit in Unit}


@pytest.mark.parametrize(
    ("evidence", "text", "quantity"),
    [
        (Evidence("calls", 12_431, Unit.COUNT), "12,431", 12_431),
        (Evidence("mean", 3.4, Unit.COUNT, digits=1), "3.4", 3.4),
        (Evidence("rows", 2e6, Unit.ROWS, " estimated"), "2,000,000 estimated", 2e6),
        (Evidence("size", 245_760, Unit.BYTES), "240.0 kB", 245_760),
        (Evidence("time", 2_100_000.0, Unit.MS), "35.0 min", 2_100_000.0),
        (Evidence("p95", 12.54, Unit.MS, digits=1), "12.5 ms", 12.54),
        (Evidence("saving", 90_000.0, Unit.MS_PER_DAY), "1.5 min a day", 90_000.0),
        (Evidence("idle", 4321.5, Unit.SECONDS), "4322 s", 4321.5),
        (Evidence("window", 6.25, Unit.DAYS), "6.2 days", 6.25),
        (Evidence("share", 24.35, Unit.PERCENT, " of workload time"), "24.4 % of workload time", 24.35),
        (Evidence("definition", "CREATE INDEX i ON t (a)"), "CREATE INDEX i ON t (a)", None),
    ],
)
def test_evidence_is_worded_by_its_unit_and_keeps_its_number(evidence, text, quantity):
    assert evidence_text(evidence) == text
    assert evidence_json(evidence) == {
        "label": evidence.label,
        "value": text,
        "quantity": quantity,
        "unit": evidence.unit.value,
    }
