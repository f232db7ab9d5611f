"""The ``pgtune`` command and ``python -m pgtune``: signals first, then the CLI's heavy imports.

Apart from ``interrupts`` so that that module imports no CLI (the CLI imports it): no package import loop.
"""

from __future__ import annotations

from . import interrupts


def launch() -> None:
    interrupts.launched()
    from .cli import run

    run()
