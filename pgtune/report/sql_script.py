"""A ready migration script of the recommended DDL, each with its rollback as a comment."""

from __future__ import annotations

from .ids import finding_id
from .model import Report
from .text import saving


def render(report: Report) -> str:
    lines = [
        f"-- pgtune {report.pgtune_version}: recommendations for {report.database} "
        f"(PostgreSQL {report.server_version})",
        f"-- collected {report.collected_at.isoformat()}; review before running.",
        "-- CREATE/DROP INDEX CONCURRENTLY cannot run inside a transaction block: run this file with psql",
        "-- in autocommit mode (no --single-transaction).",
        "SET lock_timeout = '5s';",
        "",
    ]
    for rank, finding in enumerate((f for f in report.recommendations if f.fix), 1):
        lines += [
            f"-- {rank}. [{finding.rule} {finding_id(finding)}] {finding.message}",
            f"--    saving {saving(finding)}; safety: {finding.fix.safety.value}",
            finding.fix.ddl,
            f"-- rollback: {finding.fix.rollback}",
            "",
        ]
    return "\n".join(lines)
