"""Stable ids for findings, so that the same recommendation keeps its id from one night to the next."""

from __future__ import annotations

import hashlib

from ..findings import Finding


def finding_id(finding: Finding) -> str:
    basis = "|".join((finding.rule, finding.target or "", finding.fix.ddl if finding.fix else finding.message))
    return f"{finding.rule.lower()}-{hashlib.sha1(basis.encode()).hexdigest()[:10]}"
