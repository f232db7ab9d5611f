"""Prometheus's text exposition format (0.0.4), written by hand: one small pure writer, no client library.

Metric names follow Prometheus's conventions: the ``pgtune_`` prefix, base units as suffixes (``_seconds``,
``_bytes``, ``_ratio``), ``_total`` only on counters. pgtune's figures describe one collection, so they are
all gauges: a count of recommendations can fall, which a counter may not.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

_NAME = re.compile(r"^[a-zA-Z_:][a-zA-Z0-9_:]*$")
_LABEL = re.compile(r"^[a-zA-Z_][a-zA-Z0-9_]*$")


@dataclass
class Family:
    name: str
    help: str
    samples: list[tuple[dict[str, str], float]] = field(default_factory=list)
    type: str = "gauge"

    def add(self, value: float, **labels: str) -> Family:
        self.samples.append((labels, value))
        return self


def _escape_label(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _escape_help(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def _number(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    return repr(float(value)) if not float(value).is_integer() else str(int(value))


def _labels(labels: Mapping[str, str]) -> str:
    if not labels:
        return ""
    for key in labels:
        if not _LABEL.match(key) or key.startswith("__"):
            raise ValueError(f"invalid Prometheus label name {key!r}")
    return "{" + ",".join(f'{k}="{_escape_label(str(v))}"' for k, v in sorted(labels.items())) + "}"


def render_families(families: Iterable[Family]) -> str:
    """Families in order, each with HELP and TYPE; a family with no sample is left out."""
    lines: list[str] = []
    seen: set[str] = set()
    for family in families:
        if not family.samples:
            continue
        if not _NAME.match(family.name) or family.name in seen:
            raise ValueError(f"invalid or repeated Prometheus metric name {family.name!r}")
        seen.add(family.name)
        lines.append(f"# HELP {family.name} {_escape_help(family.help)}")
        lines.append(f"# TYPE {family.name} {family.type}")
        lines.extend(f"{family.name}{_labels(labels)} {_number(value)}" for labels, value in family.samples)
    return "\n".join(lines) + "\n" if lines else ""


def target_metric(name: str, unit: str) -> tuple[str, str, float]:
    """(metric stem, base unit, divisor from the target's own unit) for a service target."""
    stem = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    stem = {"connection_pool_efficiency": "pool_efficiency", "cache_hit_rate": "cache_hit"}.get(stem, stem)
    if unit == "ms":
        return stem, "seconds", 1000.0
    if unit == "%":
        return stem, "ratio", 100.0
    return stem, unit, 1.0
