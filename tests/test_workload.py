"""Workload files and server logs → samples: formats, encodings, and bad input."""

from __future__ import annotations

import codecs
import json

import pytest

from pgtune.collectors.logs import bind_parameters, log_format, sample_from_message
from pgtune.collectors.textfile import MAX_LINE_BYTES
from pgtune.collectors.workload import read_workload
from pgtune.errors import BadInput

SQL_FILE = """-- the application's hot path
SELECT * FROM orders WHERE id = 1;
INSERT INTO notes (body) VALUES ('a; b'), ($$c;
d$$);  SELECT 2;

/* trailing */ UPDATE orders
   SET status = 'done'
 WHERE id = 7
"""


def write(tmp_path, content: str | bytes, name: str = "workload.sql"):
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def test_sql_statements_split_by_the_scanner(tmp_path):
    samples, gaps = read_workload(write(tmp_path, SQL_FILE))
    assert [(s.line, s.text.split()[0]) for s in samples] == [
        (1, "--"),
        (3, "INSERT"),
        (4, "SELECT"),
        (6, "/*"),
    ]
    assert "'a; b'" in samples[1].text and "$$c;\nd$$" in samples[1].text
    assert samples[3].text.endswith("WHERE id = 7") and gaps == ()
    assert all(s.duration_ms is None and s.source.endswith("workload.sql") for s in samples)


def test_truncated_sql_is_counted(tmp_path):
    samples, gaps = read_workload(write(tmp_path, "SELECT 1;\nSELECT 'unterminated\n"))
    assert [s.text for s in samples] == ["SELECT 1;"[:-1]]
    assert gaps[0].reason == "1 unreadable SQL line(s) or statement(s) were skipped"


STDERR_LOG = """2026-11-26 10:00:00.123 UTC [101] LOG:  duration: 12.500 ms  statement: SELECT *
\tFROM trades WHERE market_id = 3
2026-11-26 10:00:01.000 UTC [101] LOG:  duration: 3.000 ms  execute <unnamed>: SELECT 1 WHERE 1 = $1
2026-11-26 10:00:01.001 UTC [101] DETAIL:  parameters: $1 = '1'
garbage in the middle
2026-11-26 10:00:02.000 UTC [102] ERROR:  relation "x" does not exist
2026-11-26 10:00:02.000 UTC [102] STATEMENT:  SELECT * FROM x
2026-11-26 10:00:03.000 UTC [103] LOG:  duration: 250.000 ms  plan:
\tQuery Text: SELECT count(*)
\t  FROM ledger
\tAggregate  (cost=10.00..10.01 rows=1 width=8)
\t  ->  Seq Scan on ledger  (cost=0.00..9.00 rows=400 width=0)
2026-11-26 10:00:04.000 UTC [103] LOG:  statement: SELECT now()
2026-11-26 10:00:05.000 UTC [103] LOG:  checkpoint starting: time
{"timestamp":"2026-11-26 10:00:06 UTC","error_severity":"LOG","message":"duration: 1.000 ms  statement: SELECT 6"}
"""


def test_stderr_log_with_continuations_auto_explain_and_stray_lines(tmp_path):
    samples, gaps = read_workload(write(tmp_path, STDERR_LOG, "postgresql.log"))
    assert [(s.text, s.duration_ms, s.line) for s in samples] == [
        ("SELECT *\nFROM trades WHERE market_id = 3", 12.5, 1),
        ("SELECT 1 WHERE 1 = '1'", 3.0, 3),
        ("SELECT count(*)\n  FROM ledger", 250.0, 8),
        ("SELECT now()", None, 13),
        ("SELECT 6", 1.0, 15),
    ]
    assert [g.reason for g in gaps] == ["1 unreadable stderr line(s) or statement(s) were skipped"]


def _csv_row(message: str, severity: str = "LOG", detail: str = "") -> str:
    fields = ["2026-11-26 10:00:00.000 UTC", "app", "db", "7", "", "s", "1", "SELECT", "", "", "0", severity, "00000"]
    quoted, detail = message.replace('"', '""'), detail.replace('"', '""')
    return ",".join(fields) + f',"{quoted}","{detail}",,,,,,,,"psql","client backend",,0\n'


def test_a_log_that_ends_in_a_record(tmp_path):
    samples, _ = read_workload(write(tmp_path, "x LOG:  statement: SELECT 1\n\tWHERE true", "end.log"))
    assert [s.text for s in samples] == ["SELECT 1\nWHERE true"]


def test_csvlog_with_an_oversized_field_goes_on(tmp_path):
    content = _csv_row("duration: 1.000 ms  statement: SELECT '" + "x" * 200_000 + "'") + _csv_row(
        "duration: 2.000 ms  statement: SELECT 2"
    )
    samples, gaps = read_workload(write(tmp_path, content, "big.csv"))
    assert [s.text for s in samples][-1] == "SELECT 2" and gaps[0].reason.startswith("1 unreadable csvlog")


def test_csvlog_with_multiline_messages(tmp_path):
    content = (
        _csv_row('duration: 5.000 ms  statement: SELECT\n  "q" FROM t')
        + _csv_row("connection received")
        + "broken,row\n"
        + _csv_row('duration: 2.000 ms  plan:\n{"Query Text": "SELECT 2", "Plan": {}}')
        + _csv_row("duration: 9.000 ms  statement: SELECT 3", severity="ERROR")
        + _csv_row("duration: 1.000 ms  execute S_1: SELECT $1", detail="parameters: $1 = 'x'")
    )
    samples, gaps = read_workload(write(tmp_path, content, "postgresql.csv"))
    assert [(s.text, s.duration_ms, s.line) for s in samples] == [
        ('SELECT\n  "q" FROM t', 5.0, 1),
        ("SELECT 2", 2.0, 5),
        ("SELECT 'x'", 1.0, 8),
    ]
    assert gaps[0].reason.startswith("1 unreadable csvlog")


