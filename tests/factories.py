"""Small Core inserts that many tests start from: the station and its communities.

Columns left out take the models' defaults (thresholds 30/90 days, escalation after 60 s, version 1).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

from sqlalchemy import Connection, Engine, insert, text

from console.models import Base, Community, Station
from console.services.audit_chain import SQLITE_GUARDS


def add_station(conn: Connection) -> int:
    """Guankou station, with the default thresholds."""
    return int(
        conn.execute(
            insert(Station).values(code="GK", name="灌口派出所", district="集美区").returning(Station.id)
        ).scalar_one()
    )


def add_communities(
    conn: Connection, station_id: int, names: Sequence[str], *, phone: str | None = None
) -> list[int]:
    """Smart-gate communities named ``names``; the property manager's phone is ``phone`` or 1385921000<i>."""
    return [
        int(
            conn.execute(
                insert(Community)
                .values(
                    station_id=station_id,
                    code=f"C{i}",
                    name=name,
                    address=f"灌口镇{name}路{i}号",
                    property_manager_company="安居物业",
                    property_manager_name="林经理",
                    property_manager_phone=phone or f"1385921000{i}",
                    smart_gate=True,
                )
                .returning(Community.id)
            ).scalar_one()
        )
        for i, name in enumerate(names)
    ]


def wipe_database(engine: Engine) -> None:
    """Empty every table and restart ids, as a fresh database would.

    The audit log refuses to be emptied (migration 0010): its guards are lifted for the wipe and
    put back, as only the database's owner could.
    """
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            _wipe_postgresql(conn)
            return
        for name in SQLITE_GUARDS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        for t in reversed(Base.metadata.sorted_tables):
            conn.execute(t.delete())
        for ddl in SQLITE_GUARDS.values():
            conn.exec_driver_sql(ddl)


def _wipe_postgresql(conn: Connection) -> None:
    """DELETE the rows of the tables that hold any and restart the sequences that were used.

    The end state of TRUNCATE ... RESTART IDENTITY of every table, about ten times faster for the
    few rows most tests leave (TRUNCATE makes new files for each of the 36 tables and their indexes,
    and every PostgreSQL test starts with a wipe). Thousands of rows (an import, a seeded district)
    are truncated as before.
    """
    tables = Base.metadata.sorted_tables
    rows = dict(
        conn.execute(
            text(
                " UNION ALL ".join(
                    f"SELECT '{t.name}', count(*) FROM (SELECT 1 FROM \"{t.name}\" LIMIT {_FEW_ROWS + 1}) AS r"  # noqa: S608 the models' own table names
                    for t in tables
                )
            )
        ).all()
    )
    filled = [t for t in reversed(tables) if rows[t.name]]  # children before their parents
    conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))
    if any(n > _FEW_ROWS for n in rows.values()):
        names = ", ".join(f'"{t.name}"' for t in tables)
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    else:
        for t in filled:
            conn.execute(t.delete())
        used = conn.execute(
            text(
                "SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema() AND last_value IS NOT NULL"
            )
        ).scalars()
        for name in list(used):
            conn.execute(text(f'ALTER SEQUENCE "{name}" RESTART'))
    conn.execute(text("ALTER TABLE audit_log ENABLE TRIGGER USER"))


_FEW_ROWS = 2_000  # more rows than this in a table: TRUNCATE is the faster wipe


def seeded_demo_file(folder: Path, now: dt.datetime) -> Path:
    """A small demo district as an SQLite file in ``folder``: seed it once per module, then let
    each test work on its own copy (``engine_on_copy``)."""
    from console.db import make_engine, upgrade
    from console.demo.seed import seed_demo

    path = folder / "station.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    seed_demo(engine, "small", now=now)
    engine.dispose()
    return path


def engine_on_copy(district: Path, folder: Path) -> Iterator[Engine]:
    """An engine on a fresh copy of ``district`` in ``folder`` (for a fixture to yield from)."""
    from console.db import make_engine

    path = folder / "station.db"
    shutil.copy(district, path)
    engine = make_engine(f"sqlite:///{path}")
    yield engine
    engine.dispose()
