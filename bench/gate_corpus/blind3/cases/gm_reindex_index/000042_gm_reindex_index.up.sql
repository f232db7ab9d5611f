REINDEX INDEX positions_account_idx;
