"""pgtune: evidence-backed PostgreSQL and TimescaleDB performance tuning."""

import sys as _sys

__version__ = "0.1.0"


def _is_the_command() -> bool:
    argv = getattr(_sys, "orig_argv", _sys.argv)
    module = argv[argv.index("-m") + 1] if "-m" in argv[:-1] else None
    return module == "pgtune" or _sys.argv[0].rsplit("/", 1)[-1] == "pgtune"


if _is_the_command():
    # The first of pgtune's code to run: from here on a Ctrl-C during start-up is one line, not a traceback.
    from .interrupts import take_signals

    take_signals()
