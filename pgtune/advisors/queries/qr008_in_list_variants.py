"""QR008: IN lists of every length fill pg_stat_statements with near-identical entries; = ANY($1) is one."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ...findings import Evidence, Finding, Fix, FixSafety
from ...quantities import Unit
from ...query.antipatterns import in_list_form
from ...rules import Rule
from ...versions import ServerVersion
from ..base import AnalysisFacts
from .observed import Observed, statement_entries

RULE = Rule(
    id="QR008",
    slug="in-list-variants",
    title="Pass a list as one array parameter instead of an IN list of its length",
    why=(
        "Before PostgreSQL 18, pg_stat_statements keeps one entry per IN-list length: id IN ($1), "
        "id IN ($1, $2) ... each take a slot, evicting other statements and splitting this one's statistics, "
        "and each length is planned and cached apart. One array parameter, = ANY($1), is one statement."
    ),
    bad_example="SELECT id, status FROM orders WHERE id IN ($1, $2, $3, $4);",
    good_example="SELECT id, status FROM orders WHERE id = ANY($1::bigint[]);",
    needs=("workload",),
)

MIN_VARIANTS = 3


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    if ServerVersion(facts.snapshot.server.version_num).squashes_in_lists:
        return
    groups: dict[str, list[Observed]] = defaultdict(list)
    for observed in statement_entries(facts):
        form = in_list_form(observed.display_text)
        if form is not None:
            groups[form[0]].append(observed)
    for variants in groups.values():
        if len(variants) < MIN_VARIANTS:
            continue
        calls = sum(v.calls for v in variants)
        ms_per_day = sum(v.ms_per_day for v in variants)
        worst = max(variants, key=lambda v: v.ms_per_day)
        yield Finding(
            rule=RULE.id,
            severity=worst.severity,
            message=f"{len(variants)} pg_stat_statements entries are one statement with IN lists of different lengths",
            help="bind the list as one array parameter: WHERE column = ANY($1) (psycopg and asyncpg pass a list as-is)",
            target=f"queryid {worst.queryid}" if worst.queryid is not None else "statement",
            kind="rewrite",
            evidence=(
                Evidence("entries", len(variants), Unit.COUNT),
                Evidence("calls across them", calls, Unit.COUNT),
                Evidence("time a day across them", ms_per_day, Unit.MS),
            ),
            fix=Fix(RULE.good_example, None, FixSafety.MANUAL, "a change to how the application binds the list"),
            statements=tuple(v.impact() for v in sorted(variants, key=lambda v: -v.calls)[:5]),
            confidence="high",
        )
