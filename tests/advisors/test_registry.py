"""The analysis registry: every advisor module listed once, ids unique, examples that parse, no crash on nothing."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil

import pytest
from pglast import parse_sql

import pgtune.advisors
from pgtune.advisors import ANALYSIS_ADVISORS, all_rules
from pgtune.advisors.base import AnalysisFacts
from pgtune.facts import Snapshot

from .factories import snapshot

SUPPORT_MODULES = {"base", "index_definitions", "index_shapes", "autovacuum"}
"""Modules under pgtune/advisors/ that hold shared code, not a rule."""


def _advisor_modules() -> set[str]:
    found = set()
    for info in pkgutil.walk_packages(pgtune.advisors.__path__, "pgtune.advisors."):
        short = info.name.rsplit(".", 1)[-1]
        if info.ispkg or short in SUPPORT_MODULES or info.name.startswith("pgtune.advisors.migrations"):
            continue
        found.add(info.name)
    return found


def test_every_advisor_module_is_registered_once():
    registered = [m.__name__ for m in ANALYSIS_ADVISORS]
    assert len(registered) == len(set(registered))
    assert set(registered) == _advisor_modules()


def test_support_modules_carry_no_rule():
    for name in SUPPORT_MODULES:
        assert not hasattr(importlib.import_module(f"pgtune.advisors.{name}"), "RULE")


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


@pytest.mark.parametrize("module", ANALYSIS_ADVISORS, ids=lambda m: m.RULE.id)
def test_needs_name_snapshot_fields_or_capabilities(module):
    assert set(module.RULE.needs) <= _KNOWN_NEEDS


@pytest.mark.parametrize("module", ANALYSIS_ADVISORS, ids=lambda m: m.RULE.id)
def test_an_empty_snapshot_yields_nothing(module):
    for snap in (snapshot(), snapshot(stats_days=None, database=None)):
        assert list(module.check(AnalysisFacts(snap))) == []
