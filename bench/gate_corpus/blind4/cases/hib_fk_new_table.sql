create table rebate (id bigint not null, account_id bigint, primary key (id));
alter table if exists rebate add constraint FKrebate_account foreign key (account_id) references accounts;
