SELECT count(*) FROM accounts WHERE NOT pg_input_is_valid(external_id, 'bigint');
