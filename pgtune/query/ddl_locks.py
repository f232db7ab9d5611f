"""PostgreSQL's table-level lock modes, in the documentation's order, with what each one blocks."""

from __future__ import annotations

from enum import Enum


class Lock(str, Enum):
    ACCESS_SHARE = "ACCESS SHARE"
    ROW_SHARE = "ROW SHARE"
    ROW_EXCLUSIVE = "ROW EXCLUSIVE"
    SHARE_UPDATE_EXCLUSIVE = "SHARE UPDATE EXCLUSIVE"
    SHARE = "SHARE"
    SHARE_ROW_EXCLUSIVE = "SHARE ROW EXCLUSIVE"
    EXCLUSIVE = "EXCLUSIVE"
    ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE"

    @classmethod
    def from_mode(cls, mode: int) -> Lock:
        """The lock of ``LOCK TABLE ... IN ... MODE`` (the parser's 1-based mode number)."""
        return list(cls)[mode - 1]

    @classmethod
    def from_pg_locks(cls, mode: str) -> Lock | None:
        """The lock of a pg_locks ``mode`` (``AccessExclusiveLock``); None for non-table modes."""
        return _PG_LOCKS.get(mode)

    @property
    def blocks_reads(self) -> bool:
        return self is Lock.ACCESS_EXCLUSIVE

    @property
    def blocks_writes(self) -> bool:
        return list(Lock).index(self) >= list(Lock).index(Lock.SHARE)

    @property
    def blocks(self) -> str:
        if self.blocks_reads:
            return "blocks all reads and writes"
        if self.blocks_writes:
            return "blocks INSERT, UPDATE and DELETE (reads continue)"
        if self is Lock.SHARE_UPDATE_EXCLUSIVE:
            return "blocks other schema changes and VACUUM, not reads or writes"
        return "blocks only conflicting schema changes"


_PG_LOCKS = {lock.value.title().replace(" ", "") + "Lock": lock for lock in Lock}
