INSERT INTO fee_schedules SELECT code, 0.001, 0.01 FROM assets WHERE code NOT IN (SELECT asset_code FROM fee_schedules);
