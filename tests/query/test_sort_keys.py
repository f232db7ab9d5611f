"""Which table an ORDER BY key belongs to: only a value the table's rows carry can come from an index in order."""

from __future__ import annotations

import pytest

from pgtune.query import model_statement
from pgtune.query.model import Catalog, CatalogTable, QualifiedName, StatementShape

LINEITEM = QualifiedName("public", "lineitem")
CATALOG = Catalog(tables={LINEITEM: CatalogTable("public", "lineitem", ("l_orderkey", "l_price", "l_discount"))})


def _owned_keys(text: str) -> list[tuple[str | None, str | None]]:
    shape = model_statement(text, CATALOG)
    assert isinstance(shape, StatementShape), shape
    return [(k.column, k.expression) for a in shape.tables for k in a.sort_keys]


@pytest.mark.parametrize(
    ("text", "owned"),
    [
        ("SELECT l_orderkey FROM lineitem ORDER BY l_price DESC LIMIT 10", [("l_price", None)]),
        (
            "SELECT l_orderkey FROM lineitem ORDER BY l_price * (1 - l_discount) LIMIT 5",
            [(None, "l_price * (1 - l_discount)")],
        ),
        (
            "SELECT l_orderkey, sum(l_price * (1 - l_discount)) AS revenue FROM lineitem "
            "GROUP BY l_orderkey ORDER BY revenue DESC LIMIT 10",
            [],
        ),
        ("SELECT l_orderkey, count(*) FROM lineitem GROUP BY l_orderkey ORDER BY count(*) DESC", []),
        ("SELECT l_orderkey FROM lineitem ORDER BY row_number() OVER (ORDER BY l_price)", []),
        ("SELECT l_orderkey, max(l_price) FROM lineitem GROUP BY l_orderkey ORDER BY l_orderkey, 2", []),
    ],
)
def test_aggregate_and_window_sort_keys_belong_to_no_table(text, owned):
    assert _owned_keys(text) == owned
