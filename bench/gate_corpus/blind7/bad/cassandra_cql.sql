CREATE TABLE positions_by_account (account_id bigint, id timeuuid, PRIMARY KEY ((account_id), id)) WITH compaction = {'class': 'LeveledCompactionStrategy'};
