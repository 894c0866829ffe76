"""Case dossiers: open, solve, link and show a case (contracts/cases.md, "Cases")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from console.errors import ConflictError, ValidationError
from console.models import Alert, CaseLink, CaseParty, Community, Officer, TheftCase
from console.security import Actor, Permission
from console.services.base import Service, guarded_update, server_time
from console.services.cases import rules
from console.services.cases.common import (
    add_timeline,
    audit,
    case_row,
    optional_text,
    required_text,
    resident_for,
)
from console.services.cases.dossier import Dossier, load_dossier
from console.services.cases.judge import CaseInput, check_reported, check_solved, judge_case
from console.services.cases.listing import (
    PAGE_SIZE,
    CaseFilter,
    CaseFilterChoices,
    CaseRow,
    filter_choices,
    list_cases,
)
from console.services.cases.merge import live_case
from console.services.cases.parties import attach_vehicle, checked_party, note_added
from console.validators import validate_id_number


@dataclass(frozen=True)
class CaseOpened:
    id: int
    case_no: str
    status: str


@dataclass(frozen=True)
class CaseSolved:
    case_no: str
    status: str
    solved_at: dt.datetime
    hours_to_solve: float


@dataclass(frozen=True)
class CaseLinked:
    case_no: str
    alert_id: int | None
    other_case_no: str | None
    already: bool  # the link existed; nothing was stored


@dataclass(frozen=True)
class CaseEdited:
    case_no: str
    version: int
    changed: tuple[str, ...]  # the fields that changed; empty when the edit changed nothing


# Status changes an edit may make: forward only (open → solved → closed, or open → closed).
STATUS_CHANGES = {("open", "solved"), ("open", "closed"), ("solved", "closed")}


class CaseService(Service):
    """Cases (案件): every change audited and written to the case's append-only timeline."""

    def open(
        self,
        actor: Actor,
        *,
        category: str,
        reported_at: str | dt.datetime,
        summary: str,
        case_no: str | None = None,
        occurred_at: str | dt.datetime | None = None,
        community: str | None = None,
        place: str | None = None,
        narrative: str | None = None,
        victim_name: str | None = None,
        victim_id: str | None = None,
        victim_phone: str | None = None,
    ) -> CaseOpened:
        """Open a case; without ``case_no`` the next number of the station's format is assigned."""
        actor.require(Permission.EDIT_CASES)
        given, errors = judge_case(
            {
                "case_no": case_no,
                "category": category,
                "reported_at": reported_at,
                "occurred_at": occurred_at,
                "summary": summary,
                "community": community,
                "place": place,
                "narrative": narrative,
                "victim_name": victim_name,
                "victim_id": victim_id,
                "victim_phone": victim_phone,
            }
        )
        if errors:
            raise errors[0]
        assert given is not None  # noqa: S101 type narrowing: no errors means a judged case
        for attempt in range(3):
            try:
                with self._write() as s:
                    return self._open(s, actor, given)
            except IntegrityError:
                # Another console took the same assigned number at the same moment: take the next.
                if given.case_no is not None or attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _open(self, s: Session, actor: Actor, given: CaseInput) -> CaseOpened:
        now = server_time(s)
        check_reported(given.reported_at, now)
        if given.case_no is not None:
            if s.scalar(select(TheftCase.id).where(TheftCase.case_no == given.case_no)) is not None:
                raise ValidationError("case_no", "case.case_no.exists", case_no=given.case_no)
            case_no = given.case_no
        else:
            case_no = next_case_no(s, given.reported_at)
        case = insert_case(s, actor, given, case_no, now)
        audit(s, actor, self._clock, "case_open", "case", case.id, case_no=case_no, category=given.category)
        return CaseOpened(case.id, case_no, case.status)

    def solve(
        self, actor: Actor, case_no: str, *, at: str | dt.datetime, suspect_ids: list[str] | None = None
    ) -> CaseSolved:
        """open → solved at ``at`` (not before the report, not in the future); suspects become parties."""
        actor.require(Permission.EDIT_CASES)
        solved_at = rules.parse_time(at, "at")
        suspects = [validate_id_number(n, "suspect_id") for n in suspect_ids or []]
        with self._write() as s:
            now = server_time(s)
            case = case_row(s, case_no)
            if case.status != "open":
                raise ValidationError(
                    "status", "case.status.not_open", case_no=case.case_no, status=case.status
                )
            check_solved(solved_at, case.reported_at, now)
            guarded_update(s, TheftCase, case.id, None, case.case_no, status="solved", solved_at=solved_at)
            for number in dict.fromkeys(suspects):
                add_party(s, case.id, "suspect", "", number, None)
            hours = rules.hours_to_solve(case.reported_at, solved_at)
            assert hours is not None  # noqa: S101 type narrowing: solved_at was checked against reported_at above
            add_timeline(s, case.id, now, actor, "solved", solved_at=solved_at, hours_to_solve=hours)
            audit(s, actor, self._clock, "case_solve", "case", case.id, solved_at=solved_at)
            return CaseSolved(case.case_no, "solved", solved_at, hours)

    def link(
        self, actor: Actor, case_no: str, *, alert_id: int | None = None, other_case_no: str | None = None
    ) -> CaseLinked:
        """Link an alert or another case (both directions read); linking again stores nothing."""
        actor.require(Permission.EDIT_CASES)
        if (alert_id is None) == (other_case_no is None):
            raise ValidationError(None, "case.link.one_target")
        with self._write() as s:
            now = server_time(s)
            case = case_row(s, case_no)
            link = CaseLink.__table__.c
            if alert_id is not None:
                if s.get(Alert, alert_id) is None:
                    raise ValidationError("alert", "case.link.no_alert", alert_id=alert_id)
                exists = s.scalar(select(link.id).where(link.case_id == case.id, link.alert_id == alert_id))
                values: dict[str, Any] = {"alert_id": alert_id}
                other_no = None
            else:
                other = case_row(s, str(other_case_no), "case")
                if other.id == case.id:
                    raise ValidationError("case", "case.link.self")
                exists = s.scalar(
                    select(link.id).where(
                        or_(
                            (link.case_id == case.id) & (link.other_case_id == other.id),
                            (link.case_id == other.id) & (link.other_case_id == case.id),
                        )
                    )
                )
                values = {"other_case_id": other.id}
                other_no = other.case_no
            if exists is not None:
                return CaseLinked(case.case_no, alert_id, other_no, True)
            s.execute(
                insert(CaseLink).values(case_id=case.id, at=now, username=actor.username[:32], **values)
            )
            kind = "linked_alert" if alert_id is not None else "linked_case"
            add_timeline(s, case.id, now, actor, kind, alert_id=alert_id, case_no=other_no)
            if other_no is not None:
                add_timeline(s, values["other_case_id"], now, actor, kind, case_no=case.case_no)
            audit(s, actor, self._clock, "case_link", "case", case.id, alert_id=alert_id, case_no=other_no)
            return CaseLinked(case.case_no, alert_id, other_no, False)

    def show(self, actor: Actor, case_no: str, *, unmask: bool = False, reason: str = "") -> Dossier:
        """The whole dossier; ID and phone numbers masked unless ``unmask`` with a stated
        ``reason`` (role checked; the reason goes into the audit log beside the case)."""
        actor.require(Permission.VIEW_CASES)
        reason = reason.strip()
        if unmask:
            actor.require(Permission.UNMASK_PERSONAL_DATA)
            if not reason:
                raise ValidationError("reason", "unmask.reason_required")
        with self._write() as s:
            case = case_row(s, case_no)
            if unmask:
                audit(s, actor, self._clock, "case_view_unmasked", "case", case.id, reason=reason)
        with self._read() as conn:
            return load_dossier(conn, case.id, unmask, server_time(conn))

    def list_cases(
        self,
        actor: Actor,
        given: CaseFilter | None = None,
        after: CaseRow | None = None,
        limit: int = PAGE_SIZE,
    ) -> list[CaseRow]:
        """Cases newest report first, filtered; ``after`` the last row of the previous page."""
        actor.require(Permission.VIEW_CASES)
        with self._read() as conn:
            return list_cases(conn, given or CaseFilter(), after, limit)

    def filter_choices(self, actor: Actor) -> CaseFilterChoices:
        """Statuses, categories, the communities that have cases, and the officers."""
        actor.require(Permission.VIEW_CASES)
        with self._read() as conn:
            return filter_choices(conn)

    def edit(
        self,
        actor: Actor,
        case_no: str,
        expected_version: int | None,
        *,
        summary: str | None = None,
        narrative: str | None = None,
        status: str | None = None,
        lead_badge: str | None = None,
    ) -> CaseEdited:
        """Change summary, narrative, status or lead officer (``lead_badge`` "" clears it).

        None leaves a field as it is. Refused with ConflictError when another console saved the
        case since ``expected_version`` was read; every real change goes on the timeline.
        """
        actor.require(Permission.EDIT_CASES)
        new_summary = None if summary is None else required_text(summary, "summary", 200)
        new_narrative = None if narrative is None else optional_text(narrative, "narrative", 20000)
        with self._write() as s:
            now = server_time(s)
            case = case_row(s, case_no)
            values: dict[str, Any] = {}
            shown: dict[str, Any] = {}
            if new_summary is not None and new_summary != case.title:
                values["title"] = shown["summary"] = new_summary
            if new_narrative is not None and new_narrative != case.description:
                values["description"] = new_narrative
                shown["narrative"] = True
            if status is not None and status != case.status:
                if (case.status, status) not in STATUS_CHANGES:
                    raise ValidationError(
                        "status", "case.status.change", case_no=case.case_no, old=case.status, new=status
                    )
                values["status"] = shown["status"] = status
                if status == "solved":
                    values["solved_at"] = now
                    shown["hours_to_solve"] = rules.hours_to_solve(case.reported_at, now)
            if lead_badge is not None:
                officer = _officer(s, lead_badge)
                if (officer[0] if officer else None) != case.lead_officer_id:
                    values["lead_officer_id"] = officer[0] if officer else None
                    shown["lead_officer"] = f"{lead_badge.strip()} {officer[1]}" if officer else ""
            if not values:
                if expected_version is not None and expected_version != case.version:
                    raise ConflictError(what=case.case_no)
                return CaseEdited(case.case_no, case.version, ())
            version = guarded_update(s, TheftCase, case.id, expected_version, case.case_no, **values)
            changed = tuple(shown)
            add_timeline(s, case.id, now, actor, "edited", fields=list(changed), **shown)
            audit(s, actor, self._clock, "case_edit", "case", case.id, fields=list(changed))
            return CaseEdited(case.case_no, version, changed)

    def add_party(
        self,
        actor: Actor,
        case_no: str,
        role: str,
        *,
        name: str = "",
        id_number: str = "",
        phone: str = "",
    ) -> int:
        """A suspect, victim or complainant of the case; returns the party's id."""
        actor.require(Permission.EDIT_CASES)
        with self._write() as s:
            now = server_time(s)
            text, number, mobile = checked_party(role, name, id_number, phone, now.date())
            case = live_case(s, case_no, "case_no")
            party_id = add_party(s, case.id, role, text, number, mobile)
            note_added(s, case.id, now, actor, "party_added", role=role, name=text, id_number=number)
            audit(s, actor, self._clock, "case_party_add", "case", case.id, role=role, party_id=party_id)
            return party_id

    def add_vehicle(
        self,
        actor: Actor,
        case_no: str,
        plate: str,
        *,
        kind: str = "",
        brand: str = "",
        colour: str = "",
        owner_name: str = "",
        owner_id_number: str = "",
    ) -> str:
        """A vehicle of the case (a known plate with no case is linked); returns the plate."""
        actor.require(Permission.EDIT_CASES)
        with self._write() as s:
            now = server_time(s)
            owner = str(owner_id_number or "").strip()
            checked_owner = validate_id_number(owner, "owner_id_number", today=now.date()) if owner else None
            case = live_case(s, case_no, "case_no")
            _vehicle_id, shown = attach_vehicle(
                s,
                case.id,
                case.case_no,
                plate,
                kind=kind,
                brand=brand,
                colour=colour,
                owner_name=owner_name,
                owner_id_number=checked_owner,
            )
            note_added(s, case.id, now, actor, "vehicle_added", plate=shown)
            audit(s, actor, self._clock, "case_vehicle_add", "case", case.id, plate=shown)
            return shown


