"""PostgreSQL server logs (stderr, csvlog, jsonlog) → the statements they logged, with their durations.

Reads ``log_min_duration_statement`` lines ("duration: X ms  statement: …"), ``log_statement`` lines and
auto_explain plans (text or JSON), whatever the ``log_line_prefix``. Lines that belong to no record are
counted and skipped.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator

from ..facts import WorkloadSample
from .textfile import LineCounts

_SEVERITY = r"(?P<severity>LOG|ERROR|WARNING|FATAL|PANIC|DETAIL|HINT|STATEMENT|CONTEXT|NOTICE|INFO|DEBUG\d?)"
_STDERR_START = re.compile(_SEVERITY + r":  (?P<message>.*)$")
_DURATION = re.compile(
    r"^duration: (?P<ms>\d+(?:\.\d+)?) ms\s+(?P<kind>statement|execute [^:]*|plan):\s*(?P<rest>.*)$", re.S
)
_STATEMENT = re.compile(r"^statement: (?P<rest>.*)$", re.S)
_PLAN_NODE = re.compile(r"\((?:cost|actual)[ =]")
_CSV_SEVERITY = 11
_CSV_MESSAGE = 13
_TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?")
_CSV_START = re.compile(_TIMESTAMP.pattern + r"(?: [^,]*)?,")


def log_format(head: str) -> str | None:
    """'jsonlog', 'csvlog' or 'stderr' from the file's first text, None when it does not look like a log."""
    first = next((line for line in head.splitlines() if line.strip()), "").lstrip("\ufeff")
    if first.startswith("{"):
        return "jsonlog"
    if _CSV_START.match(first) and first.count(",") >= _CSV_MESSAGE:
        return "csvlog"
    if any(_STDERR_START.search(line) for line in head.splitlines()):
        return "stderr"
    return None


def sample_from_message(message: str, source: str, line: int) -> WorkloadSample | None:
    """The statement a LOG message carries, if any."""
    duration = _DURATION.match(message)
    if duration:
        text = _query_of_plan(duration["rest"]) if duration["kind"] == "plan" else duration["rest"]
        return WorkloadSample(text.strip(), source, float(duration["ms"]), line) if text and text.strip() else None
    statement = _STATEMENT.match(message)
    if statement and statement["rest"].strip():
        return WorkloadSample(statement["rest"].strip(), source, None, line)
    return None


def _query_of_plan(plan: str) -> str | None:
    """auto_explain puts the statement first: ``Query Text: …`` before the plan, or a JSON document."""
    if plan.lstrip().startswith("{"):
        try:
            return json.loads(plan).get("Query Text")
        except (json.JSONDecodeError, AttributeError):
            return None
    head, _, rest = plan.partition("Query Text: ")
    if head.strip() or not rest:
        return None
    query = []
    for text in rest.split("\n"):
        if _PLAN_NODE.search(text):
            break
        query.append(text)
    return "\n".join(query)


def stderr_samples(lines: Iterable[tuple[int, str]], source: str, counts: LineCounts) -> Iterator[WorkloadSample]:
    """Records begin with a severity after the prefix; continuation lines begin with a tab."""
    record: list[str] = []
    severity, start = "", 0
    for number, text in lines:
        begin = _STDERR_START.search(text)
        if begin or text.startswith("{"):
            if record and severity == "LOG":
                yield from _optional(sample_from_message("\n".join(record), source, start))
            record = []
            if begin:
                severity, start, record = begin["severity"], number, [begin["message"]]
            else:
                yield from _optional(_json_record(text, source, number, counts))
                severity = ""
        elif text.startswith("\t") and record:
            record.append(text[1:])
        elif text.strip():
            counts.bad += 1
    if record and severity == "LOG":
        yield from _optional(sample_from_message("\n".join(record), source, start))


def jsonlog_samples(lines: Iterable[tuple[int, str]], source: str, counts: LineCounts) -> Iterator[WorkloadSample]:
    for number, text in lines:
        if text.strip():
            yield from _optional(_json_record(text, source, number, counts))


def _json_record(text: str, source: str, number: int, counts: LineCounts) -> WorkloadSample | None:
    try:
        record = json.loads(text)
    except json.JSONDecodeError:
        counts.bad += 1
        return None
    if not isinstance(record, dict) or not isinstance(record.get("message"), str):
        counts.bad += 1
        return None
    if record.get("error_severity", "LOG") != "LOG":
        return None
    return sample_from_message(record["message"], source, number)


def csvlog_samples(lines: Iterable[tuple[int, str]], source: str, counts: LineCounts) -> Iterator[WorkloadSample]:
    """csv's reader joins the lines of a quoted multi-line message; the line is where the record began."""
    numbered = iter(lines)
    first_line = [0]

    def feed() -> Iterator[str]:
        for number, text in numbered:
            first_line.append(number)
            yield text + "\n"

    reader = csv.reader(feed())
    while True:
        before = len(first_line)
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error:
            counts.bad += 1
            continue
        line = first_line[before] if before < len(first_line) else first_line[-1]
        del first_line[:-1]
        if len(fields) <= _CSV_MESSAGE or not _TIMESTAMP.match(fields[0]):
            counts.bad += bool(any(f.strip() for f in fields))
            continue
        if fields[_CSV_SEVERITY] == "LOG":
            yield from _optional(sample_from_message(fields[_CSV_MESSAGE], source, line))


def _optional(sample: WorkloadSample | None) -> Iterator[WorkloadSample]:
    if sample is not None:
        yield sample
