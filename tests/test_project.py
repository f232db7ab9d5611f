"""The project's own promises: CI runs exactly the README's test command; SQL ships with the package."""

from __future__ import annotations

import re
from pathlib import Path

from pgtune.resources import data_dir

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## The two commands", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", section, re.S)]


def test_ci_runs_exactly_the_readme_test_command():
    first, second = _readme_commands()
    ci_lines = [line for line in (ROOT / ".ci/run").read_text().splitlines() if line and not line.startswith("#")]
    assert ci_lines[-1] == second
    assert first == "bash scripts/quickstart.sh"


def test_every_sql_file_is_found_through_the_package():
    assert data_dir("sql") == ROOT / "sql"
    assert (data_dir("sql") / "doctor.sql").is_file()
