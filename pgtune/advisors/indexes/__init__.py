"""Index advisors: new indexes chosen workload-wide (IX001); unused, duplicate, redundant, invalid and
bloated indexes; foreign keys without an index."""
