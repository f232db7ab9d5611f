alter table if exists accounts add column last_login_at timestamp(6) with time zone;
