REINDEX INDEX payouts_status_idx;
