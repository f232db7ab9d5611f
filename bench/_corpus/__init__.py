"""Writes the migration files of the gate corpus as the tools emit them (``python -m bench._corpus``).

Each case is one operation in one tool's dialect: Django ``sqlmigrate``, Rails (ActiveRecord's SQL),
Alembic offline mode (``alembic upgrade --sql``), Flyway, golang-migrate, dbmate, Prisma ``migrate diff``
and plain psql files. The files carry no label: ``python -m bench gate --relabel`` traces each one on the
real server and records what it saw (``labels.toml``).
"""
