"""`officer`, `dispatch`, `intervention` and `export dispatches` exactly as contracts/cases.md says:
one JSON object and exit 0, or a refusal naming the field with nothing stored and exit 1."""

from __future__ import annotations

import datetime as dt
import getpass
import io
import json
import sys
from decimal import Decimal

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, func, select, update

from console.cli import main
from console.models import Alert, AuditLog, Dispatch, FraudIntervention, InterventionCall, Officer, User
from console.services.station import UserService
from tests.dispatch_data import DispatchWorld

CST = dt.timezone(dt.timedelta(hours=8))


class Cli:
    def __init__(self, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
        self.db_url, self.capsys = db_url, capsys

    def __call__(self, *args: str) -> tuple[int, list[dict], str]:
        self.capsys.readouterr()
        rc = main(["--db", self.db_url, *args])
        out, err = self.capsys.readouterr()
        return rc, [json.loads(line) for line in out.splitlines()], err

    def ok(self, *args: str) -> dict:
        rc, out, err = self(*args)
        assert rc == 0, (out, err)
        assert len(out) == 1
        return out[0]

    def refused(self, field: str, *args: str) -> dict:
        rc, out, err = self(*args)
        assert rc == 1, (out, err)
        assert len(out) == 1 and set(out[0]) == {"error"} and set(out[0]["error"]) == {"field", "message"}
        assert out[0]["error"]["field"] == field, out
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
        return out[0]["error"]


@pytest.fixture
def world(engine: Engine) -> DispatchWorld:
    return DispatchWorld(engine)


@pytest.fixture
def cli(db_url: str, capsys: pytest.CaptureFixture[str], world: DispatchWorld) -> Cli:
    return Cli(db_url, capsys)


def _counts(engine: Engine) -> tuple[int, ...]:
    with engine.connect() as c:
        return tuple(
            int(c.execute(select(func.count()).select_from(t)).scalar_one())
            for t in (Officer, Dispatch, FraudIntervention, InterventionCall, AuditLog)
        )


def test_officers_are_added_put_off_duty_and_listed(cli: Cli, engine: Engine) -> None:
    added = cli.ok(
        "officer", "add", "--badge", "350001", "--name", "林建国", "--team", "值班一组", "--grid", "G1"
    )
    assert set(added) == {"id", "badge", "status"}
    assert (added["badge"], added["status"]) == ("350001", "available")
    before = _counts(engine)
    cli.refused("badge", "officer", "add", "--badge", "350001", "--name", "重复")
    cli.refused("grid", "officer", "add", "--badge", "350002", "--name", "王", "--grid", "G9")
    assert _counts(engine) == before
    assert cli.ok("officer", "status", "350001", "off_duty") == {"badge": "350001", "status": "off_duty"}
    rc, rows, _ = cli("officer", "list", "--format", "jsonl")
    assert rc == 0
    assert rows == [
        {"badge": "350001", "name": "林建国", "team": "值班一组", "status": "off_duty", "dispatch_id": None}
    ]
    with engine.connect() as c:
        detail = c.execute(
            select(AuditLog.username, AuditLog.detail).where(AuditLog.entity == "officer")
        ).all()
    # Audited under the integration account, with the operating-system user recorded.
    assert {u for u, _ in detail} == {"cli"}
    assert all(json.loads(d)["os_user"] == getpass.getuser() for _, d in detail)


def test_dispatch_arrive_and_clear_print_the_contracts_keys(cli: Cli, world: DispatchWorld) -> None:
    world.officer("350001")
    world.officer("350002")
    alert = world.alert()
    sent = cli.ok("dispatch", str(alert), "--officer", "350001", "--officer", "350002", "--note", "北门")
    assert set(sent) == {"dispatch_id", "alert_id", "officers", "dispatched_at"}
    assert sent["alert_id"] == alert and sent["officers"] == ["350001", "350002"]
    assert dt.datetime.fromisoformat(sent["dispatched_at"]).tzinfo is not None
    _rc, rows, _ = cli("officer", "list")
    assert {r["badge"]: (r["status"], r["dispatch_id"]) for r in rows} == {
        "350001": ("dispatched", sent["dispatch_id"]),
        "350002": ("dispatched", sent["dispatch_id"]),
    }
    arrived = cli.ok("dispatch", "arrive", str(sent["dispatch_id"]))
    assert set(arrived) == {"dispatch_id", "arrived_at", "response_seconds", "within_target"}
    assert arrived["within_target"] is True and 120 <= arrived["response_seconds"] < 300
    cleared = cli.ok("dispatch", "clear", str(sent["dispatch_id"]), "--outcome", "车辆已离开, 通知车主")
    assert set(cleared) == {"dispatch_id", "cleared_at"}
    assert world.status_of("350001") == world.status_of("350002") == "available"


def test_bad_dispatches_are_refused_with_the_field_and_nothing_stored(
    cli: Cli, world: DispatchWorld, engine: Engine
) -> None:
    world.officer("350001")
    world.officer("350002", status="off_duty")
    resolved = world.alert(status="resolved")
    alert = world.alert()
    before = _counts(engine)
    cli.refused("alert_id", "dispatch", str(resolved), "--officer", "350001")
    cli.refused("officer", "dispatch", str(alert), "--officer", "350002")
    cli.refused("officer", "dispatch", str(alert), "--officer", "999999")
    assert _counts(engine) == before
    sent = cli.ok("dispatch", str(alert), "--officer", "350001")
    before = _counts(engine)
    cli.refused("officer", "dispatch", str(world.alert()), "--officer", "350001")  # busy
    dispatched_at = dt.datetime.fromisoformat(sent["dispatched_at"])
    for at in (dispatched_at - dt.timedelta(seconds=5), dt.datetime.now(CST) + dt.timedelta(hours=1)):
        cli.refused("at", "dispatch", "arrive", str(sent["dispatch_id"]), "--at", at.isoformat())
    cli.refused("at", "dispatch", "arrive", str(sent["dispatch_id"]), "--at", "2026-03-14T21:05:00")
    cli.refused("at", "dispatch", "arrive", str(sent["dispatch_id"]), "--at", "yesterday")
    cli.refused("dispatch_id", "dispatch", "arrive", "424242")
    assert _counts(engine) == before
    cli.ok("dispatch", "clear", str(sent["dispatch_id"]), "--outcome", "处置完毕")
    before = _counts(engine)
    cli.refused("dispatch_id", "dispatch", "clear", str(sent["dispatch_id"]), "--outcome", "再次")
    assert _counts(engine) == before


def test_an_override_sends_an_off_duty_officer_and_keeps_the_reason(
    cli: Cli, world: DispatchWorld, engine: Engine
) -> None:
    world.officer("350002", status="off_duty")
    sent = cli.ok("dispatch", str(world.alert()), "--officer", "350002", "--override", "家住小区内, 最近")
    with engine.connect() as c:
        assert c.execute(select(Dispatch.override_reason)).scalar_one() == "家住小区内, 最近"
        audit = c.execute(
            select(AuditLog.detail).where(AuditLog.action == "dispatch", AuditLog.entity == "dispatch")
        ).scalar_one()
    assert json.loads(audit)["override"] == "家住小区内, 最近"
    assert world.status_of("350002") == "dispatched" and sent["officers"] == ["350002"]


@pytest.mark.parametrize(("after", "seconds", "within"), [(600, 600, True), (601, 601, False)])
def test_response_seconds_and_within_target_are_exact(
    cli: Cli, world: DispatchWorld, after: int, seconds: int, within: bool
) -> None:
    world.officer("350001")
    sent = cli.ok("dispatch", str(world.alert()), "--officer", "350001")
    raised = dt.datetime(2026, 3, 14, 21, 0, 0, 400_000, tzinfo=CST)
    world.backdate(sent["dispatch_id"], raised, raised + dt.timedelta(seconds=40))
    at = (raised + dt.timedelta(seconds=after)).isoformat()
    arrived = cli.ok("dispatch", "arrive", str(sent["dispatch_id"]), "--at", at)
    assert (arrived["response_seconds"], arrived["within_target"]) == (seconds, within)
    assert dt.datetime.fromisoformat(arrived["arrived_at"]) == dt.datetime.fromisoformat(at)
    rc, rows, _ = cli("export", "dispatches", "--format", "jsonl")
    assert rc == 0 and len(rows) == 1
    assert set(rows[0]) == {
        "id",
        "alert_id",
        "community",
        "officers",
        "raised_at",
        "dispatched_at",
        "arrived_at",
        "cleared_at",
        "response_seconds",
        "within_target",
    }
    assert rows[0]["officers"] == ["350001"] and rows[0]["community"] == "滨水小区"
    assert (rows[0]["response_seconds"], rows[0]["within_target"]) == (seconds, within)
    assert dt.datetime.fromisoformat(rows[0]["raised_at"]) == raised


def test_export_dispatches_as_csv_and_since(
    cli: Cli, world: DispatchWorld, capsys: pytest.CaptureFixture[str]
) -> None:
    world.officer("350001")
    cli.ok("dispatch", str(world.alert()), "--officer", "350001")
    capsys.readouterr()
    assert main(["--db", cli.db_url, "export", "dispatches", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert (
        lines[0]
        == "id,alert_id,community,officers,raised_at,dispatched_at,arrived_at,cleared_at,response_seconds,within_target"
    )
    assert len(lines) == 2
    later = (dt.datetime.now(CST) + dt.timedelta(hours=1)).isoformat()
    rc, rows, _ = cli("export", "dispatches", "--since", later)
    assert rc == 0 and rows == []


def test_interventions_only_on_fraud_warnings_and_closing_resolves_the_alert(
    cli: Cli, world: DispatchWorld, engine: Engine
) -> None:
    plate = world.alert(kind="plate_read")
    fraud = world.alert(kind="fraud_risk")
    before = _counts(engine)
    cli.refused("alert_id", "intervention", "call", str(plate), "--result", "reached")
    cli.refused("alert_id", "intervention", "close", str(plate), "--outcome", "stopped")
    cli.refused("saved", "intervention", "close", str(fraud), "--outcome", "transferred", "--saved", "100")
    cli.refused("saved", "intervention", "close", str(fraud), "--outcome", "stopped", "--saved", "-1")
    cli.refused("saved", "intervention", "close", str(fraud), "--outcome", "stopped", "--saved", "十万")
    assert _counts(engine) == before
    assert cli.ok("intervention", "call", str(fraud), "--result", "no_answer") == {
        "alert_id": fraud,
        "attempts": 1,
    }
    assert cli.ok("intervention", "call", str(fraud), "--result", "reached", "--note", "本人已接听") == {
        "alert_id": fraud,
        "attempts": 2,
    }
    closed = cli.ok("intervention", "close", str(fraud), "--outcome", "stopped", "--saved", "180000.10")
    assert closed == {"alert_id": fraud, "outcome": "stopped", "saved": 180000.1}
    with engine.connect() as c:
        assert c.execute(select(FraudIntervention.saved)).scalar_one() == Decimal("180000.10")
        assert c.execute(select(Alert.status).where(Alert.id == fraud)).scalar_one() == "resolved"
    before = _counts(engine)
    cli.refused("alert_id", "intervention", "call", str(fraud), "--result", "reached")
    cli.refused("alert_id", "intervention", "close", str(fraud), "--outcome", "stopped")
    assert _counts(engine) == before


def test_other_outcomes_close_without_money(cli: Cli, world: DispatchWorld) -> None:
    fraud = world.alert(kind="fraud_risk")
    assert cli.ok("intervention", "close", str(fraud), "--outcome", "not_fraud") == {
        "alert_id": fraud,
        "outcome": "not_fraud",
        "saved": None,
    }


def test_changes_are_audited_under_the_named_user_after_the_password(
    cli: Cli, world: DispatchWorld, engine: Engine, users: UserService, monkeypatch: pytest.MonkeyPatch
) -> None:
    users.ensure_user("zhang", "张值班", "duty_officer")
    with engine.begin() as c:
        c.execute(
            update(User).where(User.username == "zhang").values(password_hash=PasswordHasher().hash("s3cret"))
        )
    world.officer("350001")
    monkeypatch.setattr(sys, "stdin", io.StringIO("wrong\n"))
    cli.refused(
        None, "dispatch", str(world.alert()), "--officer", "350001", "--user", "zhang", "--password-stdin"
    )  # type: ignore[arg-type]
    monkeypatch.setattr(sys, "stdin", io.StringIO("s3cret\n"))
    sent = cli.ok(
        "dispatch", str(world.alert()), "--officer", "350001", "--user", "zhang", "--password-stdin"
    )
    with engine.connect() as c:
        who = c.execute(
            select(AuditLog.username).where(
                AuditLog.entity == "dispatch", AuditLog.entity_id == sent["dispatch_id"]
            )
        ).scalar_one()
        by = c.execute(select(Dispatch.dispatched_by)).scalar_one()
    assert who == "zhang" and by is not None


@pytest.mark.parametrize(
    "words",
    [
        ["dispatch", "12"],  # no --officer
        ["dispatch", "arrive"],
        ["dispatch", "clear", "3"],  # no --outcome
        ["dispatch", "twelve", "--officer", "1"],
        ["dispatch", "3", "--officer", "1", "--at", "2026-03-14T21:00+08:00"],
    ],
)
def test_usage_errors_exit_2(cli: Cli, words: list[str]) -> None:
    rc, out, err = cli(*words)
    assert rc == 2 and out == [] and len(err.strip().splitlines()) == 1


def test_export_dispatches_starts_the_clock_at_the_events_time(cli: Cli, world: DispatchWorld) -> None:
    # cases.md: raised_at is "the time of the event that raised it", not when the console stored it.
    world.officer("350001")
    alert = world.alert(age_s=300, delivered_after_s=120)
    sent = cli.ok("dispatch", str(alert), "--officer", "350001")
    with world.engine.connect() as c:
        event_at = c.execute(select(Alert.first_event_at).where(Alert.id == alert)).scalar_one()
    arrived = cli.ok("dispatch", "arrive", str(sent["dispatch_id"]))
    rc, rows, _ = cli("export", "dispatches", "--format", "jsonl")
    assert rc == 0 and dt.datetime.fromisoformat(rows[0]["raised_at"]) == event_at
    expected = int((dt.datetime.fromisoformat(arrived["arrived_at"]) - event_at).total_seconds())
    assert rows[0]["response_seconds"] == arrived["response_seconds"] == expected >= 300
