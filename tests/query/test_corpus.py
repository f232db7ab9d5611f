"""The corpus: real-world statements, each with its expected extraction (tests/query/corpus/*.json).

A case's ``expect`` is the compact description of tests/query/describe.py; to add a case, write the SQL and the
extraction you expect by hand, then run this module."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pgtune.query import model_statement

from .describe import describe

CORPUS = Path(__file__).resolve().parent / "corpus"
CASES = [(path.stem, case) for path in sorted(CORPUS.glob("*.json")) for case in json.loads(path.read_text())]


def test_the_corpus_is_large_enough_and_names_are_unique():
    names = [f"{group}/{case['name']}" for group, case in CASES]
    assert len(names) >= 150
    assert len(set(names)) == len(names)


@pytest.mark.parametrize(("group", "case"), CASES, ids=[f"{g}/{c['name']}" for g, c in CASES])
def test_statement_extraction(group, case):
    assert describe(model_statement(case["sql"])) == case["expect"]
