UPDATE fee_schedules SET withdraw_fee = withdraw_fee * 2;
