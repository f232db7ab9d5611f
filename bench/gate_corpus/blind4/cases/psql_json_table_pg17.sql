UPDATE withdrawals w SET fee = 0 FROM JSON_TABLE(w.metadata, '$' COLUMNS (two_fa boolean PATH '$.two_fa')) jt WHERE jt.two_fa AND w.id < 10;
