"""The compact stored form of a snapshot: statement texts apart, numbers in columns, blobs zlib-compressed.

A nightly snapshot of a 5,000-statement server repeats the same texts every night; they are stored once
per server and each snapshot keeps only numbers, laid out column by column so that zlib finds the runs
(whole columns of zeros where track_io_timing is off, the same queryids in the same order).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import zlib
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from ..facts import Snapshot, StatementStats
from ..serialization import from_jsonable, to_jsonable

_LEVEL = 6
_DERIVED = ("query", "mean_exec_ms")
"""Stored apart (the text) or recomputed on read (the mean is total over calls, as pg_stat_statements has it)."""
NUMBER_FIELDS = tuple(f.name for f in dataclasses.fields(StatementStats) if f.name not in _DERIVED)
_TIME_FIELDS = frozenset(f.name for f in dataclasses.fields(StatementStats) if "datetime" in str(f.type))
"""Kept as ISO 8601 text in the columns, as the JSON of every other fact keeps them."""
_FLOAT_DIGITS = 3
"""Microseconds: finer than pg_stat_statements' own timing resolution is noise that compresses badly."""


def text_hash(query: str) -> str:
    return hashlib.sha1(query.encode("utf-8")).hexdigest()


def pack(value: Any) -> bytes:
    return zlib.compress(json.dumps(value, separators=(",", ":")).encode("utf-8"), _LEVEL)


def unpack(blob: bytes) -> Any:
    return json.loads(zlib.decompress(bytes(blob)).decode("utf-8"))


def encode_statements(statements: Sequence[StatementStats], text_ids: Mapping[str, int]) -> bytes:
    columns: dict[str, list[Any]] = {"text_id": [text_ids[text_hash(s.query)] for s in statements]}
    for name in NUMBER_FIELDS:
        values = [getattr(s, name) for s in statements]
        if name in _TIME_FIELDS:
            values = [v.isoformat() if v is not None else None for v in values]
        if any(isinstance(v, float) for v in values):
            values = [round(v, _FLOAT_DIGITS) if isinstance(v, float) else v for v in values]
        columns[name] = values
    return pack(columns)


def decode_statements(blob: bytes, texts: Mapping[int, str]) -> tuple[StatementStats, ...]:
    columns = unpack(blob)
    names = [n for n in NUMBER_FIELDS if n in columns]
    decoded = []
    for row, text_id in enumerate(columns["text_id"]):
        numbers = {n: columns[n][row] for n in names}
        for name in _TIME_FIELDS & numbers.keys():
            numbers[name] = datetime.fromisoformat(numbers[name]) if numbers[name] is not None else None
        calls, total = numbers["calls"], numbers["total_exec_ms"]
        mean = round(total / calls, _FLOAT_DIGITS) if calls else 0.0
        decoded.append(StatementStats(query=texts.get(text_id, ""), mean_exec_ms=mean, **numbers))
    return tuple(decoded)


def encode_facts(snapshot: Snapshot) -> bytes:
    """Everything but the statements, which :func:`encode_statements` stores apart."""
    return pack(to_jsonable(dataclasses.replace(snapshot, statements=())))


def decode_facts(blob: bytes, statements: tuple[StatementStats, ...]) -> Snapshot:
    return dataclasses.replace(from_jsonable(Snapshot, unpack(blob)), statements=statements)
