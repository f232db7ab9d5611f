"""PostgreSQL server logs (stderr, csvlog, jsonlog) → the statements they logged, with their durations.

Reads ``log_min_duration_statement`` lines ("duration: X ms  statement: …"), ``log_statement`` lines and
auto_explain plans (text or JSON), whatever the ``log_line_prefix``. The parameters an ``execute`` logs in its
DETAIL are bound as literals, so that samples from extended-protocol clients carry their values. Lines that
belong to no record are counted and skipped.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator

from ..facts import WorkloadSample
from ..query.sqltext import parameter_numbers, scrub_secrets, substitute_parameters
from .textfile import LineCounts

_SEVERITY = r"(?P<severity>LOG|ERROR|WARNING|FATAL|PANIC|DETAIL|HINT|STATEMENT|CONTEXT|NOTICE|INFO|DEBUG\d?)"
_STDERR_START = re.compile(_SEVERITY + r":  (?P<message>.*)$")
_DURATION = re.compile(
    r"^duration: (?P<ms>\d+(?:\.\d+)?) ms\s+(?P<kind>statement|execute [^:]*|plan):\s*(?P<rest>.*)$", re.S
)
_STATEMENT = re.compile(r"^(?P<kind>statement|execute [^:]*): (?P<rest>.*)$", re.S)
_PARAMETER = re.compile(r"\$(?P<number>\d+) = (?P<value>NULL|'(?:[^']|'')*')(?:, |$)")
_PARAMETERS = "parameters: "
_PLAN_NODE = re.compile(r"\((?:cost|actual)[ =]")
_CSV_SEVERITY = 11
_CSV_MESSAGE = 13
_CSV_DETAIL = 14
_JSON = "JSON"
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


def sample_from_message(message: str, source: str, line: int, detail: str | None = None) -> WorkloadSample | None:
    """The statement a LOG message carries, if any, with the parameters of its DETAIL bound as literals."""
    duration = _DURATION.match(message)
    match = duration or _STATEMENT.match(message)
    if not match:
        return None
    text = _query_of_plan(match["rest"]) if match["kind"] == "plan" else match["rest"]
    if not text or not text.strip():
        return None
    if match["kind"].startswith("execute") and detail:
        text = bind_parameters(text, detail)
    return WorkloadSample(
        scrub_secrets(text.strip()),
        source,
        float(duration["ms"]) if duration else None,
        line,
        from_plan=match["kind"] == "plan",
    )


def bind_parameters(text: str, detail: str) -> str:
    """``$n`` replaced by the values a ``parameters: $1 = '5', …`` DETAIL gives, so that the sample has literals.

    The text is kept as it is when the DETAIL does not give every parameter in full.
    """
    if not detail.startswith(_PARAMETERS):
        return text
    values, rest, position = {}, detail[len(_PARAMETERS) :].strip(), 0
    while position < len(rest):
        parameter = _PARAMETER.match(rest, position)
        if not parameter:
            return text
        values[int(parameter["number"])] = parameter["value"]
        position = parameter.end()
    if not parameter_numbers(text) <= values.keys():
        return text
    return substitute_parameters(text, values)


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
    """A LOG record's DETAIL (the parameters of an execute) is the record that follows it."""
    pending: tuple[int, str] | None = None
    for severity, line, message in _stderr_records(lines, counts):
        detail = message if severity == "DETAIL" else None
        if pending:
            yield from _optional(sample_from_message(pending[1], source, pending[0], detail))
            pending = None
        if severity == "LOG":
            pending = (line, message)
        elif severity == _JSON:
            yield from _optional(_json_record(message, source, line, counts))
    if pending:
        yield from _optional(sample_from_message(pending[1], source, pending[0]))


def _stderr_records(lines: Iterable[tuple[int, str]], counts: LineCounts) -> Iterator[tuple[str, int, str]]:
    """(severity, first line, message): records begin with a severity after the prefix, continuation lines
    with a tab; a JSON line (a jsonlog line in a mixed file) is a record of its own."""
    record: list[str] = []
    severity, start = "", 0
    for number, text in lines:
        begin = _STDERR_START.search(text)
        if begin or text.startswith("{"):
            if record:
                yield severity, start, "\n".join(record)
            severity, start, record = (
                (begin["severity"], number, [begin["message"]]) if begin else (_JSON, number, [text])
            )
        elif text.startswith("\t") and record:
            record.append(text[1:])
        elif text.strip():
            counts.bad += 1
    if record:
        yield severity, start, "\n".join(record)


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
    detail = record.get("detail")
    return sample_from_message(record["message"], source, number, detail if isinstance(detail, str) else None)


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
            yield from _optional(sample_from_message(fields[_CSV_MESSAGE], source, line, fields[_CSV_DETAIL]))


def _optional(sample: WorkloadSample | None) -> Iterator[WorkloadSample]:
    if sample is not None:
        yield sample
