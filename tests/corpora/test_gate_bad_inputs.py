"""Every unusable input the blind corpora's authors wrote (bench/gate_corpus/*/bad/) is refused by
``pgtune check`` as a user runs it: exit 2, one line naming the problem, never a traceback, and the usable
file checked beside it still reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench._corpus.blind3 import write_bad
from pgtune.cli import main
from pgtune.errors import ExitCode

CORPUS = Path(__file__).resolve().parents[2] / "bench" / "gate_corpus"
GOOD = "SET lock_timeout = '2s';\nALTER TABLE t ADD COLUMN note text;\n"


# Inputs an author put in bad/ that are PostgreSQL all the same: checked like any file, never a traceback.
# blind6's generated INSERT is 0.9 MB of valid SQL (under the size limit); its truncated file was cut inside
# an identifier (``REFERENCES wal``), which still parses, and psql would run it.
VALID = {"blind6/huge_generated_insert.sql", "blind6/truncated_mid_statement.sql"}


def _name(path: Path) -> str:
    return f"{path.parent.parent.name}/{path.name}"


def _committed() -> list[Path]:
    paths = (p for p in CORPUS.glob("*/bad/*") if p.is_file() and p.name != "huge_statement.sql")
    return sorted(p for p in paths if _name(p) not in VALID)


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """blind3's set, the 5 MB statement included, written as its author's generator writes it."""
    directory = tmp_path_factory.mktemp("bad")
    write_bad(directory)
    return directory


def _check(path: Path, tmp_path: Path, capsys) -> dict:
    good = tmp_path / "V1__good.sql"
    good.write_text(GOOD)
    assert main(["check", str(path), str(good), "--format", "json"]) == ExitCode.BAD_INPUT
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return json.loads(captured.out)


def test_the_corpora_hold_bad_inputs():
    assert {p.parent.parent.name for p in _committed()} >= {"blind2", "blind3"}


@pytest.mark.parametrize("path", _committed(), ids=_name)
def test_a_committed_bad_input_is_one_line_and_exit_2(path, tmp_path, capsys):
    """One line per problem: a file of several statements in another dialect has one per statement."""
    report = _check(path, tmp_path, capsys)
    problems = [p for p in report["problems"] if p["file"] == str(path)]
    assert problems and all("\n" not in p["message"] and len(p["message"]) < 200 for p in problems)
    assert report["summary"]["files_checked"] >= 1, "the good file beside it is still checked"


@pytest.mark.parametrize("name", sorted(VALID))
def test_valid_sql_an_author_put_in_bad_is_checked(name, capsys):
    code = main(["check", str(CORPUS / name.replace("/", "/bad/")), "--format", "json"])
    captured = capsys.readouterr()
    assert code in (ExitCode.OK, ExitCode.FINDINGS) and "Traceback" not in captured.out + captured.err
    assert json.loads(captured.out)["summary"]["files_checked"] == 1


def test_every_generated_bad_input_is_refused(generated, tmp_path, capsys):
    messages = {}
    for path in sorted(generated.iterdir()):
        report = _check(path, tmp_path, capsys)
        (problem,) = [p for p in report["problems"] if p["file"] == str(path)]
        assert "\n" not in problem["message"]
        messages[path.name] = problem["message"]
    assert "too large to check" in messages["huge_statement.sql"]
    assert "UTF-16" in messages["utf16_bom.sql"]
    assert "unterminated dollar-quoted string" in messages["unterminated_dollar.sql"]
