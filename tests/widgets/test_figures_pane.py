"""The statistics pane on a real seeded SQLite station: what leadership sees, clicks and exports."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog
from sqlalchemy import Engine

from console import app as console_app
from console.clock import FixedClock
from console.db import make_engine
from console.security import Actor
from console.services.container import Services, build_services
from console.services.figures import Period, csv_rows
from console.widgets.figures_pane import FiguresPane
from console.widgets.live_bridge import LiveBridge
from console.widgets.worker import DatabaseWorker
from tests.grid_data import seed_grid

LOCAL = dt.timezone(dt.timedelta(hours=8))
YEAR = Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def local(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=LOCAL)


@dataclass
class Station:
    services: Services
    cases: dict[str, str]  # a name the test uses -> case number


# (name, category, reported (local), hours to solve or None)
CASES = (
    ("jan_cable_fast", "cable", local(2026, 1, 5, 2, 0), 5.0),
    ("jan_cable_fast2", "cable", local(2026, 1, 9, 23, 0), 20.0),
    ("jan_phone_open", "phone", local(2026, 1, 20, 10, 0), None),
    ("jan_last_night", "e-bike", local(2026, 1, 31, 23, 30), 30.0),  # January in Beijing, February in UTC+0
    ("feb_bicycle_late", "bicycle", local(2026, 2, 10, 9, 0), 100.0),
    ("mar_cable_open", "cable", local(2026, 3, 10, 8, 0), None),
    ("prior_jan_1", "cable", local(2025, 1, 3, 8, 0), 4.0),
    ("prior_jan_2", "phone", local(2025, 1, 4, 8, 0), None),
    ("prior_feb_1", "cable", local(2025, 2, 3, 8, 0), 4.0),
    ("prior_feb_2", "cable", local(2025, 2, 4, 8, 0), None),
    ("prior_feb_3", "bicycle", local(2025, 2, 5, 8, 0), None),
    ("prior_mar_1", "burglary", local(2025, 3, 5, 8, 0), 80.0),
)


@pytest.fixture
def station_engine(tmp_path: Path, sqlite_template: Path) -> Iterator[Engine]:
    path = tmp_path / "station.db"
    shutil.copy(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    yield engine
    engine.dispose()


@pytest.fixture
def station(station_engine: Engine, clock: FixedClock) -> Station:
    services = build_services(station_engine, clock)
    seed_grid(station_engine, clock.now(), communities=2, buildings=1, floors=2, units=1, rooms=3)
    actor = services.users.ensure_user("li", "李办案", "investigator")
    numbers: dict[str, str] = {}
    for name, category, reported, hours in CASES:
        opened = services.cases.open(
            actor, category=category, reported_at=reported, summary=f"{name} 财物被盗", community="小区0"
        )
        numbers[name] = opened.case_no
        if hours is not None:
            services.cases.solve(actor, opened.case_no, at=reported + dt.timedelta(hours=hours))
    return Station(services, numbers)


@pytest.fixture
def leader(station: Station) -> Actor:
    return station.services.users.ensure_user("wang", "王所长", "supervisor")


@pytest.fixture
def bridge(db_worker: DatabaseWorker, station: Station) -> Iterator[LiveBridge]:
    live = LiveBridge(station.services.open_change_feed(), db_worker)
    yield live
    live.close()


@pytest.fixture
def pane(
    qtbot: Any, db_worker: DatabaseWorker, station: Station, leader: Actor, bridge: LiveBridge
) -> Iterator[FiguresPane]:
    widget = FiguresPane(station.services.figures, station.services.clock, leader, db_worker, bridge=bridge)
    qtbot.addWidget(widget)
    widget.resize(1300, 460)
    widget.show()
    wait_loaded(qtbot, widget)
    yield widget
    widget.shutdown()


def wait_loaded(qtbot: Any, pane: FiguresPane) -> None:
    qtbot.waitUntil(lambda: pane.figures is not None and not pane.busy(), timeout=15_000)


def heights(pane: FiguresPane, chart: str, series: int) -> list[float]:
    """The drawn bar heights of one series, as the user sees them after opening the chart's tab."""
    pane.tabs.setCurrentWidget(pane.pages[chart])
    page = pane.pages[chart]
    assert page.chart.data is not None
    return [page.chart.bar_height(c, series) for c in range(len(page.chart.data.categories))]


