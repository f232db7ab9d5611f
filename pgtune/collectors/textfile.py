"""Reading workload files and logs line by line whatever their encoding, never the whole file at once."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import BadInput

MAX_LINE_BYTES = 1 << 20
_SNIFF_BYTES = 8192
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_HINT = "pass a SQL file of statements or a PostgreSQL server log (stderr, csvlog or jsonlog)"


@dataclass
class LineCounts:
    """What reading a file had to work around, reported as a gap."""

    latin1: int = 0
    too_long: int = 0
    bad: int = 0
    meta: int = 0
    """psql meta-commands (``\\set``, ``\\gset``) skipped in a SQL file."""


def sniff(path: Path) -> tuple[str, str]:
    """The file's encoding and its first text; empty or binary files are refused."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError as exc:
        raise BadInput(f"cannot read the workload file {path}: {exc.strerror}", "check the path") from None
    encoding = next((name for bom, name in _BOMS if head.startswith(bom)), "utf-8")
    if encoding == "utf-8" and b"\0" in head:
        raise BadInput(f"the workload file {path} is binary, not text", _HINT)
    text = head.decode(encoding, errors="replace")
    if not text.strip().strip("\ufeff"):
        raise BadInput(f"the workload file {path} is empty", _HINT)
    return encoding, text


def lines(path: Path, encoding: str, counts: LineCounts) -> Iterator[tuple[int, str]]:
    """(line number, text without the line break); lines that are not UTF-8 are read as Latin-1 and counted."""
    if encoding == "utf-16":
        with path.open(encoding="utf-16", errors="replace", newline="") as handle:
            yield from enumerate((line.rstrip("\r\n") for line in handle), start=1)
        return
    with path.open("rb") as handle:
        number = 0
        while raw := handle.readline(MAX_LINE_BYTES):
            number += 1
            if not raw.endswith(b"\n") and len(raw) == MAX_LINE_BYTES:
                counts.too_long += 1
                _skip_rest_of_line(handle)
                continue
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                counts.latin1 += 1
                text = raw.decode("latin-1")
            yield number, text.rstrip("\r\n")


def _skip_rest_of_line(handle) -> None:
    while (chunk := handle.readline(MAX_LINE_BYTES)) and not chunk.endswith(b"\n"):
        pass
