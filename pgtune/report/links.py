"""Where each rule's generated doc lives, for renderers that link findings to their rule."""

from __future__ import annotations

from functools import cache

from ..advisors import all_rules


@cache
def _docs() -> dict[str, str]:
    return {rule.id: rule.doc_path for rule in all_rules()}


def rule_doc(rule_id: str) -> str:
    return _docs().get(rule_id, "docs/rules/README.md")
