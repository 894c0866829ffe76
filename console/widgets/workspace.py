"""The panes of the main window and the wiring between them (search → map, district map → map…).

Kept apart from MainWindow (which only arranges docks and menus) and from app.py (which only
composes): one place says which pane answers which other pane's signal, and owns the single live
change bridge every pane follows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Slot
from PySide6.QtWidgets import QWidget

from console.security import Permission

if TYPE_CHECKING:
    from console.config import Settings
    from console.security import Actor
    from console.services.container import Services
    from console.services.dispatch import RequestTaken
    from console.widgets.main_window import MainWindow
    from console.widgets.worker import DatabaseWorker


class Workspace(QObject):
    """Builds every pane once, shares one LiveBridge among them, and connects them to each other.

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
        from console.widgets.cases_pane import CasesPane
        from console.widgets.district_map import DistrictMapPane
        from console.widgets.dossier import DossierWindows
        from console.widgets.feed import FeedPane
        from console.widgets.figures_pane import FiguresPane
        from console.widgets.grid_map_pane import GridMapPane
        from console.widgets.live_bridge import LiveBridge
        from console.widgets.officers_board import OfficersBoardPane
        from console.widgets.unclaimed_board import UnclaimedBoard
        from console.widgets.watchlist_pane import WatchlistPane
        from console.widgets.worklist import WorklistPane

        self._services = services
        self._actor = actor
        self._worker = worker
        self._search_dialog: QWidget | None = None
        self.link_dialog: QWidget | None = None
        self._window: MainWindow | None = None
        self._shut_down = False
        clock = services.clock
        self.bridge = LiveBridge(services.open_change_feed(), worker, self)
        self.feed = FeedPane(
            services.alerts,
            clock,
            actor,
            worker,
            bridge=self.bridge,
            sound=settings.sound,
            dispatch=services.dispatch,
            officers=services.officers,
            interventions=services.interventions,
        )
        self.board = OfficersBoardPane(
            services.officers,
            services.dispatch,
            clock,
            actor,
            worker,
            bridge=self.bridge,
            sound=settings.sound,
        )
        self.board.dispatch_requested.connect(self._on_board_dispatch_requested)
        self.board.service_request_requested.connect(self.open_service_request)
        self.request_dialog: QWidget | None = None
        self.grid_map = GridMapPane(services.gridmap, services.verification, clock, actor, worker)
        self.grid_map.connect_live(self.bridge)
        self.district_map = DistrictMapPane(services.district, clock, actor, worker, settings)
        self.bridge.alert_changed.connect(self._on_bridge_something_changed)
        self.bridge.household_changed.connect(self._on_bridge_something_changed)
        self.watchlist = WatchlistPane(services.watchlist, clock, actor, worker, bridge=self.bridge)
        self.worklist = WorklistPane(services.verification, services.gridmap, clock, actor, worker)
        self.unclaimed = UnclaimedBoard(services.property, actor, worker)
        self.bridge.changed.connect(self._on_bridge_changed_for_property)
        self.cases = CasesPane(services.cases, clock, actor, worker, bridge=self.bridge)
        self.dossiers = DossierWindows(
            services.cases,
            actor,
            worker,
            bridge=self.bridge,
            series=services.series,
            watch=services.case_watch,
        )
        self.figures = FiguresPane(services.figures, clock, actor, worker, bridge=self.bridge)
        self.figures.case_open_requested.connect(self.open_case)
        self.panes: dict[str, QWidget] = {
            "feed": self.feed,
            "map": self.grid_map,
            "district_map": self.district_map,
            "cases": self.cases,
            "dispatch": self.board,
            "property": self.unclaimed,
            "statistics": self.figures,
            "watchlist": self.watchlist,
            "worklist": self.worklist,
        }
        self.district_map.community_clicked.connect(self._on_district_map_community_clicked)
        self.district_map.alert_clicked.connect(self._on_district_map_alert_clicked)
        self.dossiers.series_map_requested.connect(self.show_series_on_map)
        self.bridge.changed.connect(self._on_bridge_changed_for_district_map)
        self.worklist.show_household_requested.connect(self.show_household)
        self.cases.case_open_requested.connect(self.open_case)
        self.dossiers.household_requested.connect(self.show_household)
        if actor.can(Permission.VIEW_CASES):
            self.feed.detail.enable_case_actions(actor.can(Permission.EDIT_CASES))
        self.feed.detail.open_case_requested.connect(self.open_case)
        self.feed.detail.link_case_requested.connect(self._on_alert_detail_link_case_requested)

    def attach(self, window: MainWindow) -> None:
        """Connect the window's global actions (Ctrl+F, Ctrl+I) once the window exists.

        The workspace (and the live bridge it owns) then lives exactly as long as the window, and
        stops its timers, threads and listener when the window closes.
        """
        self._window = window
        self.setParent(window)
        self.dossiers.parent_widget = window
        window.installEventFilter(self)
        window.search_requested.connect(self._on_window_search_requested)
        window.import_requested.connect(self._on_window_import_requested)
        window.station_requested.connect(self._on_window_station_requested)
        window.service_request_requested.connect(self.open_service_request)

    @Slot(str, int)
    def _on_bridge_changed_for_property(self, topic: str, _entity_id: int) -> None:
        if topic == "property":  # recovered, notified or handed back on any console
            self.unclaimed.refresh()

    # --- navigation between panes ------------------------------------------------------------
    def show_household(self, household_id: int) -> None:
        self.grid_map.show_household(household_id)
        if self._window is not None:
            self._window.focus_pane("map")

    def open_case(self, case_no: str) -> QWidget:
        """The dossier window of ``case_no`` (from the case list, an alert, a search hit)."""
        return self.dossiers.open(case_no)

    def _on_alert_detail_link_case_requested(self, alert_id: int) -> None:
        from console.widgets.dossier import LinkCaseDialog

        dialog = LinkCaseDialog(alert_id, self._services.cases, self._actor, self._worker, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.case_linked.connect(self._on_link_dialog_case_linked)
        self.link_dialog = dialog
        dialog.open()

    def _on_link_dialog_case_linked(self, case_no: str) -> None:
        self.feed.detail.note_label.setText(
            QCoreApplication.translate("panes", "已关联到案件 {0}").format(case_no)
        )
        window = self.dossiers.windows.get(case_no)
        if window is not None:
            window.reload()  # a link writes no change-log row: refresh the open dossier directly

    def _on_district_map_community_clicked(self, community_id: int) -> None:
        self.grid_map.show_community(community_id)
        if self._window is not None:
            self._window.focus_pane("map")

    def _on_district_map_alert_clicked(self, alert_id: int) -> None:
        self.feed.show_alert(alert_id)
        if self._window is not None:
            self._window.focus_pane("feed")

    def show_series_on_map(self, series_id: int) -> None:
        """The district map, showing this confirmed series (from a dossier's series tab)."""
        self.district_map.show_series(series_id)
        if self._window is not None:
            self._window.focus_pane("district_map")

    @Slot(str, int)
    def _on_bridge_changed_for_district_map(self, topic: str, _entity_id: int) -> None:
        # Officers sent, arriving, cleared; cases (a series' places): redraw, throttled by the pane.
        if topic in ("dispatch", "officer", "case"):
            self.district_map.refresh()

    def _on_board_dispatch_requested(self, badge: str) -> None:
        """Send the board's selected officer to the alert selected in the feed."""
        row = self.feed.selected_row()
        if row is None:
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
        self.district_map.refresh()  # throttled by the pane itself

    def _on_window_search_requested(self) -> None:
        from console.widgets.search import SearchDialog

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

        dialog = RegistryImportDialog(self._services.registry_import, self._actor, self._worker, self._window)
        dialog.registry_imported.connect(self._on_import_dialog_registry_imported)
        dialog.exec()  # the import itself runs on the console's DatabaseWorker
        dialog.deleteLater()

    def _on_import_dialog_registry_imported(self, _report: object) -> None:
        self._reload_registry_views()  # new households and residents

    def _reload_registry_views(self) -> None:
        """Reload what shows households (single verifications arrive live; bulk changes do not)."""
        self.grid_map.load()
        self.worklist.refresh()
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
        self.dossiers.close_all()
        self.cases.shutdown()
        self.figures.shutdown()
        self.feed.shutdown()
        self.board.shutdown()
        self.watchlist.shutdown()
        self.district_map.shutdown()
        self.bridge.close()