def _officer(s: Session, badge: str) -> tuple[int, str] | None:
    """(id, name) of the officer with ``badge``; None for ""; an unknown badge is refused."""
    key = badge.strip()
    if not key:
        return None
    row = s.execute(select(Officer.id, Officer.name).where(Officer.badge_no == key)).one_or_none()
    if row is None:
        raise ValidationError("lead_officer", "case.officer.unknown", badge=key)
    return row[0], row[1]


def next_case_no(s: Session, reported_at: dt.datetime) -> str:
    """The next number of the station's format for the year ``reported_at`` falls in."""
    prefix = rules.case_no_year_prefix(reported_at)
    low, high = rules.format_case_no(prefix, 0), rules.format_case_no(prefix, 10**rules.CASE_NO_DIGITS - 1)
    numbers = s.scalars(
        select(TheftCase.case_no)
        .where(TheftCase.case_no >= low, TheftCase.case_no <= high)
        .order_by(TheftCase.case_no.desc())
        .limit(50)
    )
    highest = max((n for n in (rules.sequence_of(c, prefix) for c in numbers) if n is not None), default=0)
    return rules.format_case_no(prefix, highest + 1)


def community_of(s: Session, name: str) -> tuple[int | None, str]:
    """(community id, "") for a registered community, else (None, the name as given)."""
    if not name:
        return None, ""
    found = s.scalar(select(Community.id).where(Community.name == name))
    return (found, "") if found is not None else (None, name)


