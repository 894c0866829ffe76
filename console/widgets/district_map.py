"""The district map: communities coloured by their share of overdue households, and open alerts.

Leaflet (from the xstatic-leaflet package) inside QtWebEngine, fully offline: no CDN, no tiles
unless the station names an intranet tile server. folium builds the page shell once; the data
layers are drawn by ``resources/map/district.js`` from JSON pushed with ``runJavaScript``, so a
refresh keeps the officer's zoom and pan, never reloads the page, and the page stays small
whatever the size of the district (``setHtml`` refuses pages over 2 MB). A click on a community
comes back through QWebChannel as ``community_clicked(id)``, a click on an alert (or on the
officers heading to one) as ``alert_clicked(id)``. Three layers can be switched on and off from
the pane's bar: open alerts, officers' destinations (open dispatches) and confirmed series (串案),
one or all; ``show_series(id)`` shows one series and fits the map to it.

QtWebEngine must be imported before the QApplication is created: import this module (or call
``prepare_web_engine()``) early in the composition root.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import time
from dataclasses import dataclass, field
from importlib.resources import files
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.clock import STATION_TZ
from console.errors import UserError
from console.security import Permission
from console.widgets.common import ElidedLabel, EmptyState, FlowLayout, error_text, keyboard_to_page
from console.widgets.district_layers import officer_items, series_items
from console.widgets.theme import SEVERITY_COLOURS, VERIFICATION_COLOURS, current_theme, normalise_theme

if TYPE_CHECKING:
    from console.clock import Clock
    from console.config import Settings
    from console.security import Actor
    from console.services.maps import (
        AlertMarker,
        CommunitySummary,
        DistrictService,
        OfficerDestination,
        SeriesPath,
    )
    from console.widgets.worker import DatabaseWorker

log = logging.getLogger(__name__)

MIN_REFRESH_INTERVAL_MS = 3000  # live changes redraw the map at most this often
LABEL_MIN_ZOOM = 12  # below this, community names would pile up: tooltips only
# A community's alerts are drawn one by one round it when it is at least this large on screen
# and has at most this many; otherwise one badge (most severe colour, count) stands in.
RING_MIN_RADIUS_PX = 14
RING_MAX_ALERTS = 8
# Overdue share bands (orange from 20 %, red above 50 %).
ORANGE_SHARE = 0.2
RED_SHARE = 0.5
SEVERITY_RANK = {"critical": 0, "high": 1, "medium": 2, "low": 3}

PAGE_COLOURS: dict[str, dict[str, str]] = {
    "dark": {
        "background": "#10161d",
        "label_text": "#e6edf3",
        "label_halo": "#0d1117",
        "tip_bg": "#21262d",
        "tip_text": "#e6edf3",
        "tip_border": "#30363d",
        "alert_ring": "#e6edf3",
    },
    "light": {
        "background": "#e4e8ed",
        "label_text": "#1f2328",
        "label_halo": "#ffffff",
        "tip_bg": "#ffffff",
        "tip_text": "#1f2328",
        "tip_border": "#d0d7de",
        "alert_ring": "#1f2328",
    },
}


def prepare_web_engine() -> None:
    """Let QtWebEngine share OpenGL contexts; call before the QApplication exists."""
    if QCoreApplication.instance() is None:
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts, True)


def leaflet_dir() -> str:
    """Where xstatic-leaflet keeps leaflet.js and leaflet.css: the page's base URL."""
    from xstatic.pkg import leaflet

    return str(leaflet.BASE_DIR)


def share_band(households: int, overdue_share: float) -> str:
    """green < 20 % overdue, orange 20–50 %, red > 50 %; grey when nothing is to be verified."""
    if households == 0:
        return "grey"
    if overdue_share > RED_SHARE:
        return "red"
    if overdue_share >= ORANGE_SHARE:
        return "orange"
    return "green"


