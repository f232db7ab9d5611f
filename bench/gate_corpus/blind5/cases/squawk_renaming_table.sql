SET lock_timeout = '2s';
ALTER TABLE collateral_positions RENAME TO collateral;
