"""The main window: assembles the panes into docks, the menus, and the status bar. No pane logic here."""

from __future__ import annotations

import logging
from dataclasses import replace
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console import __version__
from console.clock import STATION_TZ
from console.config import Settings
from console.security import Permission
from console.widgets import notify, theme
from console.widgets.clock_skew import ClockSkewLabel
from console.widgets.common import ElidedLabel, LazyPane
from console.widgets.connection_bar import ConnectionBar, ConnectionWatch
from console.widgets.idle_lock import IdleLock, hide_windows
from console.widgets.theme import ui_settings
from console.widgets.worker import SHUTDOWN_WAIT_MS

if TYPE_CHECKING:
    from console.security import Actor
    from console.services.container import Services
    from console.widgets.live_bridge import LiveBridge
    from console.widgets.settings_dialog import SettingsDialog
    from console.widgets.worker import DatabaseWorker

log = logging.getLogger(__name__)

HEALTH_INTERVAL_MS = 5000
SOUND_CHECK_DELAY_MS = 500

# The central pane and where each docked pane goes by default (key, area, tab group).
CENTRAL_PANE = "feed"
DOCK_LAYOUT: tuple[tuple[str, Qt.DockWidgetArea, str], ...] = (
    # The feed (with the alert's detail beside its list) takes the whole left-hand side; the maps
    # sit on the right above the working tabs, so at 1920x1080 a typical alert's detail needs no
    # scrolling and the worklist still shows a dozen households.
    ("map", Qt.DockWidgetArea.RightDockWidgetArea, "maps"),
    ("district_map", Qt.DockWidgetArea.RightDockWidgetArea, "maps"),
    ("worklist", Qt.DockWidgetArea.RightDockWidgetArea, "work"),
    ("watchlist", Qt.DockWidgetArea.RightDockWidgetArea, "work"),
    ("cases", Qt.DockWidgetArea.RightDockWidgetArea, "work"),
    ("dispatch", Qt.DockWidgetArea.RightDockWidgetArea, "work"),
    ("property", Qt.DockWidgetArea.RightDockWidgetArea, "work"),
    ("statistics", Qt.DockWidgetArea.RightDockWidgetArea, "work"),
    ("accounts", Qt.DockWidgetArea.RightDockWidgetArea, "work"),
    ("audit", Qt.DockWidgetArea.RightDockWidgetArea, "work"),
)
# The work tabs' share of the right-hand column's height, under the maps.
WORK_SHARE = 0.5
# Where the central pane is missing for a role (no alerts to watch), the first of these it has.
CENTRAL_FALLBACK = ("map", "worklist", "audit", "accounts")
PANE_SHORTCUTS = {
    "feed": "Ctrl+1",
    "map": "Ctrl+2",
    "cases": "Ctrl+3",
    "dispatch": "Ctrl+4",
    "statistics": "Ctrl+5",
    "watchlist": "Ctrl+6",
    "worklist": "Ctrl+7",
    "district_map": "Ctrl+8",
    "property": "Ctrl+9",
    "accounts": "Ctrl+Shift+U",
    "audit": "Ctrl+Shift+A",
}


