GRANT SELECT ON open_positions, account_equity TO PUBLIC;
