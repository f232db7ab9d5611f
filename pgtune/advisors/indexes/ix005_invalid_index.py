"""IX005: indexes left invalid by a failed CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...quantities import human_bytes
from ...rules import Rule
from ..base import AnalysisFacts
from ..index_definitions import create_concurrently, qualified_index

RULE = Rule(
    id="IX005",
    slug="invalid-index",
    title="Rebuild or drop an invalid index",
    why=(
        "When CREATE INDEX CONCURRENTLY fails (a unique violation, a deadlock, a cancelled session) it leaves "
        "the index behind marked invalid: the planner never uses it, yet every write still maintains it once "
        "it is ready. REINDEX CONCURRENTLY leaves a *_ccnew or *_ccold index the same way. Nothing repairs "
        "them by itself."
    ),
    bad_example=(
        "CREATE UNIQUE INDEX CONCURRENTLY orders_client_order_id_key ON public.orders (client_order_id);\n"
        "-- ERROR: could not create unique index; the index stays, indisvalid = false"
    ),
    good_example=(
        "DROP INDEX CONCURRENTLY IF EXISTS public.orders_client_order_id_key;\n"
        "CREATE UNIQUE INDEX CONCURRENTLY orders_client_order_id_key ON public.orders (client_order_id);"
    ),
    severity=Severity.WARNING,
    needs=("indexes",),
)

_REINDEX_LEFTOVER = re.compile(r"_cc(new|old)\d*$")


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    for index in facts.snapshot.indexes:
        if index.is_valid:
            continue
        drop = f"DROP INDEX CONCURRENTLY IF EXISTS {qualified_index(index)};"
        table = facts.table(index.schema, index.table)
        leftover = bool(_REINDEX_LEFTOVER.search(index.name))
        if table is not None and table.kind == "p":
            fix = None
            help_text = (
                "some partitions lack their index: create it concurrently on each of them and "
                "ALTER INDEX ... ATTACH PARTITION, after which the parent's index becomes valid"
            )
        elif leftover:
            fix = Fix(drop, create_concurrently(index), FixSafety.ONLINE, "a leftover of REINDEX CONCURRENTLY")
            help_text = "drop it: the index REINDEX CONCURRENTLY was rebuilding still exists under its own name"
        else:
            fix = Fix(
                f"{drop}\n{create_concurrently(index)}",
                drop,
                FixSafety.ONLINE,
                "a unique index fails again until the duplicate rows are removed",
            )
            help_text = "drop it and build it again concurrently, after fixing what made the build fail"
        yield Finding(
            rule=RULE.id,
            severity=Severity.WARNING,
            message=(
                f"{index.name} on {index.qualified_table} ({human_bytes(index.size_bytes)}) is invalid: the "
                "planner ignores it" + (" while every write still maintains it" if index.is_ready else "")
            ),
            help=help_text + " (unless a concurrent build of it is running right now)",
            target=f"{index.schema}.{index.name}",
            kind="rebuild-index",
            evidence=(
                Evidence("definition", index.definition),
                Evidence("ready for writes", "yes" if index.is_ready else "no"),
            ),
            fix=fix,
            size_bytes=index.size_bytes,
            confidence="high",
        )
