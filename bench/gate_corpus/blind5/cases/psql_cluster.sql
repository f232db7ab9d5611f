SET lock_timeout = '2s';
CLUSTER audit_log USING audit_log_entity_idx;
