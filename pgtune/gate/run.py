"""Run the migration rules over a set of files: read, check, suppress, re-grade."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ..advisors.migrations import MIGRATION_RULES
from ..advisors.migrations.context import MigrationContext, PlanCheck
from ..errors import ExitCode
from ..findings import Finding, Severity
from ..query.ddl import DdlReader
from ..query.ddl_model import DdlAction, MigrationScript
from ..query.ddl_source import SourceProblem
from ..rules import Rule
from ..versions import ServerVersion
from ..whatif.immutability import PG15_BUILTINS, ImmutabilityCheck
from .config import CheckConfig
from .files import discover, migration_order, read
from .tools import describe, part_modes
from .traced import Trace, apply_trace

Replan = Callable[[tuple[DdlAction, ...]], PlanCheck]
"""Re-plans the workload under the actions' indexes (a live session's, see ``pgtune/gate/replan.py``)."""
Prober = Callable[[tuple[DdlAction, ...], list[Path]], tuple[tuple[DdlAction, ...], list[str]]]
"""Runs ``--probe``'s read-only queries and returns the actions with their answers (``pgtune/gate/probes.py``)."""


@dataclass(frozen=True)
class Suppressed:
    finding: Finding
    reason: str


@dataclass(frozen=True)
class CheckResult:
    findings: tuple[Finding, ...]
    problems: tuple[SourceProblem, ...] = ()
    """Files or statements that could not be read: they make the run exit 2."""
    suppressed: tuple[Suppressed, ...] = ()
    notes: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    """The files read, in migration order."""
    statements_checked: int = 0
    context_source: str = ""
    server_version_num: int = 0
    traced_files: int = 0
    """Files ``--trace`` ran on a clone (0 without ``--trace``)."""
    rules: tuple[Rule, ...] = ()
    """Every migration rule's metadata, for the renderers that list the rules (SARIF's driver)."""
    models: tuple[tuple[str, str], ...] = ()
    """(file, the tool model applied to it: which tool, and in which transaction its parts ran)."""

    @property
    def files_checked(self) -> int:
        return len(self.files)

    def exit_code(self, fail_on: Severity) -> int:
        """2 when any input was unusable (it outranks findings), else 1 when a finding reaches ``fail_on``."""
        if self.problems:
            return ExitCode.BAD_INPUT
        if any(f.severity.at_least(fail_on) for f in self.findings):
            return ExitCode.FINDINGS
        return ExitCode.OK


def check_paths(
    paths: list[Path],
    context: MigrationContext,
    config: CheckConfig,
    history: tuple[Path, ...] = (),
    replan: Replan | None = None,
    trace: Trace | None = None,
    probe: Prober | None = None,
) -> CheckResult:
    """Check ``paths``; ``history`` holds migrations already applied, read for the schema they built only.

    With ``replan``, the actions' plan check joins the context before the rules run (rule MG020); with
    ``trace``, what ``--trace`` saw the files do on throwaway clones replaces the reader's guesses."""
    files, problems = discover(paths)
    if not files and not problems:
        problems.append(SourceProblem(", ".join(map(str, paths)), 1, 1, "no .sql migration files found"))
    reader = DdlReader(context.known)
    # The index advisor's immutability check, sure of its claims: an index expression that calls a stable
    # function fails the migration (42P17).
    reader.immutable = ImmutabilityCheck(PG15_BUILTINS, certain=True).why_not_typed
    notes = _read_history(reader, history, set(files), config)
    scripts: list[MigrationScript] = []
    models: list[tuple[str, str]] = []
    for path in files:
        migration = read(path)
        if isinstance(migration, SourceProblem):
            problems.append(migration)
            continue
        notes.extend(migration.notes)
        modes = part_modes(migration.tool, migration.parts, config, migration.path)
        read_parts = [
            reader.read(migration.path, p.text, m == "transaction", m == "implicit", migration.tool)
            for p, m in zip(migration.parts, modes, strict=True)
        ]
        # A Liquibase changelog whose changesets all skip PostgreSQL (dbms:, ignore:) runs nothing, by design.
        if (
            migration.parts
            and sum(s.statement_count for s in read_parts) == 0
            and not any(s.problems for s in read_parts)
        ):
            problems.append(SourceProblem(migration.path, 1, 1, "no SQL statements (only comments?)"))
        for script in read_parts:
            problems.extend(script.problems)
            notes.extend(script.notes)
        scripts.extend(read_parts)
        models.append((migration.path, describe(migration.tool, modes, [p.label for p in migration.parts])))
    actions = tuple(a for s in scripts for a in s.actions)
    if trace is not None:
        actions = apply_trace(actions, trace)
    if probe is not None:
        actions, probe_notes = probe(actions, files)
        notes.extend(probe_notes)
    if replan is not None:
        plan_check = replan(actions)
        context = replace(context, plan_check=plan_check)
        notes.extend((*plan_check.notes, plan_check.summary()))
    findings, suppressed, skipped = _run_rules(actions, context, config)
    notes.extend(skipped)
    return CheckResult(
        findings=tuple(sorted(findings, key=lambda f: _order(f, [str(p) for p in files]))),
        problems=tuple(problems),
        suppressed=tuple(suppressed),
        notes=tuple(notes),
        files=tuple(str(p) for p in files),
        statements_checked=sum(s.statement_count for s in scripts),
        context_source=context.source,
        server_version_num=context.server_version_num,
        traced_files=len(trace.files) if trace else 0,
        rules=tuple(module.RULE for module in MIGRATION_RULES),
        models=tuple(models),
    )


