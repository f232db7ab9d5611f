ALTER TYPE wallet_kind RENAME VALUE 'warm' TO 'warm_multisig';
