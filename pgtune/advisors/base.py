"""What every analysis advisor receives: the snapshot, the modelled workload, and the index selection."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import BadInput
from ..facts import Snapshot
from ..query.model import ParseFailure
from ..targets import ServiceTargets
from ..whatif.selection import IndexSelection
from ..whatif.workload import WorkloadStatement

PARTITION_TARGETS = ("auto", "native", "timescaledb")


@dataclass(frozen=True)
class AdvisorSettings:
    targets: ServiceTargets = field(default_factory=ServiceTargets)
    memory_bytes: int | None = None
    cpus: int | None = None
    storage: str = "ssd"
    partition_target: str = "auto"
    """How to partition time series: "native", "timescaledb", or "auto" (TimescaleDB when it is installed)."""

    def __post_init__(self) -> None:
        if self.partition_target not in PARTITION_TARGETS:
            raise BadInput(
                f"partition target {self.partition_target!r} is not one of {', '.join(PARTITION_TARGETS)}",
                "use auto (TimescaleDB when installed), native or timescaledb",
            )


@dataclass(frozen=True)
class AnalysisFacts:
    snapshot: Snapshot
    workload: tuple[WorkloadStatement, ...] = ()
    failures: tuple[ParseFailure, ...] = ()
    index_selection: IndexSelection | None = None
    settings: AdvisorSettings = field(default_factory=AdvisorSettings)
