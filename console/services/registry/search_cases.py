"""The case part of instant search: case numbers, property identifiers (serial / IMEI / e-bike frame
number) and suspects' names, each found by an indexed lookup (see migrations/versions/0012_case_search.py).

A hit names the case; choosing it opens the dossier. A suspect's ID number travels in the hit like
a resident's and is masked by SearchService unless the actor may see it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, Table, or_, select

from console.models import CaseParty, PropertyItem, TheftCase

T: Table = TheftCase.__table__  # type: ignore[assignment]
P: Table = PropertyItem.__table__  # type: ignore[assignment]
CP: Table = CaseParty.__table__  # type: ignore[assignment]

_CASE_NO = re.compile(r"[A-Z]{1,4}\d{4,}")
_IDENTIFIER = re.compile(r"[A-Z0-9]{6,64}")


def looks_like_case_no(compact: str) -> bool:
    """Letters then at least four digits: the station's GK202600017, or its start (GK2026)."""
    return bool(_CASE_NO.fullmatch(compact))


def looks_like_identifier(compact: str) -> bool:
    """An IMEI, serial or frame number as normalised (no spaces or dashes, upper-case), with a digit."""
    return bool(_IDENTIFIER.fullmatch(compact)) and any(c.isdigit() for c in compact)


@dataclass(frozen=True)
class CaseMatch:
    """Why a case was found: what matched, and the suspect's name and ID number when it was one."""

    case_id: int
    matched: str
    name: str = ""
    id_number: str = ""


class CaseFinder:
    """The case lookups of one search; ``prefix`` builds an index-served prefix range for a column."""

    def __init__(
        self,
        conn: Connection,
        limit: int,
        prefix: Callable[[ColumnElement[str], str], ColumnElement[bool]],
    ) -> None:
        self.s = conn
        self.limit = limit
        self.prefix = prefix
        self.found: dict[int, CaseMatch] = {}

    def _add(self, match: CaseMatch) -> None:
        if match.case_id not in self.found and len(self.found) < self.limit:
            self.found[match.case_id] = match

    def by_case_no(self, q: str) -> None:
        for where in (T.c.case_no == q, self.prefix(T.c.case_no, q)):
            if len(self.found) >= self.limit:
                return
            rows = self.s.execute(select(T.c.id).where(where).order_by(T.c.case_no).limit(self.limit))
            for (case_id,) in rows:
                self._add(CaseMatch(case_id, "案件编号"))

    def by_identifier(self, q: str) -> None:
        rows = self.s.execute(
            select(P.c.case_id, P.c.imei, P.c.serial, P.c.description)
            .where(or_(P.c.imei == q, P.c.serial == q, P.c.frame == q), P.c.case_id.is_not(None))
            .limit(self.limit)
        )
        for case_id, imei, serial, description in rows:
            which = "IMEI" if imei == q else "序列号" if serial == q else "车架号"
            self._add(CaseMatch(case_id, f"涉案财物{which} {description}".strip()))

    def by_suspect_name(self, name: str) -> None:
        # A surname alone starts hundreds of names: only the exact name for one character.
        wheres = [CP.c.name == name] + ([self.prefix(CP.c.name, name)] if len(name) >= 2 else [])
        for where in wheres:
            if len(self.found) >= self.limit:
                return
            rows = self.s.execute(
                select(CP.c.case_id, CP.c.name, CP.c.id_number)
                .where(where, CP.c.role == "suspect")
                .order_by(CP.c.name)  # the name index serves both lookup and order
                .limit(self.limit)
            )
            for case_id, found_name, id_number in rows:
                self._add(CaseMatch(case_id, "嫌疑人姓名", found_name, id_number or ""))

    def cases(self) -> list[tuple[CaseMatch, str, str, str]]:
        """(match, case number, summary, status) of each case found, in the order found."""
        if not self.found:
            return []
        rows = {
            r.id: r
            for r in self.s.execute(
                select(T.c.id, T.c.case_no, T.c.title, T.c.status).where(T.c.id.in_(list(self.found)))
            )
        }
        return [
            (m, rows[m.case_id].case_no, rows[m.case_id].title, rows[m.case_id].status)
            for m in self.found.values()
            if m.case_id in rows
        ]
