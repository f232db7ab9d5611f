create table payout_tmp (id bigint not null, primary key (id));
drop table if exists payout_tmp cascade;
