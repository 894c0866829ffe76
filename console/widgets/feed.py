"""The live alert feed: the duty room's main screen.

Filters run in SQL (AlertService.feed_page) on a worker thread; the table shows a thin model of
AlertRow objects, paged by fetchMore. Live changes arrive through a LiveBridge: the changed
alerts are re-read off the GUI thread and inserted or updated in place. New critical/high alerts
are tinted by severity, sound and show a tray message; escalated ones move to the top (by severity,
then the longest overdue), carry their own mark and the time overdue, and sound again — at most once
per reminder interval each. The table has the keyboard as soon as the pane does: arrows move, Enter
shows the detail, A acknowledges, D opens the dispatch dialog, R resolves (``feed_actions``); the
same steps are on each row's context menu and on the detail's buttons, for the mouse.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelection, QObject, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.errors import ConflictError, DatabaseUnavailable, UserError
from console.security import Actor, Permission
from console.services.alerts import (
    DEFAULT_REMIND_EVERY_S,
    AlertDetail,
    AlertRow,
    Cursor,
    FeedFilter,
    ReminderLimiter,
    UrgentCounts,
)
from console.services.dispatch import DispatchClock, DispatchSent, ManagerContactRow
from console.widgets.alert_detail import AlertDetailPanel, Resolution, ResolveDialog
from console.widgets.common import EmptyState, error_text
from console.widgets.feed_actions import ACTIONS, FEED_ACTIONS, applies, key_name, key_sequence
from console.widgets.feed_filters import FeedFilterBar
from console.widgets.feed_model import COLUMNS, ROW_ROLE, FeedModel, column_words
from console.widgets.live_bridge import LiveBridge
from console.widgets.notify import AlertNotifier

if TYPE_CHECKING:
    from console.clock import Clock
    from console.services.alerts import AlertService
    from console.services.dispatch import DispatchService, InterventionService, OfficerService
    from console.widgets.dispatch_dialog import DispatchDialog
    from console.widgets.intervention_card import InterventionCardDialog
    from console.widgets.worker import DatabaseWorker

_Clocks = tuple[list["DispatchClock"], int]


def _notify_then_read(
    dispatch: DispatchService, actor: Actor, alert_id: int, how: str, note: str
) -> list[ManagerContactRow]:
    """On the worker: log the notification, then read the alert's whole log (another console's too)."""
    dispatch.notify_manager(actor, alert_id, how, note)
    return dispatch.manager_contacts(actor, alert_id)


log = logging.getLogger(__name__)

PAGE = 200
LIVE_FRAME_MS = 50  # live rows repaint the table at most 20 times a second
AGE_TICK_MS = 5000
SPLIT_LIST = 0.62  # the list's share of the pane's first width (the alert's detail has the rest)
REMIND_TICK_MS = 15_000  # how often overdue alerts are looked at for a reminder


class FeedPane(QWidget):
    """Live alert feed with filters, detail panel and one-key triage."""

    dispatch_requested = Signal(int)
    """The user asked to dispatch to an alert (D, or the detail's button); the dialog opens."""
    alert_selected = Signal(int)
    """The selected alert changed (its id)."""

    def __init__(
        self,
        alerts: AlertService,
        clock: Clock,
        actor: Actor,
        worker: DatabaseWorker,
        parent: QWidget | None = None,
        *,
        bridge: LiveBridge,
        sound: bool = True,
        page_size: int = PAGE,
        dispatch: DispatchService | None = None,
        officers: OfficerService | None = None,
        interventions: InterventionService | None = None,
        remind_every_s: float = DEFAULT_REMIND_EVERY_S,
    ) -> None:
        super().__init__(parent)
        self._alerts = alerts
        self._dispatch = dispatch
        self._officers = officers
        self._interventions = interventions
        self._worker = worker
        self.dispatch_dialog: DispatchDialog | None = None
        self.intervention_card: InterventionCardDialog | None = None
        self._clock = clock
        self._actor = actor
        self._page_size = page_size
        self._filters = FeedFilter()
        self._generation = 0
        self._pending_live: set[int] = set()
        self._live_scheduled = False
        self._live_in_flight = False
        self._detail_for: int | None = None
        self._shown_before_resync: set[int] | None = None  # to announce what a full reload brings
        self._open_case_for: int | None = None  # C pressed before the detail arrived
        self._on_top_row = False  # the selection is the list's own top row, not one the officer chose
        self._selecting_top = False
        # Live re-reads get their own lane so they never wait behind a slow filtered page.
        self._runner = worker.lane(self)
        self._live_runner = worker.lane(self, "live")
        self.notifier = AlertNotifier(self, sound=sound)
        self.reminders = ReminderLimiter(remind_every_s)
        self.bridge = bridge
        self.bridge.alert_changed.connect(self._on_bridge_alert_changed)
        self.bridge.connection_changed.connect(self._on_bridge_connection_changed)
        self.bridge.resync_required.connect(self._on_bridge_resync_required)

        self.model = FeedModel(clock, self)
        self.model.fetch_requested.connect(self._on_model_fetch_requested)
        self._build_ui()
        self._paint_timer = QTimer(self)
        self._paint_timer.setSingleShot(True)
        self._paint_timer.timeout.connect(self._on_paint_timer_timeout)
        self._last_live_paint = 0.0
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(AGE_TICK_MS)
        self._age_timer.timeout.connect(self.model.tick_ages)
        self._age_timer.start()
        self._remind_timer = QTimer(self)
        self._remind_timer.setInterval(REMIND_TICK_MS)
        self._remind_timer.timeout.connect(self.remind_overdue)
        self._remind_timer.start()
        self._runner.submit(lambda: alerts.communities(actor), self._on_communities_loaded, self._on_failed)
        self.reload()

    # -- building ------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.banner = QLabel(self)
        self.banner.setObjectName("urgentBanner")
        self.banner.setStyleSheet("background:#c62828;color:white;font-weight:bold;padding:4px")
        self.banner.setVisible(False)
        layout.addWidget(self.banner)
        self.filter_bar = FeedFilterBar(self)
        self.filter_bar.filter_changed.connect(self._on_filter_bar_filter_changed)
        layout.addWidget(self.filter_bar)
        self.message = QLabel(self)
        self.message.setObjectName("feedMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.message)

        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMNS.index("matched"), QHeaderView.ResizeMode.Stretch)
        self._fit_columns()
        self.view.installEventFilter(self)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu_requested)
        self.row_menu: QMenu | None = None
        self.empty = EmptyState(
            self.tr("暂无预警 — 值班平稳"), self.tr("新预警会立即出现在这里。"), parent=self
        )
        self.empty.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # holds the keyboard while the list is empty
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        # Ctrl+1 (and the window at start) focus the pane: the keyboard goes to the table.
        self.setFocusProxy(self.view)
        self.detail = AlertDetailPanel(
            self._actor.can(Permission.UNMASK_PERSONAL_DATA), self, clock=self._clock
        )
        self.detail.allow_actions({a.name for a in FEED_ACTIONS if a.allowed(self._actor)})
        self.detail.acknowledge_requested.connect(self._on_detail_acknowledge_requested)
        self.detail.resolve_requested.connect(self._on_detail_resolve_requested)
        self.detail.unmask_requested.connect(self._on_detail_unmask_requested)
        self.detail.dispatch_requested.connect(self.open_dispatch_dialog)
        self.detail.intervention_requested.connect(self.open_intervention_card)
        self.detail.manager_notify_requested.connect(self._on_detail_manager_notify_requested)
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self._split_moved = False  # the officer dragged the handle: their split is kept from then on
        splitter.splitterMoved.connect(self._on_splitter_splitter_moved)
        layout.addWidget(splitter, 1)
        self.status_label = QLabel(self)
        layout.addWidget(self.status_label)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._split_moved:
            # The list gets the larger share: the severity, the overdue mark, what matched and when
            # must be in view together; the detail wraps its text and buttons in what is left.
            total = sum(self.splitter.sizes()) or self.width()
            self.splitter.setSizes([round(total * SPLIT_LIST), total - round(total * SPLIT_LIST)])

    def _on_splitter_splitter_moved(self, _pos: int, _index: int) -> None:
        self._split_moved = True

    # -- filters and pages ---------------------------------------------------------------------
    @property
    def filters(self) -> FeedFilter:
        return self._filters

    def set_filter(self, filters: FeedFilter) -> None:
        """Apply ``filters`` directly (tests, saved views); the controls are not changed."""
        self._filters = filters
        self.reload()

    def reload(self) -> None:
        """Load the first page for the current filter (off the GUI thread)."""
        self._generation += 1
        generation, filters, size = self._generation, self._filters, self._page_size
        alerts, actor = self._alerts, self._actor
        self._runner.submit(
            lambda: (alerts.feed_page(actor, filters, None, size), alerts.urgent_open_counts(actor)),
            lambda result: self._on_first_page(generation, result),
            self._on_failed,
        )

    def _fit_columns(self) -> None:
        """Widths that hold each column's title and, where the words are few, its widest value.

        Measured in the UI's language ("Severity" and "Acknowledged" need more room than 等级 and
        已确认), in bold as new urgent rows are, never narrower than the width set for Chinese.
        """
        header = self.view.horizontalHeader()
        header.ensurePolished()  # the theme's font and padding, before measuring
        self.view.ensurePolished()
        bold = QFont(self.view.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        style = self.view.style()
        # Qt leaves the focus frame's margin + 1 on each side of a cell's text; at least 4 px, so
        # that the widest word does not touch the grid line.
        margin = 2 * max(4, style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1)
        icon = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self.view) + margin
        for name, least in (
            ("severity", 70),
            ("kind", 80),
            ("community", 90),
            ("count", 40),
            ("age", 80),
            ("status", 90),
        ):
            column = COLUMNS.index(name)
            need = header.sectionSizeFromContents(column).width()
            words = column_words(name)
            if words:
                dot = icon if name in ("severity", "status") else 0  # the severity's dot, the escalation mark
                need = max(need, dot + margin + max(metrics.horizontalAdvance(w) for w in words))
            self.view.setColumnWidth(column, max(least, need))
        # The stretching column (what matched) keeps at least its title: when the pane is narrow the
        # table scrolls sideways rather than cutting it, and the window's minimum width stays small
        # enough for a 1366-pixel screen.
        header.setMinimumSectionSize(header.sectionSizeFromContents(COLUMNS.index("matched")).width())

    def busy(self) -> bool:
        """True while the worker has database calls in flight (tests wait on it)."""
        return (
            self._runner.busy()
            or self._live_runner.busy()
            or self._live_scheduled
            or bool(self._pending_live)
        )

    @Slot(object)
    def _on_filter_bar_filter_changed(self, wanted: FeedFilter) -> None:
        if wanted != self._filters:
            self.set_filter(wanted)

    def _on_first_page(self, generation: int, result: tuple[list[AlertRow], UrgentCounts]) -> None:
        if generation != self._generation:
            return  # the filter changed meanwhile
        rows, urgent = result
        shown_before, self._shown_before_resync = self._shown_before_resync, None
        selected = None if self._on_top_row else self.selected_row()
        self.model.reset_rows(rows, exhausted=len(rows) < self._page_size)
        if selected is not None:  # a reload (a resync, F5) keeps the officer on the alert they chose
            self.select_alert(selected.id)
        if shown_before is not None:  # urgent alerts missed while cut off sound as live ones do
            for row in rows:
                if row.id not in shown_before and row.status == "new" and not row.pinned:
                    self.notifier.announce(row)
        self._show_urgent(urgent)
        self._update_empty_state()
        self._ensure_current_row()

    @Slot(object)
    def _on_model_fetch_requested(self, cursor: Cursor) -> None:
        generation, filters, size = self._generation, self._filters, self._page_size
        alerts, actor = self._alerts, self._actor

        def done(rows: list[AlertRow]) -> None:
            if generation == self._generation:
                self.model.append_page(rows, exhausted=len(rows) < size)
            else:
                self.model.page_failed()

        self._runner.submit(
            lambda: alerts.feed_page(actor, filters, cursor, size), done, self._on_page_failed
        )

    def _on_page_failed(self, exc: BaseException) -> None:
        self.model.page_failed()
        self._on_failed(exc)

    def _on_communities_loaded(self, communities: list[tuple[int, str]]) -> None:
        self.filter_bar.set_communities(communities)

    def _update_empty_state(self) -> None:
        empty = self.model.rowCount() == 0
        if empty and self._filters != FeedFilter():
            self.empty.title_label.setText(self.tr("没有符合筛选条件的预警"))
        else:
            self.empty.title_label.setText(self.tr("暂无预警 — 值班平稳"))
        page = self.empty if empty else self.view
        if self.stack.currentWidget() is page:
            return
        # The keyboard stays in the list: hiding the focused table would otherwise hand it to the
        # next widget (the search field, where A, D and R would be typed instead of acting).
        focused = self.view.hasFocus() or self.empty.hasFocus()
        self.setFocusProxy(page)
        self.stack.setCurrentWidget(page)
        if focused:
            page.setFocus(Qt.FocusReason.OtherFocusReason)

    def _ensure_current_row(self) -> None:
        """A current, selected row whenever the list has rows, so the keys act at once.

        Until the officer picks a row themselves the list follows its top (the most urgent alert):
        a reload selects the new top row. Once they picked one, a reload keeps it.
        """
        if self.model.rowCount() and not self.view.currentIndex().isValid():
            self._selecting_top = True
            try:
                self.view.selectRow(0)
            finally:
                self._selecting_top = False
            self._on_top_row = True

    # -- live ----------------------------------------------------------------------------------
    @Slot(int)
    def _on_bridge_alert_changed(self, alert_id: int) -> None:
        self._pending_live.add(alert_id)
        if not self._live_scheduled:
            self._live_scheduled = True
            QTimer.singleShot(0, self._fetch_live)

    def _fetch_live(self) -> None:
        # One read in flight at a time on its own worker (never behind a slow search); changes
        # arriving meanwhile are collected and read together next: bursts coalesce.
        self._live_scheduled = False
        if self._live_in_flight or not self._pending_live:
            return
        ids, self._pending_live = sorted(self._pending_live), set()
        self._live_in_flight = True
        generation, filters = self._generation, self._filters
        alerts, actor = self._alerts, self._actor
        self._live_runner.submit(
            lambda: (alerts.alerts_by_ids(actor, ids, filters), alerts.urgent_open_counts(actor)),
            lambda result: self._on_live_rows(generation, ids, result),
            self._on_live_failed,
        )

    def _live_done(self) -> None:
        self._live_in_flight = False
        if self._pending_live:
            self._fetch_live()

    def _on_live_failed(self, exc: BaseException) -> None:
        self._live_done()
        self._on_failed(exc)

    def _on_live_rows(self, generation: int, ids: list[int], result: tuple[list[AlertRow], UrgentCounts]) -> None:
        self._live_done()
        if generation != self._generation:
            return  # a reload with the new filter is on its way and includes these
        rows, urgent = result
        positions = (self.model.position_of(i) for i in ids)
        before = {
            r.id: r for r in (self.model.row_at(p) for p in positions if p is not None) if r is not None
        }
        self._hold_paint_in_bursts()
        inserted = self.model.apply_live(rows, gone=set(ids) - {r.id for r in rows})
        now = self._clock.now()
        for row in inserted:
            if row.status == "new" and not row.pinned:
                self.notifier.announce(row)
        for row in rows:
            old = before.get(row.id)
            newly_pinned = row.pinned and (old is None or not old.pinned)
            if newly_pinned and self.reminders.due([row.id], now):
                self.notifier.announce(row, escalated=True)  # escalated: sound again (rate-limited)
        self._show_urgent(urgent)
        self._update_empty_state()
        self._ensure_current_row()
        if self._detail_for in ids:
            self._load_detail(self._detail_for)

    def _hold_paint_in_bursts(self) -> None:
        """Repaint the table for live rows at most every LIVE_FRAME_MS.

        A lone alert paints at once; in a burst (100 alerts/s) repainting the whole table for
        every row would keep the GUI thread busy and delay reading the next changes, so the view
        holds its updates and paints the collected rows once per frame.
        """
        now = time.monotonic()
        viewport = self.view.viewport()
        if self._paint_timer.isActive():
            return  # already holding: the timer paints
        if now - self._last_live_paint >= LIVE_FRAME_MS / 1000:
            self._last_live_paint = now
            return
        viewport.setUpdatesEnabled(False)
        wait = LIVE_FRAME_MS / 1000 - (now - self._last_live_paint)
        self._paint_timer.start(max(1, int(wait * 1000)))

    @Slot()
    def _on_paint_timer_timeout(self) -> None:
        self._last_live_paint = time.monotonic()
        self.view.viewport().setUpdatesEnabled(True)  # posts one repaint of everything held

    def _show_urgent(self, counts: UrgentCounts) -> None:
        text = self.tr("⚠ 待确认: 紧急 {0} 条 · 高 {1} 条").format(counts.critical, counts.high)
        if counts.overdue:
            text += self.tr(" (其中超时 {0} 条)").format(counts.overdue)
        self.banner.setText(text)
        self.banner.setVisible(counts.total > 0)

    @Slot()
    def remind_overdue(self) -> list[int]:
        """Sound again for overdue alerts nobody acknowledged: each at most once per interval.

        One sound and one tray message for all that are due (a bad night must not become a
        siren); returns the ids reminded of.
        """
        pinned = self.model.pinned_rows()
        self.reminders.keep_only({r.id for r in pinned})
        due = set(self.reminders.due([r.id for r in pinned], self._clock.now()))
        rows = [r for r in pinned if r.id in due]
        if rows:
            self.notifier.remind(rows)
        return [r.id for r in rows]

    @Slot(bool)
    def _on_bridge_connection_changed(self, connected: bool) -> None:
        if connected:
            self.status_label.clear()
        else:
            self.status_label.setText(self.tr("实时连接中断, 正在重连… 恢复后自动补齐错过的预警"))

    @Slot()
    def _on_bridge_resync_required(self) -> None:
        # Alerts raised while this console was cut off were pruned from the change log before it
        # could read them: reading the list again is the only way none is skipped.
        self._shown_before_resync = {r.id for r in self.model.rows}
        self.reload()
        if self._detail_for is not None:
            self._load_detail(self._detail_for)

    def refused_offline(self) -> bool:
        """While the database is unreachable: say that steps cannot be taken now (True), before a
        dialog asks for anything. Calls that change data are refused by the worker as well."""
        as_of = self._worker.offline_as_of
        if as_of is None:
            return False
        self._on_failed(DatabaseUnavailable("db.offline.edit_refused", as_of=as_of))
        return True

    # -- selection and detail ------------------------------------------------------------------
    def selected_row(self) -> AlertRow | None:
        index = self.view.currentIndex()
        return self.model.data(index, ROW_ROLE) if index.isValid() else None

    def select_alert(self, alert_id: int) -> bool:
        position = self.model.position_of(alert_id)
        if position is None:
            return False
        self.view.setCurrentIndex(self.model.index(position, 0))
        self.view.selectRow(position)
        return True

    def show_alert(self, alert_id: int) -> None:
        """Select the alert in the list (when listed) and show its detail (from the district map)."""
        if not self.select_alert(alert_id) or self._detail_for != alert_id:
            self._load_detail(alert_id)

    @Slot(QItemSelection, QItemSelection)
    def _on_view_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if not self._selecting_top:
            self._on_top_row = False  # the officer (or a caller for them) chose this row
        row = self.selected_row()
        if row is not None and row.id != self._detail_for:
            self.alert_selected.emit(row.id)
            self._load_detail(row.id)

    def _load_detail(self, alert_id: int, unmask: bool = False, reason: str = "") -> None:
        self._detail_for = alert_id
        self.detail.show_loading()
        alerts, actor = self._alerts, self._actor

        dispatch = self._dispatch

        def read() -> tuple[AlertDetail, _Clocks | None, list[ManagerContactRow]]:
            clocks = dispatch.clocks_of_alert(actor, alert_id) if dispatch is not None else None
            contacts = dispatch.manager_contacts(actor, alert_id) if dispatch is not None else []
            return alerts.detail(actor, alert_id, unmask=unmask, reason=reason), clocks, contacts

        def done(result: tuple[AlertDetail, _Clocks | None, list[ManagerContactRow]]) -> None:
            detail, clocks, contacts = result
            if detail.alert.id == self._detail_for:
                self.detail.show_detail(detail)
                if clocks is not None:
                    self.detail.show_clocks(*clocks)
                self.detail.show_contacts(contacts)
                if self._open_case_for == detail.alert.id:
                    self._open_case_for = None
                    self.detail.open_case()

        def refused(exc: BaseException) -> None:
            self._on_failed(exc)
            if unmask and isinstance(exc, UserError):
                self._load_detail(alert_id)  # the masked detail again, the refusal above it

        self._runner.submit(read, done, refused)

    @Slot(int, str, str)
    def _on_detail_manager_notify_requested(self, alert_id: int, how: str, note: str) -> None:
        dispatch, actor = self._dispatch, self._actor
        if dispatch is None or not actor.can(Permission.TRIAGE_ALERTS):
            self.detail.notify_failed(self.tr("当前角色不能记录通知物业"))
            return

        def done(contacts: list[ManagerContactRow]) -> None:
            self.detail.notify_done()
            if alert_id == self._detail_for:
                self.detail.show_contacts(contacts)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, UserError):
                raise exc
            self.detail.notify_failed(error_text(exc))

        self._runner.submit_edit(
            lambda: _notify_then_read(dispatch, actor, alert_id, how, note),
            done,
            failed,
        )

    def notify_manager_selected(self) -> None:
        """N: to the note of the property manager's notification (Enter logs it)."""
        if self.selected_row() is not None:
            self.detail.focus_notify()

    @Slot(int)
    def _on_detail_unmask_requested(self, alert_id: int) -> None:
        reason, ok = QInputDialog.getText(
            self, self.tr("显示完整号码"), self.tr("查看此预警完整号码的事由 (记入审计日志):")
        )
        if ok:
            self.unmask_alert(alert_id, reason)

    def unmask_alert(self, alert_id: int, reason: str) -> None:
        """Show this alert's full numbers for ``reason`` (refused, in words, without one)."""
        self._load_detail(alert_id, unmask=True, reason=reason)

    # -- triage --------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        view = getattr(self, "view", None)  # events may arrive while the pane is still being built
        if watched is view and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return False
            handlers = {getattr(Qt.Key, f"Key_{a.key}"): a.name for a in FEED_ACTIONS}
            handlers[Qt.Key.Key_Enter] = "detail"  # the keypad's Enter, as Return
            name = handlers.get(Qt.Key(event.key()))
            if name is not None:
                self.run_action(name)
                return True
        return super().eventFilter(watched, event)

    def run_action(self, name: str) -> None:
        """Take the step ``name`` (see ``feed_actions``) on the selected alert."""
        {
            "detail": self.show_selected_detail,
            "acknowledge": self.acknowledge_selected,
            "dispatch": self.dispatch_selected,
            "resolve": self.resolve_selected,
            "intervention": self.intervention_card_selected,
            "notify": self.notify_manager_selected,
            "open_case": self.open_case_selected,
            "link_case": self.link_case_selected,
        }[name]()

    def offered_actions(self) -> list[str]:
        """The steps this console offers (the role may take them and the services are there)."""
        names = [a.name for a in FEED_ACTIONS if a.allowed(self._actor)]
        if self._dispatch is None:  # D still announces the request (dispatch_requested)
            names = [n for n in names if n != "notify"]
        if self._interventions is None:
            names = [n for n in names if n != "intervention"]
        if not self.detail.case_actions_enabled:
            names = [n for n in names if n not in ("open_case", "link_case")]
        return names

    def key_rows(self) -> list[tuple[str, str]]:
        """(key, what it does) of every step the feed's keys take, for the F1 list."""
        rows = [(self.tr("↑ ↓"), self.tr("在预警列表中移动"))]
        rows += [(key_name(ACTIONS[n].key), ACTIONS[n].words()) for n in self.offered_actions()]
        return rows

    def row_menu_for(self, row: AlertRow) -> QMenu:
        """The context menu of ``row``: every step the role may take, each with its key; the ones the
        alert's state does not allow now are shown disabled."""
        menu = QMenu(self)
        for name in self.offered_actions():
            action = ACTIONS[name]
            if name == "intervention" and row.kind != "fraud_risk":
                continue
            entry = QAction(action.words(), menu)
            # Shown beside the words (the table's event filter handles the keys themselves).
            entry.setShortcut(key_sequence(action.key))
            entry.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            entry.setObjectName(f"feedAction_{name}")
            entry.setEnabled(applies(name, row))
            entry.triggered.connect(lambda _checked=False, n=name: self.run_action(n))
            menu.addAction(entry)
        return menu

    @Slot(QPoint)
    def _on_view_context_menu_requested(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        self.view.selectRow(index.row())
        row = self.model.data(index, ROW_ROLE)
        if row is None:
            return
        if self.row_menu is not None:
            self.row_menu.deleteLater()
        self.row_menu = self.row_menu_for(row)
        self.row_menu.popup(self.view.viewport().mapToGlobal(position))

    def _row_of(self, alert_id: int) -> AlertRow | None:
        position = self.model.position_of(alert_id)
        row = self.model.row_at(position) if position is not None else None
        if row is None and self.detail.detail is not None and self.detail.detail.alert.id == alert_id:
            row = self.detail.detail.alert
        return row

    @Slot(int)
    def _on_detail_acknowledge_requested(self, alert_id: int) -> None:
        row = self._row_of(alert_id)
        if row is not None:
            self.acknowledge_row(row)

    @Slot(int)
    def _on_detail_resolve_requested(self, alert_id: int) -> None:
        row = self._row_of(alert_id)
        if row is not None:
            self.resolve_row(row)

    def show_selected_detail(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._load_detail(row.id)
            self.detail.browser.setFocus()

    def open_case_selected(self) -> None:
        """C: the dossier of the selected alert's case (watchlist entry's or linked), in one keystroke."""
        row = self.selected_row()
        if row is None:
            return
        if self.detail.shown_alert_id() == row.id:
            self.detail.open_case()
        else:  # the detail is still loading: open the case when it arrives
            self._open_case_for = row.id

    def link_case_selected(self) -> None:
        """L: link the selected alert to a case (the link dialog asks which)."""
        row = self.selected_row()
        if row is not None and self.detail.shown_alert_id() == row.id:
            self.detail.link_case()

    def acknowledge_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.acknowledge_row(row)

    def acknowledge_row(self, row: AlertRow) -> None:
        alerts, actor = self._alerts, self._actor
        self._triage(row, lambda: alerts.acknowledge(actor, row.id, row.version))

    def dispatch_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_dispatch_dialog(row.id)

    def intervention_card_selected(self) -> None:
        row = self.selected_row()
        if row is not None and row.kind == "fraud_risk":
            self.open_intervention_card(row.id)

    @Slot(int)
    def open_intervention_card(self, alert_id: int) -> InterventionCardDialog | None:
        """The anti-fraud intervention card of a fraud_risk alert (I, or the detail's button)."""
        if self._interventions is None:
            return None
        from console.widgets.intervention_card import InterventionCardDialog  # when first asked for

        if self.intervention_card is not None:
            self.intervention_card.close()
        card = InterventionCardDialog(self._interventions, self._actor, self._worker, alert_id, self)
        card.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        card.destroyed.connect(self._on_intervention_card_destroyed)
        if self._dispatch is not None:
            card.dispatch_requested.connect(self.open_dispatch_dialog)
        self.intervention_card = card
        card.show()
        return card

    @Slot()
    def _on_intervention_card_destroyed(self) -> None:
        self.intervention_card = None

    @Slot(int)
    def open_dispatch_dialog(self, alert_id: int, preselect: tuple[str, ...] = ()) -> DispatchDialog | None:
        """The dispatch dialog for ``alert_id`` (window-modal; the feed stays live behind it)."""
        if self.refused_offline():
            return None
        self.dispatch_requested.emit(alert_id)
        if self._dispatch is None or self._officers is None:
            return None
        from console.widgets.dispatch_dialog import DispatchDialog  # when first asked for

        if self.dispatch_dialog is not None:
            self.dispatch_dialog.reject()
        position = self.model.position_of(alert_id)
        row = self.model.row_at(position) if position is not None else None
        label = f"{row.community_name} {row.summary or row.matched}" if row is not None else ""
        dialog = DispatchDialog(
            self._dispatch,
            self._officers,
            self._actor,
            self._worker,
            alert_id,
            label,
            self,
            preselect=preselect,
        )
        dialog.dispatch_sent.connect(self._on_dispatch_dialog_dispatch_sent)
        dialog.finished.connect(dialog.deleteLater)
        dialog.destroyed.connect(self._on_dispatch_dialog_destroyed)
        self.dispatch_dialog = dialog
        dialog.open()
        return dialog

    @Slot(object)
    def _on_dispatch_dialog_dispatch_sent(self, sent: DispatchSent) -> None:
        for alert_id in sent.alert_ids:
            self._on_bridge_alert_changed(alert_id)  # the row and its detail show the dispatch at once
        self.view.setFocus()

    @Slot()
    def _on_dispatch_dialog_destroyed(self) -> None:
        self.dispatch_dialog = None

    def resolve_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.resolve_row(row)

    def resolve_row(self, row: AlertRow) -> None:
        if self.refused_offline():
            return
        resolution = self.ask_resolution(row)
        if resolution is not None:
            alerts, actor = self._alerts, self._actor
            self._triage(
                row,
                lambda: alerts.resolve(
                    actor,
                    row.id,
                    resolution.outcome,
                    resolution.read_correct,
                    resolution.note,
                    expected_version=row.version,
                    amount_saved=resolution.amount_saved,
                ),
            )

    def ask_resolution(self, row: AlertRow) -> Resolution | None:
        """The resolve dialog; None if cancelled."""
        dialog = ResolveDialog(row, self)
        return dialog.resolution() if dialog.exec() == ResolveDialog.DialogCode.Accepted else None

    def _triage(self, row: AlertRow, call: Any) -> None:
        self.message.setVisible(False)

        def done(updated: AlertRow) -> None:
            self.model.apply_live([updated])
            self.select_alert(updated.id)

        def failed(exc: BaseException) -> None:
            self._on_failed(exc)
            if isinstance(exc, ConflictError):
                self._on_bridge_alert_changed(row.id)  # show what the other console did

        self._runner.submit_edit(call, done, failed)

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.message.setText(error_text(exc))
            self.message.setStyleSheet("color:#d32f2f")
            self.message.setVisible(True)
            return
        raise exc  # a bug: to the crash handler

    # -- lifetime ------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop timers and wait for the worker (call before the pane goes away)."""
        for timer in (self._age_timer, self._paint_timer, self._remind_timer):
            timer.stop()
        if self.dispatch_dialog is not None:
            self.dispatch_dialog.reject()
        self.filter_bar.stop()
        self._runner.wait()
        self._live_runner.wait()

    def closeEvent(self, event: Any) -> None:
        self.shutdown()
        super().closeEvent(event)
