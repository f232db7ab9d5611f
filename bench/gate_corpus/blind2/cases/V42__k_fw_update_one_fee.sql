UPDATE fee_schedules SET withdraw_fee = 0.0004 WHERE asset_code = 'A1';
