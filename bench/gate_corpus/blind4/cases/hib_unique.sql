alter table if exists markets drop constraint if exists UK_markets_symbol;
alter table if exists markets add constraint UK_markets_symbol unique (symbol);