def add_party(
    s: Session, case_id: int, role: str, name: str, id_number: str | None, phone: str | None
) -> int:
    """A party of the case; one with a registered ID number links to its resident (and household)."""
    resident = resident_for(s, id_number)
    party = CaseParty(
        case_id=case_id,
        role=role,
        resident_id=resident[0] if resident else None,
        name=(name or (resident[1] if resident else ""))[:50],
        id_number=id_number,
        phone=phone,
        note="",
    )
    s.add(party)
    s.flush()
    return party.id


def insert_case(s: Session, actor: Actor, given: CaseInput, case_no: str, now: dt.datetime) -> TheftCase:
    community_id, community_text = community_of(s, given.community)
    case = TheftCase(
        case_no=case_no,
        category=given.category,
        title=given.summary,
        description=given.narrative,
        community_id=community_id,
        community_text=community_text,
        place=given.place,
        status="solved" if given.solved_at is not None else "open",
        occurred_at=given.occurred_at or given.reported_at,
        reported_at=given.reported_at,
        solved_at=given.solved_at,
    )
    s.add(case)
    s.flush()
    if given.victim_name or given.victim_id or given.victim_phone:
        add_party(s, case.id, "victim", given.victim_name, given.victim_id, given.victim_phone)
    add_timeline(s, case.id, now, actor, "opened", case_no=case_no, category=given.category)
    if given.solved_at is not None:
        hours = rules.hours_to_solve(given.reported_at, given.solved_at)
        add_timeline(s, case.id, now, actor, "solved", solved_at=given.solved_at, hours_to_solve=hours)
    return case