def click_bar(qtbot: Any, pane: FiguresPane, chart: str, category: int, series: int) -> None:
    """A real mouse click in the middle of one drawn bar."""
    pane.tabs.setCurrentWidget(pane.pages[chart])
    plot = pane.pages[chart].chart.plot
    qtbot.waitUntil(plot.isVisible)
    bar = next(b for b in pane.pages[chart].chart.bars if b.category == category and b.series == series)
    view = plot.getPlotItem().getViewBox()
    from PySide6.QtCore import QPointF

    scene_point = view.mapViewToScene(QPointF((bar.x0 + bar.x1) / 2, (bar.y0 + bar.y1) / 2))
    widget_point = plot.mapFromScene(scene_point)
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=widget_point)


def test_incident_bars_are_the_services_numbers_this_year_against_last(
    pane: FiguresPane, station: Station, leader: Actor
) -> None:
    expected = station.services.figures.figures(leader, YEAR).incidents
    assert pane.period == YEAR  # the clock's year by default
    assert heights(pane, "incidents", 0) == [float(m.cases) for m in expected.months]
    assert heights(pane, "incidents", 1) == [float(m.prior_year) for m in expected.months]
    # the 23:30 case of 31 January is January's (Beijing time): 4, 1, 1 against 2, 3, 1
    assert heights(pane, "incidents", 0)[:3] == [4.0, 1.0, 1.0]
    assert heights(pane, "incidents", 1)[:3] == [2.0, 3.0, 1.0]
    note = pane.pages["incidents"].chart.note_label.text()
    assert "6" in note and "同比 -0%" not in note
    assert "刑事警情 6 起" in pane.headline.text()


def test_solved_chart_stacks_24h_72h_later_and_open_per_month(pane: FiguresPane) -> None:
    assert heights(pane, "solved", 0)[:3] == [2.0, 0.0, 0.0]  # within 24 h
    assert heights(pane, "solved", 1)[:3] == [1.0, 0.0, 0.0]  # 24-72 h
    assert heights(pane, "solved", 2)[:3] == [0.0, 1.0, 0.0]  # later
    assert heights(pane, "solved", 3)[:3] == [1.0, 0.0, 1.0]  # still open
    assert heights(pane, "categories", 0)[0] == 3.0
    cable = pane.pages["categories"].chart.data
    assert cable is not None
    assert cable.categories[0] == "电缆" and heights(pane, "categories", 0)[0] == 3.0


def test_clicking_a_bar_lists_the_cases_behind_it_and_a_double_click_opens_the_dossier(
    qtbot: Any, pane: FiguresPane, station: Station
) -> None:
    click_bar(qtbot, pane, "incidents", 0, 0)  # January, this year
    qtbot.waitUntil(lambda: pane.drill_list.rowCount() == 4, timeout=10_000)
    listed = {pane.drill_list.item(r, 0).text() for r in range(4)}
    january = {
        station.cases[n] for n in ("jan_cable_fast", "jan_cable_fast2", "jan_phone_open", "jan_last_night")
    }
    assert listed == january
    assert "共 4 条" in pane.drill_title.text()
    with qtbot.waitSignal(pane.case_open_requested) as opened:
        rect = pane.drill_list.visualItemRect(pane.drill_list.item(1, 0))
        qtbot.mouseClick(pane.drill_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(pane.drill_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [pane.drill_list.item(1, 0).text()]
    click_bar(qtbot, pane, "solved", 1, 2)  # February, solved after more than 72 h
    qtbot.waitUntil(
        lambda: (
            [pane.drill_list.item(r, 0).text() for r in range(pane.drill_list.rowCount())]
            == [station.cases["feb_bicycle_late"]]
        ),
        timeout=10_000,
    )


def test_keyboard_reaches_a_bar_and_enter_lists_it(qtbot: Any, pane: FiguresPane, station: Station) -> None:
    chart = pane.pages["incidents"].chart
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Right)  # February
    qtbot.keyClick(chart, Qt.Key.Key_Up)  # the year before
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pane.drill_list.rowCount() == 3, timeout=10_000)
    prior_feb = {station.cases[n] for n in ("prior_feb_1", "prior_feb_2", "prior_feb_3")}
    assert {pane.drill_list.item(r, 0).text() for r in range(3)} == prior_feb
    pane.drill_list.setFocus()
    pane.drill_list.selectRow(0)
    with qtbot.waitSignal(pane.case_open_requested) as opened:
        qtbot.keyClick(pane.drill_list, Qt.Key.Key_Return)
    assert opened.args[0] in prior_feb


