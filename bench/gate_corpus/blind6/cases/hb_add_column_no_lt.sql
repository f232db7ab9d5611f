alter table if exists fee_schedules add column currency varchar(3);
