"""Progress on stderr while a command works; silent when stderr is not a terminal (cron, CI, pipes)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console


@contextmanager
def progress(title: str) -> Iterator[callable]:
    """Yields ``step(phase)``: each call replaces the line that says what is going on."""
    console = Console(stderr=True)
    if not sys.stderr.isatty():
        yield lambda phase: None
        return
    with console.status(f"{title}…") as status:
        yield lambda phase: status.update(f"{title}: {phase}…")
