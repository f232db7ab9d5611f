"""The JSON report: a stable, versioned document (schema in docs/report.schema.json)."""

from __future__ import annotations

import json
from typing import Any

from ..findings import Finding
from ..serialization import to_jsonable
from .ids import finding_id
from .links import rule_doc
from .model import Report
from .units import evidence_json


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "id": finding_id(finding),
        "rule": finding.rule,
        "kind": finding.kind,
        "severity": finding.severity.value,
        "table": finding.target,
        "message": finding.message,
        "help": finding.help,
        "ddl": finding.fix.ddl if finding.fix else None,
        "rollback": finding.fix.rollback if finding.fix else None,
        "fix_safety": finding.fix.safety.value if finding.fix else None,
        "estimated_savings": to_jsonable(finding.savings),
        "size_bytes": finding.size_bytes,
        "confidence": finding.confidence,
        "evidence": [evidence_json(e) for e in finding.evidence],
        "statements": [to_jsonable(s) for s in finding.statements],
        "location": to_jsonable(finding.location),
        "doc": rule_doc(finding),
    }


def document(report: Report) -> dict[str, Any]:
    return {
        "schema_version": report.schema_version,
        "pgtune_version": report.pgtune_version,
        "source": report.source,
        "server_version": report.server_version,
        "database": report.database,
        "collected_at": report.collected_at.isoformat(),
        "observation_days": report.observation_days,
        "workload_ms_per_day": report.workload_ms_per_day,
        "literals_redacted": report.literals_redacted,
        "recommendations": [_finding(f) for f in report.recommendations],
        "findings": [_finding(f) for f in report.findings],
        "service_targets": [to_jsonable(t) for t in report.targets],
        "top_statements": [to_jsonable(s) for s in report.top_statements],
        "skipped": [to_jsonable(s) for s in report.skipped],
        "statements": [to_jsonable(s) for s in report.statements],
        "not_seen": [to_jsonable(g) for g in report.gaps],
        "whatif": None
        if report.whatif is None
        else {**to_jsonable(report.whatif), "cache_hit_pct": report.whatif.cache_hit_pct},
    }


def render(report: Report) -> str:
    return json.dumps(document(report), indent=2) + "\n"
