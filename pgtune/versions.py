"""Every PostgreSQL version gate lives here, keyed by ``server_version_num``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import UnsupportedVersion

MIN_SERVER_VERSION_NUM = 140000
MAX_TESTED_SERVER_VERSION_NUM = 189999
SUPPORTED = f"PostgreSQL {MIN_SERVER_VERSION_NUM // 10000} to {MAX_TESTED_SERVER_VERSION_NUM // 10000}"

_VARIANT = re.compile(r"^(?P<name>.+)\.pg(?P<major>\d+)\.sql$")


@dataclass(frozen=True)
class ServerVersion:
    num: int

    @property
    def major(self) -> int:
        return self.num // 10000

    def at_least(self, minimum_num: int) -> bool:
        """Whether the server is this ``server_version_num`` or later (a rule's ``min_server_version_num``)."""
        return self.num >= minimum_num

    def check_supported(self) -> None:
        if self.num < MIN_SERVER_VERSION_NUM:
            raise UnsupportedVersion(
                f"PostgreSQL {self.major} is not supported (server_version_num {self.num})",
                f"pgtune supports {SUPPORTED}; upgrade the server or use an older tool",
            )

    @property
    def has_explain_generic_plan(self) -> bool:
        return self.num >= 160000

    @property
    def has_stat_force_next_flush(self) -> bool:
        return self.num >= 150000

    @property
    def has_create_database_strategy(self) -> bool:
        """CREATE DATABASE ... STRATEGY (FILE_COPY is the quick one for small clones)."""
        return self.num >= 150000

    @property
    def squashes_in_lists(self) -> bool:
        """pg_stat_statements keeps one entry for IN lists of any length."""
        return self.num >= 180000


@dataclass(frozen=True)
class TimescaleVersion:
    """The TimescaleDB extension's version (``extversion``), for the views a release has."""

    parts: tuple[int, ...]

    @classmethod
    def parse(cls, text: str) -> TimescaleVersion:
        return cls(tuple(int(p) for p in re.findall(r"\d+", text.split("-")[0])[:3]))

    @property
    def has_hypertable_compression_settings(self) -> bool:
        return self.parts >= (2, 15)

    @property
    def has_job_history(self) -> bool:
        return self.parts >= (2, 15)

    @property
    def has_compression_defaults(self) -> bool:
        """_timescaledb_functions.get_segmentby_defaults() / get_orderby_defaults() (2.14 and later)."""
        return self.parts >= (2, 14)


def pick_sql_variant(directory: Path, name: str, version: ServerVersion) -> Path:
    """Choose ``name.pgNN.sql`` with the highest NN not above the server's major, else ``name.sql``.

    A variant ``name.pg17.sql`` serves 17 and later until a newer variant exists; the plain file
    serves the oldest supported versions, below every variant.
    """
    best: tuple[int, Path] | None = None
    for path in directory.glob(f"{name}.pg*.sql"):
        match = _VARIANT.match(path.name)
        if not match or match["name"] != name:
            continue
        major = int(match["major"])
        if major <= version.major and (best is None or major > best[0]):
            best = (major, path)
    if best:
        return best[1]
    return directory / f"{name}.sql"
