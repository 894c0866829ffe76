"""Two consoles edit the same case, household, alert or dispatch at the same moment (issue 13,
item 4): exactly one wins, the other is refused with a conflict (nothing of its edit is stored)
and, reading again, sees the winner's version. Each console has its own engine, as on two
computers; on both databases."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.db import make_engine, session_factory
from console.errors import ConflictError, UserError
from console.models import AuditLog, Household, VerificationVisit
from console.security import Actor
from console.services.alerts import AlertService
from console.services.cases import CaseService
from console.services.dispatch import DispatchService
from console.services.registry import VerificationService
from tests.case_list_data import seed_cases
from tests.dispatch_data import DispatchWorld
from tests.grid_data import seed_grid
from tests.races import at_once
from tests.services.alerts.conftest import District


@pytest.fixture
def consoles(db_url: str, engine: Engine) -> Iterator[tuple[sessionmaker[Session], sessionmaker[Session]]]:
    """The console of the test's ``engine`` and a second one on its own engine."""
    other = make_engine(db_url)
    yield session_factory(engine), session_factory(other)
    other.dispose()


def _one_won(outcomes: list[object], refusal: type[Exception] = ConflictError) -> tuple[int, Exception]:
    """Which console won, and what the other was told."""
    refused = [o for o in outcomes if isinstance(o, Exception)]
    assert len(refused) == 1, outcomes
    assert isinstance(refused[0], refusal), repr(refused[0])
    return outcomes.index(next(o for o in outcomes if not isinstance(o, Exception))), refused[0]


def _audited(engine: Engine, action: str) -> int:
    with engine.connect() as c:
        return int(c.execute(select(func.count()).where(AuditLog.action == action)).scalar_one())


def test_two_consoles_editing_one_case(
    consoles: tuple[sessionmaker[Session], sessionmaker[Session]], engine: Engine, investigator: Actor
) -> None:
    first, second = (CaseService(s) for s in consoles)
    case_no = seed_cases(engine, first, investigator, count=1).cases[0]
    read = first.show(investigator, case_no).case["version"]
    assert second.show(investigator, case_no).case["version"] == read  # both opened the same version
    texts = ["一号台: 电动车在车棚被盗", "二号台: 电动车在楼道被盗"]
    outcomes = at_once(
        lambda: first.edit(investigator, case_no, read, summary=texts[0]),
        lambda: second.edit(investigator, case_no, read, summary=texts[1]),
    )
    won, told = _one_won(outcomes)
    assert told.code == "conflict.stale" and case_no in told.text("en")
    loser = (first, second)[1 - won]
    now = loser.show(investigator, case_no).case  # what the loser's dossier reloads
    assert (now["summary"], now["version"]) == (texts[won], read + 1)
    assert _audited(engine, "case_edit") == 1


def test_two_consoles_recording_a_visit_to_one_household(
    consoles: tuple[sessionmaker[Session], sessionmaker[Session]],
    engine: Engine,
    clock: FixedClock,
    community_officer: Actor,
) -> None:
    seed_grid(engine, clock.now(), communities=1, grid_cells=1, buildings=1, floors=1, units=1, rooms=1)
    first, second = (VerificationService(s, clock) for s in consoles)
    with consoles[0]() as s:
        hid, read = s.execute(select(Household.id, Household.version)).one()
    notes = ["一号台: 上门核实", "二号台: 电话核实"]
    outcomes = at_once(
        *(
            lambda svc=svc, note=note: svc.record_visit(
                community_officer, hid, read, visited_at=clock.now(), officer_id=None, note=note
            )
            for svc, note in zip((first, second), notes, strict=True)
        )
    )
    won, told = _one_won(outcomes)
    assert told.code == "registry.visit.household_changed"
    with consoles[1 - won]() as s:  # the loser reads the household again
        assert s.execute(select(Household.version).where(Household.id == hid)).scalar_one() == read + 1
        assert s.scalars(select(VerificationVisit.note)).all() == [notes[won]]
    assert _audited(engine, "verify") == 1


@pytest.mark.parametrize("step", ["acknowledge", "resolve"])
def test_two_consoles_triaging_one_alert(
    consoles: tuple[sessionmaker[Session], sessionmaker[Session]],
    engine: Engine,
    clock: FixedClock,
    users: object,
    duty_officer: Actor,
    step: str,
) -> None:
    other_officer = users.ensure_user("li", "李值班", "duty_officer")  # type: ignore[attr-defined]
    aid = District(engine, clock.now()).alert(severity="critical", kind="fraud_risk")
    first, second = (AlertService(s, clock) for s in consoles)
    if step == "resolve":
        first.acknowledge(duty_officer, aid)
    (row,) = first.alerts_by_ids(duty_officer, [aid])
    officers = (duty_officer, other_officer)
    resolutions = ["confirmed", "false_alarm"]

    def act(i: int) -> object:
        console = (first, second)[i]
        if step == "acknowledge":
            return console.acknowledge(officers[i], aid, expected_version=row.version)
        return console.resolve(officers[i], aid, resolutions[i], expected_version=row.version)

    won, told = _one_won(at_once(lambda: act(0), lambda: act(1)))
    assert told.code == "alert.changed_elsewhere" and str(aid) in told.text("en")
    (now,) = (first, second)[1 - won].alerts_by_ids(officers[1 - won], [aid])
    assert now.version == row.version + 1
    if step == "acknowledge":
        assert now.status == "acknowledged"
    else:
        assert (now.status, now.outcome) == ("resolved", resolutions[won])
    with engine.connect() as c:
        who = c.execute(select(AuditLog.username).where(AuditLog.action == step)).scalars().all()
    assert who == [officers[won].username]  # one step, by the winner


@pytest.mark.parametrize("step", ["arrive", "clear"])
def test_two_consoles_closing_one_dispatch(
    consoles: tuple[sessionmaker[Session], sessionmaker[Session]],
    engine: Engine,
    clock: FixedClock,
    duty_officer: Actor,
    step: str,
) -> None:
    world = DispatchWorld(engine)
    world.officer("110001")
    first, second = (DispatchService(s, clock) for s in consoles)
    alert_id = world.alert()
    sent = first.dispatch(duty_officer, alert_id, ["110001"])
    outcomes = (
        ["一号台: 已到场", "二号台: 已到场"]
        if step == "arrive"
        else ["一号台: 车主已取回车辆", "二号台: 误报, 无需处置"]
    )

    def act(i: int) -> object:
        console = (first, second)[i]
        if step == "arrive":
            return console.arrive(duty_officer, sent.dispatch_id)
        return console.clear(duty_officer, sent.dispatch_id, outcomes[i])

    won, told = _one_won(at_once(lambda: act(0), lambda: act(1)), UserError)
    expected = "dispatch.already_arrived" if step == "arrive" else "dispatch.already_cleared"
    assert told.code == expected, told.code
    (clock_now,), _ = (first, second)[1 - won].clocks_of_alert(duty_officer, alert_id)  # the loser's view
    assert clock_now.status == ("on_scene" if step == "arrive" else "closed")
    assert clock_now.version == 2
    if step == "clear":
        assert clock_now.outcome == outcomes[won]
    assert _audited(engine, step) == 1
