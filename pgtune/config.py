"""Settings from ``pgtune.toml`` or ``[tool.pgtune]`` in pyproject.toml, under the command-line flags.

Looked up in the current directory unless ``--config FILE`` names one. Unknown keys are an error, so a
typo is not silently ignored.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from .errors import BadInput

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib


def _read(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BadInput(f"cannot read the config file {path}: {exc.strerror}", "check the path") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BadInput(f"the config file {path} is not valid TOML: {exc}", "fix the file") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("pgtune", {})
    return data


def load_config(explicit: Path | None = None, directory: Path | None = None) -> dict[str, Any]:
    """The [tool.pgtune] table (or the whole pgtune.toml); empty when there is none."""
    if explicit is not None:
        return _read(explicit)
    directory = directory or Path.cwd()
    for name in ("pgtune.toml", "pyproject.toml"):
        path = directory / name
        if path.is_file():
            found = _read(path)
            if found:
                return found
    return {}


def section(config: dict[str, Any], name: str, allowed: set[str]) -> dict[str, Any]:
    """One table of the config, with its keys checked against what the command understands."""
    table = config.get(name, {})
    if not isinstance(table, dict):
        raise BadInput(f"[tool.pgtune.{name}] must be a table", "see the README's configuration section")
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise BadInput(
            f"unknown setting(s) in [tool.pgtune.{name}]: {', '.join(unknown)}",
            f"known settings: {', '.join(sorted(allowed))}",
        )
    return table
