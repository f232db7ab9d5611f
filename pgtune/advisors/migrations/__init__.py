"""Migration rules for ``pgtune check``: one rule per module, listed in order below."""

from __future__ import annotations

from types import ModuleType

MIGRATION_RULES: tuple[ModuleType, ...] = ()