def test_jsonlog(tmp_path):
    records = [
        {"error_severity": "LOG", "message": "duration: 4.25 ms  statement: SELECT 4"},
        {"error_severity": "LOG", "message": "checkpoint complete"},
        {"no_message": True},
        {"error_severity": "ERROR", "message": "duration: 1 ms  statement: SELECT 5"},
        {"error_severity": "LOG", "message": "execute <unnamed>: SELECT $1", "detail": "parameters: $1 = '7'"},
    ]
    content = "\n".join(json.dumps(r) for r in records) + "\n{truncated"
    samples, gaps = read_workload(write(tmp_path, content, "postgresql.json"))
    assert [(s.text, s.duration_ms, s.line) for s in samples] == [("SELECT 4", 4.25, 1), ("SELECT '7'", None, 5)]
    assert gaps[0].reason.startswith("2 unreadable jsonlog")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('{"timestamp": "x"}', "jsonlog"),
        (_csv_row("hello"), "csvlog"),
        ("2026-11-26 10:00:00 UTC [1] LOG:  duration: 1 ms  statement: SELECT 1", "stderr"),
        ("myprefix LOG:  statement: SELECT 1", "stderr"),
        ("SELECT 1;", None),
        ("\n\n  SELECT 1;", None),
    ],
)
def test_log_format_sniffing(head, expected):
    assert log_format(head) == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("duration: 1.5 ms  statement: SELECT 1", ("SELECT 1", 1.5)),
        ("duration: 1.5 ms", None),
        ("duration: 2 ms  plan:\nnot a plan", None),
        ("duration: 2 ms  plan:\n{broken json", None),
        ("duration: 2 ms  plan:\nQuery Text: ", None),
        ("statement: ", None),
        ("statement: BEGIN", ("BEGIN", None)),
        ("connection authorized: user=x", None),
    ],
)
def test_messages(message, expected):
    sample = sample_from_message(message, "log", 1)
    assert (sample and (sample.text, sample.duration_ms)) == (expected or None)


@pytest.mark.parametrize(
    ("text", "detail", "bound"),
    [
        ("SELECT $1, $2", "parameters: $1 = '5', $2 = 'it''s'", "SELECT '5', 'it''s'"),
        ("SELECT $2 + $1 + $1", "parameters: $1 = '1', $2 = NULL", "SELECT NULL + '1' + '1'"),
        ("SELECT '$1', $1", "parameters: $1 = '9'", "SELECT '$1', '9'"),
        ("SELECT $1, $2", "parameters: $1 = '5'", "SELECT $1, $2"),
        ("SELECT $1", "parameters: $1 = 'cut", "SELECT $1"),
        ("SELECT $1", "statement: SELECT 1", "SELECT $1"),
        ("SELECT 'open $1", "parameters: $1 = '1'", "SELECT 'open $1"),
    ],
)
def test_execute_parameters_become_literals(text, detail, bound):
    assert bind_parameters(text, detail) == bound


def test_odd_encodings(tmp_path):
    latin1 = write(tmp_path, "SELECT 'café';\n".encode("latin-1") + b"SELECT 2;\n", "latin1.sql")
    samples, gaps = read_workload(latin1)
    assert [s.text for s in samples] == ["SELECT 'café'", "SELECT 2"]
    assert gaps[0].reason == "1 line(s) were not UTF-8 and were read as Latin-1"
    bom = write(tmp_path, codecs.BOM_UTF8 + b"SELECT 1;\n", "bom.sql")
    assert [s.text for s in read_workload(bom)[0]] == ["SELECT 1"]
    utf16 = write(tmp_path, "SELECT 'ü';\r\nSELECT 2;\r\n".encode("utf-16"), "utf16.sql")
    assert [s.text for s in read_workload(utf16)[0]] == ["SELECT 'ü'", "SELECT 2"]


def test_overlong_lines_and_statements_are_skipped(tmp_path):
    huge = b"SELECT '" + b"x" * (2 * MAX_LINE_BYTES + 10) + b"';\nSELECT 2;\n"
    samples, gaps = read_workload(write(tmp_path, huge, "huge.sql"))
    assert [s.text for s in samples] == ["SELECT 2"]
    assert "longer than 1 MiB" in gaps[0].reason
    many_lines = b"SELECT\n" + (b"'" + b"y" * 1000 + b"' ||\n") * 1100 + b"'z';\nSELECT 3;\n"
    samples, gaps = read_workload(write(tmp_path, many_lines, "runaway.sql"))
    assert [s.text for s in samples] == ["SELECT 3"] and "1 unreadable" in gaps[0].reason


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "is empty"), (b"  \n\n", "is empty"), (b"\x7fELF\x00\x01binary", "is binary")],
)
def test_empty_and_binary_files_are_refused(tmp_path, content, message):
    with pytest.raises(BadInput, match=message):
        read_workload(write(tmp_path, content, "bad.sql"))


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(BadInput, match="cannot read the workload file"):
        read_workload(tmp_path / "absent.sql")


def test_a_file_without_statements_says_so(tmp_path):
    samples, gaps = read_workload(write(tmp_path, "-- nothing but a comment\n"))
    assert samples == () and gaps[0].reason == "no statements found in this SQL file"
