VACUUM (ANALYZE, VERBOSE) liquidations;
