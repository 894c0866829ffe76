"""The deterministic demo district: Guankou station (灌口派出所), Jimei, Xiamen.

``seed_demo`` fills an EMPTY database with a synthetic but realistic district: the registry
(一标三实), officers and their users, devices, vehicles, theft cases, watchlists, a year of
events with the alerts they raised, dispatches and service requests. The same seed and the
same ``now`` always give the same rows, on SQLite and on PostgreSQL.

Speed (the district scale has a million residents and a million events): rows are generated
from numpy arrays as tuples, their values converted by each column type's own bind processor
(what a Core ``insert()`` does, column-wise), and written in chunks with the driver's
executemany (SQLite) or COPY (PostgreSQL), all inside ONE transaction (a failed seed leaves
the database empty). Non-unique secondary indexes of the
big tables are dropped before their load and re-created from their stored definitions after
it, so the schema ends exactly as Alembic made it.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, delete, select

from console.demo.activity import build_activity
from console.demo.bulk import CST, BulkLoader, Progress, StageTiming
from console.demo.registry import build_registry
from console.errors import UserError
from console.models import Role, Station
from console.models.live import ChangeLog
from console.services.station import UserService

SCALES = ("small", "district")


@dataclass(frozen=True)
class DemoSummary:
    """What a seed wrote: rows per table, how long it took."""

    scale: str
    seed: int
    now: dt.datetime
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    stages: tuple[StageTiming, ...] = ()

    def count(self, table: str) -> int:
        return self.counts.get(table, 0)

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())

    def line(self) -> str:
        """One line for the command line: the main counts and the wall time."""
        keys = ("community", "building", "household", "resident", "event", "alert", "theft_case")
        parts = ", ".join(f"{k} {self.count(k):,}" for k in keys)
        return (
            f"演示数据已生成 (scale {self.scale}, seed {self.seed}): {parts}; "
            f"共 {self.total_rows:,} 行, 用时 {self.seconds:.1f} s"
        )


def default_now() -> dt.datetime:
    """Today at midnight, Beijing time: dates spread relative to today, stable within the day."""
    return dt.datetime.now(CST).replace(hour=0, minute=0, second=0, microsecond=0)


def is_empty(engine: Engine) -> bool:
    """True when the database holds no station yet (neither demo nor real data)."""
    with engine.connect() as conn:
        return conn.execute(select(Station.id).limit(1)).first() is None


def seed_demo(
    engine: Engine,
    scale: str = "small",
    seed: int = 1,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
    users: UserService | None = None,
) -> DemoSummary:
    """Fill an empty database with the demo district; refuse (UserError) if it holds a station.

    Args:
        scale: ``small`` (6 communities, a few thousand households, seconds) or ``district``
            (150 communities, 300,000 households, 1,000,000 residents and events).
        seed: the same seed and ``now`` give identical rows.
        now: the moment the data is relative to (aware); default: today at midnight, Beijing time.
        progress: called as ``progress(stage, done, total)`` while tables load.
        users: the caller's user service on ``engine`` (its roles are ensured first); default:
            one from ``build_services(engine)``.
    """
    if scale not in SCALES:
        raise UserError(f"规模 {scale!r} 无效, 应为 small 或 district (scale must be small or district)")
    now = now or default_now()
    if now.tzinfo is None:
        raise UserError("now 必须带时区 (now must be timezone-aware)")
    started = time.perf_counter()
    if not is_empty(engine):
        raise _not_empty()
    if users is None:
        from console.services.container import build_services

        users = build_services(engine).users
    users.ensure_default_roles()
    with _seeding_connection(engine) as conn:
        if conn.execute(select(Station.id).limit(1)).first() is not None:
            raise _not_empty()
        roles = {name: rid for rid, name in conn.execute(select(Role.id, Role.name))}
        loader = BulkLoader(conn, progress)
        world = build_registry(loader, scale, seed, now, roles)
        build_activity(loader, world)
        loader.finish()
        # The change-log triggers fired for every seeded alert; that is history, not live news.
        conn.execute(delete(ChangeLog))
    from console.services.registry import rebuild_search_index

    rebuild_search_index(engine)  # planner statistics for the freshly loaded tables
    return DemoSummary(
        scale=scale,
        seed=seed,
        now=now,
        counts=dict(loader.counts),
        seconds=time.perf_counter() - started,
        stages=tuple(loader.timings),
    )


def _not_empty() -> UserError:
    return UserError(
        "数据库中已有派出所数据, 演示数据只能写入空数据库 "
        "(the database already holds a station; seed-demo needs an empty database)"
    )


# Per-connection SQLite settings for the load: no fsync, no per-row foreign-key lookups, a big
# page cache for the index builds. Restored afterwards (the connection goes back to the pool).
_SQLITE_LOAD_PRAGMAS = {
    # A rollback journal instead of WAL while the (empty) file fills: every page is written once,
    # not once to the WAL and again by the checkpoint. Only takes effect when this is the sole
    # connection to the file; otherwise SQLite keeps WAL and the load is just slower.
    "journal_mode": "DELETE",
    "foreign_keys": "OFF",
    "synchronous": "OFF",
    "cache_size": "-262144",
    "temp_store": "MEMORY",
}


@contextmanager
def _seeding_connection(engine: Engine) -> Iterator[Connection]:
    """One connection, one transaction for the whole seed, tuned for bulk loading."""
    sqlite = engine.dialect.name == "sqlite"
    conn = engine.connect()
    saved: dict[str, Any] = {}
    try:
        if sqlite:
            for name, value in _SQLITE_LOAD_PRAGMAS.items():
                saved[name] = conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                conn.exec_driver_sql(f"PRAGMA {name}={value}")
            dbapi = conn.connection.driver_connection
            if dbapi is not None and not dbapi.in_transaction:
                conn.exec_driver_sql("BEGIN")  # DDL (index drop/create) inside the transaction too
        else:
            # Index builds (the pg_trgm GIN indexes on resident above all) sort in memory.
            conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
            conn.exec_driver_sql("SET LOCAL synchronous_commit = off")
        yield conn
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    finally:
        try:
            for name, value in saved.items():
                conn.exec_driver_sql(f"PRAGMA {name}={value}")
        except Exception:
            conn.invalidate()  # never hand a connection with load settings back to the pool
        conn.close()
