"""``python -m bench._corpus``: (re)write the corpus files of each part from its cases."""

from __future__ import annotations

import importlib
import shutil

from ..gate import CORPUS
from .tools import write

PARTS = ("heldout", "tuned", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7")


def main() -> None:
    for part in PARTS:
        module = importlib.import_module(f"bench._corpus.{part}")
        directory = CORPUS / part / "cases"
        shutil.rmtree(directory, ignore_errors=True)
        # A part whose tools keep a migration as a directory (Prisma, Diesel, Atlas) lays its cases out itself.
        writer = getattr(module, "write", write)
        for case in module.CASES:
            name, tool, text, *down = case
            writer(directory, name, tool, text, down[0] if down else "")
        if hasattr(module, "write_extras"):
            module.write_extras(CORPUS / part)
        print(f"{part}: {len(module.CASES)} cases in {directory}")


if __name__ == "__main__":
    main()
