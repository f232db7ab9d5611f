CLUSTER positions USING positions_account_idx;
