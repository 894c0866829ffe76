"""The case list: newest first, keyset-paged, filtered in SQL; and the choices its filter bar offers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, Select, and_, or_, select

from console.models import Community, Officer, TheftCase
from console.models.cases import CASE_STATUSES
from console.services.cases import rules

PAGE_SIZE = 200


@dataclass(frozen=True)
class CaseFilter:
    """What the case list shows; every field None/empty means "any"."""

    status: str | None = None
    category: str | None = None
    community: str | None = None  # a registered community's name, or a place name as given
    officer: str | None = None  # the lead officer's badge number
    reported_from: dt.datetime | None = None  # inclusive
    reported_to: dt.datetime | None = None  # exclusive
    text: str = ""  # a fragment of the case number or of the summary


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list."""

    id: int
    case_no: str
    category: str
    category_name: str
    summary: str
    community: str
    reported_at: dt.datetime
    status: str
    lead_badge: str | None
    lead_name: str | None
    hours_to_solve: float | None


@dataclass(frozen=True)
class OfficerChoice:
    badge: str
    name: str


@dataclass(frozen=True)
class CaseFilterChoices:
    """What the filter bar (and the dossier's lead-officer box) can choose from."""

    statuses: tuple[str, ...]
    categories: tuple[tuple[str, str], ...]  # (code, 中文)
    communities: tuple[str, ...]
    officers: tuple[OfficerChoice, ...]


def _escape_like(fragment: str) -> str:
    return fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def case_list_query(given: CaseFilter) -> Select:
    """The filtered list without paging, newest report first (ties by id, so the order is total)."""
    t = TheftCase
    query = (
        select(
            t.id,
            t.case_no,
            t.category,
            t.title,
            t.community_text,
            t.reported_at,
            t.solved_at,
            t.status,
            Community.name.label("community_name"),
            Officer.badge_no,
            Officer.name.label("officer_name"),
        )
        .outerjoin(Community, Community.id == t.community_id)
        .outerjoin(Officer, Officer.id == t.lead_officer_id)
        .order_by(t.reported_at.desc(), t.id.desc())
    )
    if given.status:
        query = query.where(t.status == given.status)
    if given.category:
        query = query.where(t.category == rules.category_code(given.category))
    if given.community:
        registered = select(Community.id).where(Community.name == given.community)
        query = query.where(or_(t.community_id.in_(registered), t.community_text == given.community))
    if given.officer:
        query = query.where(
            t.lead_officer_id.in_(select(Officer.id).where(Officer.badge_no == given.officer))
        )
    if given.reported_from is not None:
        query = query.where(t.reported_at >= given.reported_from)
    if given.reported_to is not None:
        query = query.where(t.reported_at < given.reported_to)
    fragment = given.text.strip()
    if fragment:
        pattern = f"%{_escape_like(fragment)}%"
        query = query.where(
            or_(
                t.case_no.like(f"%{_escape_like(fragment.upper())}%", escape="\\"),
                t.title.like(pattern, escape="\\"),
            )
        )
    return query


def list_cases(conn: Connection, given: CaseFilter, after: CaseRow | None, limit: int) -> list[CaseRow]:
    t = TheftCase
    query = case_list_query(given)
    if after is not None:
        query = query.where(
            or_(t.reported_at < after.reported_at, and_(t.reported_at == after.reported_at, t.id < after.id))
        )
    rows = conn.execute(query.limit(max(1, min(limit, 1000))))
    return [
        CaseRow(
            id=r.id,
            case_no=r.case_no,
            category=r.category,
            category_name=rules.CATEGORIES.get(r.category, r.category),
            summary=r.title,
            community=r.community_name or r.community_text or "",
            reported_at=r.reported_at,
            status=r.status,
            lead_badge=r.badge_no,
            lead_name=r.officer_name,
            hours_to_solve=rules.hours_to_solve(r.reported_at, r.solved_at),
        )
        for r in rows
    ]


def filter_choices(conn: Connection) -> CaseFilterChoices:
    t = TheftCase
    registered = conn.scalars(
        select(Community.name).where(Community.id.in_(select(t.community_id).distinct()))
    ).all()
    given = conn.scalars(select(t.community_text).distinct().where(t.community_text != "")).all()
    officers = conn.execute(select(Officer.badge_no, Officer.name).order_by(Officer.badge_no)).all()
    return CaseFilterChoices(
        statuses=CASE_STATUSES,
        categories=tuple(rules.CATEGORIES.items()),
        communities=tuple(sorted(set(registered) | set(given))),
        officers=tuple(OfficerChoice(r.badge_no, r.name) for r in officers),
    )
