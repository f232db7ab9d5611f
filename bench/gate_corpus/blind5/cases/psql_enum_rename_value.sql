ALTER TYPE wallet_tier RENAME VALUE 'warm' TO 'warm_multisig';
