alter table if exists fee_schedules alter column min_fee set data type numeric(24,8);
