"""Where a finding's rule is documented, for renderers that link findings to their rule."""

from __future__ import annotations

from ..findings import Finding


def rule_doc(finding: Finding) -> str:
    return finding.doc or "docs/rules/README.md"
