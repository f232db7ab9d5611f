"""Index advisors: new indexes chosen workload-wide (IX001) and, later, unused, duplicate and invalid ones."""
