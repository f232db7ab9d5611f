"""``python -m bench gate``: the migration gate's recall and specificity on a labelled corpus, beside squawk.

The corpus (bench/gate_corpus/, labels in manifest.toml) holds migrations labelled hazard or safe. A
migration counts as flagged by pgtune when ``pgtune check`` would fail it at the default threshold
(a warning or worse, or unreadable input), and by squawk when it reports any violation outside its
style-only rules. pgtune runs three ways: static (each migration alone), static with schema.sql as the
migration history (``--history``: the column types an application's earlier migrations declare), and
with the corpus's snapshot.json (real column types and sizes). Then both tools check 1,000 migration
files (copies of the corpus) in one process each.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import tomllib

from pgtune.facts import Snapshot
from pgtune.findings import Severity
from pgtune.gate.config import CheckConfig
from pgtune.gate.context import MigrationContext
from pgtune.gate.files import discover
from pgtune.gate.run import check_paths

from .common import print_table, write_result

CORPUS = Path(__file__).resolve().parent / "gate_corpus"
ROOT = CORPUS.parent.parent
# Squawk rules about style or rerunnability, not locks or breakage: left out so both tools are judged on
# the same question.
SQUAWK_STYLE_RULES = (
    "prefer-robust-stmts",
    "prefer-text-field",
    "prefer-bigint-over-int",
    "prefer-bigint-over-smallint",
    "prefer-identity",
    "prefer-timestamptz",
    "ban-char-field",
)


@dataclass(frozen=True)
class Labelled:
    path: Path
    label: str
    category: str
    verify: str = ""
    """What tests/test_gate_corpus.py checks on the server: rewrite, no-rewrite or lock:<table>:<mode>."""


def load_corpus(corpus: Path = CORPUS) -> list[Labelled]:
    entries = tomllib.loads((corpus / "manifest.toml").read_text())["migration"]
    return [Labelled(corpus / e["path"], e["label"], e["category"], e.get("verify", "")) for e in entries]


def pgtune_flags(
    entries: list[Labelled], context: MigrationContext, history: tuple[Path, ...] = ()
) -> dict[Path, bool]:
    flagged = {}
    for entry in entries:
        result = check_paths([entry.path], context, CheckConfig(), history)
        flagged[entry.path] = result.exit_code(Severity.WARNING) != 0
    return flagged


def squawk_flags(entries: list[Labelled], squawk: str) -> dict[Path, bool]:
    files = {f: e.path for e in entries for f in discover([e.path])[0]}
    violations = _squawk(squawk, list(files))
    flagged = dict.fromkeys((e.path for e in entries), False)
    for violation in violations:
        flagged[files[(CORPUS / violation["file"]).resolve()]] = True
    return flagged


def _squawk(squawk: str, files: list[Path]) -> list[dict]:
    command = [squawk, "--reporter", "json", *(f"--exclude={r}" for r in SQUAWK_STYLE_RULES)]
    done = subprocess.run(
        [*command, *(str(f.relative_to(CORPUS)) for f in files)],
        cwd=CORPUS,
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(done.stdout or "[]")


def score(entries: list[Labelled], flagged: dict[Path, bool]) -> dict:
    hazards = [e for e in entries if e.label == "hazard"]
    safe = [e for e in entries if e.label == "safe"]
    caught = sum(flagged[e.path] for e in hazards)
    passed = sum(not flagged[e.path] for e in safe)
    return {
        "recall": caught / len(hazards),
        "specificity": passed / len(safe),
        "missed": [e.path.name for e in hazards if not flagged[e.path]],
        "false_alarms": [e.path.name for e in safe if flagged[e.path]],
    }


def time_thousand(entries: list[Labelled], squawk: str | None, count: int) -> dict[str, float]:
    sources = [f for e in entries for f in discover([e.path])[0]]
    with tempfile.TemporaryDirectory() as scratch:
        directory = Path(scratch)
        for i in range(count):
            source = sources[i % len(sources)]
            shutil.copyfile(source, directory / f"{i:05d}_{source.name}")
        timings = {}
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "pgtune", "check", str(directory), "--format", "json"],
            cwd=ROOT,
            capture_output=True,
            check=False,
        )
        timings["pgtune"] = time.perf_counter() - started
        checked = json.loads(done.stdout)["summary"]["files_checked"]
        if checked != count:
            raise RuntimeError(f"pgtune checked {checked} of {count} files: {done.stderr[-500:]}")
        if squawk:
            started = time.perf_counter()
            done = subprocess.run(
                [squawk, "--reporter", "json", str(directory / "*.sql")], capture_output=True, check=False
            )
            timings["squawk"] = time.perf_counter() - started
            if not done.stdout.startswith(b"["):
                raise RuntimeError(f"squawk did not check the files: {done.stderr[-500:]!r}")
    return timings


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench gate", description=__doc__)
    parser.add_argument("--files", type=int, default=1000, help="migration files in the timing run")
    args = parser.parse_args(argv)
    entries = load_corpus()
    snapshot = Snapshot.load(CORPUS / "snapshot.json")
    runs = {
        "pgtune (static)": score(entries, pgtune_flags(entries, MigrationContext.empty())),
        "pgtune (static, --history schema.sql)": score(
            entries, pgtune_flags(entries, MigrationContext.empty(), (CORPUS / "schema.sql",))
        ),
        "pgtune (--snapshot)": score(
            entries, pgtune_flags(entries, MigrationContext.from_snapshot(snapshot, "snapshot.json"))
        ),
    }
    squawk = shutil.which("squawk")
    version = None
    if squawk:
        version = subprocess.run([squawk, "--version"], capture_output=True, text=True, check=False).stdout.strip()
        runs[f"{version} (lock rules)"] = score(entries, squawk_flags(entries, squawk))
    else:
        print("squawk is not installed (pip install squawk-cli): reporting pgtune alone", file=sys.stderr)
    hazards = sum(e.label == "hazard" for e in entries)
    print_table(
        f"Migration gate on {len(entries)} labelled migrations ({hazards} hazards, {len(entries) - hazards} safe)",
        ["tool", "recall %", "specificity %", "missed hazards", "false alarms"],
        [
            [name, 100 * r["recall"], 100 * r["specificity"], ", ".join(r["missed"]), ", ".join(r["false_alarms"])]
            for name, r in runs.items()
        ],
    )
    timings = time_thousand(entries, squawk, args.files)
    print_table(
        f"Time to check {args.files:,} migration files",
        ["tool (one process, start-up included)", "seconds"],
        [[name, seconds] for name, seconds in timings.items()],
    )
    path = write_result(
        "gate",
        {
            "corpus": {"migrations": len(entries), "hazards": hazards, "safe": len(entries) - hazards},
            "squawk": version,
            "runs": runs,
            "timing_files": args.files,
            "timing_s": timings,
        },
    )
    print(f"saved {path}")
    return 0
