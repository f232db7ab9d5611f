UPDATE staking_delegations SET auto_compound = true WHERE auto_compound IS NOT TRUE AND ended_at IS NULL AND id <= 500;
