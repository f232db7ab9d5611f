create sequence rebate_seq start with 1 increment by 50;
create table rebate (id bigint not null, amount numeric(38,2), account_id bigint, primary key (id));
