"""Exports: contract fields, masking by default, unmasking only for an authorised user with a password."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from console import cli
from console.clock import FixedClock
from console.errors import PermissionDenied
from console.models import (
    AuditLog,
    Building,
    CaseParty,
    Community,
    Household,
    Resident,
    Station,
    TheftCase,
    User,
)
from console.security import Actor, system_actor
from console.services.alerts import WatchlistService
from console.services.intake import IngestService
from console.services.reporting import ExportService

ID_NUMBER = "35021119881204003X"
PHONE = "13812341234"


@pytest.fixture
def data(sessions: sessionmaker[Session], clock: FixedClock, duty_officer: Actor) -> dict[str, Any]:
    """A community with one household and resident, a case with a party, and three ingested events."""
    now = clock.now()
    with sessions.begin() as s:
        s.execute(insert(Station).values(id=1, code="GK", name="灌口派出所", version=1))
        s.execute(insert(Community).values(id=1, station_id=1, code="YZ", name="禹洲璟阅城", version=1))
        s.execute(insert(Building).values(id=1, community_id=1, name="3号楼", version=1))
        s.execute(
            insert(Household).values(
                id=1,
                community_id=1,
                building_id=1,
                unit="1",
                floor=5,
                room="502",
                last_verified_at=now,
                version=1,
            )
        )
        s.execute(
            insert(Resident).values(
                household_id=1, name="王芳", id_number=ID_NUMBER, phone=PHONE, relation="户主", version=1
            )
        )
        s.execute(
            insert(TheftCase).values(
                id=1, case_no="J2026-031", title="电缆被盗", occurred_at=now, reported_at=now, version=1
            )
        )
        s.execute(
            insert(CaseParty).values(
                case_id=1, role="victim", name="王芳", id_number=ID_NUMBER, phone=PHONE, version=1
            )
        )
    entry = WatchlistService(sessions, clock).add(duty_officer, id_number=ID_NUMBER, reason="涉诈")
    at = now.isoformat()
    answers = IngestService(sessions, clock).ingest(
        [
            {
                "source": "ac",
                "external_id": "1",
                "kind": "person_entry",
                "at": at,
                "community": "YZ",
                "id_number": ID_NUMBER,
            },
            {
                "source": "af",
                "external_id": "2",
                "kind": "fraud_risk",
                "at": at,
                "phone": PHONE,
                "level": "high",
            },
            {
                "source": "ac",
                "external_id": "3",
                "kind": "person_entry",
                "at": at,
                "community": "YZ",
                "id_number": ID_NUMBER,
            },
        ],
        system_actor("test"),
    )
    return {"entry": entry, "answers": answers}


def export(sessions: sessionmaker[Session], clock: FixedClock, actor: Actor, what: str, **kw: Any) -> str:
    out = io.StringIO()
    ExportService(sessions, clock).export(actor, what, out, **kw)
    return out.getvalue()


def audit_actions(sessions: sessionmaker[Session]) -> list[tuple[str, str, str]]:
    with sessions() as s:
        return [(r.username, r.action, r.entity) for r in s.scalars(select(AuditLog).order_by(AuditLog.id))]


def test_alerts_jsonl_carries_the_contract_fields(
    data: dict[str, Any], sessions: sessionmaker[Session], clock: FixedClock, duty_officer: Actor
) -> None:
    rows = [json.loads(r) for r in export(sessions, clock, duty_officer, "alerts").splitlines()]
    assert len(rows) == 2
    person, fraud = rows
    answers = data["answers"]
    assert person["id"] == answers[0].alert_id
    assert (person["kind"], person["severity"], person["status"], person["count"]) == (
        "person_entry",
        "medium",
        "new",
        2,
    )
    assert person["community"] == "禹洲璟阅城" and person["watchlist_entry_id"] == data["entry"]
    assert person["event_ids"] == [answers[0].event_id, answers[2].event_id]
    assert dt.datetime.fromisoformat(person["raised_at"]) == clock.now()
    assert (fraud["kind"], fraud["severity"], fraud["community"], fraud["watchlist_entry_id"]) == (
        "fraud_risk",
        "critical",
        None,
        None,
    )
    assert ID_NUMBER not in json.dumps(rows, ensure_ascii=False)


@pytest.mark.parametrize("what", ["events", "households", "cases", "alerts"])
def test_id_and_phone_numbers_are_masked_by_default(
    data: dict[str, Any], sessions: sessionmaker[Session], clock: FixedClock, duty_officer: Actor, what: str
) -> None:
    for fmt in ("jsonl", "csv"):
        text = export(sessions, clock, duty_officer, what, fmt=fmt)
        assert text.strip()
        assert ID_NUMBER not in text and PHONE not in text
    if what != "alerts":
        assert "350211********003X" in export(sessions, clock, duty_officer, what)
    assert ("zhang", "export", what) in audit_actions(sessions)


def test_events_export_masks_inside_the_stored_payload_too(
    data: dict[str, Any], sessions: sessionmaker[Session], clock: FixedClock, duty_officer: Actor
) -> None:
    rows = [json.loads(r) for r in export(sessions, clock, duty_officer, "events").splitlines()]
    assert rows[1]["phone"] == "138****1234" and rows[1]["payload"]["phone"] == "138****1234"
    assert rows[0]["payload"]["id_number"] == "350211********003X"


def test_since_filters_and_csv_has_a_header(
    data: dict[str, Any], sessions: sessionmaker[Session], clock: FixedClock, duty_officer: Actor
) -> None:
    later = clock.now() + dt.timedelta(hours=1)
    assert export(sessions, clock, duty_officer, "alerts", since=later) == ""
    table = list(csv.DictReader(io.StringIO(export(sessions, clock, duty_officer, "alerts", fmt="csv"))))
    assert len(table) == 2 and table[0]["community"] == "禹洲璟阅城" and json.loads(table[0]["event_ids"])


def test_unmasking_needs_the_role_and_is_audited(
    data: dict[str, Any],
    sessions: sessionmaker[Session],
    clock: FixedClock,
    duty_officer: Actor,
    community_officer: Actor,
) -> None:
    with pytest.raises(PermissionDenied):
        export(sessions, clock, duty_officer, "households", unmask=True)
    text = export(sessions, clock, community_officer, "households", unmask=True)
    assert ID_NUMBER in text and PHONE in text
    assert ("yang", "export_unmasked", "households") in audit_actions(sessions)


def _set_password(engine: Engine, username: str, password: str) -> None:
    with engine.begin() as c:
        c.execute(
            update(User)
            .where(User.username == username)
            .values(password_hash=PasswordHasher(time_cost=1, memory_cost=8192).hash(password))
        )


def test_cli_unmask_reads_the_password_and_refuses_roles_that_may_not(
    data: dict[str, Any],
    db_url: str,
    engine: Engine,
    sessions: sessionmaker[Session],
    community_officer: Actor,
    duty_officer: Actor,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _set_password(engine, "yang", "pw-yang")
    _set_password(engine, "zhang", "pw-zhang")
    db = ["--db", db_url]

    def run(*argv: str, stdin: str = "") -> int:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        return cli.main([*db, "export", "events", *argv])

    assert run("--unmask", "--user", "yang", "--password-stdin", stdin="pw-yang\n") == 0
    out = capsys.readouterr().out
    assert ID_NUMBER in out
    assert ("yang", "export_unmasked", "events") in audit_actions(sessions)
    # A duty officer may not unmask; --unmask needs --user; a wrong password is refused.
    assert run("--unmask", "--user", "zhang", "--password-stdin", stdin="pw-zhang\n") == 2
    assert run("--unmask") == 2
    assert run("--unmask", "--user", "yang", "--password-stdin", stdin="wrong\n") == 2
    # Standard input not a terminal and no --password-stdin (`</dev/null`): one line, no EOFError.
    assert run("--unmask", "--user", "yang") == 2
    captured = capsys.readouterr()
    assert ID_NUMBER not in captured.out and "Traceback" not in captured.err
    assert "--password-stdin" in captured.err.splitlines()[-1]
    # The wrong password was a failed sign-in, audited and counted towards the lockout.
    with sessions() as s:
        failed = s.execute(select(AuditLog.username).where(AuditLog.outcome == "failed")).scalars().all()
    assert failed == ["yang"]


OTHER_ID = "11010519491231002X"  # a valid ID number under keys nobody listed
OTHER_PHONE = "13912345678"


def test_numbers_are_masked_wherever_they_stand_not_by_field_name(
    data: dict[str, Any],
    sessions: sessionmaker[Session],
    clock: FixedClock,
    duty_officer: Actor,
    community_officer: Actor,
) -> None:
    """A report's free text and payload fields such as ``sfz``, ``tel`` or a phone sent as a JSON
    number leave a masked export masked: the numbers are recognised, not looked up by key."""
    at = clock.now().isoformat()
    answers = IngestService(sessions, clock).ingest(
        [
            {
                "source": "citizen-report",
                "external_id": "r1",
                "kind": "report",
                "at": at,
                "category": "theft",
                "text": f"电动车被盗,车主身份证{OTHER_ID},电话{OTHER_PHONE}",
                "extra": {
                    "sfz": OTHER_ID,
                    "tel": int(OTHER_PHONE),
                    "mobile": "139 1234 5678",
                    "idNumber": OTHER_ID,
                    "deep": [[[{"text": f"联系 +86 {OTHER_PHONE}"}]]],
                },
            }
        ],
        system_actor("test"),
    )
    assert answers[0].status == "accepted", answers[0]
    for what in ("alerts", "events"):
        for fmt in ("jsonl", "csv"):
            text = export(sessions, clock, duty_officer, what, fmt=fmt)
            assert OTHER_ID not in text and OTHER_PHONE not in text and "139 1234 5678" not in text
            assert "139****5678" in text
    summary = json.loads(export(sessions, clock, duty_officer, "alerts").splitlines()[-1])["summary"]
    assert "110105********002X" in summary  # the feed's own line is masked at the source
    # The unmasked export, for a role that may see the numbers, gives them in full.
    assert OTHER_ID in export(sessions, clock, community_officer, "events", unmask=True)


def test_the_audit_row_is_written_before_the_first_record(
    data: dict[str, Any], sessions: sessionmaker[Session], clock: FixedClock, community_officer: Actor
) -> None:
    """An unmasked export cut short after its first record (``| head``, a crash) is on record."""

    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError

    with pytest.raises(BrokenPipeError):
        ExportService(sessions, clock).export(community_officer, "households", ClosedPipe(), unmask=True)
    assert audit_actions(sessions)[-1] == ("yang", "export_unmasked", "households")
    export(sessions, clock, community_officer, "households", unmask=True)
    assert audit_actions(sessions)[-2:] == [
        ("yang", "export_unmasked", "households"),
        ("yang", "export_unmasked_finished", "households"),
    ]


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(
    data: dict[str, Any], sessions: sessionmaker[Session], clock: FixedClock, duty_officer: Actor
) -> None:
    """OWASP's CSV-injection rule, with a case titled like a formula."""
    formula = '=HYPERLINK("http://example.invalid/x","点此")'
    with sessions.begin() as s:
        s.execute(update(TheftCase).where(TheftCase.id == 1).values(title=formula))
    table = list(csv.DictReader(io.StringIO(export(sessions, clock, duty_officer, "cases", fmt="csv"))))
    assert table[0]["title"] == "'" + formula
    for start in ("+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        with sessions.begin() as s:
            s.execute(update(TheftCase).where(TheftCase.id == 1).values(title=start))
        table = list(csv.DictReader(io.StringIO(export(sessions, clock, duty_officer, "cases", fmt="csv"))))
        assert table[0]["title"] == "'" + start
    # JSON Lines is data, not a spreadsheet: the text is kept as it is.
    assert json.loads(export(sessions, clock, duty_officer, "cases").splitlines()[0])["title"] == "\rx"