def build_page_html(tile_url: str = "", theme: str = "dark") -> str:
    """The page shell: an offline Leaflet map, optional intranet tiles, and the drawing script.

    Qt-free and slow to import (folium), so it runs on a worker thread.
    """
    import folium
    from branca.element import Element, Figure, JavascriptLink, MacroElement
    from jinja2 import Template

    class OfflineMap(folium.Map):
        # Leaflet only, relative to the base URL (the xstatic package): no jQuery, Bootstrap or
        # icon fonts from a CDN. Set on a subclass so other folium users keep their defaults.
        default_js = [("leaflet", "leaflet.js")]  # noqa: RUF012 - folium's own attribute
        default_css = [("leaflet_css", "leaflet.css")]  # noqa: RUF012

    class DutyLayers(MacroElement):
        _template = Template(
            "{% macro script(this, kwargs) %}"
            "dutyInit({{ this._parent.get_name() }}, {{ this.options | tojson }});"
            "{% endmacro %}"
        )

        def __init__(self, options: dict[str, object]) -> None:
            super().__init__()
            self._name = "DutyLayers"
            self.options = options

    theme = normalise_theme(theme)
    fmap = OfflineMap(
        location=[24.6, 118.05],  # replaced by the communities' bounds on the first draw
        zoom_start=13,
        zoom_snap=0.25,  # fit the district to the pane, not to the next power of two
        tiles=None,
        control_scale=False,  # a metric-only scale is added by the page script
        prefer_canvas=False,
    )
    if tile_url:
        folium.TileLayer(tile_url, attr="station intranet", max_zoom=19).add_to(fmap)
    root = fmap.get_root()
    if not isinstance(root, Figure):  # folium's maps always sit in a Figure
        raise TypeError(f"folium map root is a {type(root).__name__}, not a Figure")
    res = files("console.resources") / "map"
    css = (res / "district.css").read_text(encoding="utf-8")
    js = (res / "district.js").read_text(encoding="utf-8")
    colours = ";".join(f"--duty-{k.replace('_', '-')}: {v}" for k, v in PAGE_COLOURS[theme].items())
    root.header.add_child(Element(f"<style>:root {{{colours}}}\n{css}</style>"), name="duty_css")
    root.header.add_child(JavascriptLink("qrc:///qtwebchannel/qwebchannel.js"), name="qwebchannel")
    root.header.add_child(Element(f"<script>{js}</script>"), name="duty_js")
    DutyLayers(
        {
            "labelMinZoom": LABEL_MIN_ZOOM,
            "ringMinRadius": RING_MIN_RADIUS_PX,
            "ringMaxAlerts": RING_MAX_ALERTS,
            "colours": PAGE_COLOURS[theme],
        }
    ).add_to(fmap)
    return root.render()


@dataclass(frozen=True)
class DistrictSnapshot:
    """What one load read from the database."""

    communities: list[CommunitySummary]
    alerts: list[AlertMarker]
    alerts_visible: bool  # False when the actor may not see alerts
    loaded_at: dt.datetime
    destinations: list[OfficerDestination] = field(default_factory=list)  # open dispatches
    series: list[SeriesPath] = field(default_factory=list)  # confirmed series, newest first
    series_visible: bool = False  # False when the actor may not see cases


class _Bridge(QObject):
    """The object the page reaches through QWebChannel (named ``bridge`` there)."""

    community_clicked = Signal(int)
    """The page reported a click on a community."""
    alert_clicked = Signal(int)
    """The page reported a click on an alert marker (or on officers sent to an alert)."""
    page_connected = Signal()
    """The page's QWebChannel is connected: clicks will arrive from now on."""

    @Slot(int)
    def communityClicked(self, community_id: int) -> None:
        self.community_clicked.emit(int(community_id))

    @Slot(int)
    def alertClicked(self, alert_id: int) -> None:
        self.alert_clicked.emit(int(alert_id))

    @Slot()
    def pageReady(self) -> None:
        self.page_connected.emit()


