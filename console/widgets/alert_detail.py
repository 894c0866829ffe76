"""The selected alert in full (events, watchlist entry and case, community contact, trace) and the
resolve dialog. Data arrives ready-made from the pane; nothing here touches the database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QCoreApplication, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.clock import Clock, SystemClock
from console.services.alerts import OUTCOMES, AlertDetail, AlertRow
from console.services.dispatch import CONTACT_METHODS, DispatchClock, ManagerContactRow
from console.widgets.common import FlowLayout
from console.widgets.feed_actions import ACTIONS, FEED_ACTIONS, applies
from console.widgets.feed_model import KIND_TITLES, OUTCOME_TITLES, SEVERITY_TITLES, STATUS_TITLES, title

_LOCAL = dt.timezone(dt.timedelta(hours=8))  # the station's wall clock (Beijing time)


def contact_title(how: str) -> str:
    """How the property manager was told, in the UI language."""
    titles = {
        "phone": QCoreApplication.translate("contact", "电话"),
        "in_person": QCoreApplication.translate("contact", "当面"),
        "radio": QCoreApplication.translate("contact", "对讲机"),
        "message": QCoreApplication.translate("contact", "短信/消息"),
    }
    return titles.get(how, how)


def _when(value: dt.datetime | None) -> str:
    return value.astimezone(_LOCAL).strftime("%m-%d %H:%M:%S") if value else ""


def _when_cell(value: dt.datetime | None) -> str:
    """A table cell's time: the date over the time, so a narrow detail never breaks 23:13:42 apart."""
    return _when(value).replace(" ", "<br>", 1)


_NOWRAP = "<td style='white-space:nowrap'>"  # Qt's rich text ignores the nowrap attribute


