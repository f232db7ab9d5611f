alter table if exists bank_accounts add constraint FK7q1bank_cp foreign key (counterparty_id) references counterparties;
