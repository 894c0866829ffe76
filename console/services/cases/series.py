"""Series (串案): cases that look like the work of the same people, proposed, then confirmed or dismissed.

Two cases are proposed as one series when they share a suspect's ID number, a vehicle plate or a
property identifier (serial, IMEI, frame), or when they are of the same category at the same
community (or the same place text) within the station's window (``station.series_window_days``).
A dismissed pair is stored and never proposed again; a confirmed pair joins one series, whose
cases read as one timeline. Every lookup for one case goes through an index, so proposals for a
newly opened case stay fast at district scale.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, insert, or_, select, update
from sqlalchemy.orm import Session

from console.errors import ValidationError
from console.models import (
    CaseSeries,
    CaseSeriesMember,
    CaseTimeline,
    Community,
    SeriesDismissal,
    Station,
    TheftCase,
)
from console.security import Actor, Permission
from console.services.base import Service, server_time
from console.services.cases import rules
from console.services.cases.common import add_timeline, audit, case_row
from console.services.cases.merge import MergeResult, live_case, merge_cases
from console.services.cases.series_match import CaseBrief, MatchCase, Reason, all_pairs, candidates

OPEN_PROPOSALS_SHOWN = 500


@dataclass(frozen=True)
class SeriesProposal:
    case: CaseBrief
    other: CaseBrief
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class SeriesView:
    id: int
    label: str
    cases: tuple[CaseBrief, ...]  # in the order they were reported


@dataclass(frozen=True)
class SeriesEntry:
    """One line of a series' timeline: which case, when, what, by whom."""

    case_no: str
    at: dt.datetime
    kind: str
    user: str
    by: str
    detail: dict[str, Any]


def _briefs(conn: Connection | Session, *where: Any) -> list[MatchCase]:
    t, m = TheftCase, CaseSeriesMember
    rows = conn.execute(
        select(
            t.id,
            t.case_no,
            t.category,
            t.status,
            t.title,
            t.community_id,
            t.community_text,
            t.place,
            t.reported_at,
            t.merged_into_id,
            Community.name.label("community"),
            m.series_id,
        )
        .outerjoin(Community, Community.id == t.community_id)
        .outerjoin(m, m.case_id == t.id)
        .where(*where)
    )
    return [
        MatchCase(
            r.id,
            CaseBrief(
                r.case_no,
                r.category,
                r.status,
                r.title,
                r.community or r.community_text or None,
                r.community_id,
                r.place,
                r.reported_at,
                r.series_id,
            ),
            r.community_text,
            r.merged_into_id is not None,
        )
        for r in rows
    ]


def _briefs_by_id(conn: Connection, ids: Iterable[int]) -> dict[int, MatchCase]:
    wanted, out = sorted(set(ids)), {}
    for start in range(0, len(wanted), 1000):  # bounded IN lists on both backends
        for c in _briefs(conn, TheftCase.id.in_(wanted[start : start + 1000])):
            out[c.id] = c
    return out


def window_days(conn: Connection | Session) -> int:
    found = conn.execute(select(Station.series_window_days).order_by(Station.id).limit(1)).scalar()
    return int(found) if found else rules.SERIES_WINDOW_DAYS


