SET lock_timeout = '2s';
ALTER TABLE fee_schedules ADD CONSTRAINT fee_schedules_min_fee CHECK (min_fee >= 0.5);
