CREATE UNIQUE INDEX CONCURRENTLY api_keys_user_label_uniq ON api_keys (user_id, label) NULLS NOT DISTINCT;