class SeriesService(Service):
    """Series proposals, confirmed series and merged dossiers."""

    # --- proposals ----------------------------------------------------------------------------
    def proposals_for(self, actor: Actor, case_no: str) -> list[SeriesProposal]:
        """Cases that look like one series with ``case_no``, strongest first (dismissed ones never)."""
        actor.require(Permission.VIEW_CASES)
        unmask = False  # a proposal's reason names a suspect masked, for every role
        key = str(case_no or "").strip().upper()
        with self._read() as conn:
            found = _briefs(conn, TheftCase.case_no == key)
            if not found:
                raise ValidationError("case_no", "case.not_found", case_no=key)
            me = found[0]
            if me.merged:
                return []
            reasons: dict[int, list[Reason]] = defaultdict(list)
            for other_id, reason in candidates(conn, me, window_days(conn), unmask):
                if other_id != me.id and reason not in reasons[other_id]:
                    reasons[other_id].append(reason)
            if not reasons:
                return []
            d = SeriesDismissal
            dismissed = {
                r.case_id if r.other_case_id == me.id else r.other_case_id
                for r in conn.execute(
                    select(d.case_id, d.other_case_id).where(
                        or_(d.case_id == me.id, d.other_case_id == me.id)
                    )
                )
            }
            others = _briefs_by_id(conn, set(reasons) - dismissed)
        proposals = [
            SeriesProposal(me.brief, o.brief, _ordered(reasons[o.id]))
            for o in others.values()
            if not o.merged and not _same_series(me.brief, o.brief)
        ]
        return sorted(proposals, key=_strength)

    def open_proposals(self, actor: Actor) -> list[SeriesProposal]:
        """Proposals across the station: every pair with at least one open case, strongest first."""
        actor.require(Permission.VIEW_CASES)
        unmask = False  # a proposal's reason names a suspect masked, for every role
        with self._read() as conn:
            days = window_days(conn)
            pairs: dict[tuple[int, int], list[Reason]] = defaultdict(list)
            for a, b, reason in all_pairs(conn, days, unmask):
                if a != b:
                    key = (min(a, b), max(a, b))
                    if reason not in pairs[key]:
                        pairs[key].append(reason)
            d = SeriesDismissal
            for r in conn.execute(select(d.case_id, d.other_case_id)):
                pairs.pop((min(r.case_id, r.other_case_id), max(r.case_id, r.other_case_id)), None)
            cases = _briefs_by_id(conn, {n for pair in pairs for n in pair})
        out = []
        for (a, b), reasons in pairs.items():
            first, second = cases.get(a), cases.get(b)
            if first is None or second is None or first.merged or second.merged:
                continue
            if "open" not in (first.brief.status, second.brief.status):
                continue
            if _same_series(first.brief, second.brief):
                continue
            # The open case (the newer when both are) is the one the proposal is about.
            mine, other = sorted(
                (first, second), key=lambda c: (c.brief.status == "open", c.brief.reported_at)
            )[::-1]
            out.append(SeriesProposal(mine.brief, other.brief, _ordered(reasons)))
        return sorted(out, key=_strength)[:OPEN_PROPOSALS_SHOWN]

    # --- decisions ----------------------------------------------------------------------------
    def confirm(self, actor: Actor, case_no: str, other_case_no: str, *, label: str = "") -> SeriesView:
        """The two cases are one series: they join one (a series of either, or a new one)."""
        actor.require(Permission.EDIT_CASES)
        with self._write() as s:
            now = server_time(s)
            a, b = live_case(s, case_no, "case_no"), live_case(s, other_case_no, "other_case_no")
            if a.id == b.id:
                raise ValidationError("other_case_no", "series.pair.self")
            m = CaseSeriesMember
            in_a = s.scalar(select(m.series_id).where(m.case_id == a.id))
            in_b = s.scalar(select(m.series_id).where(m.case_id == b.id))
            to_insert: list[TheftCase] = []
            joined: list[TheftCase] = []
            if in_a is None and in_b is None:
                name = label.strip() or f"{rules.CATEGORIES.get(a.category, '')}串案 {a.case_no}"
                series_id = s.execute(
                    insert(CaseSeries)
                    .values(label=name[:100], created_at=now, created_by=actor.username[:32], version=1)
                    .returning(CaseSeries.id)
                ).scalar_one()
                to_insert = joined = [a, b]
            elif in_a is not None and in_b is not None:
                series_id = in_a
                if in_a != in_b:  # two series found to be one: the second's cases join the first
                    moved = list(s.scalars(select(m.case_id).where(m.series_id == in_b)))
                    s.execute(update(m).where(m.series_id == in_b).values(series_id=in_a))
                    s.execute(delete(CaseSeries).where(CaseSeries.id == in_b))
                    joined = [s.get_one(TheftCase, n) for n in moved]
            else:
                series_id = in_a if in_a is not None else in_b  # type: ignore[assignment] # one is set
                to_insert = joined = [b if in_a is not None else a]
            for case in to_insert:
                s.execute(
                    insert(m).values(
                        case_id=case.id, series_id=series_id, added_at=now, added_by=actor.username[:32]
                    )
                )
            for case in joined:
                other = b.case_no if case.id == a.id else a.case_no
                add_timeline(s, case.id, now, actor, "series_confirmed", series_id=series_id, case_no=other)
            audit(
                s,
                actor,
                self._clock,
                "series_confirm",
                "case_series",
                series_id,
                cases=[a.case_no, b.case_no],
            )
        return self.series(actor, series_id)

    def dismiss(self, actor: Actor, case_no: str, other_case_no: str) -> bool:
        """Not one series: the pair is never proposed again. False when it was dismissed already."""
        actor.require(Permission.EDIT_CASES)
        with self._write() as s:
            now = server_time(s)
            a, b = case_row(s, case_no, "case_no"), case_row(s, other_case_no, "other_case_no")
            if a.id == b.id:
                raise ValidationError("other_case_no", "series.pair.self")
            low, high = min(a.id, b.id), max(a.id, b.id)
            d = SeriesDismissal
            if s.scalar(select(d.id).where(d.case_id == low, d.other_case_id == high)) is not None:
                return False
            s.execute(insert(d).values(case_id=low, other_case_id=high, at=now, username=actor.username[:32]))
            add_timeline(s, a.id, now, actor, "series_dismissed", case_no=b.case_no)
            add_timeline(s, b.id, now, actor, "series_dismissed", case_no=a.case_no)
            audit(s, actor, self._clock, "series_dismiss", "case", a.id, case_no=b.case_no)
            return True

    # --- reading a series ---------------------------------------------------------------------
    def series(self, actor: Actor, series_id: int) -> SeriesView:
        actor.require(Permission.VIEW_CASES)
        with self._read() as conn:
            label = conn.execute(select(CaseSeries.label).where(CaseSeries.id == series_id)).scalar()
            if label is None:
                raise ValidationError("series", "series.not_found", series_id=series_id)
            members = select(CaseSeriesMember.case_id).where(CaseSeriesMember.series_id == series_id)
            cases = sorted(
                _briefs(conn, TheftCase.id.in_(members)), key=lambda c: (c.brief.reported_at, c.id)
            )
        return SeriesView(series_id, label, tuple(c.brief for c in cases))

    def series_of(self, actor: Actor, case_no: str) -> SeriesView | None:
        """The confirmed series ``case_no`` belongs to, if any."""
        actor.require(Permission.VIEW_CASES)
        with self._read() as conn:
            found = _briefs(conn, TheftCase.case_no == str(case_no or "").strip().upper())
        if not found:
            raise ValidationError("case_no", "case.not_found", case_no=case_no)
        series_id = found[0].brief.series_id
        return self.series(actor, series_id) if series_id is not None else None

    def series_timeline(self, actor: Actor, series_id: int) -> list[SeriesEntry]:
        """Every timeline entry of the series' cases (and of dossiers merged into them), in time order."""
        actor.require(Permission.VIEW_CASES)
        t, tl, m = TheftCase, CaseTimeline, CaseSeriesMember
        with self._read() as conn:
            if conn.execute(select(CaseSeries.id).where(CaseSeries.id == series_id)).scalar() is None:
                raise ValidationError("series", "series.not_found", series_id=series_id)
            members = select(m.case_id).where(m.series_id == series_id)
            cases = select(t.id).where(or_(t.id.in_(members), t.merged_into_id.in_(members)))
            rows = conn.execute(
                select(t.case_no, tl.at, tl.kind, tl.username, tl.actor_name, tl.detail)
                .join(t, t.id == tl.case_id)
                .where(tl.case_id.in_(cases))
                .order_by(tl.at, tl.id)
            )
            return [
                SeriesEntry(
                    r.case_no,
                    r.at,
                    r.kind,
                    r.username,
                    r.actor_name,
                    json.loads(r.detail) if r.detail else {},
                )
                for r in rows
            ]

    # --- merging ------------------------------------------------------------------------------
    def merge(self, actor: Actor, keep_case_no: str, merged_case_no: str) -> MergeResult:
        """Two dossiers of the same crime become one: see ``merge.merge_cases``."""
        actor.require(Permission.EDIT_CASES)
        with self._write() as s:
            return merge_cases(s, actor, self._clock, keep_case_no, merged_case_no)


def _same_series(a: CaseBrief, b: CaseBrief) -> bool:
    return a.series_id is not None and a.series_id == b.series_id


def _ordered(reasons: list[Reason]) -> tuple[Reason, ...]:
    return tuple(sorted(reasons, key=lambda r: rules.SERIES_RULES.index(r.rule)))


def _strength(p: SeriesProposal) -> tuple[int, int, float]:
    """Most shared things first, then the strongest rule, then the most recent other case."""
    strongest = min(rules.SERIES_RULES.index(r.rule) for r in p.reasons)
    return (-len(p.reasons), strongest, -p.other.reported_at.timestamp())
