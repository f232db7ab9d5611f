"""pgtune: evidence-backed PostgreSQL and TimescaleDB performance tuning."""

__version__ = "0.1.0"
