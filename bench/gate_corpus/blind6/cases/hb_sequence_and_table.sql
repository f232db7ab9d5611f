create sequence otc_fee_rule_seq start with 1 increment by 50;
create table otc_fee_rule (id bigint not null, name varchar(255), bps numeric(6,2), primary key (id));
