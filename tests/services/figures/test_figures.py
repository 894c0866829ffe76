"""The station's figures: one seeded year, and `stats`, the charts, the CSV and the PDF agree on it."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import unicodedata
from decimal import Decimal

import pytest
from factories import add_communities, add_station
from sqlalchemy import Engine, insert

from console.cli import main
from console.clock import FixedClock
from console.errors import ValidationError
from console.models import (
    Alert,
    Building,
    Community,
    Dispatch,
    FraudIntervention,
    GridCell,
    Household,
    PropertyItem,
    TheftCase,
)
from console.security import Actor
from console.services.cases import solve_band
from console.services.container import build_services
from console.services.figures import Bar, Period, csv_rows, write_csv

CST = dt.timezone(dt.timedelta(hours=8))
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=CST)


def at(day: str, time: str = "10:00") -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{time}:00+08:00")


def seed(engine: Engine) -> None:
    """A small year: the June/July boundary, every solve band's edges, the prior year, property,
    dispatches around the 10-minute target, interventions, and households of two grid cells."""
    with engine.begin() as c:
        sid = add_station(c)
        cell = c.execute(
            insert(GridCell).values(station_id=sid, code="G1", name="第一网格").returning(GridCell.id)
        ).scalar_one()
        comm, other = add_communities(c, sid, ["禹洲璟阅城", "灌口新城"])
        c.execute(Community.__table__.update().where(Community.id == comm).values(grid_cell_id=cell))
        n = 0

        def case(reported: dt.datetime, solved: dt.datetime | None, category: str = "cable") -> int:
            nonlocal n
            n += 1
            return c.execute(
                insert(TheftCase)
                .values(
                    case_no=f"GK{n:05d}",
                    category=category,
                    title=f"案件{n}",
                    community_id=comm,
                    status="solved" if solved else "open",
                    occurred_at=reported,
                    reported_at=reported,
                    solved_at=solved,
                )
                .returning(TheftCase.id)
            ).scalar_one()

        june_last = case(at("2026-06-30", "23:30"), at("2026-07-01", "23:30"))  # June, solved in exactly 24 h
        case(
            at("2026-07-01", "00:10"), at("2026-07-02", "00:10") + dt.timedelta(seconds=1), "phone"
        )  # July, 72h band
        case(at("2026-06-01", "00:00"), at("2026-06-04", "00:00"), "e-bike")  # exactly 72 h
        case(at("2026-06-10"), at("2026-06-20"), "phone")  # later
        case(at("2026-06-11"), None, "burglary")  # open
        case(at("2026-01-01", "00:00"), at("2026-01-01", "05:00"))  # first minute of the year
        case(at("2025-12-31", "23:59"), None)  # the year before, by a minute
        for day in ("2025-06-02", "2025-06-03", "2025-06-30", "2025-07-05"):
            case(at(day), None)
        # Property: two items of the June case, one found item recovered in 2026, one before.
        items = [
            dict(case_id=june_last, description="电缆一捆", category="电缆", status="returned",
                 recovered_at=at("2026-07-01"), notified_at=at("2026-07-02", "09:00"), returned_at=at("2026-07-03")),
            dict(case_id=june_last, description="电缆两捆", category="电缆", status="stolen"),
            dict(case_id=None, description="电动车", category="电动车", status="recovered",
                 recovered_at=at("2026-03-03"), notified_at=at("2026-03-06")),
            dict(case_id=None, description="自行车", category="自行车", status="recovered", recovered_at=at("2025-03-03")),
        ]  # fmt: skip
        for item in items:
            c.execute(insert(PropertyItem).values(**item))
        # Dispatches: 599 s, 600 s (on the target), 601 s, one not yet arrived, one from last year.
        for i, (sent, seconds) in enumerate(
            [(at("2026-05-01"), 599), (at("2026-05-02"), 600), (at("2026-06-30", "23:50"), 601),
             (at("2026-08-01"), None), (at("2025-08-01"), 100)]
        ):  # fmt: skip
            raised = sent - dt.timedelta(seconds=30)
            aid = c.execute(
                insert(Alert)
                .values(kind="plate", severity="high", severity_rank=1, status="dispatched", community_id=comm,
                        summary=f"预警{i}", first_event_at=raised, last_event_at=raised, raised_at=raised,
                        updated_at=raised)
                .returning(Alert.id)
            ).scalar_one()  # fmt: skip
            c.execute(
                insert(Dispatch).values(
                    alert_id=aid, community_id=comm, dispatched_at=sent, received_at=raised,
                    arrived_at=None if seconds is None else raised + dt.timedelta(seconds=seconds, microseconds=400_000),
                )
            )  # fmt: skip
            if i < 3:
                c.execute(
                    insert(FraudIntervention).values(
                        alert_id=aid, opened_at=sent, outcome="stopped" if i < 2 else "not_fraud",
                        saved=Decimal("50000.50") if i < 2 else None, closed_at=sent + dt.timedelta(hours=1),
                    )
                )  # fmt: skip
        # Households: verified 30 whole days ago (green), 31 (orange), 91 (red), never; one without a cell.
        bld = c.execute(
            insert(Building).values(community_id=comm, name="1").returning(Building.id)
        ).scalar_one()
        bld2 = c.execute(
            insert(Building).values(community_id=other, name="1").returning(Building.id)
        ).scalar_one()
        for room, days in (("101", 30), ("102", 31), ("103", 91), ("104", None)):
            verified = None if days is None else NOW - dt.timedelta(days=days, hours=1)
            c.execute(
                insert(Household).values(
                    community_id=comm, building_id=bld, floor=1, room=room, last_verified_at=verified
                )
            )
        c.execute(insert(Household).values(community_id=other, building_id=bld2, floor=1, room="101"))


EXPECTED_2026 = {
    "from": "2026-01-01", "to": "2026-12-31",
    "cases": 6, "cases_prior_year": 5, "yoy_change": 0.2,
    "solved": 5, "solved_24h": 2, "solved_24_72h": 2,
    "property": {"stolen": 2, "recovered": 2, "returned": 1, "unclaimed": 1, "notified_within_48h": 1},
    "dispatch": {"count": 4, "arrived": 3, "within_target": 2, "median_response_seconds": 600},
    "fraud": {"interventions": 3, "stopped": 2, "saved": 100001.0},
}  # fmt: skip


@pytest.fixture
def seeded(engine: Engine, users) -> tuple[object, Actor]:  # type: ignore[no-untyped-def]
    seed(engine)
    services = build_services(engine, FixedClock(NOW))
    chief = users.ensure_user("wang", "王所长", "leader")
    return services, chief


def test_a_year_of_figures_as_the_contract_prints_them(seeded):
    services, chief = seeded
    summary = services.figures.summary(chief, Period.parse("2026-01-01", "2026-12-31"))
    assert summary.as_dict() == EXPECTED_2026


def test_a_case_reported_at_half_past_eleven_on_30_june_belongs_to_june(seeded):
    services, chief = seeded
    june = services.figures.figures(chief, Period.month(2026, 6))
    july = services.figures.summary(chief, Period.month(2026, 7))
    assert june.summary.cases == 4 and july.cases == 1
    assert [m.cases for m in june.incidents.months] == [4]
    assert [m.prior_year for m in june.incidents.months] == [3]
    assert june.solved.months[0].within_24h == 1 and june.solved.months[0].within_72h == 1
    assert june.solved.months[0].later == 1 and june.solved.months[0].open == 1
    # The dispatch at 23:50 on 30 June (601 s: beyond the target) is June's, too.
    assert june.summary.dispatch.count == 1 and june.summary.dispatch.within_target == 0


def test_solve_bands_in_sql_are_the_rule_in_python(seeded):
    services, chief = seeded
    year = services.figures.figures(chief, Period.parse("2026-01-01", "2026-12-31"))
    bands = {"24h": 0, "72h": 0, "later": 0, "open": 0}
    rows = services.figures.drill_down(chief, year.period, Bar("categories", "cable")).rows
    assert {r.ref for r in rows} == {"GK00001", "GK00006"}
    for m in year.solved.months:
        for band, n in zip(bands, (m.within_24h, m.within_72h, m.later, m.open), strict=True):
            bands[band] += n
    reported = at("2026-06-30", "23:30")
    assert solve_band(reported, reported + dt.timedelta(hours=24)) == "24h"
    assert solve_band(reported, reported + dt.timedelta(hours=24, seconds=1)) == "72h"
    assert bands == {"24h": 2, "72h": 2, "later": 1, "open": 1}


def test_each_bar_lists_exactly_what_it_counts(seeded):
    services, chief = seeded
    period = Period.parse("2026-01-01", "2026-12-31")
    f = services.figures.figures(chief, period)
    for m in f.solved.months:
        for band, n in (("24h", m.within_24h), ("72h", m.within_72h), ("later", m.later), ("open", m.open)):
            assert services.figures.drill_down(chief, period, Bar("solved", m.month, band)).total == n
    for b in f.response.bins:
        assert services.figures.drill_down(chief, period, Bar("response", b.key)).total == b.dispatches
    june = services.figures.drill_down(chief, period, Bar("incidents", "2026-06", "prior_year"))
    assert june.total == 3 and all(r.at.astimezone(CST).month == 6 for r in june.rows)
    unclaimed = services.figures.drill_down(chief, period, Bar("property", "unclaimed"))
    assert [r.ref for r in unclaimed.rows] == ["电动车"]
    with pytest.raises(ValidationError) as refused:
        services.figures.drill_down(chief, period, Bar("solved", "2026-06", "soon"))
    assert refused.value.field == "series"


def test_coverage_uses_the_grid_maps_colours(seeded):
    services, chief = seeded
    cov = services.figures.coverage(chief)
    cell, unassigned = cov.rows
    assert (cell.grid_cell, cell.green, cell.orange, cell.red, cell.never) == ("第一网格", 1, 1, 1, 1)
    assert (unassigned.grid_cell, unassigned.never) == ("未划网格", 1)
    red = services.figures.drill_down(
        chief, Period.month(2026, 11), Bar("coverage", str(cell.grid_cell_id), "red")
    )
    assert [r.ref for r in red.rows] == ["禹洲璟阅城 103"]


def test_a_period_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValidationError) as refused:
        Period.parse("2026-06-30", "2026-06-01")
    assert refused.value.field == "to"


def test_stats_csv_and_pdf_agree_on_one_seeded_year(seeded, db_url, capsys, tmp_path):
    services, chief = seeded
    assert main(["--db", db_url, "stats", "--from", "2026-01-01", "--to", "2026-12-31"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == EXPECTED_2026
    figures = services.figures.figures(chief, Period.parse("2026-01-01", "2026-12-31"))
    assert figures.summary.as_dict() == printed
    header, rows = csv_rows(figures, "incidents")
    assert header[:3] == ("月份", "本期案件", "上年同期")
    assert (
        sum(r[1] for r in rows) == printed["cases"] and sum(r[2] for r in rows) == printed["cases_prior_year"]
    )
    assert [r[1] for r in rows if r[0] == "2026-06"] == [4]
    _h, solved = csv_rows(figures, "solved")
    assert (
        sum(r[1] for r in solved) == printed["solved_24h"]
        and sum(r[2] for r in solved) == printed["solved_24_72h"]
    )
    _h, prop = csv_rows(figures, "property")
    assert dict(prop)["追回"] == printed["property"]["recovered"]
    path = write_csv(tmp_path / "solved.csv", figures, "solved")
    assert path.read_bytes().startswith("\ufeff月份,24小时内破案".encode())  # Excel reads it as UTF-8


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_the_monthly_brief_prints_the_same_figures(seeded, db_url, capsys, tmp_path):
    pytest.importorskip("PySide6")
    services, chief = seeded
    out = tmp_path / "brief.pdf"
    assert main(["--db", db_url, "report", "monthly", "--month", "2026-06", "--out", str(out)]) == 0
    capsys.readouterr()
    raw = subprocess.run(
        [str(shutil.which("pdftotext")), "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = unicodedata.normalize("NFKC", raw)  # the CJK font maps some glyphs to Kangxi radicals
    june = services.figures.summary(chief, Period.month(2026, 6))
    assert "2026年6月 工作简报" in text
    line = next(li for li in text.splitlines() if "刑事警情 (案件)" in li)
    assert line.split()[-3:] == [str(june.cases), "3", "+33%"]
    assert "GK00001" in text  # solved fastest: within 24 h
    assert "网格" in text and "第一网格" in text
