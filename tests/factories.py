"""Small Core inserts that many tests start from: the station and its communities.

Columns left out take the models' defaults (thresholds 30/90 days, escalation after 60 s, version 1).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, insert

from console.models import Community, Station


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
