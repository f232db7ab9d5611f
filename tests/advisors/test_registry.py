"""The analysis registry: every rule module listed once, ids unique, examples that parse, no crash on nothing."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil

import pytest
from pglast import parse_sql

import pgtune.advisors
from pgtune.advisors import ANALYSIS_ADVISORS, all_rules
from pgtune.advisors.base import AnalysisFacts, findings_of
from pgtune.facts import Snapshot

from .factories import snapshot


def _rule_modules() -> set[str]:
    """Every module under pgtune/advisors/ that defines a rule; the others (base, shared helpers) hold none."""
    found = set()
    for info in pkgutil.walk_packages(pgtune.advisors.__path__, "pgtune.advisors."):
        if info.ispkg or info.name.startswith("pgtune.advisors.migrations"):
            continue
        if hasattr(importlib.import_module(info.name), "RULE"):
            found.add(info.name)
    return found


def test_every_rule_module_is_registered_once():
    registered = [m.__name__ for m in ANALYSIS_ADVISORS]
    assert len(registered) == len(set(registered))
    assert set(registered) == _rule_modules()
    assert {"pgtune.advisors.base", "pgtune.advisors.index_shapes"}.isdisjoint(registered)


def test_rule_ids_and_slugs_are_unique():
    rules = all_rules()
    assert len({r.id for r in rules}) == len(rules)
    assert len({r.slug for r in rules}) == len(rules)


@pytest.mark.parametrize("module", ANALYSIS_ADVISORS, ids=lambda m: m.RULE.id)
def test_examples_parse_and_metadata_is_complete(module):
    rule = module.RULE
    parse_sql(rule.bad_example)
    parse_sql(rule.good_example)
    assert rule.title and rule.why and rule.needs
    assert rule.bad_example != rule.good_example


_KNOWN_NEEDS = {f.name for f in dataclasses.fields(Snapshot)} | {"hypopg"}


HEALTH_RULES = [m for m in ANALYSIS_ADVISORS if m.RULE.id[:2] in ("IX", "MT")]


@pytest.mark.parametrize("module", HEALTH_RULES, ids=lambda m: m.RULE.id)
def test_health_rules_need_snapshot_fields(module):
    assert set(module.RULE.needs) <= _KNOWN_NEEDS


@pytest.mark.parametrize("module", ANALYSIS_ADVISORS, ids=lambda m: m.RULE.id)
def test_an_empty_snapshot_yields_nothing(module):
    for snap in (snapshot(), snapshot(stats_days=None, database=None)):
        assert findings_of(module, AnalysisFacts(snap))[0] == []
