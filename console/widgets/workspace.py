"""The panes of the main window and the wiring between them (search → map, district map → map…).

Kept apart from MainWindow (which only arranges docks and menus) and from app.py (which only
composes): one place says which pane answers which other pane's signal, and owns the single live
change bridge every pane follows.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Slot
from PySide6.QtWidgets import QWidget

from console.security import Permission
from console.widgets.common import LazyPane

if TYPE_CHECKING:
    from console.config import Settings
    from console.security import Actor
    from console.services.container import Services
    from console.services.dispatch import RequestTaken
    from console.widgets.accounts_pane import AccountsPane
    from console.widgets.audit_pane import AuditPane
    from console.widgets.cases_pane import CasesPane
    from console.widgets.district_map import DistrictMapPane
    from console.widgets.dossier import DossierWindows
    from console.widgets.feed import FeedPane
    from console.widgets.figures_pane import FiguresPane
    from console.widgets.grid_map_pane import GridMapPane
    from console.widgets.main_window import MainWindow
    from console.widgets.officers_board import OfficersBoardPane
    from console.widgets.unclaimed_board import UnclaimedBoard
    from console.widgets.watchlist_pane import WatchlistPane
    from console.widgets.worker import DatabaseWorker
    from console.widgets.worklist import WorklistPane


# Which pane a role sees: a pane is built when the actor holds any of its permissions, so nobody
# signs in to panes that could only refuse them (the administrators see their own panes only).
PANE_PERMISSIONS: dict[str, tuple[Permission, ...]] = {
    "feed": (Permission.VIEW_ALERTS,),
    "map": (Permission.VIEW_REGISTRY,),
    "district_map": (Permission.VIEW_ALERTS, Permission.VIEW_REGISTRY),
    "cases": (Permission.VIEW_CASES,),
    "dispatch": (Permission.DISPATCH, Permission.MANAGE_OFFICERS),
    "property": (Permission.VIEW_CASES,),
    "statistics": (Permission.VIEW_STATISTICS,),
    "watchlist": (Permission.MANAGE_WATCHLIST,),
    "worklist": (Permission.VIEW_REGISTRY,),
    "accounts": (Permission.MANAGE_USERS, Permission.MANAGE_SECURITY),
    "audit": (Permission.READ_AUDIT,),
}


# Built with the window: the alert feed is what the duty officer watches from the first second.
# Every other pane starts as a LazyPane and is built after the window's first paint if it is on
# screen, or when the officer first opens it (NOTES.md: pyqtgraph and QtWebEngine cost a second).
EAGER_PANES = frozenset({"feed"})


def allowed_panes(actor: Actor) -> list[str]:
    """The keys of the panes ``actor``'s role may use, in the window's order."""
    return [key for key, perms in PANE_PERMISSIONS.items() if any(actor.can(p) for p in perms)]


class Workspace(QObject):
    """Builds the panes the actor's role allows, once, shares one LiveBridge among them, and
    connects them to each other. A pane the role may not use is ``None`` and never built.

    Only the EAGER_PANES are built at once; the others are placeholders in ``panes`` until first
    shown (or asked for by another pane, or ``build_all()``), and their attribute (``figures``,
    ``district_map``…) is ``None`` until then. ``ensure_pane(key)`` builds one now.

    Each pane is handed the services it uses, by name, and the console's one DatabaseWorker.
    """

    def __init__(
        self,
        services: Services,
        actor: Actor,
        settings: Settings,
        worker: DatabaseWorker,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        from console.widgets.live_bridge import LiveBridge

        self._services = services
        self._actor = actor
        self._worker = worker
        self._settings = settings
        self._search_dialog: QWidget | None = None
        self.link_dialog: QWidget | None = None
        self._window: MainWindow | None = None
        self._shut_down = False
        self.allowed = allowed_panes(actor)
        self.bridge = LiveBridge(services.open_change_feed(), worker, self)
        self.feed: FeedPane | None = None
        self.board: OfficersBoardPane | None = None
        self.grid_map: GridMapPane | None = None
        self.district_map: DistrictMapPane | None = None
        self.watchlist: WatchlistPane | None = None
        self.worklist: WorklistPane | None = None
        self.unclaimed: UnclaimedBoard | None = None
        self.cases: CasesPane | None = None
        self._dossiers: DossierWindows | None = None  # made on first use: see ``dossiers``
        self.accounts: AccountsPane | None = None
        self.audit: AuditPane | None = None
        self.figures: FiguresPane | None = None
        self.request_dialog: QWidget | None = None
        self.panes: dict[str, QWidget] = {}
        self._built: dict[str, QWidget] = {}
        for key in self.allowed:
            if key in EAGER_PANES:
                self.ensure_pane(key)
            else:
                self.panes[key] = LazyPane(key, partial(self.ensure_pane, key))

    # --- building on demand ------------------------------------------------------------------
    def is_built(self, key: str) -> bool:
        return key in self._built

    def ensure_pane(self, key: str) -> QWidget | None:
        """Pane ``key``, built now if it was still a placeholder (None if the role has no such pane).

        The built pane takes the placeholder's place in ``panes`` and, once the window exists, in
        its dock (MainWindow.replace_pane)."""
        if key in self._built:
            return self._built[key]
        if key not in self.allowed or self._shut_down:
            return None
        pane: QWidget = getattr(self, f"_build_{key}")()
        self._built[key] = pane
        self._wire(key)
        placeholder = self.panes.get(key)
        self.panes[key] = pane
        if self._window is not None:
            self._window.replace_pane(key, pane)
        elif isinstance(placeholder, LazyPane):
            placeholder.deleteLater()
        return pane

    def build_all(self) -> None:
        """Build every pane this role has (tests and tools that reach into any pane)."""
        for key in self.allowed:
            self.ensure_pane(key)

    def build_visible(self) -> None:
        """Build the placeholders on screen now (after the window's first paint)."""
        for key, pane in list(self.panes.items()):
            # isVisible() is also true behind another dock's tab: only what is actually on screen.
            if isinstance(pane, LazyPane) and pane.isVisible() and not pane.visibleRegion().isEmpty():
                self.ensure_pane(key)

    # --- building the allowed panes ----------------------------------------------------------
    def _build_feed(self) -> QWidget:
        from console.widgets.feed import FeedPane

        s = self._services
        self.feed = FeedPane(
            s.alerts,
            s.clock,
            self._actor,
            self._worker,
            bridge=self.bridge,
            sound=self._settings.sound,
            dispatch=s.dispatch,
            officers=s.officers,
            interventions=s.interventions,
            remind_every_s=self._settings.remind_every_minutes * 60,
        )
        return self.feed

    def _build_dispatch(self) -> QWidget:
        from console.widgets.officers_board import OfficersBoardPane

        s = self._services
        self.board = OfficersBoardPane(
            s.officers,
            s.dispatch,
            s.clock,
            self._actor,
            self._worker,
            bridge=self.bridge,
            sound=self._settings.sound,
        )
        self.board.dispatch_requested.connect(self._on_board_dispatch_requested)
        self.board.service_request_requested.connect(self.open_service_request)
        return self.board

    def _build_map(self) -> QWidget:
        from console.widgets.grid_map_pane import GridMapPane

        s = self._services
        self.grid_map = GridMapPane(s.gridmap, s.verification, s.clock, self._actor, self._worker)
        self.grid_map.connect_live(self.bridge)
        return self.grid_map

    def _build_district_map(self) -> QWidget:
        from console.widgets.district_map import DistrictMapPane

        s = self._services
        self.district_map = DistrictMapPane(s.district, s.clock, self._actor, self._worker, self._settings)
        self.bridge.alert_changed.connect(self._on_bridge_something_changed)
        self.bridge.household_changed.connect(self._on_bridge_something_changed)
        self.bridge.changed.connect(self._on_bridge_changed_for_district_map)
        return self.district_map

    def _build_watchlist(self) -> QWidget:
        from console.widgets.watchlist_pane import WatchlistPane

        s = self._services
        self.watchlist = WatchlistPane(s.watchlist, s.clock, self._actor, self._worker, bridge=self.bridge)
        return self.watchlist

    def _build_worklist(self) -> QWidget:
        from console.widgets.worklist import WorklistPane

        s = self._services
        self.worklist = WorklistPane(s.verification, s.gridmap, s.clock, self._actor, self._worker)
        return self.worklist

    def _build_property(self) -> QWidget:
        from console.widgets.unclaimed_board import UnclaimedBoard

        self.unclaimed = UnclaimedBoard(self._services.property, self._actor, self._worker)
        self.bridge.changed.connect(self._on_bridge_changed_for_property)
        return self.unclaimed

    def _build_cases(self) -> QWidget:
        from console.widgets.cases_pane import CasesPane

        s = self._services
        self.cases = CasesPane(s.cases, s.clock, self._actor, self._worker, bridge=self.bridge)
        return self.cases

    def _build_statistics(self) -> QWidget:
        from console.widgets.figures_pane import FiguresPane

        s = self._services
        self.figures = FiguresPane(s.figures, s.clock, self._actor, self._worker, bridge=self.bridge)
        return self.figures

    def _build_accounts(self) -> QWidget:
        from console.widgets.accounts_pane import AccountsPane

        self.accounts = AccountsPane(self._services.accounts, self._actor, self._worker)
        return self.accounts

    def _build_audit(self) -> QWidget:
        from console.widgets.audit_pane import AuditPane

        self.audit = AuditPane(self._services.audit, self._actor, self._worker)
        return self.audit

    @property
    def dossiers(self) -> DossierWindows | None:
        """The case dossier windows (None for a role that may not view cases), made when first
        needed: neither they nor the case services are needed for the window's first paint."""
        if self._dossiers is None and self._actor.can(Permission.VIEW_CASES) and not self._shut_down:
            from console.widgets.dossier import DossierWindows

            s = self._services
            self._dossiers = DossierWindows(
                s.cases, self._actor, self._worker, bridge=self.bridge, series=s.series, watch=s.case_watch
            )
            self._dossiers.series_map_requested.connect(self.show_series_on_map)
            self._dossiers.household_requested.connect(self.show_household)
            if self._window is not None:
                self._dossiers.parent_widget = self._window
        return self._dossiers

    def _wire(self, key: str) -> None:
        """Connect pane ``key``, just built, to the panes and actions it works with."""
        if key == "district_map" and self.district_map is not None:
            self.district_map.community_clicked.connect(self._on_district_map_community_clicked)
            self.district_map.alert_clicked.connect(self._on_district_map_alert_clicked)
        if key == "worklist" and self.worklist is not None:
            self.worklist.show_household_requested.connect(self.show_household)
        if key == "cases" and self.cases is not None:
            self.cases.case_open_requested.connect(self.open_case)
        if key == "statistics" and self.figures is not None:
            self.figures.case_open_requested.connect(self.open_case)
        if key == "feed" and self.feed is not None:
            if self._actor.can(Permission.VIEW_CASES):
                self.feed.detail.enable_case_actions(self._actor.can(Permission.EDIT_CASES))
            self.feed.detail.open_case_requested.connect(self.open_case)
            self.feed.detail.link_case_requested.connect(self._on_alert_detail_link_case_requested)

    def attach(self, window: MainWindow) -> None:
        """Connect the window's global actions (Ctrl+F, Ctrl+I) once the window exists.

        The workspace (and the live bridge it owns) then lives exactly as long as the window, and
        stops its timers, threads and listener when the window closes.
        """
        self._window = window
        self.setParent(window)
        if self._dossiers is not None:
            self._dossiers.parent_widget = window
        window.installEventFilter(self)
        window.follow_live(self.bridge)
        window.search_requested.connect(self._on_window_search_requested)
        window.import_requested.connect(self._on_window_import_requested)
        window.station_requested.connect(self._on_window_station_requested)
        window.service_request_requested.connect(self.open_service_request)

    def _focus(self, key: str) -> None:
        if self._window is not None:
            self._window.focus_pane(key)

    @Slot(str, int)
    def _on_bridge_changed_for_property(self, topic: str, _entity_id: int) -> None:
        if topic == "property" and self.unclaimed is not None:  # recovered, notified or handed back
            self.unclaimed.refresh()

    # --- navigation between panes ------------------------------------------------------------
    def show_household(self, household_id: int) -> None:
        self.ensure_pane("map")
        if self.grid_map is None:
            return
        self.grid_map.show_household(household_id)
        self._focus("map")

    def open_case(self, case_no: str) -> QWidget | None:
        """The dossier window of ``case_no`` (from the case list, an alert, a search hit)."""
        if self.dossiers is None:
            return None
        return self.dossiers.open(case_no)

    def _on_alert_detail_link_case_requested(self, alert_id: int) -> None:
        from console.widgets.dossier import LinkCaseDialog

        dialog = LinkCaseDialog(alert_id, self._services.cases, self._actor, self._worker, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.case_linked.connect(self._on_link_dialog_case_linked)
        self.link_dialog = dialog
        dialog.open()

    def _on_link_dialog_case_linked(self, case_no: str) -> None:
        if self.feed is not None:
            self.feed.detail.note_label.setText(
                QCoreApplication.translate("panes", "已关联到案件 {0}").format(case_no)
            )
        window = self._dossiers.windows.get(case_no) if self._dossiers is not None else None
        if window is not None:
            window.reload()  # a link writes no change-log row: refresh the open dossier directly

    def _on_district_map_community_clicked(self, community_id: int) -> None:
        self.ensure_pane("map")
        if self.grid_map is None:
            return
        self.grid_map.show_community(community_id)
        self._focus("map")

    def _on_district_map_alert_clicked(self, alert_id: int) -> None:
        if self.feed is None:
            return
        self.feed.show_alert(alert_id)
        self._focus("feed")

    def show_series_on_map(self, series_id: int) -> None:
        """The district map, showing this confirmed series (from a dossier's series tab)."""
        self.ensure_pane("district_map")
        if self.district_map is None:
            return
        self.district_map.show_series(series_id)
        self._focus("district_map")

    @Slot(str, int)
    def _on_bridge_changed_for_district_map(self, topic: str, _entity_id: int) -> None:
        # Officers sent, arriving, cleared; cases (a series' places): redraw, throttled by the pane.
        if topic in ("dispatch", "officer", "case") and self.district_map is not None:
            self.district_map.refresh()

    def _on_board_dispatch_requested(self, badge: str) -> None:
        """Send the board's selected officer to the alert selected in the feed."""
        if self.board is None:
            return
        row = self.feed.selected_row() if self.feed is not None else None
        if row is None or self.feed is None:
            self.board.message.setText(self.board.tr("请先在预警列表中选择要派警的预警"))
            self.board.message.setVisible(True)
            return
        self.feed.open_dispatch_dialog(row.id, (badge,) if badge else ())

    @Slot()
    @Slot(str)
    def open_service_request(self, badge: str = "") -> QWidget:
        """Take a resident's request; once stored, the dispatch dialog opens for it (``badge`` picked)."""
        from console.widgets.service_request_dialog import ServiceRequestDialog

        if self.request_dialog is not None:
            self.request_dialog.close()
        dialog = ServiceRequestDialog(
            self._services.requests, self._services.alerts, self._actor, self._worker, self._window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        preselect = (badge,) if badge else ()

        def taken(request: RequestTaken) -> None:
            if self.feed is not None:
                self.feed.open_dispatch_dialog(request.alert_id, preselect)

        dialog.request_taken.connect(taken)
        dialog.destroyed.connect(self._on_request_dialog_destroyed)
        self.request_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def _on_request_dialog_destroyed(self) -> None:
        self.request_dialog = None

    def _on_bridge_something_changed(self, _entity_id: int) -> None:
        if self.district_map is not None:
            self.district_map.refresh()  # throttled by the pane itself

    def _on_window_search_requested(self) -> None:
        from console.widgets.search import SearchDialog

        if not self._actor.can(Permission.VIEW_REGISTRY):
            return
        if self._search_dialog is None:
            dialog = SearchDialog(self._services.search, self._actor, self._worker, self._window)
            dialog.household_chosen.connect(self.show_household)
            dialog.case_chosen.connect(self.open_case)
            self._search_dialog = dialog
        self._search_dialog.show()
        self._search_dialog.raise_()
        self._search_dialog.activateWindow()

    def _on_window_import_requested(self) -> None:
        from console.widgets.import_dialog import RegistryImportDialog

        if not self._actor.can(Permission.IMPORT_REGISTRY):
            return
        dialog = RegistryImportDialog(self._services.registry_import, self._actor, self._worker, self._window)
        dialog.registry_imported.connect(self._on_import_dialog_registry_imported)
        dialog.exec()  # the import itself runs on the console's DatabaseWorker
        dialog.deleteLater()

    def _on_import_dialog_registry_imported(self, _report: object) -> None:
        self._reload_registry_views()  # new households and residents

    def _reload_registry_views(self) -> None:
        """Reload what shows households (single verifications arrive live; bulk changes do not)."""
        if self.grid_map is not None:
            self.grid_map.load()
        if self.worklist is not None:
            self.worklist.refresh()
        if self.district_map is not None:
            self.district_map.refresh()

    def _on_window_station_requested(self) -> None:
        from console.widgets.station_dialog import StationDialog

        dialog = StationDialog(self._services.station, self._actor, self._worker, self._window)
        dialog.parameters_saved.connect(self._on_station_dialog_parameters_saved)
        dialog.exec()
        dialog.deleteLater()

    def _on_station_dialog_parameters_saved(self, _params: object) -> None:
        self._reload_registry_views()  # new thresholds recolour every household

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.shutdown()
        return False

    def shutdown(self) -> None:
        """Stop timers, threads and the listener connection (once; the window is closing)."""
        if self._shut_down:
            return
        self._shut_down = True
        if self._dossiers is not None:
            self._dossiers.close_all()
        for pane in (self.cases, self.figures, self.feed, self.board, self.watchlist, self.district_map):
            if pane is not None:
                pane.shutdown()
        if self._window is not None:
            self._window.connection_watch.stop()  # it follows the bridge, which goes now
        self.bridge.close()
