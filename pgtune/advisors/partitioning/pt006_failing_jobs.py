"""PT006: TimescaleDB background jobs (policies) that fail."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Severity
from ...quantities import Unit
from ...rules import Rule
from ..base import AnalysisFacts

RULE = Rule(
    id="PT006",
    slug="failing-timescaledb-job",
    title="Fix failing TimescaleDB background jobs",
    why=(
        "Compression, retention and continuous-aggregate refresh run as background jobs. When one fails, the "
        "work it stands for quietly stops: chunks stay uncompressed, old data is never dropped, candles go "
        "stale. Only the job statistics show it."
    ),
    bad_example=(
        "SELECT job_id, last_run_status, total_failures FROM timescaledb_information.job_stats;\n-- 1002 | Failed | 12"
    ),
    good_example="CALL run_job(1002);  -- run it in the foreground to see the error, fix the cause",
    severity=Severity.WARNING,
    needs=("timescaledb",),
)

POLICIES = {
    "policy_compression": "chunks stop being compressed",
    "policy_retention": "old chunks stop being dropped",
    "policy_refresh_continuous_aggregate": "the continuous aggregate stops being refreshed",
}


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    timescale = facts.snapshot.timescaledb
    if timescale is None:
        return
    for job in timescale.jobs:
        if job.last_run_status != "Failed" or not job.scheduled:
            continue
        never = job.total_failures >= job.total_runs
        consequence = POLICIES.get(job.proc_name, "its work is not done")
        yield Finding(
            rule=RULE.id,
            severity=Severity.CRITICAL if never and job.proc_name in POLICIES else RULE.severity,
            message=(
                f"job {job.job_id} ({job.application_name}) failed its last run"
                + (" and has never succeeded" if never else "")
                + f": {consequence}"
            ),
            help=(
                f"run it in the foreground with CALL run_job({job.job_id}) to see the error, fix the cause, and "
                "watch timescaledb_information.job_stats"
            ),
            target=job.hypertable or job.application_name,
            kind="job",
            evidence=(
                Evidence("procedure", job.proc_name),
                Evidence("runs", job.total_runs, Unit.COUNT, f" runs, {job.total_failures:,} failures"),
                Evidence("schedule", job.schedule_interval),
                *((Evidence("last error", job.last_error),) if job.last_error else ()),
            ),
            confidence="high",
        )
