VACUUM (FULL, VERBOSE) positions;
