CLUSTER VERBOSE audit_log USING audit_log_pkey;
