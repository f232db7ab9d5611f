UPDATE "fee_schedules" SET "valid_to" = '2027-01-01' WHERE "id" = 3;
