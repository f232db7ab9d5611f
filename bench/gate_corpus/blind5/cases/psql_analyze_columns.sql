ANALYZE loans (status, current_ltv);
