"""``--format json``: the whole result, stable keys, for scripts."""

from __future__ import annotations

import json

from ...findings import Finding
from ...gate.run import CheckResult
from ...serialization import to_jsonable
from ..units import evidence_json

JSON_FORMAT_VERSION = 1


def render(result: CheckResult) -> str:
    document = {
        "format_version": JSON_FORMAT_VERSION,
        "summary": {
            "files_checked": result.files_checked,
            "statements_checked": result.statements_checked,
            "findings": len(result.findings),
            "problems": len(result.problems),
            "suppressed": len(result.suppressed),
            "server_version_num": result.server_version_num,
            "context": result.context_source or None,
            "traced_files": result.traced_files,
        },
        "files": [{"path": path, "model": model} for path, model in result.models],
        "findings": [_finding(f) for f in result.findings],
        "problems": [to_jsonable(p) for p in result.problems],
        "suppressed": [{"reason": s.reason, "finding": _finding(s.finding)} for s in result.suppressed],
        "notes": list(result.notes),
    }
    return json.dumps(document, indent=1) + "\n"


def _finding(finding: Finding) -> dict:
    return {**to_jsonable(finding), "evidence": [evidence_json(e) for e in finding.evidence]}
