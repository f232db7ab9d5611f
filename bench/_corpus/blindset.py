"""What the blind parts share: where a case lands, and the files beside its cases (the author's expectations,
the cases the tracer gets wrong, the bad inputs)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

Writer = Callable[[Path, str, str, str, str], str]


def case_path(name: str, tool: str, defective: bool, directory_tools: Sequence[str] = ("golang-migrate",)) -> str:
    """A case's path in its part: under tracer_defects/ when the trace gets it wrong, else under cases/."""
    folder = "tracer_defects" if defective else "cases"
    if tool in directory_tools:
        return f"{folder}/{name}"
    return f"{folder}/V42__{name}.sql" if tool == "flyway" else f"{folder}/{name}.sql"


def write_extras(
    directory: Path,
    part: str,
    cases: Sequence[tuple],
    defects: Mapping[str, str],
    bad: Mapping[str, bytes],
    write: Writer,
    directory_tools: Sequence[str] = ("golang-migrate",),
) -> None:
    """expected.toml (the author's expectation of every case, written before the first trace), tracer_defects/
    with its README, and bad/ inputs. ``cases`` are ``(name, tool, text, expectation, reason[, down])``."""
    lines = [
        f"# What {part}'s author, as a reviewing DBA, expected of each case BEFORE the first trace.",
        f"# Generated from bench/_corpus/{part}.py; never changed after the trace.",
        "",
    ]
    for name, tool, _text, expect, reason, *_down in cases:
        lines += [
            "[[case]]",
            f"path = {json.dumps(case_path(name, tool, name in defects, directory_tools))}",
            f'tool = "{tool}"',
            f'expected = "{expect}"',
            f"reason = {json.dumps(reason)}",
            "",
        ]
    (directory / "expected.toml").write_text("\n".join(lines))
    folder = directory / "tracer_defects"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    readme = [
        f"# {part}: cases the trace plainly gets wrong",
        "",
        "Kept out of cases/ (and so out of labels.toml and the scores); the author's expectation is in",
        "expected.toml under tracer_defects/.",
        "",
    ]
    for name, tool, text, _expect, _reason, *down in cases:
        if name in defects:
            write(folder, name, tool, text, down[0] if down else "")
            readme.append(f"- `{name}`: {defects[name]}.")
    (folder / "README.md").write_text("\n".join(readme) + "\n")
    inputs = directory / "bad"
    shutil.rmtree(inputs, ignore_errors=True)
    inputs.mkdir()
    for name, data in bad.items():
        (inputs / name).write_bytes(data)
