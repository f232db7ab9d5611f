alter table if exists loans add column origination_fee numeric(38,2);
