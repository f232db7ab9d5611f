"""Partitioning and TimescaleDB advisors (PT): time-series tables, hypertables, chunks, compression, jobs."""
