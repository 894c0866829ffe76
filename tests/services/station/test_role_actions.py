"""Every role tries every action against the services; exactly the ones its permissions allow succeed.

Generated from the one role table (``console.security.DEFAULT_ROLES``): each action below names
the permission it needs and how to call it on the demo district; the test runs all of them as each
role, on a fresh copy of the district, and compares the actions that were refused with the ones
the table refuses. Every refusal must also be in the audit log as ``refused``. No UI is involved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from factories import engine_on_copy, seeded_demo_file
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from console.errors import PermissionDenied
from console.models import Alert, AuditLog, Community, Household, Station, TheftCase
from console.security import DEFAULT_ROLES, PERSON_ROLES, Actor, Permission
from console.services.container import Services, build_services
from console.services.figures import Period
from console.services.station import AuditFilter

NOW = dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC)
PASSWORD = "Night-shift-GK-2026"


@dataclass(frozen=True)
class World:
    """Ids of records each action works on, found in the seeded district."""

    alert_new: int
    alert_other: int
    fraud_alert: int | None
    case_no: str
    household_id: int
    household_version: int
    station_id: int
    station_version: int
    community: str
    item_id: int
    badge: str
    registry_file: str


Action = Callable[[Services, Actor, World], Any]


def _ingest(services: Services, actor: Actor, world: World) -> Any:
    event = {
        "source": "gate-camera",
        "external_id": f"role-test-{actor.username}",
        "kind": "plate_read",
        "at": NOW.isoformat(),
        "community": world.community,
        "plate": "闽D12345",
    }
    return list(services.ingest.ingest_iter([event], actor))


def _visit(services: Services, actor: Actor, world: World) -> Any:
    return services.verification.record_visit(
        actor, world.household_id, world.household_version, visited_at=NOW, officer_id=None
    )


# action name -> (the permission it needs, the call)
ACTIONS: dict[str, tuple[Permission, Action]] = {
    "read the officers' board": (Permission.VIEW_ALERTS, lambda s, a, w: s.officers.board(a)),
    "read an alert's detail": (Permission.VIEW_ALERTS, lambda s, a, w: s.alerts.detail(a, w.alert_other)),
    "acknowledge an alert": (Permission.TRIAGE_ALERTS, lambda s, a, w: s.alerts.acknowledge(a, w.alert_new)),
    "dispatch an officer": (
        Permission.DISPATCH,
        lambda s, a, w: s.dispatch.dispatch(a, w.alert_other, [w.badge], override="测试越权派警"),
    ),
    "check a registry file": (
        Permission.IMPORT_REGISTRY,
        lambda s, a, w: s.registry_import.import_registry(a, w.registry_file, dry_run=True),
    ),
    "add an officer": (
        Permission.MANAGE_OFFICERS,
        lambda s, a, w: s.officers.add(a, badge="T9001", name="测试"),
    ),
    "watch a plate": (
        Permission.MANAGE_WATCHLIST,
        lambda s, a, w: s.watchlist.add(a, plate="闽D9A001", reason="测试布控"),
    ),
    "search the registry": (Permission.VIEW_REGISTRY, lambda s, a, w: s.search.search(a, "张")),
    "record a verification visit": (Permission.VERIFY_HOUSEHOLDS, _visit),
    "list cases": (Permission.VIEW_CASES, lambda s, a, w: s.cases.list_cases(a)),
    "open a case": (
        Permission.EDIT_CASES,
        lambda s, a, w: s.cases.open(
            a, category="cable", reported_at=NOW - dt.timedelta(hours=1), summary="电缆被盗"
        ),
    ),
    "log a call to a property owner": (
        Permission.HANDLE_PROPERTY,
        lambda s, a, w: s.property.notify(a, w.item_id, how="phone"),
    ),
    "see an alert's numbers in full": (
        Permission.UNMASK_PERSONAL_DATA,
        lambda s, a, w: s.alerts.detail(a, w.alert_other, unmask=True, reason="核对身份"),
    ),
    "export alerts": (Permission.EXPORT, lambda s, a, w: s.export.export(a, "alerts", _Sink())),
    "read the station's figures": (
        Permission.VIEW_STATISTICS,
        lambda s, a, w: s.figures.summary(a, Period.parse("2026-01-01", "2026-06-30")),
    ),
    "ingest an event": (Permission.INGEST_EVENTS, _ingest),
    "change the station's parameters": (
        Permission.CONFIGURE_STATION,
        lambda s, a, w: s.station.update_parameters(
            a,
            w.station_id,
            w.station_version,
            orange_after_days=30,
            red_after_days=90,
            escalate_after_seconds=60,
        ),
    ),
    "create an account": (
        Permission.MANAGE_USERS,
        lambda s, a, w: s.accounts.add_user(a, f"new-{a.username}", "新账户", "duty_officer", PASSWORD),
    ),
    "unlock an account": (Permission.MANAGE_SECURITY, lambda s, a, w: s.accounts.unlock(a, a.username)),
    "read the audit log": (Permission.READ_AUDIT, lambda s, a, w: s.audit.entries(a, AuditFilter())),
}


class _Sink:
    def write(self, text: str) -> int:
        return len(text)


def test_every_permission_has_an_action() -> None:
    """A permission no action exercises would go untested (EDIT_REGISTRY: no service uses it yet)."""
    covered = {permission for permission, _ in ACTIONS.values()}
    assert set(Permission) - covered == {Permission.EDIT_REGISTRY}


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo district, seeded once; each role works on its own copy."""
    return seeded_demo_file(tmp_path_factory.mktemp("roles"), NOW)


