"""The package's public functions: workload modelling, fingerprints, truncation, redaction, bad input."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from pglast import ast, parser

from pgtune.query import fingerprint, is_truncated, model_statement, model_workload, redact_literals
from pgtune.query.model import ParseFailure, QualifiedName, StatementShape

CORPUS = Path(__file__).resolve().parent / "corpus"
STATEMENTS = [case["sql"] for path in sorted(CORPUS.glob("*.json")) for case in json.loads(path.read_text())]


def _pglast_nodes(value) -> list:
    if isinstance(value, ast.Node):
        return [value]
    if dataclasses.is_dataclass(value):
        return [n for f in dataclasses.fields(value) for n in _pglast_nodes(getattr(value, f.name))]
    if isinstance(value, (tuple, list, frozenset, set)):
        return [n for item in value for n in _pglast_nodes(item)]
    return []


def test_no_pglast_node_leaves_the_model():
    for text in STATEMENTS:
        assert _pglast_nodes(model_statement(text)) == [], text


def test_workload_keeps_input_order_and_models_each_fingerprint_once():
    model = model_workload(
        [
            (1, "SELECT id FROM orders WHERE user_id = 5"),
            (2, "SELEC broken"),
            (3, "select id from orders where user_id = 7"),
            (4, "SELECT id FROM users o WHERE o.id = 1"),
            (5, "SELECT id FROM orders o WHERE o.id = 1"),
        ]
    )
    assert [s.queryid for s in model.shapes] == [1, 3, 4, 5]
    assert [f.queryid for f in model.failures] == [2]
    first, again, users, orders = model.shapes
    assert again.text == "select id from orders where user_id = 7"
    assert again.tables == first.tables and again.fingerprint == first.fingerprint
    assert users.relations_read == (QualifiedName("public", "users"),)
    assert orders.relations_read == (QualifiedName("public", "orders"),)


def test_model_statement_carries_the_queryid_and_caches():
    text = "SELECT id FROM orders WHERE id = $1"
    first = model_statement(text, queryid=11)
    assert first.queryid == 11
    assert model_statement(text) is model_statement(text)
    assert model_statement(text).queryid is None
    assert model_statement(text).tables is first.tables


def test_fingerprint_ignores_literals_and_layout_but_not_relations():
    assert fingerprint("SELECT a FROM t WHERE b = 1") == fingerprint("select a\n  from t where b = $1")
    normalized = "SELECT a FROM t WHERE b = $1 AND c = $2 AND d IN ($3 /*, ... */) AND e > now() - interval $4"
    sample = "SELECT a FROM t WHERE b = true AND c = NULL AND d IN (1, 2) AND e > now() - interval '1 day'"
    assert fingerprint(sample) == fingerprint(normalized)
    assert fingerprint('SELECT 1 FROM "Orders"') != fingerprint("SELECT 1 FROM orders")
    assert fingerprint("SELECT 1 FROM t WHERE a <> 'x'") != fingerprint("SELECT 1 FROM t WHERE a NOT IN ('x')")
    assert fingerprint("SELECT * FROM a x") != fingerprint("SELECT * FROM b x")
    assert fingerprint("SELECT * FROM s.a") != fingerprint("SELECT * FROM t.a")
    assert fingerprint("SELEC 'secret'") == fingerprint("SELEC 'other'")
    assert fingerprint("SELEC 'secret'").startswith("x")


@pytest.mark.parametrize(
    ("sample", "normalized"),
    [
        # pg_stat_statements replaces the constants of the parse tree, and the grammar makes some words
        # constants: EXTRACT's field, a keyword or an identifier.
        ("SELECT extract(year FROM d) FROM t", "SELECT extract($1 FROM d) FROM t"),
        ("SELECT EXTRACT(epoch FROM d) AS e FROM t", "SELECT EXTRACT($1 FROM d) AS e FROM t"),
        ("SELECT 'é', extract(month FROM d) FROM t", "SELECT $1, extract($2 FROM d) FROM t"),
    ],
)
def test_a_word_the_grammar_makes_a_constant_meets_its_normalized_text(sample, normalized):
    assert fingerprint(sample) == fingerprint(normalized)


def test_words_that_are_no_constants_still_tell_texts_apart():
    assert fingerprint("SELECT extract(year FROM d) FROM t") != fingerprint("SELECT extract(year FROM e) FROM t")
    assert fingerprint("SELECT 1 FROM t WHERE a IS NULL") != fingerprint("SELECT 1 FROM t WHERE a IS NOT NULL")
    deep = "SELECT 1 FROM t WHERE " + "NOT " * 2000 + "a"
    assert fingerprint(deep) == fingerprint(deep.replace("SELECT 1", "SELECT 2"))


def test_truncation_by_length_or_by_an_early_end():
    assert is_truncated("SELECT id FROM t WHERE id =", None)
    assert is_truncated("SELECT 'abc", None)
    assert not is_truncated("SELECT id FROM t", None)
    assert not is_truncated("SELEC id", None)
    assert is_truncated("SELECT id FROM t", 17)
    assert not is_truncated("SELECT id FROM t", 1024)
    assert not is_truncated("SELECT '\ud800'", None)


def test_a_truncated_text_that_still_parses_is_a_shape_marked_truncated():
    text = "SELECT id, price FROM trades"
    shape = model_statement(text, track_activity_query_size_bytes=len(text) + 1)
    assert isinstance(shape, StatementShape) and shape.truncated
    cut = model_statement("SELECT id FROM trades WHERE id = 'x", track_activity_query_size_bytes=36)
    assert isinstance(cut, ParseFailure) and cut.truncated
    model = model_workload([(1, text), (2, text)], track_activity_query_size_bytes=len(text) + 1)
    assert [s.truncated for s in model.shapes] == [True, True]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "no statement"),
        ("   -- nothing\n/* at all */", "no statement"),
        ("SELECT 1; SELECT 2", "2 statements"),
        ("SELECT 1\x00 FROM t", "NUL byte"),
        ("SELECT '\ud800'", "cannot be encoded"),
        ("SELECT 1 FROM t WHERE " + "NOT " * 5000 + "a", "nests too deeply"),
        (bytes(range(1, 256)).decode("latin-1"), "syntax error"),
    ],
)
def test_bad_input_is_a_clean_failure(text, reason):
    failure = model_statement(text)
    assert isinstance(failure, ParseFailure) and reason in failure.reason


def test_a_megabyte_statement_is_modelled():
    text = "INSERT INTO audit_log (payload) VALUES ('" + "x" * 1_000_000 + "') RETURNING id"
    shape = model_statement(text)
    assert isinstance(shape, StatementShape) and shape.relations_written == (QualifiedName("public", "audit_log"),)
    wide = "SELECT id FROM orders WHERE id IN (" + ", ".join(map(str, range(20_000))) + ")"
    assert model_statement(wide).tables[0].predicates[0].in_list_length == 20_000


def test_redaction_replaces_every_literal_and_comment_and_keeps_parameters():
    text = "SELECT * FROM t /* user=bob */ WHERE a = 'x''y' AND b = 1.5 AND c = $1 AND d = E'\\n' -- secret"
    assert redact_literals(text) == "SELECT * FROM t  WHERE a = $2 AND b = $3 AND c = $1 AND d = $4"
    assert redact_literals("SELECT 1 WHERE a IN (1, 2, 3) AND b IN (4, c)") == (
        "SELECT $1 WHERE a IN ($2 /*, ... */) AND b IN ($3, c)"
    )
    assert redact_literals("SELECT 1 WHERE a IN (1, 2") == "SELECT $1 WHERE a IN ($2, $3"


def test_redaction_never_leaks_a_literal_of_the_corpus():
    for text in STATEMENTS:
        redacted = redact_literals(text)
        for literal in re.findall(r"'((?:[^']|'')+)'", text):
            assert f"'{literal}'" not in redacted, (text, redacted)
        assert not [t for t in parser.scan(redacted) if t.name.endswith("CONST")], (text, redacted)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SELECT 'abc", "SELECT $? /* rest redacted: unreadable */"),
        ("SELECT 1 /* 'open", "SELECT $1 $? /* rest redacted: unreadable */"),
        ("/* 'secret'", "$? /* rest redacted: unreadable */"),
        ("SELECT '\ud800'", "$? /* rest redacted: unreadable */"),
        ("SELECT \x01 42", "SELECT ? $1"),
    ],
)
def test_redaction_of_text_the_scanner_cannot_finish(text, expected):
    assert redact_literals(text) == expected
