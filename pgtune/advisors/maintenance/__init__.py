"""Maintenance and health advisors: vacuum, freezing, sequences, keys, scans and planner statistics."""
