"""Where each rule's generated doc lives, for renderers that link findings to their rule."""

from __future__ import annotations

from ..advisors import rules_by_id


def rule_doc(rule_id: str) -> str:
    rule = rules_by_id().get(rule_id)
    return rule.doc_path if rule else "docs/rules/README.md"