class DistrictMapPane(QWidget):
    """Communities coloured by overdue households and open alerts, on an offline Leaflet map.

    The page and the data load the first time the pane is shown (a hidden map costs nothing).
    ``refresh()`` may be connected straight to live change signals: it redraws at most once per
    ``MIN_REFRESH_INTERVAL_MS`` and only while the pane is visible. F5 redraws at once.
    """

    community_clicked = Signal(int)
    """A community was clicked on the map: open it on the grid map."""
    alert_clicked = Signal(int)
    """An alert marker was clicked on the map: open that alert's detail."""
    map_rendered = Signal(int, int)
    """The map was drawn from fresh data: communities drawn, alert markers drawn."""
    load_failed = Signal(str)
    """Loading the district failed; the message says why (the last map stays)."""

    def __init__(
        self,
        district: DistrictService,
        clock: Clock,
        actor: Actor,
        worker: DatabaseWorker,
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("districtMapPane")
        self._district = district
        self._clock = clock
        self._actor = actor
        self._tile_url = settings.tile_url.strip() if settings is not None else ""
        app = QApplication.instance()
        theme_name = settings.theme if settings is not None else None
        if theme_name is None and isinstance(app, QApplication):
            theme_name = current_theme(app)
        self._theme = normalise_theme(theme_name)
        self._runner = worker.lane(self)
        self._started = False
        self._loading = False
        self._pending = False
        self._dirty = False
        self._page_set = False
        self._page_loaded = False
        self._channel_connected = False
        self._last_load = 0.0
        self._snapshot: DistrictSnapshot | None = None
        self._focus_series: int | None = None  # None: every series shown
        self._fit_series = False  # fit the map to the focused series on the next draw
        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.timeout.connect(self.refresh_now)
        self._build_ui()

    # ----- construction ------------------------------------------------------------------------
    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        bar = FlowLayout(spacing=6)  # wraps in a narrow pane rather than widening the window
        bar.setContentsMargins(8, 4, 8, 4)
        self.summary_label = ElidedLabel(self)
        self.summary_label.setObjectName("districtSummary")
        bar.addWidget(self.summary_label)
        self.refresh_action = QAction(self.tr("刷新"), self)
        self.refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refresh_action.setToolTip(self.tr("重新读取小区核实情况和未处置预警 (F5)"))
        self.refresh_action.triggered.connect(self.refresh_now)
        self.addAction(self.refresh_action)
        # Layers, switched in the page without reading the database again.
        self.alerts_action = self._layer_action(self.tr("预警"), self.tr("显示未处置预警 (按严重程度着色)"))
        self.officers_action = self._layer_action(
            self.tr("警力去向"), self.tr("显示已派出警员前往的小区 (在途 / 已到场)")
        )
        self.series_action = self._layer_action(self.tr("串案"), self.tr("显示已确认串案的案件及其先后顺序"))
        can_alerts = self._actor.can(Permission.VIEW_ALERTS)
        can_cases = self._actor.can(Permission.VIEW_CASES)
        self.series_combo = QComboBox(self)
        self.series_combo.setObjectName("districtSeriesCombo")
        self.series_combo.setToolTip(self.tr("在地图上显示哪一个串案"))
        self.series_combo.setMinimumContentsLength(8)
        self.series_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.series_combo.addItem(self.tr("全部串案"), None)
        self.series_combo.activated.connect(self._on_series_combo_activated)
        for action, allowed in (
            (self.alerts_action, can_alerts),
            (self.officers_action, can_alerts),
            (self.series_action, can_cases),
        ):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setVisible(allowed)
            bar.addWidget(button)
            if action is self.series_action:
                self.series_combo.setVisible(allowed)
                bar.addWidget(self.series_combo)
        refresh_button = QToolButton(self)
        refresh_button.setDefaultAction(self.refresh_action)
        bar.addWidget(refresh_button)
        layout.addLayout(bar)

        self.stack = QStackedWidget(self)
        self.view = QWebEngineView(self)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._bridge = _Bridge(self)
        self._bridge.community_clicked.connect(self.community_clicked)
        self._bridge.alert_clicked.connect(self.alert_clicked)
        self._bridge.page_connected.connect(self._on_page_connected)
        self._channel = QWebChannel(self)
        self._channel.registerObject("bridge", self._bridge)
        self.view.page().setWebChannel(self._channel)
        self.view.loadFinished.connect(self._on_view_load_finished)
        self.loading_state = EmptyState(self.tr("正在加载辖区地图…"), "", "", self)
        self.empty_state = EmptyState("", "", "", self)
        self._show_no_positions()
        self.stack.addWidget(self.loading_state)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty_state)
        layout.addWidget(self.stack, 1)
        keyboard_to_page(self, self.stack, self.view)  # Ctrl+8: the map's own keys once it shows

    def _layer_action(self, text: str, tip: str) -> QAction:
        action = QAction(text, self)
        action.setCheckable(True)
        action.setChecked(True)
        action.setToolTip(tip)
        action.toggled.connect(self._on_layer_action_toggled)
        return action

    # ----- public API --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Redraw from the database soon: safe to connect to a stream of live change signals."""
        if not self._started or not self.isVisible():
            self._dirty = True
            return
        if self._loading:
            self._pending = True
            return
        wait_ms = int(MIN_REFRESH_INTERVAL_MS - (time.monotonic() - self._last_load) * 1000)
        if wait_ms > 0:
            if not self._throttle.isActive():
                self._throttle.start(wait_ms)
            return
        self.refresh_now()

    @Slot()
    def refresh_now(self) -> None:
        """Read the district again at once (F5) and redraw; the page itself is loaded only once."""
        self._throttle.stop()
        if self._loading:
            self._pending = True
            return
        self._loading = True
        self._pending = False
        self._dirty = False
        self._last_load = time.monotonic()
        need_page = not self._page_set  # built again if the first load failed before it was set
        self._started = True
        district, clock, actor = self._district, self._clock, self._actor
        tile_url, theme = self._tile_url, self._theme
        focus = self._focus_series

        def load() -> tuple[str | None, DistrictSnapshot]:
            page = build_page_html(tile_url, theme) if need_page else None
            communities = district.communities(actor)
            visible = actor.can(Permission.VIEW_ALERTS)
            alerts = district.open_alerts(actor) if visible else []
            destinations = district.officer_destinations(actor) if visible else []
            cases_visible = actor.can(Permission.VIEW_CASES)
            series = district.series_paths(actor) if cases_visible else []
            if focus is not None and cases_visible and all(p.id != focus for p in series):
                series = district.series_paths(actor, focus) + series  # older than the newest shown
            return page, DistrictSnapshot(
                communities, alerts, visible, clock.now(), destinations, series, cases_visible
            )

        self._runner.submit(load, self._on_loaded, self._on_load_failed)

    def show_series(self, series_id: int) -> None:
        """Show this confirmed series (its layer on, the others hidden) and fit the map to it."""
        self._focus_series = int(series_id)
        self._fit_series = True
        self.series_action.setChecked(True)
        self.refresh_now()  # the series may be newer than the last load

    def layers(self) -> dict[str, bool]:
        """Which layers are switched on: alerts, officers, series."""
        return {
            "alerts": self.alerts_action.isChecked(),
            "officers": self.officers_action.isChecked(),
            "series": self.series_action.isChecked(),
        }

    def apply_theme(self, name: str) -> None:
        """Follow the console's day/night theme without reloading the page."""
        self._theme = normalise_theme(name)
        if self._page_loaded:
            self.view.page().runJavaScript(f"dutySetTheme({json.dumps(PAGE_COLOURS[self._theme])})")

    @property
    def snapshot(self) -> DistrictSnapshot | None:
        """The data last loaded, or None before the first load."""
        return self._snapshot

    def is_ready(self) -> bool:
        """The map is drawn and clicks reach Python."""
        return self._page_loaded and self._channel_connected and self._snapshot is not None

    def shutdown(self) -> None:
        """Wait for a running load (call before the window goes away)."""
        self._throttle.stop()
        self._runner.wait()

    # ----- events ------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started or self._dirty:
            QTimer.singleShot(0, self.refresh_now if not self._started else self.refresh)

    def _on_loaded(self, result: tuple[str | None, DistrictSnapshot]) -> None:
        self._loading = False
        page, snapshot = result
        self._snapshot = snapshot
        if page is not None and not self._page_set:
            self._page_set = True
            self.view.setHtml(page, QUrl.fromLocalFile(leaflet_dir() + "/"))
            # Loaded in view so that the map has its size when it first fits the district.
            self.stack.setCurrentWidget(self.view)
        self._update_summary(snapshot)
        self._fill_series_combo(snapshot)
        if not any(c.has_position for c in snapshot.communities):
            self._show_no_positions()
        self._push()
        if self._pending:
            self.refresh()

    def _on_load_failed(self, exc: BaseException) -> None:
        self._loading = False
        if isinstance(exc, UserError):
            message = error_text(exc)
        else:
            log.error("loading the district map failed", exc_info=exc)
            message = self.tr("读取辖区数据失败 (内部错误, 已记录日志)")
        self.summary_label.setText(self.tr("加载失败: {0}").format(message))
        if self._snapshot is None:
            self.empty_state.title_label.setText(self.tr("辖区地图加载失败"))
            self.empty_state.set_text(message)
            self.stack.setCurrentWidget(self.empty_state)
        self.load_failed.emit(message)

    def _fill_series_combo(self, snapshot: DistrictSnapshot) -> None:
        self.series_combo.blockSignals(True)
        self.series_combo.clear()
        self.series_combo.addItem(self.tr("全部串案"), None)
        for path in snapshot.series:
            self.series_combo.addItem(self.tr("{0} ({1} 起)").format(path.label, len(path.stops)), path.id)
        found = self.series_combo.findData(self._focus_series) if self._focus_series is not None else 0
        if found < 0:  # the focused series is gone (merged into another): show them all
            self._focus_series, found = None, 0
        self.series_combo.setCurrentIndex(found)
        self.series_combo.blockSignals(False)

    @Slot(int)
    def _on_series_combo_activated(self, index: int) -> None:
        data = self.series_combo.itemData(index)
        self._focus_series = int(data) if data is not None else None
        self._fit_series = self._focus_series is not None
        if not self.series_action.isChecked():
            self.series_action.setChecked(True)  # pushes through _on_layer_action_toggled
        else:
            self._push()

    @Slot(bool)
    def _on_layer_action_toggled(self, _on: bool) -> None:
        if self._page_loaded:
            self.view.page().runJavaScript(f"dutySetLayers({json.dumps(self.layers())})")

    @Slot(bool)
    def _on_view_load_finished(self, ok: bool) -> None:
        if not ok:
            log.error("the district map page failed to load")
            self.load_failed.emit(self.tr("辖区地图页面加载失败"))
            return
        self._page_loaded = True
        self._push()

    @Slot()
    def _on_page_connected(self) -> None:
        self._channel_connected = True

    def _show_no_positions(self) -> None:
        self.empty_state.title_label.setText(self.tr("没有可显示的小区"))
        self.empty_state.set_text(self.tr("还没有小区标注位置 (坐标或轮廓), 辖区地图暂时无法显示。"))
        if self._snapshot is not None:
            self.stack.setCurrentWidget(self.empty_state)

    # ----- drawing -----------------------------------------------------------------------------
    def _push(self) -> None:
        """Send the last snapshot to the page, once both are there."""
        snapshot = self._snapshot
        if snapshot is None or not self._page_loaded:
            return
        placed = [c for c in snapshot.communities if c.has_position]
        series = [p for p in snapshot.series if self._focus_series in (None, p.id)]
        payload = {
            "communities": [self._community_item(c) for c in placed],
            "alerts": [self._alert_item(a) for a in snapshot.alerts],
            "officers": officer_items(snapshot.destinations),
            "series": series_items(series),
            "layers": self.layers(),
            "fitSeries": self._fit_series and bool(series),
            "legend": self._legend_html(placed, snapshot),
            "texts": {"more": self.tr("共 {0} 条未处置预警")},
        }
        if series:
            self._fit_series = False
        script = f"dutyRender({json.dumps(payload, ensure_ascii=False)})"
        self.view.page().runJavaScript(script, 0, self._on_rendered)

    def _on_rendered(self, result: object) -> None:
        try:
            drawn = json.loads(str(result))
        except ValueError:
            log.error("the district map did not draw: %r", result)
            return
        if self._snapshot is not None and any(c.has_position for c in self._snapshot.communities):
            self.stack.setCurrentWidget(self.view)
        self.map_rendered.emit(int(drawn["communities"]), int(drawn["alerts"]))

    def _update_summary(self, snapshot: DistrictSnapshot) -> None:
        households = sum(c.households for c in snapshot.communities)
        overdue = sum(c.overdue for c in snapshot.communities)
        share = f"{overdue / households:.0%}" if households else "—"
        text = self.tr("{0} 个小区 · {1} 户 · 未按期核实 {2}").format(
            len(snapshot.communities), f"{households:,}", share
        )
        if snapshot.alerts_visible:
            text += self.tr(" · 未处置预警 {0}").format(len(snapshot.alerts))
        text += self.tr(" · 更新于 {0}").format(
            snapshot.loaded_at.astimezone(STATION_TZ).strftime("%H:%M:%S")
        )
        self.summary_label.setText(text)

    def _legend_html(self, placed: list[CommunitySummary], snapshot: DistrictSnapshot) -> str:
        """The map's legend, with how many communities and alerts fall in each class."""

        def row(colour: str, text: str, count: int) -> str:
            return f'<span class="dot" style="color:{colour}">●</span> {html.escape(text)} <b>{count}</b>'

        bands = [share_band(c.households, c.overdue_share) for c in placed]
        # tr() outside the f-strings: lupdate does not look inside them.
        rows = ['<div class="head">' + html.escape(self.tr("小区 · 未按期核实户占比")) + "</div>"]
        for band, text in (
            ("green", self.tr("低于20%")),
            ("orange", self.tr("20%–50%")),
            ("red", self.tr("高于50%")),
            ("grey", self.tr("无住户")),
        ):
            rows.append(row(VERIFICATION_COLOURS[band], text, bands.count(band)) + "<br>")
        if snapshot.alerts_visible:
            rows.append('<div class="head">' + html.escape(self.tr("未处置预警")) + "</div>")
            severities = [a.severity for a in snapshot.alerts]
            rows.append(
                " &nbsp;".join(
                    row(SEVERITY_COLOURS[s], self._severity_text(s), severities.count(s))
                    for s in SEVERITY_RANK
                )
            )
            en_route = sum(len(d.officers) for d in snapshot.destinations if d.status != "on_scene")
            on_scene = sum(len(d.officers) for d in snapshot.destinations if d.status == "on_scene")
            rows.append(
                '<div class="head">'
                + html.escape(self.tr("警力去向"))
                + "</div>"
                + html.escape(self.tr("在途 {0} 人 · 已到场 {1} 人").format(en_route, on_scene))
            )
        if snapshot.series_visible and snapshot.series:
            rows.append(
                '<div class="head">'
                + html.escape(self.tr("串案"))
                + "</div>"
                + html.escape(self.tr("已确认 {0} 个, 按报案先后连线").format(len(snapshot.series)))
            )
        return "".join(rows)

    def _community_item(self, c: CommunitySummary) -> dict[str, object]:
        band = share_band(c.households, c.overdue_share)
        pct = f"{c.overdue_share:.0%}"
        label = f"{c.name} {pct}" if c.households else c.name
        manager = " ".join(
            p for p in (c.property_manager_company, c.property_manager_name, c.property_manager_phone) if p
        )
        lines = [
            f"<b>{html.escape(c.name)}</b>",
            html.escape(
                self.tr("住户 {0} 户 · 未按期核实 {1} 户 ({2})").format(c.households, c.overdue, pct)
            ),
            html.escape(
                self.tr("已核实 {0} · 逾期一个月 {1} · 逾期三个月 {2} · 从未核实 {3}").format(
                    c.green, c.orange, c.red, c.never
                )
            ),
            html.escape(self.tr("物业: {0}").format(manager or self.tr("未登记"))),
            "<i>" + html.escape(self.tr("点击在网格地图中打开")) + "</i>",
        ]
        return {
            "id": c.id,
            "lat": c.lat,
            "lon": c.lon,
            "outline": [list(p) for p in c.outline] if c.outline else None,
            "households": c.households,
            "share": round(c.overdue_share, 4),
            "band": band,
            "colour": VERIFICATION_COLOURS[band],
            "label": html.escape(label),
            "labelText": label,
            "tooltip": "<br>".join(lines),
        }

    def _alert_item(self, a: AlertMarker) -> dict[str, object]:
        when = a.last_event_at.astimezone(STATION_TZ).strftime("%m-%d %H:%M")
        head = f"[{self._severity_text(a.severity)}] {a.summary}"
        if a.count > 1:
            head += self.tr(" (共 {0} 次)").format(a.count)
        tooltip = "<br>".join(
            html.escape(line)
            for line in (head, f"{a.community_name} · {self._status_text(a.status)} · {when}")
        )
        return {
            "id": a.id,
            "community": a.community_id,
            "lat": a.lat,
            "lon": a.lon,
            "severity": a.severity,
            "rank": SEVERITY_RANK.get(a.severity, 3),
            "colour": SEVERITY_COLOURS.get(a.severity, SEVERITY_COLOURS["low"]),
            "tooltip": tooltip,
        }

    def _severity_text(self, severity: str) -> str:
        names = {
            "critical": self.tr("紧急"),
            "high": self.tr("高"),
            "medium": self.tr("中"),
            "low": self.tr("低"),
        }
        return names.get(severity, severity)

    def _status_text(self, status: str) -> str:
        names = {"new": self.tr("待签收"), "acknowledged": self.tr("已签收"), "dispatched": self.tr("已派警")}
        return names.get(status, status)