class AlertDetailPanel(QWidget):
    """Everything about one alert; the property manager's phone is one click from the clipboard."""

    unmask_requested = Signal(int)
    """The user asked to see full ID numbers of this alert (the pane loads them, audited)."""
    phone_copied = Signal(str)
    """A phone number was copied to the clipboard."""
    dispatch_requested = Signal(int)
    """The user asked to dispatch officers to this alert (its id)."""
    intervention_requested = Signal(int)
    """The user asked for the anti-fraud intervention card of this fraud_risk alert (its id)."""
    acknowledge_requested = Signal(int)
    """The user acknowledged this alert with the button (its id)."""
    resolve_requested = Signal(int)
    """The user asked to resolve this alert with the button (its id); the pane asks the outcome."""
    open_case_requested = Signal(str)
    """The user asked to open the dossier of the alert's case (its case number)."""
    link_case_requested = Signal(int)
    """The user asked to link this alert to a case (the alert's id)."""
    manager_notify_requested = Signal(int, str, str)
    """The user told the property manager: log it (alert id, how, note)."""

    def __init__(
        self, can_unmask: bool, parent: QWidget | None = None, *, clock: Clock | None = None
    ) -> None:
        super().__init__(parent)
        self._detail: AlertDetail | None = None
        self._clock = clock or SystemClock()
        self._clocks: list[DispatchClock] = []
        self._target_s = 600
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_browser_anchor_clicked)
        layout.addWidget(self.browser, 1)
        # The response clocks of this alert's dispatches; a live line repainted once a second.
        self.clocks_label = QLabel(self)
        self.clocks_label.setObjectName("dispatchClocks")
        self.clocks_label.setWordWrap(True)
        self.clocks_label.setVisible(False)
        layout.addWidget(self.clocks_label)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(1000)
        self._clock_timer.timeout.connect(self._render_clocks)
        # Who told the property manager, when and how: the log, then one click to add to it.
        self.contacts_label = QLabel(self)
        self.contacts_label.setObjectName("managerContacts")
        self.contacts_label.setWordWrap(True)
        self.contacts_label.setVisible(False)
        layout.addWidget(self.contacts_label)
        self._contacts: list[ManagerContactRow] = []
        notify_row = QHBoxLayout()
        self.notify_how = QComboBox(self)
        for how in CONTACT_METHODS:
            self.notify_how.addItem(contact_title(how), how)
        self.notify_how.setToolTip(self.tr("通知物业的方式"))
        self.notify_note = QLineEdit(self)
        self.notify_note.setPlaceholderText(self.tr("通知物业: 说了什么 (选填), Enter 记录"))
        self.notify_note.returnPressed.connect(self._on_notify_button_clicked)
        self.notify_button = QPushButton(self.tr("已通知物业 (N)"), self)
        self.notify_button.setToolTip(self.tr("记录: 谁、何时、以何种方式通知了物业"))
        self.notify_button.clicked.connect(self._on_notify_button_clicked)
        notify_row.addWidget(self.notify_how)
        notify_row.addWidget(self.notify_note, 1)
        notify_row.addWidget(self.notify_button)
        self._notify_widgets = (self.notify_how, self.notify_note, self.notify_button)
        # Every button in one row that wraps when the pane is narrow (1366 px in English), so the
        # detail never squeezes the feed's table beside it.
        buttons = FlowLayout()
        # The triage steps for the mouse, labelled with the feed's keys (feed_actions).
        self.acknowledge_button = QPushButton(ACTIONS["acknowledge"].label(), self)
        self.acknowledge_button.setObjectName("acknowledgeButton")
        self.acknowledge_button.clicked.connect(self._on_acknowledge_button_clicked)
        self.acknowledge_button.setEnabled(False)
        self.dispatch_button = QPushButton(ACTIONS["dispatch"].label(), self)
        self.dispatch_button.setObjectName("dispatchButton")
        self.dispatch_button.clicked.connect(self._on_dispatch_button_clicked)
        self.dispatch_button.setEnabled(False)
        self.resolve_button = QPushButton(ACTIONS["resolve"].label(), self)
        self.resolve_button.setObjectName("resolveButton")
        self.resolve_button.clicked.connect(self._on_resolve_button_clicked)
        self.resolve_button.setEnabled(False)
        self._allowed = {a.name for a in FEED_ACTIONS}
        for button in (self.acknowledge_button, self.dispatch_button, self.resolve_button):
            buttons.addWidget(button)
        self.card_button = QPushButton(self.tr("反诈干预卡 (I)"), self)
        self.card_button.setToolTip(self.tr("劝阻记录、止付与处置结果"))
        self.card_button.clicked.connect(self._on_card_button_clicked)
        self.card_button.setVisible(False)
        self.unmask_button = QPushButton(self.tr("显示完整号码"), self)
        self.unmask_button.setToolTip(self.tr("查看完整身份证号与手机号 (将记入审计日志)"))
        self.unmask_button.clicked.connect(self._on_unmask_button_clicked)
        self.unmask_button.setVisible(False)
        self._can_unmask = can_unmask
        self.copy_button = QPushButton(self.tr("复制物业电话"), self)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.copy_button.setEnabled(False)
        self.note_label = QLabel(self)
        self.open_case_button = QPushButton(self.tr("打开案件"), self)
        self.open_case_button.setToolTip(self.tr("打开布控条目所属案件的卷宗"))
        self.open_case_button.clicked.connect(self._on_open_case_button_clicked)
        self.open_case_button.setVisible(False)
        self.link_case_button = QPushButton(self.tr("关联案件… (L)"), self)
        self.link_case_button.setToolTip(self.tr("把这条预警关联到一起案件"))
        self.link_case_button.clicked.connect(self._on_link_case_button_clicked)
        self.link_case_button.setVisible(False)
        self._case_actions = False
        self._can_link = False
        for button in (
            self.card_button,
            self.open_case_button,
            self.link_case_button,
            self.unmask_button,
            self.copy_button,
        ):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.note_label.setWordWrap(True)
        layout.addWidget(self.note_label)
        layout.addLayout(notify_row)
        self.show_detail(None)

    @property
    def detail(self) -> AlertDetail | None:
        return self._detail

    @property
    def case_actions_enabled(self) -> bool:
        return self._case_actions

    def allow_actions(self, names: set[str]) -> None:
        """Show only the steps the signed-in role may take (``feed_actions`` names)."""
        self._allowed = set(names)
        self.acknowledge_button.setVisible("acknowledge" in names)
        self.dispatch_button.setVisible("dispatch" in names)
        self.resolve_button.setVisible("resolve" in names)
        for w in self._notify_widgets:
            w.setVisible("notify" in names)
        self._enable_steps()

    def _enable_steps(self) -> None:
        alert = self._detail.alert if self._detail is not None else None
        self.acknowledge_button.setEnabled(alert is not None and applies("acknowledge", alert))
        self.dispatch_button.setEnabled(alert is not None and applies("dispatch", alert))
        self.resolve_button.setEnabled(alert is not None and applies("resolve", alert))

    def enable_case_actions(self, can_link: bool) -> None:
        """Offer 打开案件 / 关联案件 (a console with case dossiers calls this once)."""
        self._case_actions = True
        self._can_link = can_link
        self.link_case_button.setEnabled(can_link)
        if not can_link:
            self.link_case_button.setToolTip(self.tr("当前角色不能关联案件"))
        self._show_case_actions()

    def _show_case_actions(self) -> None:
        detail = self._detail
        case_no = detail.case_no if detail else None
        self.open_case_button.setVisible(self._case_actions and bool(case_no))
        if case_no:
            self.open_case_button.setText(self.tr("打开案件 {0} (C)").format(case_no))
        self.link_case_button.setVisible(self._case_actions and detail is not None)
        self.card_button.setVisible(detail is not None and detail.alert.kind == "fraud_risk")

    def show_loading(self) -> None:
        self._show_note(self.tr("正在加载…"))

    def show_detail(self, detail: AlertDetail | None) -> None:
        self._detail = detail
        self.note_label.clear()
        self._enable_steps()
        if detail is None or (self._clocks and self._clocks[0].alert_id != detail.alert.id):
            self.show_clocks([], self._target_s)
        if detail is None or (self._contacts and self._contacts[0].alert_id != detail.alert.id):
            self.show_contacts([])
        for w in self._notify_widgets:
            w.setEnabled(detail is not None and detail.community is not None)
        if detail is None:
            self._show_note(self.tr("选择一条预警查看详情"))
            self.unmask_button.setVisible(False)
            self.copy_button.setEnabled(False)
            self._show_case_actions()
            return
        self.browser.setHtml(self._html(detail))
        has_personal = any(e.id_number or e.phone for e in detail.events) or bool(
            detail.watchlist and detail.watchlist.id_number
        )
        self.unmask_button.setVisible(self._can_unmask and has_personal and not detail.unmasked)
        self.copy_button.setEnabled(bool(detail.community and detail.community.property_manager_phone))
        self._show_case_actions()

    def show_clocks(self, clocks: list[DispatchClock], target_s: int) -> None:
        """This alert's dispatches: received → acknowledged → dispatched → arrived → cleared."""
        self._clocks, self._target_s = list(clocks), target_s
        self.clocks_label.setVisible(bool(clocks))
        if any(c.cleared_at is None for c in clocks):
            self._clock_timer.start()
        else:
            self._clock_timer.stop()
        self._render_clocks()

    def show_contacts(self, contacts: list[ManagerContactRow]) -> None:
        """The property manager's notifications about this alert, oldest first."""
        self._contacts = list(contacts)
        self.contacts_label.setVisible(bool(contacts))
        if not contacts:
            self.contacts_label.clear()
            return
        heading = self.tr("已通知物业")
        lines = [f"<b>{escape(heading)}</b>"]
        for c in contacts:
            note = f" — {escape(c.note)}" if c.note else ""
            lines.append(f"{_when(c.at)} {escape(c.by)} · {escape(contact_title(c.how))}{note}")
        self.contacts_label.setText("<br>".join(lines))

    def focus_notify(self) -> None:
        """The keyboard's way in (N in the feed): the note field, Enter then logs."""
        if self.notify_note.isEnabled():
            self.notify_note.setFocus()

    def notify_done(self) -> None:
        """The notification was logged: clear the note for the next one."""
        self.notify_note.clear()
        self.notify_button.setEnabled(self._detail is not None and self._detail.community is not None)

    def notify_failed(self, message: str) -> None:
        self.note_label.setText(message)
        self.notify_button.setEnabled(True)

    @Slot()
    def _on_notify_button_clicked(self) -> None:
        if self._detail is None or self._detail.community is None or not self.notify_button.isEnabled():
            return
        self.notify_button.setEnabled(False)  # one click, one line: no double entry while it is saved
        how = str(self.notify_how.currentData())
        self.manager_notify_requested.emit(self._detail.alert.id, how, self.notify_note.text().strip())

    @Slot()
    def _render_clocks(self) -> None:
        if not self._clocks:
            self.clocks_label.clear()
            return
        tr, now = self.tr, self._clock.now()
        lines = [f"<b>{escape(tr('派警与响应时间'))}</b>"]
        for c in self._clocks:
            steps = " → ".join(
                f"{escape(label)} {_when(at)[6:] if at else '—'}"
                for label, at in (
                    (tr("接警"), c.received_at),
                    (tr("确认"), c.acknowledged_at),
                    (tr("派出"), c.dispatched_at),
                    (tr("到场"), c.arrived_at),
                    (tr("结束"), c.cleared_at),
                )
            )
            start = c.received_at or c.dispatched_at
            end = c.arrived_at or (None if c.cleared_at else now)
            running = ""
            if end is not None and start is not None:
                seconds = int((end - start).total_seconds())
                late = seconds > self._target_s
                colour = "#d32f2f" if late else ("#2e7d32" if c.arrived_at else "inherit")
                label = tr("响应") if c.arrived_at else tr("已过")
                running = (
                    f" <span style='color:{colour};font-weight:bold'>{escape(label)} "
                    f"{seconds // 60}:{seconds % 60:02d}</span>"
                )
            crew = ", ".join(c.officers)
            outcome = f" · {escape(c.outcome)}" if c.outcome else ""
            lines.append(f"#{c.id} {escape(crew)}: {steps}{running}{outcome}")
        self.clocks_label.setText("<br>".join(lines))

    @Slot()
    def _on_card_button_clicked(self) -> None:
        if self._detail is not None and self._detail.alert.kind == "fraud_risk":
            self.intervention_requested.emit(self._detail.alert.id)

    @Slot()
    def _on_acknowledge_button_clicked(self) -> None:
        if self._detail is not None and "acknowledge" in self._allowed:
            self.acknowledge_requested.emit(self._detail.alert.id)

    @Slot()
    def _on_resolve_button_clicked(self) -> None:
        if self._detail is not None and "resolve" in self._allowed:
            self.resolve_requested.emit(self._detail.alert.id)

    def _on_dispatch_button_clicked(self) -> None:
        if self._detail is not None:
            self.dispatch_requested.emit(self._detail.alert.id)

    def _show_note(self, note: str) -> None:
        self.browser.setHtml(f"<p style='color:gray'>{escape(note)}</p>")

    def copy_phone(self, number: str) -> None:
        QGuiApplication.clipboard().setText(number)
        self.note_label.setText(self.tr("已复制 {0}").format(number))
        self.phone_copied.emit(number)

    @Slot(QUrl)
    def _on_browser_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == "tel":
            self.copy_phone(url.path())

    @Slot()
    def _on_copy_button_clicked(self) -> None:
        if self._detail and self._detail.community:
            self.copy_phone(self._detail.community.property_manager_phone)

    def shown_alert_id(self) -> int | None:
        """The alert whose detail is shown (None while nothing is)."""
        return self._detail.alert.id if self._detail is not None else None

    @Slot()
    def _on_open_case_button_clicked(self) -> None:
        """Open the alert's case: its watchlist entry's case, or the case it was linked to."""
        d = self._detail
        if self._case_actions and d is not None and d.case_no:
            self.open_case_requested.emit(d.case_no)

    @Slot()
    def _on_link_case_button_clicked(self) -> None:
        if self._case_actions and self._detail is not None and self._can_link:
            self.link_case_requested.emit(self._detail.alert.id)

    def open_case(self) -> None:
        """C in the feed: as the 打开案件 button."""
        self._on_open_case_button_clicked()

    def link_case(self) -> None:
        """L in the feed: as the 关联案件 button."""
        self._on_link_case_button_clicked()

    @Slot()
    def _on_unmask_button_clicked(self) -> None:
        if self._detail is not None:
            self.unmask_requested.emit(self._detail.alert.id)

    def _html(self, d: AlertDetail) -> str:
        # Every self.tr() stands outside the f-strings: pyside6-lupdate does not look inside them.
        a = d.alert
        first, latest = escape(self.tr("首次")), escape(self.tr("最近"))
        times = escape(self.tr("共 {0} 次").format(a.count))
        parts = [
            f"<h3>#{a.id} {escape(title(KIND_TITLES, a.kind))} · {escape(title(SEVERITY_TITLES, a.severity))}"
            f" · {escape(title(STATUS_TITLES, a.status))}</h3>",
            f"<p>{escape(a.summary)}</p>",
            f"<p>{first} {_when(a.raised_at)} · {latest} {_when(a.last_event_at)} · {times}</p>",
        ]
        if a.outcome:
            outcome = escape(self.tr("处置结论"))
            parts.append(f"<p>{outcome}: {escape(title(OUTCOME_TITLES, a.outcome))}</p>")
        if d.watchlist:
            w = d.watchlist
            who = w.plate or f"{w.name} {w.id_number}"
            case = f"{w.case_no} {w.case_title}" if w.case_no else self.tr("无关联案件")
            heading, linked = escape(self.tr("布控条目")), escape(self.tr("关联案件"))
            parts.append(
                f"<h4>{heading}</h4><p>{escape(who)} — {escape(w.reason)}<br>{linked}: {escape(case)}</p>"
            )
        if d.community:
            c = d.community
            phone = escape(c.property_manager_phone)
            link = f"<a href='tel:{phone}'>{phone}</a>" if phone else ""
            heading = escape(self.tr("小区与物业"))
            parts.append(
                f"<h4>{heading}</h4><p>{escape(c.name)} {escape(c.address)}<br>"
                f"{escape(c.property_manager_company)} {escape(c.property_manager_name)} {link}</p>"
            )
        if d.events:
            rows = "".join(
                # The time and what was read are never broken apart; place and note wrap.
                f"<tr>{_NOWRAP}{_when_cell(e.at)}</td><td>{escape(e.community_name)}</td><td>{escape(e.device)}</td>"
                f"{_NOWRAP}{escape(e.plate or e.id_number or e.phone)}</td><td>{escape(e.note)}</td></tr>"
                for e in d.events
            )
            heading = escape(self.tr("感知事件"))
            parts.append(f"<h4>{heading}</h4><table cellpadding='3'>{rows}</table>")
        if d.trace:
            rows = "".join(
                f"<tr>{_NOWRAP}{_when_cell(s.at)}</td><td>{escape(s.community_name)}</td><td>{escape(s.device)}</td></tr>"
                for s in d.trace
            )
            heading = self.tr("轨迹: {0} 最近出现").format(d.trace_subject)
            parts.append(f"<h4>{escape(heading)}</h4><table cellpadding='3'>{rows}</table>")
        return "".join(parts)