class MainWindow(QMainWindow):
    """The duty-room console window: alert feed in the centre, the other panes docked around it."""

    station_requested = Signal()
    """The user asked for the station's parameters (colour thresholds, escalation delay)."""
    import_requested = Signal()
    """The user asked to import a household registry file (Ctrl+I)."""
    search_requested = Signal()
    """The user asked to search (Ctrl+F); the search widget answers it."""
    service_request_requested = Signal()
    """The user asked to take a resident's request by hand (Ctrl+N)."""
    theme_changed = Signal(str)
    """The theme was switched (dark|light)."""
    connection_changed = Signal(bool)
    """The database became reachable (True) or unreachable (False)."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        settings: Settings,
        panes: dict[str, QWidget],
        worker: DatabaseWorker,
        parent: QWidget | None = None,
        health_interval_ms: int = HEALTH_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._services = services
        self._actor = actor
        self._settings = settings
        self.panes = dict(panes)
        self.docks: dict[str, QDockWidget] = {}
        self.actions_by_name: dict[str, QAction] = {}
        self._connected: bool | None = None
        self._worker = worker
        self._runner = worker.lane(self)
        worker.user_error.connect(self._on_worker_user_error)
        self._shortcuts_dialog: QDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.first_start = False
        self._needs_default_sizes = False
        self._maximised_before_full_screen = False
        self._tab_groups: dict[str, QDockWidget] = {}
        self._urgent_pending = 0  # unacknowledged critical/high alerts at the last check
        self._quit_without_asking = False
        self.quit_box: QMessageBox | None = None

        self.setWindowTitle(self.tr("值班台 · 社区派出所值班室"))
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AllowNestedDocks
        )
        self._build_panes()
        self._build_menus()
        self._build_status_bar()
        self._build_connection_bar()
        self._default_state = self.saveState()
        self._restore_window_state()
        self.connection_bar.sync()  # a state saved while disconnected must not show it now
        stored_theme = ui_settings().value("ui/theme", settings.theme)
        self.apply_theme(str(stored_theme), persist=False)

        self._clock_timer = QTimer(self)
        self._clock_timer.timeout.connect(self._on_clock_timer_timeout)
        self._clock_timer.start(1000)
        self.idle_lock = IdleLock(settings.idle_lock_minutes, self.lock_screen, self)
        self.winId()  # the native window exists from here on, so its input can be watched
        self.idle_lock.watch(self.windowHandle())
        self._locked = False
        self._on_clock_timer_timeout()
        self._health_timer = QTimer(self)
        self._health_timer.timeout.connect(self.check_connection)
        self._health_timer.start(health_interval_ms)
        self.check_connection()

    # ----- panes -------------------------------------------------------------------------------
    def pane_titles(self) -> dict[str, str]:
        return {
            "feed": self.tr("预警"),
            "map": self.tr("网格地图"),
            "district_map": self.tr("辖区地图"),
            "cases": self.tr("案件卷宗"),
            "dispatch": self.tr("派警"),
            "property": self.tr("待领财物"),
            "statistics": self.tr("统计"),
            "watchlist": self.tr("布控名单"),
            "worklist": self.tr("核实任务"),
            "accounts": self.tr("用户账号"),
            "audit": self.tr("审计日志"),
        }

    def _build_panes(self) -> None:
        titles = self.pane_titles()
        self.central_key = next(
            (k for k in (CENTRAL_PANE, *CENTRAL_FALLBACK) if k in self.panes), CENTRAL_PANE
        )
        central = self.panes.get(self.central_key) or QWidget(self)
        self.setCentralWidget(central)
        # The keyboard starts in the central pane (the feed's table): its keys work without a click.
        central.setFocus(Qt.FocusReason.OtherFocusReason)
        # The right-hand column (maps above, work tabs below) gets the full height; the feed the left.
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setCorner(Qt.Corner.TopRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        placed: dict[str, QDockWidget] = {}
        layout = list(DOCK_LAYOUT) + [
            (key, Qt.DockWidgetArea.RightDockWidgetArea, "work")
            for key in self.panes
            if key != self.central_key and key not in {k for k, _a, _g in DOCK_LAYOUT}
        ]
        for key, area, group in layout:
            pane = self.panes.get(key)
            if pane is None or key == self.central_key:
                continue
            dock = QDockWidget(titles.get(key, key), self)
            dock.setObjectName(f"dock_{key}")
            dock.setWidget(pane)
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetClosable
                | QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            )
            if group in placed:
                self.tabifyDockWidget(placed[group], dock)
            else:
                self.addDockWidget(area, dock)
                placed[group] = dock
            self.docks[key] = dock
        for first in placed.values():
            first.raise_()  # the first pane of each tab group is the one on top
        self._tab_groups = placed

    def apply_default_sizes(self) -> None:
        """Proportions of the default layout: the right-hand column takes 45 % of the width, the
        work tabs WORK_SHARE of its height under the maps. Run once the window has its real size (a first start is maximised)."""
        width, height = max(self.width(), 800), max(self.height(), 600)
        groups = self._tab_groups
        right = [
            d for d in self.docks.values() if self.dockWidgetArea(d) == Qt.DockWidgetArea.RightDockWidgetArea
        ]
        if right:
            self.resizeDocks(right[:1], [int(width * 0.45)], Qt.Orientation.Horizontal)
        if "maps" in groups and "work" in groups:
            self.resizeDocks(
                [groups["maps"], groups["work"]],
                [int(height * (1 - WORK_SHARE)), int(height * WORK_SHARE)],
                Qt.Orientation.Vertical,
            )

    def replace_pane(self, key: str, pane: QWidget) -> None:
        """Put ``pane`` where its placeholder (a LazyPane) was: in its dock, or the centre."""
        old = self.panes.get(key)
        if old is pane:
            return
        had_focus = old is not None and old.hasFocus()
        self.panes[key] = pane
        dock = self.docks.get(key)
        if dock is not None:
            dock.setWidget(pane)
        elif key == self.central_key:
            self.setCentralWidget(pane)  # Qt deletes the placeholder
            old = None
        if old is not None:
            old.hide()
            old.setParent(None)
            old.deleteLater()
        if had_focus:
            pane.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_pane(self, key: str) -> None:
        """Bring pane ``key`` to the front (built now if it was still waiting) and give it the keyboard."""
        pane = self.panes.get(key)
        if isinstance(pane, LazyPane):
            pane.build()  # the workspace swaps it in: self.panes[key] is the real pane from here on
            pane = self.panes.get(key)
        if pane is None:
            return
        dock = self.docks.get(key)
        if dock is not None:
            dock.show()
            dock.raise_()
        pane.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ----- menus -------------------------------------------------------------------------------
    def _action(
        self, name: str, text: str, shortcut: str | None = None, slot=None, checkable: bool = False
    ) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        if slot is not None:
            action.triggered.connect(slot)
        self.addAction(action)  # shortcuts keep working when the menu bar is hidden (full screen)
        self.actions_by_name[name] = action
        return action

    def _pane_actions(self, menu: QMenu, *keys: str) -> None:
        """Add to ``menu`` an action that brings each pane forward — only for the panes this role has."""
        for key in keys:
            if key in self.panes:
                title = self.pane_titles()[key]
                menu.addAction(
                    self._action(
                        f"focus_{key}",
                        title,
                        PANE_SHORTCUTS[key],
                        lambda _checked=False, k=key: self.focus_pane(k),
                    )
                )

    def _menu(self, title: str) -> QMenu:
        """A menu of the menu bar; the ones left empty for this role are removed at the end."""
        return self.menuBar().addMenu(title)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        settings_action = self._action("settings", self.tr("设置…"), "Ctrl+,", self.open_settings)
        quit_action = self._action("quit", self.tr("退出"), "Ctrl+Q", self.close)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        file_menu = bar.addMenu(self.tr("文件(&F)"))
        if self._actor.can(Permission.IMPORT_REGISTRY):
            file_menu.addAction(
                self._action(
                    "import_registry", self.tr("导入实有人口登记表…"), "Ctrl+I", self.import_requested.emit
                )
            )
            file_menu.addSeparator()
        file_menu.addAction(settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action("lock", self.tr("锁定屏幕"), "Ctrl+L", self.lock_screen))
        file_menu.addAction(quit_action)

        view_menu = bar.addMenu(self.tr("视图(&V)"))
        theme_menu = view_menu.addMenu(self.tr("主题"))
        self._theme_group = QActionGroup(self)
        for name, text in (("dark", self.tr("夜间 (深色)")), ("light", self.tr("日间 (浅色)"))):
            action = self._action(f"theme_{name}", text, checkable=True)
            action.triggered.connect(lambda _checked=False, n=name: self.apply_theme(n))
            self._theme_group.addAction(action)
            theme_menu.addAction(action)
        language_menu = view_menu.addMenu(self.tr("界面语言 (重启后生效)"))
        self._language_group = QActionGroup(self)
        for code, text in (("zh_CN", "中文"), ("en", "English")):
            action = self._action(f"language_{code}", text, checkable=True)
            action.setChecked(self._settings.language == code)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            self._language_group.addAction(action)
            language_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(
            self._action("fullscreen", self.tr("全屏"), "F11", self._on_fullscreen_toggled, True)
        )
        view_menu.addSeparator()
        panes_menu = view_menu.addMenu(self.tr("显示/隐藏窗格"))
        for key, dock in self.docks.items():
            toggle = dock.toggleViewAction()
            toggle.setText(self.pane_titles().get(key, key))
            self.actions_by_name[f"toggle_{key}"] = toggle
            panes_menu.addAction(toggle)
        view_menu.addAction(self._action("reset_layout", self.tr("恢复默认布局"), slot=self.reset_layout))

        alerts_menu = self._menu(self.tr("预警(&A)"))
        self._pane_actions(alerts_menu, "feed", "watchlist")
        if self._actor.can(Permission.VIEW_REGISTRY):
            alerts_menu.addSeparator()
            alerts_menu.addAction(
                self._action("search", self.tr("搜索…"), "Ctrl+F", self.search_requested.emit)
            )
        if self._actor.can(Permission.TRIAGE_ALERTS):
            alerts_menu.addAction(
                self._action(
                    "service_request",
                    self.tr("登记群众求助…"),
                    "Ctrl+N",
                    self._on_service_request_action_triggered,
                )
            )

        self._pane_actions(self._menu(self.tr("地图(&M)")), "map", "district_map")
        self._pane_actions(self._menu(self.tr("案件(&C)")), "cases", "dispatch", "property")

        tools_menu = self._menu(self.tr("工具(&T)"))
        self._pane_actions(tools_menu, "statistics", "worklist", "accounts", "audit")
        tools_menu.addSeparator()
        if self._actor.can(Permission.CONFIGURE_STATION) or self._actor.can(Permission.VIEW_REGISTRY):
            tools_menu.addAction(
                self._action("station", self.tr("站点参数…"), slot=self.station_requested.emit)
            )
        tools_menu.addAction(settings_action)
        for entry in bar.actions():  # a role with no pane of a menu does not see that menu
            menu = entry.menu()
            if isinstance(menu, QMenu) and not [a for a in menu.actions() if not a.isSeparator()]:
                bar.removeAction(entry)

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self._action("shortcuts", self.tr("快捷键"), "F1", self.show_shortcuts))
        help_menu.addAction(self._action("about", self.tr("关于值班台"), slot=self.show_about))

    def menu_titles(self) -> list[str]:
        return [a.text() for a in self.menuBar().actions() if isinstance(a.menu(), QMenu)]

    # ----- connection ------------------------------------------------------------------------
    def _build_connection_bar(self) -> None:
        self.connection_watch = ConnectionWatch(self._services.health.ping, self._worker, self._services.clock, self)
        self.connection_watch.lost.connect(lambda _as_of: self._on_ping_done(False))
        self.connection_watch.restored.connect(lambda: self._on_ping_done(True))
        self.connection_bar = ConnectionBar(self.connection_watch, self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.connection_bar)

    def follow_live(self, bridge: LiveBridge) -> None:
        """The connection-lost bar also follows the live feed's connection (the workspace's bridge)."""
        self.connection_watch.follow(bridge)

    # ----- status bar ------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        # A long database path or URL ends in "…" (whole in its tooltip) rather than widening the window.
        self.database_label = ElidedLabel(self, min_chars=16)
        self.database_label.setText(self.tr("数据库: {0}").format(self._services.database))
        self.database_label.setObjectName("statusDatabase")
        self.connection_label = QLabel(self)
        self.connection_label.setObjectName("connectionState")
        self._show_connection(None)
        roles = {
            "duty_officer": self.tr("值班民警"),
            "community_officer": self.tr("社区民警"),
            "grid_worker": self.tr("网格员"),
            "investigator": self.tr("办案民警"),
            "supervisor": self.tr("所领导"),
            "system_admin": self.tr("系统管理员"),
            "security_admin": self.tr("安全管理员"),
            "audit_admin": self.tr("审计管理员"),
            "system": self.tr("外部系统"),
        }
        self.user_label = QLabel(
            self.tr("{0} · {1}").format(
                self._actor.display_name, roles.get(self._actor.role, self._actor.role)
            ),
            self,
        )
        self.user_label.setObjectName("statusUser")
        self.clock_label = QLabel(self)
        self.clock_label.setObjectName("statusClock")
        self.sound_label = QLabel(self)
        self.sound_label.setObjectName("soundState")
        self.sound_label.setVisible(False)
        self._sound_said = False
        services = self._services
        self.clock_skew_label = ClockSkewLabel(services.health, self._worker, services.clock, self)
        for label in (
            self.clock_skew_label,
            self.sound_label,
            self.database_label,
            self.connection_label,
            self.user_label,
            self.clock_label,
        ):
            bar.addPermanentWidget(label)
        # Well after the first paint: loading QtMultimedia to ask for audio devices takes a moment
        # (a zero timer would still run inside the processEvents that paints the window first).
        QTimer.singleShot(SOUND_CHECK_DELAY_MS, self, self.check_sound)  # not once the window is gone

    def check_sound(self) -> None:
        """Say once, visibly, when alert sounds cannot play here (no QtMultimedia, no audio device):
        a lasting mark in the status bar with the reason in its tooltip, and a message."""
        problem = notify.sound_problem()
        if problem is None:
            self.sound_label.setVisible(False)
            return
        if self._sound_said:
            return  # said once already
        self._sound_said = True
        self.sound_label.setText(self.tr("🔇 无提示音"))
        self.sound_label.setToolTip(
            self.tr("预警提示音无法播放: {0}。紧急预警仍以红色横幅和高亮行显示。").format(problem)
        )
        self.sound_label.setVisible(True)
        self.statusBar().showMessage(self.tr("注意: 预警提示音无法播放 ({0})。").format(problem), 30000)

    def _on_clock_timer_timeout(self) -> None:
        now = self._services.clock.now().astimezone(STATION_TZ)
        self.clock_label.setText(self.tr("{0} 北京时间").format(now.strftime("%Y-%m-%d %H:%M:%S")))

    def check_connection(self) -> None:
        """Ask the database for one round trip, off the GUI thread; the status bar shows the answer.

        The same trip counts the urgent alerts nobody has acknowledged, which quitting asks about.
        """
        if self._runner.busy():
            return  # the previous check is still waiting for a slow server
        health, alerts, actor = self._services.health, self._services.alerts, self._actor
        watches_alerts = actor.can(Permission.VIEW_ALERTS)

        def check() -> tuple[bool, int | None]:
            ok = health.ping()
            if not (ok and watches_alerts):
                return ok, None
            try:
                return ok, alerts.urgent_open_counts(actor).total
            except Exception:  # a failed count keeps the last one; the ping decides
                log.info("counting urgent alerts failed", exc_info=True)
                return ok, None

        self._runner.submit(check, self._on_check_done, lambda _exc: self._on_ping_done(False))

    def _on_check_done(self, result: tuple[bool, int | None]) -> None:
        ok, pending = result
        if pending is not None:
            self._urgent_pending = pending
        self._on_ping_done(ok)

    @property
    def urgent_pending(self) -> int:
        """Critical and high alerts nobody had acknowledged at the last check (every few seconds)."""
        return self._urgent_pending

    def _on_ping_done(self, ok: object) -> None:
        connected = bool(ok)
        changed = connected != self._connected
        self._show_connection(connected)
        if changed:
            self.connection_changed.emit(connected)

    def _on_worker_user_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)

    def _show_connection(self, connected: bool | None) -> None:
        self._connected = connected
        if connected is None:
            state, text = "unknown", self.tr("● 连接检查中")
        elif connected:
            state, text = "ok", self.tr("● 已连接")
        else:
            state, text = "down", self.tr("● 连接中断")
        self.connection_label.setText(text)
        self.connection_label.setProperty("state", state)
        self.connection_label.style().unpolish(self.connection_label)
        self.connection_label.style().polish(self.connection_label)

    # ----- theme, language, settings -------------------------------------------------------------
    def apply_theme(self, name: str, persist: bool = True) -> None:
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        if persist or app.property("duty_console_theme") != theme.normalise_theme(name):
            applied = theme.apply_theme(app, name)
        else:  # the composition root applied it already, before the splash: a style sheet costs 0.2 s
            applied = theme.normalise_theme(name)
        self.actions_by_name[f"theme_{applied}"].setChecked(True)
        self._show_connection(self._connected)  # re-polish the coloured label
        if persist:
            ui_settings().setValue("ui/theme", applied)
        self.theme_changed.emit(applied)

    def set_language(self, code: str) -> None:
        if code == self._settings.language:
            return
        from console.widgets.settings_dialog import persist_settings  # not needed at start-up

        self._settings = replace(self._settings, language=code)
        persist_settings(self._settings)
        self.statusBar().showMessage(self.tr("界面语言已保存, 重新启动程序后生效。"), 15000)

    def open_settings(self) -> None:
        from console.widgets.settings_dialog import SettingsDialog  # not needed at start-up

        dialog = SettingsDialog(self._settings, self._services.health.probe, self._worker, self)
        dialog.settings_saved.connect(self._on_settings_dialog_saved)
        self.settings_dialog = dialog
        dialog.open()

    def _on_settings_dialog_saved(self, new: Settings) -> None:
        old, self._settings = self._settings, new
        self.apply_theme(new.theme)
        self.actions_by_name[f"language_{new.language}"].setChecked(True)
        if (new.db_url, new.language) != (old.db_url, old.language):
            self.statusBar().showMessage(
                self.tr("设置已保存; 数据库和界面语言的更改在重新启动后生效。"), 15000
            )
        else:
            self.statusBar().showMessage(self.tr("设置已保存。"), 8000)

    # ----- help --------------------------------------------------------------------------------
    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(key, what it does) for every action that has a shortcut, in menu order."""
        seen: list[tuple[str, str]] = []
        for action in self.actions_by_name.values():
            key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if key and (key, action.text()) not in seen:
                seen.append((key, action.text().replace("&", "")))
        return seen

    def _on_service_request_action_triggered(self) -> None:
        self.service_request_requested.emit()

    def pane_key_rows(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """(heading, [(key, what it does)]) of the panes with keys of their own: the feed's A, D, R…
        on the selected row, the grid map's zoom and pan. A pane names its heading (key_heading), or
        it is "<pane>: 选中一行后"."""
        titles = self.pane_titles()
        in_pane = self.tr("{0}: 选中一行后")
        sections = []
        for key, pane in self.panes.items():
            rows = getattr(pane, "key_rows", None)
            if callable(rows):
                heading = getattr(pane, "key_heading", None)
                title = heading() if callable(heading) else in_pane.format(titles.get(key, key))
                sections.append((title, list(rows())))
        return sections

    def shortcuts_html(self) -> str:
        """The F1 list: the window's shortcuts, then each pane's own keys (a pane built since is in)."""
        cell = "<tr><td style='padding:2px 18px 2px 0'><b>{0}</b></td><td>{1}</td></tr>"
        window_rows = "".join(cell.format(escape(k), escape(t)) for k, t in self.shortcut_rows())
        pane_rows = ""
        for heading_text, key_rows in self.pane_key_rows():
            heading = escape(heading_text)
            pane_rows += f"<tr><td colspan='2' style='padding-top:8px'><b>{heading}</b></td></tr>"
            pane_rows += "".join(cell.format(escape(k), escape(t)) for k, t in key_rows)
        # Two columns, the window's keys beside the panes' own, so that the list fits a 768 screen.
        return (
            f"<table><tr><td valign='top' style='padding-right:36px'><table>{window_rows}</table></td>"
            f"<td valign='top'><table>{pane_rows}</table></td></tr></table>"
        )

    def show_shortcuts(self) -> None:
        if self._shortcuts_dialog is None:
            dialog = QDialog(self)
            dialog.setWindowTitle(self.tr("快捷键"))
            label = QLabel(dialog)
            label.setObjectName("shortcutTable")
            # Scrolls rather than grow past a small screen (the Close button stays in reach).
            scroll = QScrollArea(dialog)
            scroll.setWidget(label)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
            buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
            buttons.rejected.connect(dialog.hide)
            layout = QVBoxLayout(dialog)
            layout.addWidget(scroll)
            layout.addWidget(buttons)
            self._shortcuts_dialog = dialog
        table = self._shortcuts_dialog.findChild(QLabel, "shortcutTable")
        if table is not None:
            table.setText(self.shortcuts_html())
            wanted = table.sizeHint() + QSize(48, 96)  # margins, the Close button
            screen = self.screen().availableGeometry()
            self._shortcuts_dialog.resize(
                min(wanted.width(), screen.width() - 40), min(wanted.height(), screen.height() - 80)
            )
        self._shortcuts_dialog.show()
        self._shortcuts_dialog.raise_()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于值班台"),
            self.tr("值班台 {0}\n社区派出所值班室桌面程序: 预警、网格、派警、案件。\n数据库: {1}").format(
                __version__, self._services.database
            ),
        )

    # ----- window state ------------------------------------------------------------------------
    def _on_fullscreen_toggled(self, checked: bool) -> None:
        if checked:
            self._maximised_before_full_screen = self.isMaximized()
            self.showFullScreen()
        elif self._maximised_before_full_screen:
            self.showMaximized()
        else:
            self.showNormal()

    def reset_layout(self) -> None:
        self.restoreState(self._default_state)
        for dock in self.docks.values():
            dock.show()
        for first in self._tab_groups.values():
            first.raise_()
        self.connection_bar.sync()
        self.apply_default_sizes()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._needs_default_sizes:
            self._needs_default_sizes = False
            QTimer.singleShot(0, self.apply_default_sizes)  # after the window manager has sized us

    def _restore_window_state(self) -> None:
        store = ui_settings()
        geometry = store.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1600, 960)
            self.first_start = True  # the composition root shows the window maximised
        state = store.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        else:
            self._needs_default_sizes = True

    def save_window_state(self) -> None:
        store = ui_settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        store.sync()

    @property
    def locked(self) -> bool:
        return self._locked

    def lock_screen(self) -> None:
        """Hide every window that may show personal data until the signed-in user's password is given
        again (idle for ``idle_lock_minutes``, or Ctrl+L). Quitting from the lock closes the console."""
        if self._locked:
            return
        from console.widgets.sign_in import SignInDialog

        self._locked = True
        self.idle_lock.paused = True
        dialog = SignInDialog(self._services.accounts, self._worker, username=self._actor.username)
        dialog.setObjectName("lockDialog")
        dialog.setWindowTitle(self.tr("值班台已锁定 — {0}").format(self._actor.display_name))
        self.lock_dialog = dialog
        hidden = hide_windows(keep=dialog)
        dialog.finished.connect(lambda result: self._on_lock_dialog_finished(result, hidden))
        dialog.open()

    def _on_lock_dialog_finished(self, result: int, hidden: list[QWidget]) -> None:
        self.lock_dialog.deleteLater()
        self._locked = False
        self.idle_lock.paused = False
        if result != QDialog.DialogCode.Accepted:
            self.close_without_asking()
            return
        for widget in hidden:
            widget.show()
        self.idle_lock.restart()

    def close_without_asking(self) -> None:
        """Close even with urgent alerts pending (a signal to stop, quitting from the lock screen)."""
        self._quit_without_asking = True
        self.close()

    def may_quit_now(self) -> bool:
        """True when the console may close at once: no urgent alert waits, or stopping was asked for."""
        app = QApplication.instance()
        stopping = app is not None and bool(app.property("duty_console_stopping"))
        return self._quit_without_asking or stopping or self._urgent_pending <= 0

    def ask_to_quit(self) -> QMessageBox:
        """Ask (window-modal, the feed keeps running) whether to quit with critical/high alerts that
        nobody has acknowledged, saying how many; 退出 closes the console, 继续值班 keeps it."""
        if self.quit_box is not None:
            self.quit_box.raise_()
            return self.quit_box
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("退出值班台"),
            self.tr("还有 {0} 条紧急/高等级预警未确认。退出后本机不再提醒这些预警。确定退出?").format(
                self._urgent_pending
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("quitConfirmation")
        quit_button = box.addButton(self.tr("退出"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(self.tr("继续值班"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)

        def answered(_result: int) -> None:
            self.quit_box = None
            box.deleteLater()
            if box.clickedButton() is quit_button:
                self.close_without_asking()

        box.finished.connect(answered)
        self.quit_box = box
        box.open()
        return box

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_quit_now():
            event.ignore()
            self.ask_to_quit()
            return
        self.save_window_state()
        self._health_timer.stop()
        self.connection_watch.stop()
        self._clock_timer.stop()
        self.clock_skew_label.stop()
        self.idle_lock.stop()
        # Wait (bounded) for what is still running: a ping to a dead server gives up after its
        # connect timeout, a registry import is cancelled and stops after its current chunk.
        self._worker.shutdown(SHUTDOWN_WAIT_MS)
        super().closeEvent(event)
