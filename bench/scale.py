"""How does ``pgtune analyze`` scale with the number of distinct statements?

One throwaway server holds the exchange schema at a small data scale (the number of distinct statements is
what grows, not the data). For each N, pg_stat_statements is reset and N distinct statement variants run
``--calls`` times each, then ``analyze_live`` runs end to end with the collection keeping all N statements.
Recorded per N: wall time of each phase (from analyze_live's progress callback), what-if planner calls,
cost-cache hits, candidates and statements considered, recommendations, and memory: the growth of the
process's peak resident set (getrusage ru_maxrss) during the run, so a run that stays below an earlier
run's peak shows 0.

    python -m bench scale [--statements 100,1000,10000] [--scale 0.01] [--calls 1]
"""

from __future__ import annotations

import argparse
import resource
import time
from collections.abc import Callable
from pathlib import Path

import psycopg

from bench.common import RESULTS, print_table, write_result
from pgtune.analysis import AnalysisSettings, analyze_live
from pgtune.collectors import CollectOptions
from pgtune.demo.exchange import Sizes, load, replay, statement_variants
from pgtune.demo.run import create_database, start_server

SEED = 5
PGSS_MAX = 20_000
"""Room for the largest N plus pgtune's own and the loader's statements."""
HEADROOM = 200
"""Entries kept beyond N: pgtune's collection queries land in pg_stat_statements too."""
PHASES = ("collecting", "parsing", "what-if", "advisors")


class PhaseClock:
    """Seconds between analyze_live's progress calls, by phase name."""

    def __init__(self, clock: Callable[[], float] = time.perf_counter) -> None:
        self.seconds: dict[str, float] = {}
        self._clock = clock
        self._phase: str | None = None
        self._since = 0.0

    def __call__(self, phase: str) -> None:
        now = self._clock()
        self._close(now)
        self._phase, self._since = phase, now

    def stop(self) -> None:
        self._close(self._clock())

    def _close(self, now: float) -> None:
        if self._phase is not None:
            self.seconds[self._phase] = self.seconds.get(self._phase, 0.0) + now - self._since
            self._phase = None


def _maxrss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def reset_statistics(admin: psycopg.Connection, qualstats: bool) -> None:
    """Forget earlier runs' statements; ``admin`` is untracked, so only the replayed statements are counted."""
    admin.execute("SELECT pg_stat_statements_reset()")
    if qualstats:
        admin.execute("SELECT pg_qualstats_reset()")


def measure(dsn: str, connection: psycopg.Connection, count: int, calls: int, sizes: Sizes) -> dict:
    """Time one analysis of ``count`` distinct statements, replayed ``calls`` times each on ``connection``."""
    variants = list(statement_variants(count, SEED, sizes))
    for _ in range(calls):
        replay(connection, variants)
    clock = PhaseClock()
    rss_before = _maxrss_bytes()
    started, cpu_started = time.perf_counter(), time.process_time()
    _, report = analyze_live(dsn, AnalysisSettings(), CollectOptions(top_statements=count + HEADROOM), progress=clock)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    clock.stop()
    whatif = report.whatif
    return {
        "statements": count,
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu_seconds, 3),
        "phase_seconds": {phase: round(clock.seconds.get(phase, 0.0), 3) for phase in PHASES},
        "statements_considered": whatif.statements,
        "candidates_considered": whatif.candidates,
        "planner_calls": whatif.planner_calls,
        "cache_hits": whatif.cache_hits,
        "cache_hit_pct": round(whatif.cache_hit_pct, 2),
        "verified": whatif.verified,
        "recommendations": len(report.recommendations),
        "peak_rss_growth_bytes": _maxrss_bytes() - rss_before,
    }


def run(counts: list[int], scale: float, calls: int) -> dict:
    sizes = Sizes.for_scale(scale)
    cluster = start_server({"pg_stat_statements.max": str(PGSS_MAX), "pg_stat_statements.track_utility": "off"})
    try:
        dsn = create_database(cluster)
        qualstats = "pg_qualstats" in cluster.preload
        with psycopg.connect(dsn, autocommit=True) as connection, psycopg.connect(dsn, autocommit=True) as admin:
            admin.execute("SET pg_stat_statements.track = 'none'")
            load(connection, sizes)
            runs = []
            for count in counts:
                reset_statistics(admin, qualstats)
                runs.append(measure(dsn, connection, count, calls, sizes))
    finally:
        cluster.stop()
    return {"scale": scale, "calls": calls, "memory": "growth of getrusage ru_maxrss during the run", "runs": runs}


# Table heading → key of a run, its phases and peak memory flattened in.
_COLUMNS = {
    "statements": "statements",
    "seconds": "seconds",
    "CPU s": "cpu_seconds",
    **{f"{phase} s": phase for phase in PHASES},
    "considered": "statements_considered",
    "candidates": "candidates_considered",
    "planner calls": "planner_calls",
    "cache hits": "cache_hits",
    "hit %": "cache_hit_pct",
    "recommendations": "recommendations",
    "peak RSS growth MB": "peak_rss_growth_mb",
}


def _row(run: dict) -> list:
    flat = run | run["phase_seconds"] | {"peak_rss_growth_mb": run["peak_rss_growth_bytes"] / 2**20}
    return [flat[key] for key in _COLUMNS.values()]


def _counts(text: str) -> list[int]:
    try:
        counts = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a comma-separated list of counts") from None
    if not counts or any(c < 1 or c + HEADROOM > PGSS_MAX for c in counts):
        raise argparse.ArgumentTypeError(f"each count must be between 1 and {PGSS_MAX - HEADROOM}")
    return counts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench scale", description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=_counts, default=[100, 1_000, 10_000], help="e.g. 100,1000,10000")
    parser.add_argument("--scale", type=float, default=0.01, help="exchange data volume (1: 3M trades)")
    parser.add_argument("--calls", type=int, default=1, help="executions of each distinct statement")
    parser.add_argument("--results", type=Path, default=RESULTS, help="directory of the JSON record")
    args = parser.parse_args(argv)
    if args.calls < 1:
        parser.error("--calls must be at least 1")
    result = run(args.statements, args.scale, args.calls)
    print_table(
        f"pgtune analyze against N distinct statements, scale {args.scale:g}",
        list(_COLUMNS),
        [_row(r) for r in result["runs"]],
    )
    print(f"written to {write_result('scale', result, args.results)}")
    return 0
