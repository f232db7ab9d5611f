"""``--format junit``: JUnit XML, one failed test case per finding or unreadable input, one passed per clean file."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ...gate.run import CheckResult
from .common import place


def render(result: CheckResult) -> str:
    suite = ET.Element("testsuite", name="pgtune check")
    for problem in result.problems:
        case = ET.SubElement(suite, "testcase", classname=problem.file, name="readable SQL")
        error = ET.SubElement(case, "error", type="unreadable", message=problem.message)
        error.text = f"{problem.file}:{problem.line}:{problem.column}: {problem.message}"
    for finding in result.findings:
        file = finding.location.file if finding.location else "-"
        name = f"{finding.rule} {finding.slug} at {place(finding)}"
        case = ET.SubElement(suite, "testcase", classname=file, name=name)
        failure = ET.SubElement(case, "failure", type=finding.rule, message=finding.message)
        failure.text = f"{finding.severity.value}: {finding.message}\nFix: {finding.help}"
    failing = {f.location.file for f in result.findings if f.location} | {p.file for p in result.problems}
    for file in result.files:
        if file not in failing:
            ET.SubElement(suite, "testcase", classname=file, name="migration rules")
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(len(result.findings)))
    suite.set("errors", str(len(result.problems)))
    suite.set("skipped", "0")
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
