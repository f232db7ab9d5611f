"""``pgtune rules``: every rule with its id, severity and title, or one rule's documentation."""

from __future__ import annotations

from typing import Annotated

import typer

from ..advisors import all_rules
from ..errors import BadInput
from ..rules import render_rule_doc
from .app import app


@app.command()
def rules(rule_id: Annotated[str | None, typer.Argument(help="A rule id, e.g. MG003.")] = None) -> int:
    """List every rule, or print one rule's documentation."""
    known = {rule.id: rule for rule in all_rules()}
    if rule_id is None:
        for rule in known.values():
            typer.echo(f"{rule.id}  {rule.severity.value:<8}  {rule.slug}: {rule.title}")
        return 0
    rule = known.get(rule_id.upper())
    if rule is None:
        raise BadInput(f"no rule {rule_id!r}", "pgtune rules lists every rule id")
    typer.echo(render_rule_doc(rule), nl=False)
    return 0
