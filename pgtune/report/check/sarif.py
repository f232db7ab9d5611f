"""``--format sarif``: SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning, GitLab, Azure)."""

from __future__ import annotations

import json

from ... import __version__
from ...findings import Finding
from ...gate.run import CheckResult
from .common import LEVELS

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(result: CheckResult) -> str:
    rules = result.rules
    index = {rule.id: i for i, rule in enumerate(rules)}
    results = [_result(f, index) for f in result.findings]
    results += [
        {**_result(s.finding, index), "suppressions": [{"kind": "inSource", "justification": s.reason}]}
        for s in result.suppressed
    ]
    run = {
        "tool": {
            "driver": {
                "name": "pgtune",
                "version": __version__,
                "informationUri": "https://github.com/pgtune/pgtune",
                "rules": [
                    {
                        "id": rule.id,
                        "name": rule.slug,
                        "shortDescription": {"text": rule.title},
                        "fullDescription": {"text": rule.why},
                        "help": {"text": f"Instead of:\n{rule.bad_example}\n\nUse:\n{rule.good_example}"},
                        "defaultConfiguration": {"level": LEVELS[rule.severity]},
                    }
                    for rule in rules
                ],
            }
        },
        "invocations": [
            {
                "executionSuccessful": not result.problems,
                "toolExecutionNotifications": [
                    {
                        "level": "error",
                        "message": {"text": problem.message},
                        "locations": [_location(problem.file, problem.line, problem.column)],
                    }
                    for problem in result.problems
                ]
                # What --probe ran, found and skipped: evidence a reviewer reads beside the results.
                + [{"level": "note", "message": {"text": n}} for n in result.notes if n.startswith("probe")],
            }
        ],
        "results": results,
    }
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, indent=1) + "\n"


def _result(finding: Finding, index: dict[str, int]) -> dict:
    location = finding.location
    entry = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": f"{finding.message}. Fix: {finding.help}"},
        "locations": [_location(location.file, location.line, location.column)] if location else [],
    }
    if finding.rule in index:
        entry["ruleIndex"] = index[finding.rule]
    return entry


def _location(file: str, line: int, column: int) -> dict:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": file.replace("\\", "/")},
            "region": {"startLine": line, "startColumn": column},
        }
    }
