INSERT INTO ledger_accounts (id, code, name, asset, kind) VALUES (1241, 'GL-0001', 'Staking rewards payable', 'ETH', 'liability');