@pytest.fixture
def copy(district: Path, tmp_path: Path) -> Iterator[Engine]:
    yield from engine_on_copy(district, tmp_path)


def _world(services: Services, sessions: sessionmaker[Session], folder: Path) -> World:
    setup = services.users.ensure_user("setup-role", "准备数据", "supervisor")
    with sessions() as s:
        new = s.scalars(select(Alert.id).where(Alert.status == "new").order_by(Alert.id).limit(2)).all()
        fraud = s.scalar(select(Alert.id).where(Alert.kind == "fraud_risk").limit(1))
        case_no = s.scalar(select(TheftCase.case_no).order_by(TheftCase.id).limit(1))
        household = s.execute(select(Household.id, Household.version).order_by(Household.id).limit(1)).one()
        station = s.execute(select(Station.id, Station.version).limit(1)).one()
        community = s.scalar(select(Community.code).order_by(Community.id).limit(1))
    assert len(new) == 2 and case_no and community
    item = services.property.add(setup, case_no=case_no, description="手机", category="phone").id
    services.property.recover(setup, at=NOW - dt.timedelta(hours=2), place="废品回收站", item_id=item)
    registry = folder / "registry.csv"
    registry.write_text("小区,楼栋,户室,姓名\n海景花园,3,1203,张伟\n", encoding="utf-8")
    badge = services.officers.board(setup)[0].badge
    return World(
        new[0],
        new[1],
        fraud,
        case_no,
        household[0],
        household[1],
        station[0],
        station[1],
        community,
        item,
        badge,
        str(registry),
    )


@pytest.mark.parametrize("role", PERSON_ROLES)
def test_each_role_may_do_exactly_what_the_table_allows(role: str, copy: Engine, tmp_path: Path) -> None:
    services = build_services(copy)
    actor = services.users.ensure_user(f"r-{role}"[:32], role, role)
    world = _world(services, sessionmaker(copy), tmp_path)
    allowed = DEFAULT_ROLES[role][1]
    refused: set[str] = set()
    for name, (_permission, call) in ACTIONS.items():
        try:
            call(services, actor, world)
        except PermissionDenied:
            refused.add(name)
    expected = {name for name, (permission, _) in ACTIONS.items() if permission not in allowed}
    assert refused == expected
    with sessionmaker(copy)() as s:
        logged = s.scalar(
            select(func.count())
            .select_from(AuditLog)
            .where(AuditLog.username == actor.username, AuditLog.outcome == "refused")
        )
    assert logged == len(expected)  # every refusal is on record
