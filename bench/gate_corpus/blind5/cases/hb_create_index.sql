create index idx_audit_actor on audit_log (actor);
