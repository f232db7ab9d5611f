"""The plan-regression gate's settings (``--max-regression``, how many statements are re-planned).

What a plan check found, and its arithmetic, is the rules' input: ``pgtune/advisors/migrations/context.py``;
the live part is ``pgtune/gate/replan.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import BadInput

DEFAULT_REGRESSION_STATEMENTS = 50
_THRESHOLD = re.compile(r"^\s*(?P<number>\d+(?:\.\d+)?)\s*%?\s*$")


def parse_threshold(text: str | float | int, source: str = "--max-regression") -> float:
    """``10%``, ``10`` or ``2.5%`` → percent."""
    match = _THRESHOLD.match(str(text))
    if not match:
        raise BadInput(f"{source} {text!r} is not a percentage", "use a number of percent such as 10%")
    return float(match["number"])


@dataclass(frozen=True)
class RegressionSettings:
    max_regression_pct: float
    max_statements: int = DEFAULT_REGRESSION_STATEMENTS
    """The top statements by calls × mean time that are re-planned."""