@dataclass(frozen=True)
class Resolution:
    outcome: str
    read_correct: bool | None
    note: str
    amount_saved: float | None


class ResolveDialog(QDialog):
    """Outcome (required), for plate reads whether the read was right, a note; fraud: money saved."""

    def __init__(self, row: AlertRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("处置预警 #{0}").format(row.id))
        self._row = row
        form = QFormLayout(self)
        self.outcome = QComboBox(self)
        self.outcome.addItem(self.tr("请选择…"), None)
        for key in OUTCOMES:
            self.outcome.addItem(title(OUTCOME_TITLES, key), key)
        form.addRow(self.tr("处置结论"), self.outcome)
        self.read_ok = QRadioButton(self.tr("识别正确"), self)
        self.read_wrong = QRadioButton(self.tr("识别错误"), self)
        self._reads = QButtonGroup(self)
        self._reads.addButton(self.read_ok)
        self._reads.addButton(self.read_wrong)
        reads = QHBoxLayout()
        reads.addWidget(self.read_ok)
        reads.addWidget(self.read_wrong)
        self.read_label = QLabel(self.tr("车牌识别"), self)
        form.addRow(self.read_label, reads)
        for w in (self.read_label, self.read_ok, self.read_wrong):
            w.setVisible(row.kind == "plate_read")
        self.amount = QDoubleSpinBox(self)
        self.amount.setRange(0, 1e9)
        self.amount.setDecimals(0)
        self.amount.setSuffix(" 元")
        self.amount_label = QLabel(self.tr("挽回金额"), self)
        form.addRow(self.amount_label, self.amount)
        self.amount_label.setVisible(row.kind == "fraud_risk")
        self.amount.setVisible(row.kind == "fraud_risk")
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(self.tr("处置经过 (选填)"))
        form.addRow(self.tr("备注"), self.note)
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setStyleSheet("color: #d32f2f")
        form.addRow(self.error)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)
        self.outcome.currentIndexChanged.connect(self._on_outcome_current_index_changed)

    @Slot(int)
    def _on_outcome_current_index_changed(self, _index: int) -> None:
        if self.outcome.currentData() == "misread":
            self.read_wrong.setChecked(True)

    def resolution(self) -> Resolution | None:
        """The entered resolution, or None (with the reason shown) when something required is missing."""
        outcome = self.outcome.currentData()
        if outcome is None:
            self.error.setText(self.tr("处置结论: 必填 (outcome is required)"))
            return None
        read: bool | None = None
        if self._row.kind == "plate_read":
            if not (self.read_ok.isChecked() or self.read_wrong.isChecked()):
                self.error.setText(
                    self.tr("车牌识别: 请标明识别是否正确 (say whether the plate was read correctly)")
                )
                return None
            read = self.read_ok.isChecked()
        amount = self.amount.value() if self._row.kind == "fraud_risk" and self.amount.value() > 0 else None
        return Resolution(outcome, read, self.note.toPlainText().strip(), amount)

    def accept(self) -> None:
        if self.resolution() is not None:
            super().accept()


__all__ = ["AlertDetailPanel", "Resolution", "ResolveDialog"]
