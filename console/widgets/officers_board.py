"""The officers' board (派警): every officer and team, status, current job, time in status, grid cell.

Statuses follow dispatches (the services move them); the board follows the database through the
LiveBridge (officer and dispatch rows are in the change log) and re-reads itself, coalesced. One
QTimer repaints only the timer column once a second. A dispatch whose officers are not at the door
within the station's response target turns red and re-alerts the duty officer once.
Keys: N adds an officer, S sets a status, D dispatches the selected officer to the feed's alert,
A enters the arrival, C clears the dispatch with its outcome, Q takes a resident's request (lost
keys, a lost pet) to dispatch the selected officer to.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.errors import UserError
from console.services.dispatch import DispatchClock, OfficerRow
from console.widgets.common import ElidedLabel, FlowLayout
from console.widgets.live_bridge import LiveBridge
from console.widgets.notify import OverdueNotifier
from console.widgets.officers_board_dialogs import (
    AddOfficerDialog,
    ArrivalDialog,
    ClearDialog,
    NewOfficer,
    StatusDialog,
    ui_language,
)
from console.widgets.officers_board_model import COLUMNS, ROW_ROLE, OfficersBoardModel, elapsed

if TYPE_CHECKING:
    from console.clock import Clock
    from console.security import Actor
    from console.services.dispatch import DispatchService, OfficerService
    from console.widgets.worker import DatabaseWorker

TICK_MS = 1000
LIVE_TOPICS = ("officer", "dispatch")


class OfficersBoardPane(QWidget):
    """Officers with their status and job, managed by keyboard and mouse."""

    dispatch_requested = Signal(str)
    """The user asked to send the selected officer (badge; empty for none) to the feed's alert."""
    service_request_requested = Signal(str)
    """The user asked to take a resident's request (badge of the selected officer; empty for none)."""
    board_loaded = Signal()
    """The board was (re)read from the database."""

    def __init__(
        self,
        officers: OfficerService,
        dispatch: DispatchService,
        clock: Clock,
        actor: Actor,
        worker: DatabaseWorker,
        parent: QWidget | None = None,
        *,
        bridge: LiveBridge,
        sound: bool = True,
    ) -> None:
        super().__init__(parent)
        self._officers = officers
        self._dispatch = dispatch
        self._clock = clock
        self._actor = actor
        self._runner = worker.lane(self)
        self._loading = False
        self._load_again = False
        self.notifier = OverdueNotifier(self, sound=sound)
        self.model = OfficersBoardModel(clock, self)
        self._build_ui()
        self.bridge = bridge
        bridge.changed.connect(self._on_bridge_changed)
        bridge.connection_changed.connect(self._on_bridge_connection_changed)
        self._tick_timer = QTimer(self)
        self._tick_timer.setInterval(TICK_MS)
        self._tick_timer.timeout.connect(self._on_tick_timer_timeout)
        self._tick_timer.start()
        self.reload()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        bar = FlowLayout(spacing=6)  # the buttons wrap in a narrow pane rather than widening the window
        self.summary = ElidedLabel(self)
        self.summary.setObjectName("boardSummary")
        bar.addWidget(self.summary)
        self.buttons: dict[str, QPushButton] = {}
        for name, text, handler in (
            ("add", self.tr("新增警员 (N)"), self.add_officer),
            ("status", self.tr("设置状态 (S)"), self.set_status_selected),
            ("dispatch", self.tr("派警 (D)"), self.dispatch_selected),
            ("arrive", self.tr("到场 (A)"), self.arrive_selected),
            ("clear", self.tr("结束任务 (C)"), self.clear_selected),
            ("request", self.tr("求助 (Q)"), self.take_request),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(handler)
            bar.addWidget(button)
            self.buttons[name] = button
        self.buttons["request"].setToolTip(self.tr("登记群众求助 (失物、寻宠…) 并派警"))
        layout.addLayout(bar)
        self.message = QLabel(self)
        self.message.setObjectName("boardMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#d32f2f")
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMNS.index("job"), QHeaderView.ResizeMode.Stretch)
        for name, width in (
            ("badge", 80),
            ("name", 110),
            ("team", 90),
            ("status", 95),
            ("timer", 110),
            ("grid", 80),
        ):
            self.view.setColumnWidth(COLUMNS.index(name), width)
        self.view.installEventFilter(self)
        self.view.selectionModel().currentRowChanged.connect(self._on_view_current_row_changed)
        layout.addWidget(self.view, 1)
        self.setFocusProxy(self.view)  # Ctrl+4 puts the keyboard on the officers' list
        self._update_buttons()

    # -- reading -------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read officers and open dispatches off the GUI thread (one read at a time, coalesced)."""
        if self._loading:
            self._load_again = True
            return
        self._loading = True
        officers, dispatch, actor = self._officers, self._dispatch, self._actor
        self._runner.submit(
            lambda: (officers.board(actor), *dispatch.open_clocks(actor)),
            self._on_loaded,
            self._on_load_failed,
        )

    def busy(self) -> bool:
        """True while a read or a change is in flight (tests wait on it)."""
        return self._runner.busy() or self._loading

    def _on_loaded(self, result: tuple[list[OfficerRow], list[DispatchClock], int]) -> None:
        self._loading = False
        rows, clocks, target = result
        selected = self.selected_officer()
        self.model.reset_rows(rows, clocks, target)
        position = self.model.position_of(selected.badge) if selected else (0 if rows else None)
        if position is not None:
            self.view.selectRow(position)
        self._update_summary()
        self._update_buttons()
        self.board_loaded.emit()
        if self._load_again:
            self._load_again = False
            self.reload()

    def _on_load_failed(self, exc: BaseException) -> None:
        """A failed read says why and keeps the board shown; it does not read again at once (a
        database that is away would be asked in a loop; the next change or F5 reads again)."""
        self._loading = False
        if not isinstance(exc, UserError):
            raise exc  # a bug: to the crash handler
        self.message.setText(exc.text(ui_language()))
        self.message.setVisible(True)

    @Slot(bool)
    def _on_bridge_connection_changed(self, connected: bool) -> None:
        """Back from a lost connection: read again (what changed meanwhile, and the message goes)."""
        if connected:
            self.message.setVisible(False)
            self.reload()

    @Slot(str, int)
    def _on_bridge_changed(self, topic: str, _entity_id: int) -> None:
        if topic in LIVE_TOPICS:
            self.reload()

    @Slot()
    def _on_tick_timer_timeout(self) -> None:
        for job in self.model.tick():
            heading = self.tr("派警超时未到场: #{0} {1}").format(job.id, job.community)
            waited = elapsed((self._clock.now() - job.received_at).total_seconds()) if job.received_at else ""
            text = self.tr("{0} · {1} · 已过 {2}").format(", ".join(job.officers), job.alert_summary, waited)
            self.notifier.announce(job.id, heading, text)
            self._update_summary()

    def _update_summary(self) -> None:
        rows = self.model.rows
        free = sum(r.status == "available" for r in rows)
        busy = sum(r.dispatch_id is not None for r in rows)
        late = len({r.dispatch_id for r in rows if self.model.is_overdue(r)})
        text = self.tr("共 {0} 人 · 可派 {1} · 出警中 {2}").format(len(rows), free, busy)
        if late:
            text += self.tr(" · ⚠ {0} 起超时未到场").format(late)
        self.summary.setText(text)

    # -- selection -----------------------------------------------------------------------------
    def selected_officer(self) -> OfficerRow | None:
        index = self.view.currentIndex()
        return self.model.data(index, ROW_ROLE) if index.isValid() else None

    def selected_job(self) -> DispatchClock | None:
        row = self.selected_officer()
        return self.model.job_of(row) if row is not None else None

    def select_officer(self, badge: str) -> bool:
        position = self.model.position_of(badge)
        if position is not None:
            self.view.selectRow(position)
        return position is not None

    @Slot()
    def _on_view_current_row_changed(self, *_args: object) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected_officer()
        job = self.selected_job()
        self.buttons["status"].setEnabled(row is not None)
        self.buttons["arrive"].setEnabled(job is not None and job.arrived_at is None)
        self.buttons["clear"].setEnabled(job is not None)

    # -- actions -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return False
            handler = {
                Qt.Key.Key_N: self.add_officer,
                Qt.Key.Key_S: self.set_status_selected,
                Qt.Key.Key_D: self.dispatch_selected,
                Qt.Key.Key_A: self.arrive_selected,
                Qt.Key.Key_C: self.clear_selected,
                Qt.Key.Key_Q: self.take_request,
            }.get(Qt.Key(event.key()))
            if handler is not None:
                handler()
                return True
        return super().eventFilter(watched, event)

    def add_officer(self) -> None:
        new = self.ask_new_officer()
        if new is not None:
            officers, actor = self._officers, self._actor
            self._change(
                lambda: officers.add(actor, badge=new.badge, name=new.name, team=new.team, grid=new.grid),
                select=new.badge.strip(),
            )

    def set_status_selected(self) -> None:
        row = self.selected_officer()
        if row is None:
            return
        wanted = self.ask_status(row)
        if wanted is not None:
            officers, actor = self._officers, self._actor
            status, reason = wanted
            self._change(lambda: officers.set_status(actor, row.badge, status, reason), select=row.badge)

    def dispatch_selected(self) -> None:
        row = self.selected_officer()
        self.dispatch_requested.emit(row.badge if row is not None else "")

    def take_request(self) -> None:
        """A resident's request, then its dispatch (the selected officer picked if available)."""
        row = self.selected_officer()
        self.service_request_requested.emit(
            row.badge if row is not None and row.status == "available" else ""
        )

    def arrive_selected(self) -> None:
        job = self.selected_job()
        if job is None or job.arrived_at is not None:
            return
        at = self.ask_arrival(job)
        if at is not None:
            dispatch, actor = self._dispatch, self._actor
            self._change(lambda: dispatch.arrive(actor, job.id, at))

    def clear_selected(self) -> None:
        job = self.selected_job()
        if job is None:
            return
        outcome = self.ask_outcome(job)
        if outcome is not None:
            dispatch, actor = self._dispatch, self._actor
            self._change(lambda: dispatch.clear(actor, job.id, outcome))

    def _change(self, call: Any, select: str | None = None) -> None:
        self.message.setVisible(False)

        def done(_result: object) -> None:
            self.reload()
            if select:
                self.board_loaded.connect(self._select_once(select))

        self._runner.submit_edit(call, done, self._on_failed)

    def _select_once(self, badge: str) -> Any:
        def select() -> None:
            self.board_loaded.disconnect(select)
            self.select_officer(badge)

        return select

    # Dialogs (tests replace these; each returns None when cancelled) ---------------------------
    def ask_new_officer(self) -> NewOfficer | None:
        dialog = AddOfficerDialog(self)
        return dialog.value() if dialog.exec() == AddOfficerDialog.DialogCode.Accepted else None

    def ask_status(self, row: OfficerRow) -> tuple[str, str] | None:
        dialog = StatusDialog(row.badge, row.name, row.status, self)
        return dialog.value() if dialog.exec() == StatusDialog.DialogCode.Accepted else None

    def ask_arrival(self, job: DispatchClock) -> dt.datetime | None:
        dialog = ArrivalDialog(job.id, job.dispatched_at, self._clock.now(), self)
        return dialog.value() if dialog.exec() == ArrivalDialog.DialogCode.Accepted else None

    def ask_outcome(self, job: DispatchClock) -> str | None:
        dialog = ClearDialog(job.id, self)
        return dialog.value() if dialog.exec() == ClearDialog.DialogCode.Accepted else None

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.message.setText(exc.text(ui_language()))
            self.message.setVisible(True)
            self.reload()  # show what another console did meanwhile
            return
        raise exc  # a bug: to the crash handler

    # -- lifetime ------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop the timer and wait for the worker (call before the pane goes away)."""
        self._tick_timer.stop()
        self._runner.wait()