def _read_history(reader: DdlReader, history: tuple[Path, ...], checked: set[Path], config: CheckConfig) -> list[str]:
    notes: list[str] = []
    found, problems = discover(list(history))
    done = {c.resolve() for c in checked}
    pending = _not_yet_applied(history, found, done)
    if pending:
        notes.append(
            f"history: {len(pending)} file(s) after the first checked one in its directory not read as history"
        )
    for path in found:
        if path in pending or path.resolve() in done:
            continue
        migration = read(path)
        if isinstance(migration, SourceProblem):
            problems.append(migration)
            continue
        for part, mode in zip(
            migration.parts, part_modes(migration.tool, migration.parts, config, migration.path), strict=True
        ):
            problems.extend(reader.read(migration.path, part.text, mode == "transaction", mode == "implicit").problems)
    reader.settle()
    notes.extend(f"history {p.file}:{p.line}: not read: {p.message}" for p in problems)
    return notes


def _not_yet_applied(history: tuple[Path, ...], found: list[Path], done: set[Path]) -> set[Path]:
    """History files of a directory that also holds checked files, from the first checked one on: they run
    after it (``pgtune check migrations/0042_x.sql --history migrations/`` reads 0001 to 0041 only)."""
    pending: set[Path] = set()
    for root in (h.resolve() for h in history if h.is_dir()):
        inside = [c for c in done if c.is_relative_to(root)]
        if not inside:
            continue
        first = min(map(migration_order, inside))
        later = (p for p in found if (r := p.resolve()).is_relative_to(root) and r not in done)
        pending.update(p for p in later if migration_order(p.resolve()) > first)
    return pending


def _run_rules(
    actions: tuple[DdlAction, ...], context: MigrationContext, config: CheckConfig
) -> tuple[list[Finding], list[Suppressed], list[str]]:
    """Findings, suppressed findings, and a note for each rule the target version is too old for, when the
    files hold what it judges (a statement of a later release: the rule's claim does not apply)."""
    by_location = {(a.file, a.line, a.column): a for a in actions}
    findings: list[Finding] = []
    suppressed: list[Suppressed] = []
    skipped: list[str] = []
    target = ServerVersion(context.server_version_num)
    for module in MIGRATION_RULES:
        rule = module.RULE
        if rule.id in config.disable:
            continue
        if not target.at_least(rule.min_server_version_num):
            if any(True for _ in module.check(actions, context)):
                skipped.append(
                    f"rule {rule.id} {rule.slug} not run: needs PostgreSQL {rule.min_server_version_num // 10000} "
                    f"or later, the target is PostgreSQL {target.major} (--pg-version)"
                )
            continue
        for finding in map(rule.stamp, module.check(actions, context)):
            if finding.rule in config.severity:
                finding = replace(finding, severity=config.severity[finding.rule])
            location = finding.location
            action = by_location.get((location.file, location.line, location.column)) if location else None
            reason = action.suppressed.get(finding.rule) if action else None
            if reason:
                suppressed.append(Suppressed(finding, reason))
            else:
                findings.append(finding)
    return findings, suppressed, skipped


def _order(finding: Finding, files: list[str]) -> tuple:
    """Migration order: the files' order, then position in the file."""
    location = finding.location
    if location is None:
        return (-1, 0, 0, finding.rule)
    position = files.index(location.file) if location.file in files else len(files)
    return (position, location.line, location.column, finding.rule)
