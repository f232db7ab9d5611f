"""Frozen dataclasses to and from plain JSON values, driven by their type hints.

One codec serves snapshots, reports and the history store, so none of them hand-writes a mapping.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from datetime import datetime, timedelta
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, (tuple, list, frozenset, set)):
        items = [to_jsonable(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_jsonable(cls: type[T], data: Any) -> T:
    """Rebuild ``cls`` from :func:`to_jsonable` output; unknown keys are ignored, missing ones defaulted."""
    return _decode(cls, data)


def _decode(hint: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decode(options[0], data) if len(options) == 1 else data
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], item) for item in data)
        return tuple(_decode(a, item) for a, item in zip(args, data, strict=True))
    if origin in (frozenset, set):
        (arg,) = typing.get_args(hint)
        return frozenset(_decode(arg, item) for item in data)
    if origin is dict:
        key_type, value_type = typing.get_args(hint)
        return {_decode(key_type, k): _decode(value_type, v) for k, v in data.items()}
    if isinstance(hint, type):
        if dataclasses.is_dataclass(hint):
            hints = _hints(hint)
            known = {f.name for f in dataclasses.fields(hint) if f.init}
            return hint(**{k: _decode(hints[k], v) for k, v in data.items() if k in known})
        if issubclass(hint, enum.Enum):
            return hint(data)
        if hint is datetime:
            return datetime.fromisoformat(data)
        if hint is timedelta:
            return timedelta(seconds=data)
        if hint is int and isinstance(data, str):
            return int(data)
    return data
