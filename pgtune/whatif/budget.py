"""The index storage budget: a size (``2GB``) or a share of the database (``25%``), read before anything runs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import BadInput

_UNITS = {"": 1, "B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3, "TB": 1024**4}
_BUDGET = re.compile(r"^\s*(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>%|[KMGT]?B)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Budget:
    """``value`` bytes, or ``value`` percent of the database's size, which is known only once it is collected."""

    value: float
    percent: bool = False

    @classmethod
    def parse(cls, text: str) -> Budget:
        """``2GB``, ``512MB``, ``25%``; anything else is a BadInput naming the text."""
        match = _BUDGET.match(text)
        if not match:
            raise BadInput(
                f"cannot read the budget {text!r}", "use a size such as 2GB or 512MB, or a share such as 25%"
            )
        number = float(match["number"])
        unit = (match["unit"] or "").upper()
        if unit == "%":
            return cls(number, percent=True)
        return cls(int(number * _UNITS[unit]))

    def bytes_of(self, database_size_bytes: int) -> int:
        if self.percent:
            return int(database_size_bytes * self.value / 100)
        return int(self.value)

    def __str__(self) -> str:
        return f"{self.value:g}%" if self.percent else f"{int(self.value)}B"


DEFAULT_BUDGET = Budget(50, percent=True)
"""Of the database's size: room for new indexes unless ``--budget`` says otherwise (docs/design.md says why)."""
