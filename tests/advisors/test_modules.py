"""The QR, CF and ST modules: each registered once, named after its rule, with examples that parse."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from pglast import parse_sql

from pgtune.advisors import ANALYSIS_ADVISORS, config, queries, targets

PACKAGES = {"QR": queries, "CF": config, "ST": targets}
MODULES = [
    importlib.import_module(f"{package.__name__}.{info.name}")
    for package in PACKAGES.values()
    for info in pkgutil.iter_modules(package.__path__)
    if info.name[:2].upper() in PACKAGES
]


def test_every_rule_module_is_registered_once():
    assert len(MODULES) == 22
    for module in MODULES:
        assert ANALYSIS_ADVISORS.count(module) == 1, module.__name__


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_module_is_named_after_its_rule(module):
    name = module.__name__.rsplit(".", 1)[-1]
    rule = module.RULE
    assert name.startswith(rule.id.lower() + "_")
    assert name.removeprefix(rule.id.lower() + "_").replace("_", "-") in rule.slug
    assert PACKAGES[rule.id[:2]].__name__ in module.__name__


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_examples_parse(module):
    assert parse_sql(module.RULE.bad_example) and parse_sql(module.RULE.good_example)


def test_ids_are_unique():
    ids = [m.RULE.id for m in ANALYSIS_ADVISORS]
    assert len(ids) == len(set(ids))
