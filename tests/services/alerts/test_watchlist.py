"""Watchlist entries: validation naming the field, masking, optimistic locking, audit log."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert, select
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.errors import ConflictError, PermissionDenied, UserError, ValidationError
from console.models import AuditLog, Station, TheftCase
from console.security import Actor
from console.services.alerts import WatchlistService
from console.services.station import UserService

ID_NUMBER = "35021119881204003X"


@pytest.fixture
def watchlist(sessions: sessionmaker[Session], clock: FixedClock) -> WatchlistService:
    with sessions.begin() as s:
        s.execute(insert(Station).values(id=1, code="GK", name="灌口派出所", version=1))
        s.execute(
            insert(TheftCase).values(
                case_no="J2026-031",
                title="电缆被盗",
                occurred_at=clock.now(),
                reported_at=clock.now(),
                version=1,
            )
        )
    return WatchlistService(sessions, clock)


@pytest.fixture
def investigator(users: UserService) -> Actor:
    """May manage watchlists and see full ID numbers."""
    return users.ensure_user("chen", "陈办案", "investigator")


def audit(sessions: sessionmaker[Session]) -> list[tuple[str, str, str]]:
    with sessions() as s:
        return [(r.username, r.action, r.entity) for r in s.scalars(select(AuditLog).order_by(AuditLog.id))]


def test_add_vehicle_and_person_entries_with_contract_defaults(
    watchlist: WatchlistService, duty_officer: Actor, sessions: sessionmaker[Session]
) -> None:
    car = watchlist.add(duty_officer, plate="闽d 12345", reason="涉嫌盗窃电缆", case_no="J2026-031")
    person = watchlist.add(duty_officer, id_number=ID_NUMBER.lower(), reason="诈骗前科", name="李某")
    car_row, person_row = watchlist.get(duty_officer, car), watchlist.get(duty_officer, person)
    assert (car_row.kind, car_row.plate, car_row.severity, car_row.case_no) == (
        "vehicle",
        "闽D12345",
        "high",
        "J2026-031",
    )
    assert (person_row.kind, person_row.severity, person_row.name) == ("person", "medium", "李某")
    assert person_row.added_by == "zhang" and car_row.version == 1
    assert audit(sessions) == [("zhang", "create", "watchlist_entry")] * 2


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"plate": "闽D1234", "reason": "x"}, "plate"),
        ({"id_number": "350211198812040031", "reason": "x"}, "id_number"),
        ({"reason": "x"}, "plate"),  # neither
        ({"plate": "闽D12345", "id_number": ID_NUMBER, "reason": "x"}, "plate"),  # both
        ({"plate": "闽D12345", "reason": "  "}, "reason"),
        ({"plate": "闽D12345", "reason": "x", "severity": "urgent"}, "severity"),
        ({"plate": "闽D12345", "reason": "x", "case_no": "J1999-000"}, "case"),
        ({"plate": "闽D12345", "reason": "x", "expires_at": "2020-01-01T00:00+08:00"}, "expires_at"),
        ({"plate": "闽D12345", "reason": "x", "expires_at": "next week"}, "expires_at"),
        ({"plate": "闽D12345", "reason": "x", "expires_at": "2030-01-01T00:00"}, "expires_at"),
    ],
)
def test_bad_input_names_the_field_and_stores_nothing(
    watchlist: WatchlistService, duty_officer: Actor, kwargs: dict[str, str], field: str
) -> None:
    with pytest.raises(ValidationError) as info:
        watchlist.add(duty_officer, **kwargs)  # type: ignore[arg-type]
    assert info.value.field == field
    assert watchlist.list_active(duty_officer) == []


def test_adding_needs_the_manage_watchlist_permission(
    watchlist: WatchlistService, community_officer: Actor
) -> None:
    with pytest.raises(PermissionDenied):
        watchlist.add(community_officer, plate="闽D12345", reason="x")


def test_id_numbers_masked_unless_the_role_may_see_them_and_unmasked_views_are_audited(
    watchlist: WatchlistService, duty_officer: Actor, investigator: Actor, sessions: sessionmaker[Session]
) -> None:
    watchlist.add(duty_officer, id_number=ID_NUMBER, reason="诈骗前科")
    [masked] = watchlist.list_active(duty_officer)
    assert masked.id_number == "350211********003X"
    assert ("zhang", "view_personal_data", "watchlist_entry") not in audit(sessions)
    [full] = watchlist.list_active(investigator)
    assert full.id_number == ID_NUMBER
    assert ("chen", "view_personal_data", "watchlist_entry") in audit(sessions)


def test_list_active_leaves_out_expired_and_ended_entries(
    watchlist: WatchlistService, duty_officer: Actor, clock: FixedClock
) -> None:
    keep = watchlist.add(duty_officer, plate="闽D12345", reason="长期布控")
    soon = watchlist.add(
        duty_officer, plate="闽D22345", reason="临时", expires_at=clock.now() + dt.timedelta(hours=1)
    )
    ended = watchlist.add(duty_officer, plate="闽D32345", reason="已破案")
    watchlist.expire(duty_officer, ended, 1)
    assert {r.id for r in watchlist.list_active(duty_officer)} == {keep, soon}
    clock.advance(hours=2)
    assert [r.id for r in watchlist.list_active(duty_officer)] == [keep]
    assert watchlist.get(duty_officer, ended).active is False


def test_update_with_a_stale_version_is_a_conflict(watchlist: WatchlistService, duty_officer: Actor) -> None:
    entry = watchlist.add(duty_officer, plate="闽D12345", reason="涉案车辆")
    version = watchlist.update(
        duty_officer, entry, 1, reason="涉案车辆(已确认)", severity="critical", case_no="J2026-031"
    )
    assert version == 2
    row = watchlist.get(duty_officer, entry)
    assert (row.reason, row.severity, row.case_no, row.version) == (
        "涉案车辆(已确认)",
        "critical",
        "J2026-031",
        2,
    )
    with pytest.raises(ConflictError):
        watchlist.update(duty_officer, entry, 1, reason="另一台值班台的修改")
    with pytest.raises(ConflictError):
        watchlist.expire(duty_officer, entry, 1)
    assert watchlist.get(duty_officer, entry).reason == "涉案车辆(已确认)"
    with pytest.raises(ValidationError) as info:
        watchlist.update(duty_officer, entry, 2, plate="闽D99999")
    assert info.value.field == "plate"
    with pytest.raises(UserError):
        watchlist.update(duty_officer, 999, 1, reason="x")
