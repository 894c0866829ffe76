"""The district map in real QtWebEngine: every community drawn in its colour, alerts, clicks, offline.

SQLite only: the aggregate behind the colours runs on both backends in
tests/services/test_district.py; what is tested here is the page, which does not change with
the backend, and each WebEngine page load costs a second or two.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWebEngineCore import QWebEngineUrlRequestInfo, QWebEngineUrlRequestInterceptor
from sqlalchemy import Engine, insert

from console.clock import FixedClock
from console.config import Settings
from console.db import make_engine
from console.models import Alert, Building, Community, Household, Officer, Station
from console.security import DEFAULT_ROLES, Actor
from console.services.container import Services, build_services
from console.widgets import district_map
from console.widgets.district_map import PAGE_COLOURS, DistrictMapPane, build_page_html, prepare_web_engine
from console.widgets.theme import SEVERITY_COLOURS, VERIFICATION_COLOURS
from console.widgets.worker import DatabaseWorker

# QtWebEngine wants this before pytest-qt creates the QApplication (importing the module above
# already loaded QtWebEngineWidgets, which is the other half of the requirement).
prepare_web_engine()

LOAD_TIMEOUT_MS = 30_000
RING = [[118.040, 24.610], [118.044, 24.610], [118.044, 24.613], [118.040, 24.613]]


def _actor(role: str) -> Actor:
    title, perms = DEFAULT_ROLES[role]
    return Actor(1, role, title, role, perms)


@pytest.fixture
def engine(sqlite_template: Path, tmp_path: Path) -> Iterator[Engine]:
    path = tmp_path / "station.db"
    shutil.copy(sqlite_template, path)
    eng = make_engine(f"sqlite:///{path}")
    yield eng
    eng.dispose()


@pytest.fixture
def services(engine: Engine, clock: FixedClock) -> Services:
    return build_services(engine, clock)


def _seed(engine: Engine, now: dt.datetime, placed: bool = True) -> None:
    """Four placed communities, one per colour band, plus one nobody has placed yet."""
    days = dt.timedelta(days=1)
    fresh, stale = now - 3 * days, now - 120 * days
    # name, lat, lon, outline, last_verified_at of each household
    communities = [
        ("深青花园", 24.600, 118.030, None, [fresh] * 9 + [stale]),  # 10 % overdue -> green
        ("田头新村", 24.604, 118.036, None, [fresh] * 6 + [stale, None, stale, stale]),  # 40 % -> orange
        ("灌口佳园", None, None, json.dumps(RING), [stale] * 3 + [fresh]),  # 75 % -> red, a polygon
        ("尚无住户小区", 24.598, 118.042, None, []),  # nothing to verify -> grey
        ("待定位小区", None, None, None, [None]),
    ]
    with engine.begin() as conn:
        conn.execute(insert(Station).values(id=1, code="GK", name="灌口派出所"))
        for cid, (name, lat, lon, outline, verified) in enumerate(communities, start=1):
            conn.execute(
                insert(Community).values(
                    id=cid,
                    station_id=1,
                    code=f"C{cid}",
                    name=name,
                    lat=lat if placed else None,
                    lon=lon if placed else None,
                    outline=outline if placed else None,
                    property_manager_company="深青物业",
                    property_manager_name="陈经理",
                )
            )
            conn.execute(insert(Building).values(id=cid, community_id=cid, name="1号楼"))
            if verified:
                conn.execute(
                    insert(Household),
                    [
                        dict(
                            community_id=cid,
                            building_id=cid,
                            unit="1",
                            floor=1,
                            room=f"10{i}",
                            last_verified_at=v,
                        )
                        for i, v in enumerate(verified)
                    ],
                )
        _add_alert(conn, now, 1, "critical", 2, "new")
        _add_alert(conn, now, 2, "medium", 2, "dispatched")
        _add_alert(conn, now, 3, "high", 3, "acknowledged")
        _add_alert(conn, now, 4, "low", 1, "resolved")


def _add_alert(
    conn: Any, now: dt.datetime, alert_id: int, severity: str, community_id: int, status: str
) -> None:
    rank = ("critical", "high", "medium", "low").index(severity)
    conn.execute(
        insert(Alert).values(
            id=alert_id,
            kind="plate_read",
            severity=severity,
            severity_rank=rank,
            status=status,
            community_id=community_id,
            summary=f"布控车辆 闽D1234{alert_id}",
            first_event_at=now,
            last_event_at=now,
            raised_at=now,
            updated_at=now,
        )
    )


def _js(qtbot: Any, pane: DistrictMapPane, expression: str) -> Any:
    """Evaluate ``expression`` in the page; it must return JSON text (objects come back as '')."""
    box: list[Any] = []
    pane.view.page().runJavaScript(expression, 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=5000)
    return json.loads(box[0])


def _open_pane(
    qtbot: Any, worker: DatabaseWorker, services: Services, actor: Actor, **kwargs: Any
) -> DistrictMapPane:
    pane = DistrictMapPane(services.district, services.clock, actor, worker, **kwargs)
    qtbot.addWidget(pane)
    pane.resize(1000, 700)
    return pane


def _show_and_wait(qtbot: Any, pane: DistrictMapPane) -> None:
    with qtbot.waitSignal(pane.map_rendered, timeout=LOAD_TIMEOUT_MS):
        pane.show()
    qtbot.waitUntil(pane.is_ready, timeout=LOAD_TIMEOUT_MS)


LAYERS_JS = """JSON.stringify({
  communities: Object.values(dutyCommunities).map(l => ({
    id: l.options.communityId, fill: l.options.fillColor, polygon: l instanceof L.Polygon,
    onMap: map_has(l)})),
  alerts: Object.values(dutyAlerts).map(l => ({id: l.options.alertId, fill: l.options.fillColor, onMap: map_has(l)})),
  labels: Array.from(document.querySelectorAll('.duty-label')).filter(e => e.style.display !== 'none')
    .map(e => e.textContent),
  badges: Array.from(document.querySelectorAll('.duty-badge span')).map(e => [e.textContent, e.style.background]),
  legend: document.querySelector('.duty-legend').textContent,
}); function map_has(l) { return !!l._map; }"""


def test_every_placed_community_is_drawn_in_the_colour_of_its_overdue_share(
    qtbot: Any, db_worker: DatabaseWorker, services: Services, engine: Engine, clock: FixedClock
) -> None:
    _seed(engine, clock.now())
    pane = _open_pane(qtbot, db_worker, services, _actor("duty_officer"))
    _show_and_wait(qtbot, pane)

    drawn = _js(qtbot, pane, LAYERS_JS)
    colours = {c["id"]: c["fill"] for c in drawn["communities"]}
    assert colours == {
        1: VERIFICATION_COLOURS["green"],
        2: VERIFICATION_COLOURS["orange"],
        3: VERIFICATION_COLOURS["red"],
        4: VERIFICATION_COLOURS["grey"],
    }  # the unplaced community (5) is not drawn anywhere
    assert all(c["onMap"] for c in drawn["communities"])
    assert [c["id"] for c in drawn["communities"] if c["polygon"]] == [3]
    # Names stay readable without tiles: a permanent label per community, with its share.
    assert sorted(drawn["labels"]) == sorted(["深青花园 10%", "田头新村 40%", "灌口佳园 75%", "尚无住户小区"])
    assert "未按期核实户占比" in drawn["legend"] and "紧急" in drawn["legend"]

    # Open alerts only (the resolved one is gone), coloured by severity, one by one round their
    # community once it is large enough on screen.
    drawn = _js(qtbot, pane, "dutyMap.setZoom(17, {animate: false}); " + LAYERS_JS)
    assert drawn["badges"] == []
    alerts = {a["id"]: a["fill"] for a in drawn["alerts"] if a["onMap"]}
    assert alerts == {
        1: SEVERITY_COLOURS["critical"],
        2: SEVERITY_COLOURS["medium"],
        3: SEVERITY_COLOURS["high"],
    }
    assert "未处置预警 3" in pane.summary_label.text()


def test_zoomed_out_a_badge_counts_the_alerts_of_a_community(
    qtbot: Any, db_worker: DatabaseWorker, services: Services, engine: Engine, clock: FixedClock
) -> None:
    _seed(engine, clock.now())
    pane = _open_pane(qtbot, db_worker, services, _actor("duty_officer"))
    _show_and_wait(qtbot, pane)
    drawn = _js(qtbot, pane, "dutyMap.setZoom(11, {animate: false}); " + LAYERS_JS)
    assert not [a for a in drawn["alerts"] if a["onMap"]]
    # 田头新村 has a critical and a medium alert: one badge "2" in the critical colour.
    critical = _js(
        qtbot,
        pane,
        f"var d = document.createElement('i'); d.style.background = "
        f"'{SEVERITY_COLOURS['critical']}'; JSON.stringify(d.style.background)",
    )
    high = _js(
        qtbot,
        pane,
        f"var d = document.createElement('i'); d.style.background = "
        f"'{SEVERITY_COLOURS['high']}'; JSON.stringify(d.style.background)",
    )
    assert sorted(drawn["badges"]) == sorted([["2", critical], ["1", high]])
    assert drawn["labels"] == []  # names are hidden that far out; the tooltips still carry them


def test_click_on_a_community_reaches_python_with_its_id(
    qtbot: Any, db_worker: DatabaseWorker, services: Services, engine: Engine, clock: FixedClock
) -> None:
    _seed(engine, clock.now())
    pane = _open_pane(qtbot, db_worker, services, _actor("duty_officer"))
    _show_and_wait(qtbot, pane)
    for community_id in (2, 3):  # a circle, then a polygon
        with qtbot.waitSignal(pane.community_clicked, timeout=5000) as blocker:
            pane.view.page().runJavaScript(f"dutyCommunities[{community_id}].fire('click')")
        assert blocker.args == [community_id]
    # The community clicked last is outlined heavier, so the officer sees which one is open.
    assert _js(qtbot, pane, "JSON.stringify(dutyCommunities[3].options.weight)") == 5


class _Recorder(QWebEngineUrlRequestInterceptor):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        self.urls.append(info.requestUrl().toString())


def test_the_page_requests_nothing_from_the_network(
    qtbot: Any, db_worker: DatabaseWorker, services: Services, engine: Engine, clock: FixedClock
) -> None:
    _seed(engine, clock.now())
    pane = _open_pane(qtbot, db_worker, services, _actor("duty_officer"))
    recorder = _Recorder()
    pane.view.page().setUrlRequestInterceptor(recorder)
    _show_and_wait(qtbot, pane)

    assert any(url.endswith("/leaflet.js") for url in recorder.urls), recorder.urls
    assert all(url.split(":", 1)[0] in ("file", "qrc", "data") for url in recorder.urls), recorder.urls
    resources = _js(qtbot, pane, "JSON.stringify(performance.getEntriesByType('resource').map(e => e.name))")
    assert not [url for url in resources if url.startswith(("http:", "https:"))]
    assert _js(qtbot, pane, "JSON.stringify(typeof L.map)") == "function"  # Leaflet came from disk
    pane.view.page().setUrlRequestInterceptor(None)


def test_page_has_no_internet_addresses_except_the_configured_tile_server() -> None:
    def addresses(page: str) -> set[str]:
        return set(re.findall(r"https?://[^\s\"'<>)]+", page))

    assert addresses(build_page_html("", "dark")) == set()
    intranet = "http://10.35.2.8/tiles/{z}/{x}/{y}.png"
    assert addresses(build_page_html(intranet, "light")) == {intranet}


def test_refresh_draws_a_new_alert_without_reloading_the_page(
    qtbot: Any, db_worker: DatabaseWorker, services: Services, engine: Engine, clock: FixedClock
) -> None:
    _seed(engine, clock.now())
    pane = _open_pane(qtbot, db_worker, services, _actor("duty_officer"))
    _show_and_wait(qtbot, pane)
    pane.view.page().runJavaScript("window.officerZoomedIn = true;")
    with engine.begin() as conn:
        _add_alert(conn, clock.now(), 9, "critical", 1, "new")

    with qtbot.waitSignal(pane.map_rendered, timeout=LOAD_TIMEOUT_MS) as blocker:
        pane.refresh_action.trigger()  # F5
    assert blocker.args == [4, 4]
    state = _js(qtbot, pane, "JSON.stringify([!!window.officerZoomedIn, Object.keys(dutyAlerts).sort()])")
    assert state == [True, ["1", "2", "3", "9"]]  # same page (the view is kept), new marker drawn
    assert "未处置预警 4" in pane.summary_label.text()


def test_a_burst_of_live_changes_redraws_once(
    qtbot: Any,
    db_worker: DatabaseWorker,
    services: Services,
    engine: Engine,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(district_map, "MIN_REFRESH_INTERVAL_MS", 300)
    _seed(engine, clock.now())
    pane = _open_pane(qtbot, db_worker, services, _actor("duty_officer"))
    _show_and_wait(qtbot, pane)
    renders: list[tuple[int, int]] = []
    pane.map_rendered.connect(lambda c, a: renders.append((c, a)))
    # The burst comes right after a draw (as live changes do): every one of its refreshes falls
    # in the same interval, however slow the machine was to show the page.
    pane._last_load = time.monotonic()
    for _ in range(50):
        pane.refresh()
    qtbot.waitUntil(lambda: len(renders) >= 1, timeout=LOAD_TIMEOUT_MS)
    qtbot.wait(800)
    assert len(renders) == 1


def test_grid_worker_sees_communities_without_alerts(
    qtbot: Any, db_worker: DatabaseWorker, services: Services, engine: Engine, clock: FixedClock
) -> None:
    _seed(engine, clock.now())
    pane = _open_pane(qtbot, db_worker, services, _actor("grid_worker"), settings=Settings(theme="light"))
    _show_and_wait(qtbot, pane)
    drawn = _js(qtbot, pane, LAYERS_JS)
    assert len(drawn["communities"]) == 4 and drawn["alerts"] == []
    assert "未处置预警" not in drawn["legend"] and "预警" not in pane.summary_label.text()


def test_empty_state_when_no_community_has_a_position(
    qtbot: Any, db_worker: DatabaseWorker, services: Services, engine: Engine, clock: FixedClock
) -> None:
    _seed(engine, clock.now(), placed=False)
    pane = _open_pane(qtbot, db_worker, services, _actor("duty_officer"))
    with qtbot.waitSignal(pane.map_rendered, timeout=LOAD_TIMEOUT_MS) as blocker:
        pane.show()
    assert blocker.args == [0, 0]
    assert pane.stack.currentWidget() is pane.empty_state
    assert "没有可显示的小区" in pane.empty_state.title_label.text()


def test_a_user_who_may_not_see_the_registry_is_told_so(
    qtbot: Any, db_worker: DatabaseWorker, services: Services, engine: Engine, clock: FixedClock
) -> None:
    _seed(engine, clock.now())
    pane = _open_pane(qtbot, db_worker, services, _actor("system"))
    with qtbot.waitSignal(pane.load_failed, timeout=LOAD_TIMEOUT_MS) as blocker:
        pane.show()
    assert "view_registry" in blocker.args[0]
    assert pane.stack.currentWidget() is pane.empty_state
    assert pane.empty_state.title_label.text() == "辖区地图加载失败"
    assert "无权" in pane.empty_state.text_label.text()


# --- the layers: officers' destinations, alert clicks, series ---------------------------------


def _add_officers(engine: Engine, badges: list[tuple[str, str]]) -> None:
    with engine.begin() as conn:
        conn.execute(
            insert(Officer),
            [
                dict(
                    station_id=1,
                    badge_no=b,
                    name=n,
                    role="值班民警",
                    team="值班一组",
                    status="available",
                    version=1,
                )
                for b, n in badges
            ],
        )


def test_officers_heading_to_a_community_are_drawn_beside_it_until_cleared(
    qtbot: Any, db_worker: DatabaseWorker, services: Services, engine: Engine, clock: FixedClock
) -> None:
    _seed(engine, clock.now())
    _add_officers(engine, [("010101", "林志强"), ("010102", "陈建华")])
    officer = services.users.ensure_user("zhang", "张值班", "duty_officer")
    sent = services.dispatch.dispatch(officer, 3, ["010101", "010102"])  # the high alert at 灌口佳园
    pane = _open_pane(qtbot, db_worker, services, officer)
    _show_and_wait(qtbot, pane)

    drawn = _js(
        qtbot,
        pane,
        "JSON.stringify(Object.values(dutyOfficers).map(m => ({community: m.options.communityId, "
        "count: m.options.officerCount, status: m.options.status, onMap: !!m._map, "
        "text: m.getElement().textContent, tip: m.getTooltip().getContent()})))",
    )
    assert len(drawn) == 1
    (place,) = drawn
    assert (place["community"], place["count"], place["status"], place["onMap"]) == (3, 2, "en_route", True)
    assert place["text"] == "警 2"
    assert "林志强 (010101)" in place["tip"] and f"派警 #{sent.dispatch_id}" in place["tip"]
    assert "在途 2 人" in _js(
        qtbot, pane, "JSON.stringify(document.querySelector('.duty-legend').textContent)"
    )

    # Clicking the officers' tag opens the alert they were sent to.
    with qtbot.waitSignal(pane.alert_clicked, timeout=5000) as blocker:
        pane.view.page().runJavaScript("dutyOfficers[3].fire('click')")
    assert blocker.args == [3]

    # Cleared on another console: the next refresh (live change or F5) takes the tag away.
    services.dispatch.clear(officer, sent.dispatch_id, "车主已找到")
    with qtbot.waitSignal(pane.map_rendered, timeout=LOAD_TIMEOUT_MS):
        pane.refresh_action.trigger()
    assert _js(qtbot, pane, "JSON.stringify(Object.keys(dutyOfficers))") == []


def test_clicking_an_alert_marker_asks_for_that_alert(
    qtbot: Any, db_worker: DatabaseWorker, services: Services, engine: Engine, clock: FixedClock
) -> None:
    _seed(engine, clock.now())
    pane = _open_pane(qtbot, db_worker, services, _actor("duty_officer"))
    _show_and_wait(qtbot, pane)
    communities: list[int] = []
    pane.community_clicked.connect(communities.append)
    _js(qtbot, pane, "dutyMap.setZoom(17, {animate: false}); JSON.stringify(1)")
    for alert_id in (1, 3):
        with qtbot.waitSignal(pane.alert_clicked, timeout=5000) as blocker:
            pane.view.page().runJavaScript(f"dutyAlerts[{alert_id}].fire('click')")
        assert blocker.args == [alert_id]
    # Zoomed out, the badge of a community with one alert opens it; with two, it zooms in so
    # the two stand apart instead.
    _js(qtbot, pane, "dutyMap.setZoom(11, {animate: false}); JSON.stringify(1)")
    with qtbot.waitSignal(pane.alert_clicked, timeout=5000) as blocker:
        pane.view.page().runJavaScript(
            "dutyMap.eachLayer(l => { if (l.options.alertCount === 1) { l.fire('click'); } })"
        )
    assert blocker.args == [3]
    zoom = _js(
        qtbot,
        pane,
        "dutyMap.eachLayer(l => { if (l.options.alertCount === 2) { l.fire('click'); } }); "
        "JSON.stringify(dutyMap.getZoom())",
    )
    assert zoom >= 16
    assert communities == []  # an alert click is not a community click (that opens the grid map)


def _confirmed_series(services: Services, now: dt.datetime) -> int:
    leader = services.users.ensure_user("li", "李办案", "investigator")
    for case_no, days_ago, community in (
        ("GK202600011", 20, "田头新村"),
        ("GK202600012", 12, "深青花园"),
        ("GK202600013", 5, "灌口佳园"),
        ("GK202600014", 2, "某废品收购站"),  # not in the registry: listed, not drawn
    ):
        services.cases.open(
            leader,
            category="cable",
            reported_at=(now - dt.timedelta(days=days_ago)).isoformat(),
            summary="地下室电缆被盗",
            case_no=case_no,
            community=community,
        )
    series = services.series
    view = series.confirm(leader, "GK202600011", "GK202600012", label="蚂蚁搬家电缆串案")
    series.confirm(leader, "GK202600013", "GK202600012")
    series.confirm(leader, "GK202600014", "GK202600011")
    return view.id


SERIES_JS = """JSON.stringify(Object.entries(dutySeries).map(([id, s]) => ({
  id: Number(id), label: s.label, onMap: !!(s.line && s.line._map),
  path: s.line ? s.line.getLatLngs().map(p => [p.lat, p.lng]) : [],
  stops: s.stops.map(m => ({cases: m.options.caseNos, order: m.options.order,
    text: m.getElement() ? m.getElement().textContent : null})),
})))"""


def test_a_confirmed_series_is_drawn_as_a_numbered_path_through_its_cases(
    qtbot: Any, db_worker: DatabaseWorker, services: Services, engine: Engine, clock: FixedClock
) -> None:
    _seed(engine, clock.now())
    series_id = _confirmed_series(services, clock.now())
    pane = _open_pane(qtbot, db_worker, services, _actor("duty_officer"))
    _show_and_wait(qtbot, pane)

    (drawn,) = _js(qtbot, pane, SERIES_JS)
    assert drawn["id"] == series_id and drawn["onMap"]
    # In report order: 田头新村 (a point), 深青花园 (a point), 灌口佳园 (the centre of its outline).
    assert drawn["path"] == [
        [24.604, 118.036],
        [24.6, 118.03],
        [pytest.approx(24.6115), pytest.approx(118.042)],
    ]
    assert [(s["cases"], s["order"]) for s in drawn["stops"]] == [
        (["GK202600011"], [1]),
        (["GK202600012"], [2]),
        (["GK202600013"], [3]),
    ]
    assert drawn["stops"][0]["text"] == "1GK202600011"  # the number and the case number, on the map
    tip = _js(qtbot, pane, f"JSON.stringify(dutySeries[{series_id}].line.getTooltip().getContent())")
    assert "蚂蚁搬家电缆串案" in tip and "共 4 起" in tip and "未能定位: GK202600014" in tip

    # The layer can be switched off and on from the pane's bar, without reading again.
    pane.series_action.setChecked(False)
    qtbot.waitUntil(lambda: not _js(qtbot, pane, SERIES_JS)[0]["onMap"], timeout=5000)
    pane.alerts_action.setChecked(False)
    qtbot.waitUntil(lambda: not any(a["onMap"] for a in _js(qtbot, pane, LAYERS_JS)["alerts"]), timeout=5000)
    assert pane.layers() == {"alerts": False, "officers": True, "series": False}


def test_show_series_switches_its_layer_on_and_fits_the_map_to_it(
    qtbot: Any, db_worker: DatabaseWorker, services: Services, engine: Engine, clock: FixedClock
) -> None:
    _seed(engine, clock.now())
    pane = _open_pane(qtbot, db_worker, services, _actor("duty_officer"))
    _show_and_wait(qtbot, pane)
    assert _js(qtbot, pane, SERIES_JS) == [] and pane.series_combo.count() == 1  # 全部串案 only
    pane.series_action.setChecked(False)
    series_id = _confirmed_series(services, clock.now())  # confirmed after the map was drawn

    with qtbot.waitSignal(pane.map_rendered, timeout=LOAD_TIMEOUT_MS):
        pane.show_series(series_id)

    assert pane.series_action.isChecked()
    assert pane.series_combo.currentData() == series_id
    assert "蚂蚁搬家电缆串案" in pane.series_combo.currentText()
    (drawn,) = _js(qtbot, pane, SERIES_JS)
    assert drawn["onMap"]
    inside = _js(
        qtbot,
        pane,
        f"JSON.stringify(dutySeries[{series_id}].line.getLatLngs().every(p => dutyMap.getBounds().contains(p)))",
    )
    assert inside is True
    # Back to all series from the bar.
    pane.series_combo.setCurrentIndex(0)
    pane.series_combo.activated.emit(0)
    qtbot.waitUntil(lambda: len(_js(qtbot, pane, SERIES_JS)) == 1, timeout=5000)


def test_a_grid_worker_has_no_officer_or_series_layers(
    qtbot: Any, db_worker: DatabaseWorker, services: Services, engine: Engine, clock: FixedClock
) -> None:
    _seed(engine, clock.now())
    _confirmed_series(services, clock.now())
    pane = _open_pane(qtbot, db_worker, services, _actor("grid_worker"))
    _show_and_wait(qtbot, pane)
    assert _js(qtbot, pane, SERIES_JS) == [] and _js(qtbot, pane, "JSON.stringify(dutyOfficers)") == {}
    assert not pane.series_combo.isVisibleTo(pane)


def test_the_map_follows_the_consoles_theme_without_tiles(
    qtbot: Any, db_worker: DatabaseWorker, services: Services, engine: Engine, clock: FixedClock
) -> None:
    _seed(engine, clock.now())
    pane = _open_pane(qtbot, db_worker, services, _actor("duty_officer"), settings=Settings(theme="light"))
    _show_and_wait(qtbot, pane)
    background = (
        "JSON.stringify(getComputedStyle(document.querySelector('.leaflet-container')).backgroundColor)"
    )
    light, dark = QColor(PAGE_COLOURS["light"]["background"]), QColor(PAGE_COLOURS["dark"]["background"])

    def rgb(colour: QColor) -> str:
        return f"rgb({colour.red()}, {colour.green()}, {colour.blue()})"

    assert _js(qtbot, pane, background) == rgb(light)  # a light page under the light theme, no tiles
    pane.apply_theme("dark")
    qtbot.waitUntil(lambda: _js(qtbot, pane, background) == rgb(dark), timeout=5000)


LABEL_OVERLAPS_JS = """JSON.stringify((function () {
  function box(e) { var r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }
  function meet(a, b) { return !(a[2] <= b[0] || a[0] >= b[2] || a[3] <= b[1] || a[1] >= b[3]); }
  var names = Array.from(document.querySelectorAll('.duty-label')).filter(e => e.style.display !== 'none')
    .map(e => [e.textContent, box(e.firstChild)]);
  var marks = Array.from(document.querySelectorAll(
      '.duty-officers span, .duty-series-stop span, .duty-badge span')).map(box);
  return {
    shown: names.map(n => n[0]),
    covered: names.filter(n => marks.some(m => meet(n[1], m))).map(n => n[0]),
    marks: marks.length,
  };
})())"""


def test_no_community_name_hides_under_an_officers_tag_a_badge_or_a_series_stop(
    qtbot: Any, db_worker: DatabaseWorker, services: Services, engine: Engine, clock: FixedClock
) -> None:
    """Without tiles a community's name is the only way to find it: the markers beside it make room."""
    _seed(engine, clock.now())
    _add_officers(engine, [("010101", "林志强"), ("010102", "陈建华")])
    _confirmed_series(services, clock.now())
    officer = services.users.ensure_user("zhang", "张值班", "duty_officer")
    services.dispatch.dispatch(officer, 3, ["010101", "010102"])  # officers beside 灌口佳园
    pane = _open_pane(qtbot, db_worker, services, officer)
    _show_and_wait(qtbot, pane)
    for zoom in (None, "dutyMap.getZoom() - 1", "dutyMap.getZoom() + 1"):
        if zoom is not None:
            _js(qtbot, pane, f"dutyMap.setZoom({zoom}, {{animate: false}}); '0'")
        seen = _js(qtbot, pane, LABEL_OVERLAPS_JS)
        assert seen["marks"] >= 3  # the officers' tag and the series' stops are on the map
        assert seen["covered"] == [], zoom
    seen = _js(qtbot, pane, LABEL_OVERLAPS_JS)
    assert any(name.startswith("灌口佳园") for name in seen["shown"])  # moved, not hidden
