"""The migration rule registry: every rule is registered, documented, and its examples prove it."""

from __future__ import annotations

import pkgutil
import re
from pathlib import Path

import pglast
import pytest

from pgtune import docgen
from pgtune.advisors import all_rules
from pgtune.advisors import migrations as package
from pgtune.advisors.migrations import MIGRATION_RULES
from pgtune.advisors.migrations.context import DroppedIndex, MigrationContext, PlanCheck, ReplannedStatement
from pgtune.gate.config import CheckConfig
from pgtune.gate.run import check_paths
from pgtune.query.ddl_model import Kind
from pgtune.rules import render_rule_doc

RULE_IDS = [m.RULE.id for m in MIGRATION_RULES]


def _replan(actions) -> PlanCheck:
    """What re-planning the examples on a database gives: the hot lookup by account needs orders_account_idx."""
    drops = tuple(a for a in actions if a.kind is Kind.DROP_INDEX)
    cost_after = 800.0 if drops else 8.0
    hot = ReplannedStatement(1, "SELECT * FROM orders WHERE account_id = $1", 1000, 2.0, 8.0, cost_after)
    return PlanCheck(10.0, (hot,), dropped_indexes=tuple(DroppedIndex(a, (hot,), hidden=True) for a in drops))


def _findings(tmp_path: Path, sql: str, server_version_num: int = 150000) -> list[str]:
    path = tmp_path / "V1__example.sql"
    path.write_text(sql)
    config = CheckConfig(transaction_tools=frozenset())
    result = check_paths([path], MigrationContext.empty(server_version_num), config, replan=_replan)
    assert not result.problems
    return [f.rule for f in result.findings]


def test_every_module_is_registered_once():
    support = {"context"}  # the rules' input, not a rule
    modules = {
        f"{package.__name__}.{m.name}"
        for m in pkgutil.iter_modules(package.__path__)
        if m.name[0] != "_" and m.name not in support
    }
    registered = [m.__name__ for m in MIGRATION_RULES]
    assert sorted(registered) == sorted(modules)
    assert len(set(registered)) == len(registered)


def test_ids_are_unique_permanent_looking_and_in_order():
    assert len(set(RULE_IDS)) == len(RULE_IDS)
    assert all(re.fullmatch(r"MG\d{3}", i) for i in RULE_IDS)
    assert sorted(RULE_IDS) == RULE_IDS
    slugs = [m.RULE.slug for m in MIGRATION_RULES]
    assert len(set(slugs)) == len(slugs)


@pytest.mark.parametrize("module", MIGRATION_RULES, ids=RULE_IDS)
def test_module_exports_rule_and_check(module):
    assert callable(module.check)
    assert module.RULE.title and module.RULE.why and module.RULE.bad_example and module.RULE.good_example


@pytest.mark.parametrize("module", MIGRATION_RULES, ids=RULE_IDS)
def test_examples_parse(module):
    pglast.parse_sql(module.RULE.bad_example)
    pglast.parse_sql(module.RULE.good_example)


@pytest.mark.parametrize("module", MIGRATION_RULES, ids=RULE_IDS)
def test_bad_example_triggers_and_good_does_not(module, tmp_path):
    # Judged on the first release the rule applies to (MG022's SET EXPRESSION is 17+).
    version = max(150000, module.RULE.min_server_version_num)
    assert module.RULE.id in _findings(tmp_path, module.RULE.bad_example, version)
    assert module.RULE.id not in _findings(tmp_path, module.RULE.good_example, version)


def test_generated_docs_are_not_stale():
    for path, text in docgen.expected_docs().items():
        assert path.is_file(), f"{path} is missing: run python -m pgtune.docgen"
        assert path.read_text() == text, f"{path} is stale: run python -m pgtune.docgen"
    for rule in all_rules():
        assert (docgen.ROOT / rule.doc_path).read_text() == render_rule_doc(rule)
    generated = {p.name for p in (docgen.ROOT / "docs/rules").glob("*.md")}
    assert generated == {p.name for p in docgen.expected_docs()}


def test_docgen_writes_every_page(tmp_path):
    assert docgen.main(tmp_path) == 0
    assert len(list((tmp_path / "docs/rules").glob("MG*.md"))) == len(MIGRATION_RULES)
    assert "| MG001 | critical |" in (tmp_path / "docs/rules/README.md").read_text()
