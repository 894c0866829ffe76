"""A small district with cases for the case list and dossier tests (services and widgets).

Seeds the registry of tests/grid_data.py (communities 小区1.., officers GK001..), then opens cases
through CaseService the way the window does, and backdates nothing: report times are given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, insert, select, update

from console.models import Alert, Event, TheftCase, WatchlistEntry
from console.security import Actor
from console.services.cases import CaseService
from tests.grid_data import residents_of, seed_grid

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


@dataclass
class CaseWorld:
    """What the seeded district holds that tests refer to."""

    cases: list[str]  # case numbers, oldest report first
    resident_id_number: str  # a registered resident's ID number (a victim of cases[-1])
    household_id: int  # that resident's household
    alert_id: int  # an alert raised by a watchlist entry of cases[-1]
    free_alert_id: int  # an alert with no case
    officer_ids: list[int]


def seed_cases(engine: Engine, service: CaseService, actor: Actor, count: int = 12) -> CaseWorld:
    """``count`` cases across 小区0..小区2 and the categories, one every 6 hours back from now."""
    seeded = seed_grid(engine, NOW, communities=3, buildings=1, floors=2, units=1, rooms=2)
    household = seeded.household_ids[0]
    resident_id_number = str(residents_of(engine, household)[0][2])
    categories = ("cable", "phone", "e-bike", "bicycle")
    numbers = []
    for i in range(count):
        reported = NOW - dt.timedelta(hours=6 * (count - i))
        opened = service.open(
            actor,
            category=categories[i % len(categories)],
            reported_at=reported,
            summary=f"测试案件{i:02d} {'地下室电缆被盗' if i % 4 == 0 else '财物被盗'}",
            community=f"小区{i % 3}",
            place="地下室" if i % 4 == 0 else "",
            victim_name="王芳" if i == count - 1 else None,
            victim_id=resident_id_number if i == count - 1 else None,
            victim_phone="13859210001" if i == count - 1 else None,
        )
        numbers.append(opened.case_no)
        if i % 3 == 0:
            service.solve(actor, opened.case_no, at=reported + dt.timedelta(hours=5))
    with engine.begin() as c:
        for i, case_no in enumerate(numbers):
            c.execute(
                update(TheftCase)
                .where(TheftCase.case_no == case_no)
                .values(lead_officer_id=seeded.officer_ids[i % 2])
            )
        entry = c.execute(
            insert(WatchlistEntry)
            .values(
                kind="vehicle",
                plate="闽D12345",
                reason="盗窃案件关联车辆",
                severity="high",
                case_id=select(TheftCase.id).where(TheftCase.case_no == numbers[-1]).scalar_subquery(),
                created_at=NOW,
                version=1,
            )
            .returning(WatchlistEntry.id)
        ).scalar_one()
        alert_id = _alert(c, entry, "布控车辆 闽D12345 出现")
        free_alert_id = _alert(c, None, "陌生人员多次出入")
        c.execute(
            insert(Event).values(
                source="gate",
                external_id="e1",
                kind="plate_read",
                at=NOW - dt.timedelta(minutes=3),
                received_at=NOW,
                community_id=seeded.community_ids[0],
                device="东门道闸",
                plate="闽D12345",
                alert_id=alert_id,
                payload="{}",
            )
        )
    return CaseWorld(numbers, resident_id_number, household, alert_id, free_alert_id, seeded.officer_ids)


def _alert(c: Connection, entry: int | None, summary: str) -> int:
    at = NOW - dt.timedelta(minutes=2)
    return int(
        c.execute(
            insert(Alert)
            .values(
                kind="plate_read",
                severity="high",
                severity_rank=1,
                summary=summary,
                watchlist_entry_id=entry,
                first_event_at=at,
                last_event_at=at,
                raised_at=at,
                updated_at=at,
                version=1,
                resolution_note="",
            )
            .returning(Alert.id)
        ).scalar_one()
    )