def test_changing_the_period_reloads_the_charts(qtbot: Any, pane: FiguresPane) -> None:
    bar = pane.period_bar
    bar.kind.setCurrentIndex(bar.kind.findData("month"))  # the month of the clock: March 2026
    qtbot.waitUntil(lambda: pane.figures is not None and pane.figures.period.start == dt.date(2026, 3, 1))
    wait_loaded(qtbot, pane)
    assert heights(pane, "incidents", 0) == [1.0] and heights(pane, "incidents", 1) == [1.0]
    qtbot.mouseClick(bar.earlier, Qt.MouseButton.LeftButton)  # February
    qtbot.waitUntil(lambda: pane.figures is not None and pane.figures.period.start == dt.date(2026, 2, 1))
    wait_loaded(qtbot, pane)
    assert heights(pane, "incidents", 0) == [1.0] and heights(pane, "incidents", 1) == [3.0]
    bar.set_custom(dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    qtbot.waitUntil(lambda: pane.figures is not None and pane.figures.period.end == dt.date(2026, 1, 31))
    wait_loaded(qtbot, pane)
    assert heights(pane, "incidents", 0) == [4.0]
    assert pane.last_load_ms is not None


def test_csv_has_the_bom_and_the_services_figures_and_png_is_written(
    qtbot: Any, pane: FiguresPane, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "incidents.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(pane.csv_button, Qt.MouseButton.LeftButton)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert pane.figures is not None
    header, expected = csv_rows(pane.figures, "incidents")
    assert rows[0] == list(header)
    assert rows[1:] == [["" if v is None else str(v) for v in row] for row in expected]

    picture = tmp_path / "solved.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(picture), ""))
    pane.tabs.setCurrentWidget(pane.pages["solved"])
    qtbot.mouseClick(pane.png_button, Qt.MouseButton.LeftButton)
    image = QImage(str(picture))
    assert not image.isNull() and image.width() > 300 and image.height() > 150


def test_a_case_solved_on_another_console_moves_the_charts(
    qtbot: Any, pane: FiguresPane, station: Station, station_engine: Engine, clock: FixedClock
) -> None:
    assert heights(pane, "solved", 3)[2] == 1.0  # March: one open case
    other_console = build_services(station_engine, clock)
    investigator = other_console.users.ensure_user("li", "李办案", "investigator")
    other_console.cases.solve(investigator, station.cases["mar_cable_open"], at=local(2026, 3, 10, 11, 0))
    qtbot.waitUntil(lambda: heights(pane, "solved", 0)[2] == 1.0, timeout=10_000)
    assert heights(pane, "solved", 3)[2] == 0.0


def test_empty_period_shows_a_calm_empty_state(qtbot: Any, pane: FiguresPane) -> None:
    pane.period_bar.set_custom(dt.date(2024, 6, 1), dt.date(2024, 6, 30))
    qtbot.waitUntil(lambda: pane.figures is not None and pane.figures.period.start.year == 2024)
    wait_loaded(qtbot, pane)
    page = pane.pages["incidents"]
    assert page.currentWidget() is page.empty
    assert page.empty.text_label.text() == "本期没有可统计的数据"


def test_a_role_without_statistics_sees_why_and_nothing_loads(
    qtbot: Any, db_worker: DatabaseWorker, station: Station
) -> None:
    grid_worker = station.services.users.ensure_user("zhao", "赵网格", "grid_worker")
    widget = FiguresPane(station.services.figures, station.services.clock, grid_worker, db_worker)
    qtbot.addWidget(widget)
    assert widget.body.currentWidget() is widget.denied
    assert not widget.busy() and widget.figures is None


def test_english_labels(
    qtbot: Any, qapp: QApplication, db_worker: DatabaseWorker, station: Station, leader: Actor
) -> None:
    translators = console_app.install_translations(qapp, "en")
    try:
        widget = FiguresPane(station.services.figures, station.services.clock, leader, db_worker)
        qtbot.addWidget(widget)
        widget.show()
        wait_loaded(qtbot, widget)
        assert widget.tabs.tabText(0) == "Incidents, year on year"
        assert widget.csv_button.text() == "Export data"
        data = widget.chart_data("incidents")
        assert data is not None and data.categories[0] == "Jan"
        widget.shutdown()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_the_monthly_brief_button_writes_the_pdf_of_the_periods_last_month(
    qtbot: Any, pane: FiguresPane, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane.period_bar.set_period("month", dt.date(2026, 2, 14))
    wait_loaded(qtbot, pane)
    assert pane.brief_month() == Period(dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    target = tmp_path / "brief.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(pane.brief_written, timeout=20_000) as written:
        qtbot.mouseClick(pane.pdf_button, Qt.MouseButton.LeftButton)
    assert written.args == [str(target)]
    assert target.read_bytes().startswith(b"%PDF")


def test_charts_follow_the_theme_switched_at_run_time(
    qtbot: Any, qapp: QApplication, pane: FiguresPane
) -> None:
    from console.widgets import theme

    plot = pane.pages["incidents"].chart.plot
    try:
        theme.apply_theme(qapp, "light")
        qtbot.waitUntil(lambda: plot.backgroundBrush().color().name() == "#ffffff")
        theme.apply_theme(qapp, "dark")
        qtbot.waitUntil(lambda: plot.backgroundBrush().color().name() == "#0d1117")
    finally:
        theme.apply_theme(qapp, "dark")


def _dispatch_now(services: Services, engine: Engine, badge: str, minutes_ago: int) -> int:
    """An alert raised ``minutes_ago`` (real time: dispatch stamps the server's clock), dispatched and
    arrived now, so its response time is about ``minutes_ago`` minutes."""
    from sqlalchemy import insert

    from console.models import Alert

    raised = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=minutes_ago)
    with engine.begin() as c:
        alert_id = c.execute(
            insert(Alert)
            .values(
                kind="plate_read",
                severity="high",
                severity_rank=1,
                summary="布控车辆出现",
                first_event_at=raised,
                last_event_at=raised,
                raised_at=raised,
                updated_at=raised,
                version=1,
                resolution_note="",
            )
            .returning(Alert.id)
        ).scalar_one()
    officer = services.users.ensure_user("zhang", "张值班", "duty_officer")
    sent = services.dispatch.dispatch(officer, int(alert_id), [badge], override="测试")
    services.dispatch.arrive(officer, sent.dispatch_id)
    return sent.dispatch_id


def test_response_bars_split_at_the_target_and_list_their_dispatches(
    qtbot: Any, db_worker: DatabaseWorker, station: Station, station_engine: Engine, leader: Actor
) -> None:
    quick = _dispatch_now(station.services, station_engine, "GK001", 5)
    slow = _dispatch_now(station.services, station_engine, "GK002", 15)
    widget = FiguresPane(station.services.figures, station.services.clock, leader, db_worker)
    qtbot.addWidget(widget)
    widget.resize(1300, 460)
    widget.show()
    wait_loaded(qtbot, widget)
    within, beyond = heights(widget, "response", 0), heights(widget, "response", 1)
    assert sum(within) == 1.0 and sum(beyond) == 1.0  # one at the door in 5 minutes, one in 15
    data = widget.chart_data("response")
    assert data is not None and data.target_x is not None
    assert within.index(1.0) < data.target_x < beyond.index(1.0)
    click_bar(qtbot, widget, "response", within.index(1.0), 0)
    qtbot.waitUntil(lambda: widget.drill_list.rowCount() == 1, timeout=10_000)
    assert widget.drill is not None and [r.id for r in widget.drill.rows] == [quick]
    click_bar(qtbot, widget, "response", beyond.index(1.0), 1)
    qtbot.waitUntil(
        lambda: widget.drill is not None and [r.id for r in widget.drill.rows] == [slow], timeout=10_000
    )
    widget.shutdown()
