"""Settings from ``pgtune.toml`` or ``[tool.pgtune]`` in pyproject.toml, under the command-line flags.

Looked up in the current directory unless ``--config FILE`` names one. Unknown keys are an error, so a
typo is not silently ignored.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
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


_KINDS = {
    str: "a string",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
    list: "a list",
    dict: "a table",
}


class Section(dict):
    """One table of the config, which knows where it came from so a bad value's error can say."""

    def __init__(self, values: dict[str, Any], header: str, path: Path | None) -> None:
        super().__init__(values)
        self.where = f"[{header}] of {path}"

    def typed(self, key: str, kind: type, example: str) -> Any:
        """The value of ``key`` (None when absent), refused unless it is a ``kind``; ints pass as floats."""
        if key not in self:
            return None
        value = self[key]
        accepted = (int, float) if kind is float else kind
        if isinstance(value, accepted) and (kind is bool or not isinstance(value, bool)):
            return value
        raise BadInput(f"{key} in {self.where} must be {_KINDS[kind]}, not {value!r}", f"for example: {example}")

    def choice(self, key: str, choices: tuple[str, ...]) -> str | None:
        value = self.typed(key, str, f'{key} = "{choices[0]}"')
        if value is not None and value not in choices:
            raise BadInput(f"{key} in {self.where} must be one of {', '.join(choices)}, not {value!r}", "fix the file")
        return value


@dataclass(frozen=True)
class Config:
    values: dict[str, Any] = field(default_factory=dict)
    """The [tool.pgtune] table, or the whole pgtune.toml."""
    path: Path | None = None

    def section(self, name: str, allowed: set[str]) -> Section:
        """One table of the config, with its keys checked against what the command understands."""
        header = name if self.path is None or self.path.name != "pyproject.toml" else f"tool.pgtune.{name}"
        table = self.values.get(name, {})
        if not isinstance(table, dict):
            raise BadInput(f"[{header}] in {self.path} must be a table", "see the README's configuration")
        unknown = sorted(set(table) - allowed)
        if unknown:
            raise BadInput(
                f"unknown setting(s) in [{header}] of {self.path}: {', '.join(unknown)}",
                f"known settings: {', '.join(sorted(allowed))}",
            )
        return Section(table, header, self.path)


def load_config(explicit: Path | None = None, directory: Path | None = None) -> Config:
    """``explicit``, else pgtune.toml, else pyproject.toml's [tool.pgtune] in ``directory``; empty if none."""
    if explicit is not None:
        return Config(_read(explicit), explicit)
    directory = directory or Path.cwd()
    for name in ("pgtune.toml", "pyproject.toml"):
        path = directory / name
        if path.is_file():
            found = _read(path)
            if found:
                return Config(found, path)
    return Config()
