"""Renderers of ``pgtune check`` results: one pure function ``render(result) -> str`` per format."""

from __future__ import annotations

from collections.abc import Callable

from ...gate.run import CheckResult
from . import github, json, junit, sarif, text

RENDERERS: dict[str, Callable[[CheckResult], str]] = {
    "text": text.render,
    "json": json.render,
    "github": github.render,
    "sarif": sarif.render,
    "junit": junit.render,
}
