"""PT005: compression segmented or ordered by columns the workload does not filter or scan by."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...rules import Rule
from ..base import AnalysisFacts
from .ddl import qualified
from .signals import equality_columns
from .timescale import timescale_defaults, user_hypertables

RULE = Rule(
    id="PT005",
    slug="compression-settings-match-workload",
    title="Segment compressed chunks by the columns the queries filter on",
    why=(
        "A compressed chunk is stored per segmentby value and sorted by orderby. A filter on a segmentby column "
        "skips whole segments before decompressing anything; a filter on any other column decompresses every "
        "segment of every chunk in range. Ordering by anything but the time column defeats the min/max "
        "metadata that lets range reads skip batches."
    ),
    bad_example=(
        "ALTER TABLE trades SET (timescaledb.compress, timescaledb.compress_segmentby = 'taker_side');\n"
        "SELECT * FROM trades WHERE market_id = $1 AND executed_at > now() - interval '30 days';"
    ),
    good_example=(
        "ALTER TABLE public.trades SET (timescaledb.compress_segmentby = 'market_id',\n"
        "    timescaledb.compress_orderby = 'executed_at DESC');"
    ),
    severity=Severity.WARNING,
    needs=("timescaledb", "statements"),
)


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    for own in user_hypertables(facts):
        hypertable, statements = own.hypertable, own.statements
        if not hypertable.compression_enabled:
            continue
        filtered = equality_columns(statements, hypertable.schema, hypertable.name, hypertable.time_column)
        wrong_segments = bool(filtered) and not set(hypertable.segmentby) & set(filtered)
        first_order = hypertable.orderby[0].split()[0] if hypertable.orderby else hypertable.time_column
        wrong_order = first_order != hypertable.time_column
        if not (wrong_segments or wrong_order):
            continue
        name = qualified(hypertable.schema, hypertable.name)
        segment = filtered[0] if wrong_segments else ", ".join(hypertable.segmentby)
        order = f"{hypertable.time_column} DESC"
        options = []
        if wrong_segments:
            options.append(f"timescaledb.compress_segmentby = '{segment}'")
        if wrong_order:
            options.append(f"timescaledb.compress_orderby = '{order}'")
        undo = []
        if wrong_segments:
            undo.append(f"timescaledb.compress_segmentby = '{', '.join(hypertable.segmentby)}'")
        if wrong_order:
            undo.append(f"timescaledb.compress_orderby = '{', '.join(hypertable.orderby)}'")
        problems = []
        if wrong_segments:
            problems.append(
                f"segmented by {', '.join(hypertable.segmentby) or 'nothing'} while its statements filter with = on "
                f"{', '.join(filtered)}"
            )
        if wrong_order:
            problems.append(f"ordered by {', '.join(hypertable.orderby)} rather than {hypertable.time_column}")
        yield Finding(
            rule=RULE.id,
            severity=RULE.severity,
            message=f"{name} is compressed " + " and ".join(problems),
            help=(
                "change the compression settings; chunks compressed from now on use them (if the server refuses "
                "while chunks are compressed, decompress them first and let the policy compress them again)"
            ),
            target=name,
            kind="compression-settings",
            evidence=(
                Evidence("segment by", ", ".join(hypertable.segmentby) or "(none)"),
                Evidence("order by", ", ".join(hypertable.orderby) or "(none)"),
                Evidence(
                    "equality filters",
                    f"{', '.join(filtered) or '(none)'} across {len(statements)} statements, most frequent first",
                ),
                *timescale_defaults(hypertable, filtered[0] if filtered else None, order),
            ),
            fix=Fix(
                f"ALTER TABLE {name} SET ({', '.join(options)});\n",
                f"ALTER TABLE {name} SET ({', '.join(undo)});\n",
                FixSafety.BRIEF_LOCK,
            ),
            confidence="medium",
        )
