"""The reader's domain statements: what a domain's constraints cost the tables whose columns use it."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast, enums

from .ddl_locks import Lock
from .ddl_model import Kind
from .ddl_state import ReaderState

_DOMAIN_CONSTRAINTS = (enums.ConstrType.CONSTR_CHECK, enums.ConstrType.CONSTR_NOTNULL)


class DomainReader(ReaderState):
    def _on_CreateDomainStmt(self, node: ast.CreateDomainStmt) -> Iterator[dict]:
        self._new_domains.add(node.domainname[-1].sval)
        if any(c.contype in _DOMAIN_CONSTRAINTS for c in node.constraints or ()):
            self._constrained_domains.add(node.domainname[-1].sval.lower())
        self._note_domain(node)
        yield from ()

    def _on_AlterDomainStmt(self, node: ast.AlterDomainStmt) -> Iterator[dict]:
        """ADD CONSTRAINT without NOT VALID, VALIDATE CONSTRAINT and SET NOT NULL check every stored value of the
        domain, each table using it read under a SHARE lock (typecmds.c, ``get_rels_with_domain(..., ShareLock)``)."""
        domain = node.typeName[-1].sval
        # gram.y's subtypes: 'O' is SET NOT NULL, 'N' is DROP NOT NULL (which checks nothing).
        if node.subtype in ("C", "O"):
            # A NOT VALID constraint scans nothing now, but new values are checked against it: the domain has
            # constraints from here on, so a later ADD COLUMN of it rewrites (no fast default).
            self._constrained_domains.add(domain.lower())
        adds = node.subtype == "C" and not node.def_.skip_validation
        # VALIDATE CONSTRAINT reads the same tables under the same SHARE lock through PostgreSQL 18
        # (typecmds.c AlterDomainValidateConstraint; 19 lowers it to SHARE UPDATE EXCLUSIVE, commit 16a0039).
        validates = node.subtype == "V"
        if not (adds or validates or node.subtype == "O"):
            return
        what = {"O": "SET NOT NULL", "V": f"VALIDATE CONSTRAINT {node.name}"}.get(node.subtype, "ADD CONSTRAINT")
        what = f"{what} on domain {domain}"
        tables = sorted({t for (t, c) in self._columns_using(domain)})
        known = self._schema_from_history or bool(self.known.column_types) or domain in self._new_domains
        if not tables and known and not self._opaque:
            return  # no column is of the domain (the schema is known, or the files just created it)
        for table in tables or [None]:
            yield {
                "kind": Kind.DOMAIN_CONSTRAINT,
                "table": table,
                "lock": Lock.SHARE,
                "target_is_new": self._is_new(table),
                "scans": True,
                "name": domain,
                "reason": f"{what} checks every row of each table with a column of that domain",
            }
