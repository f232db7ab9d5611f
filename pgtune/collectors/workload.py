"""``--workload FILE``: SQL files of statements with their literals, and PostgreSQL server logs.

Files are streamed. A bad line or statement is counted and skipped; an empty or binary file is refused
with BadInput and the caller goes on with the other files.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..facts import CollectionGap, WorkloadSample
from ..query.sqltext import (
    ends_statement,
    psql_meta_command,
    psql_variables_as_parameters,
    scans,
    scrub_secrets,
    split_statements,
)
from .logs import csvlog_samples, jsonlog_samples, log_format, stderr_samples
from .textfile import LineCounts, lines, sniff

# A statement longer than this is not one an application sends; it is a dump or a runaway buffer.
MAX_STATEMENT_CHARS = 1 << 20
_READERS = {"stderr": stderr_samples, "csvlog": csvlog_samples, "jsonlog": jsonlog_samples}


def read_workload(path: Path) -> tuple[tuple[WorkloadSample, ...], tuple[CollectionGap, ...]]:
    """The statements of one file and what reading it had to skip; raises BadInput for empty or binary files."""
    encoding, head = sniff(path)
    counts = LineCounts()
    source = str(path)
    fmt = log_format(head)
    reader = _READERS[fmt] if fmt else sql_samples
    samples = tuple(reader(lines(path, encoding, counts), source, counts))
    return samples, _gaps(source, fmt or "SQL", counts, bool(samples))


def sql_samples(numbered: Iterable[tuple[int, str]], source: str, counts: LineCounts) -> Iterator[WorkloadSample]:
    """Statements end at a ';' the scanner sees (not one in a string, comment or dollar quote), or where a
    psql meta-command (``\\set``, ``\\gset``, ``\\i`` …, as in pgbench scripts) begins; meta-commands
    are counted and skipped, and psql variables in the statements become parameters."""
    buffer: list[str] = []
    start = size = 0
    skipping = False
    for number, text in numbered:
        if skipping:
            # The rest of a runaway statement, up to a line that ends it as far as can be told.
            skipping = not text.rstrip().endswith(";")
            continue
        code, meta = psql_meta_command(text, "\n".join(buffer))
        if meta:
            counts.meta += 1
            if code.strip():
                start = start if buffer else number
                buffer.append(code)
            if buffer:
                yield from _statements("\n".join(buffer), source, start)
            buffer = []
            continue
        if not buffer:
            if not text.strip():
                continue
            start, size = number, 0
        buffer.append(text)
        size += len(text) + 1
        if size > MAX_STATEMENT_CHARS:
            counts.bad += 1
            buffer, skipping = [], not text.rstrip().endswith(";")
        elif ";" in text and ends_statement("\n".join(buffer)):
            yield from _statements("\n".join(buffer), source, start)
            buffer = []
    if buffer:
        text = "\n".join(buffer)
        if scans(text):
            yield from _statements(text, source, start)
        else:
            counts.bad += 1


def _statements(text: str, source: str, start: int) -> Iterator[WorkloadSample]:
    """Split text the scanner has already read whole, so splitting cannot fail."""
    offset = 0
    for statement in split_statements(text):
        line = start + text.count("\n", 0, max(text.find(statement, offset), 0))
        offset = max(text.find(statement, offset), 0) + len(statement)
        yield WorkloadSample(scrub_secrets(psql_variables_as_parameters(statement)), source, None, line)


def _gaps(source: str, fmt: str, counts: LineCounts, found: bool) -> tuple[CollectionGap, ...]:
    where = f"workload {source}"
    gaps = []
    if counts.bad:
        gaps.append(
            CollectionGap(
                where, f"{counts.bad} unreadable {fmt} line(s) or statement(s) were skipped", "check the file's format"
            )
        )
    if counts.latin1:
        gaps.append(
            CollectionGap(where, f"{counts.latin1} line(s) were not UTF-8 and were read as Latin-1", "save it as UTF-8")
        )
    if counts.too_long:
        gaps.append(
            CollectionGap(where, f"{counts.too_long} line(s) longer than 1 MiB were skipped", "split the statements")
        )
    if counts.meta:
        gaps.append(
            CollectionGap(
                where,
                f"{counts.meta} psql meta-command(s) (\\set, \\gset, \\i …) were skipped",
                "their variables are planned as parameters; give the statements' literal text to plan them as run",
            )
        )
    if not found:
        gaps.append(CollectionGap(where, f"no statements found in this {fmt} file", "check it is the right file"))
    return tuple(gaps)
