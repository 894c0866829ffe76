"""Hostile and pasted text through the real services: stored and shown literally, never executed;
a pasted megabyte refused with the field and the limit named. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from grid_data import keep_cells_of, seed_grid
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.errors import ValidationError
from console.messages import text
from console.models import Household, Resident, TheftCase, VerificationVisit, WatchlistEntry
from console.security import Actor
from console.services.alerts import WatchlistService
from console.services.cases import CaseService
from console.services.registry import NewResident, SearchService, VerificationService
from console.validators import MAX_NOTE, MAX_QUERY, MAX_REASON

DROP = "'; DROP TABLE resident; --"
OR_TRUE = '" OR 1=1 --'
NAME = "王五');DROP--"  # search matches names without spaces or digits
CONTROLS = "响铃\x07 转义\x1b[31m红 反向\u202e文字 制表\t回车\r\n换行 %_\\"
MEGABYTE = "案" * 1_000_000


def count(sessions: sessionmaker[Session], model: type) -> int:
    with sessions() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


@pytest.fixture
def grid(engine: Engine, clock: FixedClock, community_officer: Actor) -> None:
    seed_grid(
        engine, clock.now(), communities=1, grid_cells=1, buildings=1, floors=2, units=1, rooms=2, seed=3
    )
    keep_cells_of(engine, community_officer.username)  # the community officer keeps the one cell


def household_version(sessions: sessionmaker[Session], household_id: int) -> int:
    with sessions() as s:
        return s.execute(select(Household.version).where(Household.id == household_id)).scalar_one()


def test_visit_notes_and_added_residents_are_stored_literally_and_found_by_search(
    grid: None, sessions: sessionmaker[Session], clock: FixedClock, community_officer: Actor
) -> None:
    residents_before = count(sessions, Resident)
    visits = VerificationService(sessions, clock)
    visits.record_visit(
        community_officer,
        1,
        household_version(sessions, 1),
        visited_at=clock.now(),
        officer_id=1,
        added_residents=[NewResident(OR_TRUE, relation="租客\x07"), NewResident(NAME)],
        note=f"{DROP}\n{CONTROLS}",
    )
    with sessions() as s:
        assert s.scalars(select(VerificationVisit.note)).one() == f"{DROP}\n{CONTROLS}"
        assert s.scalars(select(Resident.name).where(Resident.name == OR_TRUE)).one() == OR_TRUE
    assert count(sessions, Resident) == residents_before + 2  # the table is still there, two more rows

    search = SearchService(sessions, clock)
    assert {h.title for h in search.search(community_officer, NAME) if h.kind == "resident"} == {NAME}
    for query in (DROP, OR_TRUE, "1=1", "%", "_", "\\", "' OR ''='"):
        hits = search.search(community_officer, query)
        names = {h.title for h in hits if h.kind == "resident"}
        assert names <= {NAME, OR_TRUE}, (query, names)  # a wildcard or a quote matches itself, nothing more
    assert count(sessions, Resident) == residents_before + 2


def test_case_summaries_and_narratives_keep_quotes_and_control_characters(
    sessions: sessionmaker[Session], investigator: Actor
) -> None:
    cases = CaseService(sessions)
    opened = cases.open(
        investigator,
        category="cable",
        reported_at="2026-03-01T09:00+08:00",
        summary=DROP,
        narrative=f"{OR_TRUE}\n{CONTROLS}",
        victim_name="O'Brien",
    )
    shown = cases.show(investigator, opened.case_no)
    assert shown.case["summary"] == DROP
    assert shown.case["narrative"] == f"{OR_TRUE}\n{CONTROLS}"
    assert count(sessions, TheftCase) == 1


def test_watchlist_reasons_keep_what_was_typed(
    sessions: sessionmaker[Session], clock: FixedClock, duty_officer: Actor
) -> None:
    watchlist = WatchlistService(sessions, clock)
    entry = watchlist.add(duty_officer, plate="闽D12345", reason=f"{DROP} {CONTROLS}", name=OR_TRUE)
    row = watchlist.get(duty_officer, entry)
    assert row.reason == f"{DROP} {CONTROLS}".strip()
    assert row.name == OR_TRUE


def refusal(caught: pytest.ExceptionInfo[ValidationError]) -> tuple[str | None, str]:
    """The field and the rule as a user reads them, "field: words" (as the panes and the CLI show them)."""
    return caught.value.field, f"{caught.value.field}: {text(caught.value.code, 'en', **caught.value.params)}"


def test_a_pasted_megabyte_is_refused_naming_the_field_and_the_limit(
    grid: None,
    sessions: sessionmaker[Session],
    clock: FixedClock,
    community_officer: Actor,
    investigator: Actor,
    duty_officer: Actor,
) -> None:
    with pytest.raises(ValidationError) as caught:
        VerificationService(sessions, clock).record_visit(
            community_officer,
            1,
            household_version(sessions, 1),
            visited_at=clock.now(),
            officer_id=1,
            note=MEGABYTE,
        )
    assert refusal(caught) == ("note", f"note: too long: at most {MAX_NOTE} characters, got 1000000")
    assert f"最多 {MAX_NOTE} 个字" in caught.value.text("zh_CN")

    with pytest.raises(ValidationError) as caught:
        WatchlistService(sessions, clock).add(duty_officer, plate="闽D12345", reason=MEGABYTE)
    assert refusal(caught) == ("reason", f"reason: too long: at most {MAX_REASON} characters, got 1000000")

    with pytest.raises(ValidationError) as caught:
        SearchService(sessions, clock).search(community_officer, MEGABYTE)
    assert refusal(caught)[0] == "query" and str(MAX_QUERY) in refusal(caught)[1]

    cases = CaseService(sessions)
    for field in ("summary", "narrative"):
        values = {"summary": "电缆被盗", field: MEGABYTE}
        with pytest.raises(ValidationError) as caught:
            cases.open(investigator, category="cable", reported_at="2026-03-01T09:00+08:00", **values)
        assert caught.value.field == field

    with pytest.raises(ValidationError) as caught:
        VerificationService(sessions, clock).record_visit(
            community_officer,
            1,
            household_version(sessions, 1),
            visited_at=clock.now(),
            officer_id=1,
            added_residents=[NewResident("名" * 51)],
        )
    assert caught.value.field == "name" and "50" in caught.value.text("en")

    assert count(sessions, VerificationVisit) == 0
    assert count(sessions, WatchlistEntry) == 0
    assert count(sessions, TheftCase) == 0


def test_a_nul_character_is_refused_by_name_not_by_the_database(
    grid: None,
    sessions: sessionmaker[Session],
    clock: FixedClock,
    duty_officer: Actor,
    community_officer: Actor,
) -> None:
    with pytest.raises(ValidationError) as caught:
        WatchlistService(sessions, clock).add(duty_officer, plate="闽D12345", reason="前科\x00")
    assert refusal(caught) == ("reason", "reason: contains a NUL character (\\x00), which cannot be stored")
    with pytest.raises(ValidationError) as caught:
        VerificationService(sessions, clock).record_visit(
            community_officer,
            1,
            household_version(sessions, 1),
            visited_at=clock.now(),
            officer_id=1,
            note="a\x00b",
        )
    assert caught.value.field == "note"
