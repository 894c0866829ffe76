"""The anti-fraud intervention card (反诈劝阻) of one ``fraud_risk`` alert.

Who the warning is about (from the registry, numbers masked unless the role may see them), the
warning itself, a clock since it arrived, the calls made to the resident, officers sent, the
stop-payment request, and the outcome that closes the card and resolves the alert. Keys: 1 / 2 /
3 log a call (reached / no answer / refused) with the note typed beside them, S asks the bank to
stop the payment, Ctrl+Enter closes the card. Everything goes through InterventionService off the
GUI thread; a refusal is shown in words, in the UI's language.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QElapsedTimer, QMetaMethod, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.errors import UserError
from console.security import Permission
from console.services.dispatch import CALL_RESULTS, INTERVENTION_OUTCOMES, InterventionCard
from console.vocabulary import scheme_title
from console.widgets import theme
from console.widgets.common import error_text
from console.widgets.household_dialog import local_time

if TYPE_CHECKING:
    from PySide6.QtGui import QHideEvent, QShowEvent

    from console.security import Actor
    from console.services.dispatch import InterventionService
    from console.widgets.worker import DatabaseWorker

_CTX = "InterventionCardDialog"
RESULT_WORDS = {
    "reached": QT_TRANSLATE_NOOP("InterventionCardDialog", "已接通"),
    "no_answer": QT_TRANSLATE_NOOP("InterventionCardDialog", "无人接听"),
    "refused": QT_TRANSLATE_NOOP("InterventionCardDialog", "拒接"),
}
OUTCOME_WORDS = {
    "stopped": QT_TRANSLATE_NOOP("InterventionCardDialog", "劝阻成功"),
    "transferred": QT_TRANSLATE_NOOP("InterventionCardDialog", "已转账"),
    "not_fraud": QT_TRANSLATE_NOOP("InterventionCardDialog", "非诈骗"),
    "unreachable": QT_TRANSLATE_NOOP("InterventionCardDialog", "联系不上"),
}
LEVEL_WORDS = {
    "high": QT_TRANSLATE_NOOP("InterventionCardDialog", "高风险"),
    "medium": QT_TRANSLATE_NOOP("InterventionCardDialog", "中风险"),
    "low": QT_TRANSLATE_NOOP("InterventionCardDialog", "低风险"),
}
DISPATCH_WORDS = {
    "en_route": QT_TRANSLATE_NOOP("InterventionCardDialog", "在途"),
    "on_scene": QT_TRANSLATE_NOOP("InterventionCardDialog", "已到场"),
    "closed": QT_TRANSLATE_NOOP("InterventionCardDialog", "已结束"),
}
# The Chinese scheme titles of console.vocabulary, listed here so the translation tools keep them.
SCHEME_WORDS = (
    QT_TRANSLATE_NOOP("InterventionCardDialog", "杀猪盘(婚恋交友投资)"),
    QT_TRANSLATE_NOOP("InterventionCardDialog", "冒充客服退款"),
    QT_TRANSLATE_NOOP("InterventionCardDialog", "刷单返利"),
    QT_TRANSLATE_NOOP("InterventionCardDialog", "冒充公检法"),
    QT_TRANSLATE_NOOP("InterventionCardDialog", "网络贷款"),
    QT_TRANSLATE_NOOP("InterventionCardDialog", "游戏装备交易"),
)


def _word(words: dict[str, object], code: str | None) -> str:
    if not code:
        return ""
    return QCoreApplication.translate(_CTX, str(words[code])) if code in words else code


def clock_text(seconds: int) -> str:
    """mm:ss since the warning; minutes go past 59 rather than roll over into hours."""
    seconds = max(0, seconds)
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def money_text(amount: Decimal | None) -> str:
    return "" if amount is None else f"¥{amount:,.2f}"


class InterventionCardDialog(QDialog):
    """The card of one fraud warning: read it, log calls, ask for a stop-payment, close it."""

    card_loaded = Signal(object)
    """The card (InterventionCard) was read from the database, first or after a change."""
    call_logged = Signal(object)
    """A call attempt was stored (CallLogged)."""
    stop_payment_requested = Signal(object)
    """The stop-payment request was stored (StopPaymentRequested)."""
    intervention_closed = Signal(object)
    """The card was closed and its alert resolved (InterventionClosed)."""
    dispatch_requested = Signal(int)
    """The officer asked to send officers for this alert (its id); shown only when connected."""
    failed = Signal(str)
    """A request was refused; the words shown."""

    def __init__(
        self,
        interventions: InterventionService,
        actor: Actor,
        worker: DatabaseWorker,
        alert_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._interventions, self._actor, self._alert_id = interventions, actor, alert_id
        self._runner = worker.lane(self, "intervention_card")
        self.card: InterventionCard | None = None
        self._unmask_reason: str | None = None  # given once: this card shows full numbers
        self._since_load = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick_timeout)
        self.setWindowTitle(self.tr("反诈劝阻 · 预警 #%1").replace("%1", str(alert_id)))
        self.setObjectName("interventionCard")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._build_ui()
        self._build_keys()
        self._set_actions_enabled(False)
        self.reload()

    # -- building ------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.title = QLabel(self.tr("正在载入…"), self)
        self.title.setObjectName("interventionTitle")
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold")
        self.level = QLabel(self)
        self.level.setObjectName("interventionLevel")
        self.countdown = QLabel("--:--", self)
        self.countdown.setObjectName("interventionCountdown")
        self.countdown.setStyleSheet("font-size: 26pt; font-weight: bold; font-family: monospace")
        self.countdown.setToolTip(self.tr("自预警发出以来的时间"))
        self.countdown_caption = QLabel(self.tr("预警已过"), self)
        head.addWidget(self.title)
        head.addWidget(self.level)
        head.addStretch(1)
        head.addWidget(self.countdown_caption)
        head.addWidget(self.countdown)
        layout.addLayout(head)

        facts = QGridLayout()
        facts.setHorizontalSpacing(18)
        self._facts: dict[str, QLabel] = {}
        rows = (
            (("name", self.tr("当事人")), ("address", self.tr("住址"))),
            (("id_number", self.tr("身份证号")), ("phone", self.tr("手机号"))),
            (("scheme", self.tr("诈骗类型")), ("bank", self.tr("银行"))),
            (("amount", self.tr("涉案金额")), ("raised_at", self.tr("预警时间"))),
        )
        for r, pair in enumerate(rows):
            for c, (key, caption) in enumerate(pair):
                label = QLabel(caption, self)
                label.setStyleSheet("color: palette(placeholder-text)")
                value = QLabel(self)
                value.setObjectName(f"fact_{key}")
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setStyleSheet("font-weight: bold")
                facts.addWidget(label, r, c * 2)
                facts.addWidget(value, r, c * 2 + 1)
                self._facts[key] = value
        facts.setColumnStretch(1, 1)
        facts.setColumnStretch(3, 2)
        layout.addLayout(facts)
        self.unmask_button = QPushButton(self.tr("显示完整号码"), self)
        self.unmask_button.setToolTip(self.tr("查看完整身份证号与手机号 (将记入审计日志)"))
        self.unmask_button.setVisible(self._actor.can(Permission.UNMASK_PERSONAL_DATA))
        self.unmask_button.clicked.connect(self._on_unmask_button_clicked)
        unmask_row = QHBoxLayout()
        unmask_row.addStretch(1)
        unmask_row.addWidget(self.unmask_button)
        layout.addLayout(unmask_row)

        calls = QGroupBox(self.tr("联系记录"), self)
        calls_layout = QVBoxLayout(calls)
        self.calls = QTableWidget(0, 4, calls)
        self.calls.setHorizontalHeaderLabels(
            [self.tr("时间"), self.tr("结果"), self.tr("记录人"), self.tr("备注")]
        )
        self.calls.verticalHeader().setVisible(False)
        self.calls.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.calls.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.calls.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.calls.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        calls_layout.addWidget(self.calls)
        call_row = QHBoxLayout()
        self.call_buttons: dict[str, QPushButton] = {}
        for n, result in enumerate(CALL_RESULTS, start=1):
            button = QPushButton(f"{n}  {_word(RESULT_WORDS, result)}", calls)
            button.setToolTip(self.tr("登记一次联系 (按 %1)").replace("%1", str(n)))
            button.clicked.connect(lambda _=False, r=result: self.log_call(r))
            call_row.addWidget(button)
            self.call_buttons[result] = button
        self.note = QLineEdit(calls)
        self.note.setPlaceholderText(self.tr("备注 (选填), 随联系记录保存"))
        call_row.addWidget(self.note, 1)
        calls_layout.addLayout(call_row)
        layout.addWidget(calls, 1)

        act = QGroupBox(self.tr("出警与止付"), self)
        act_layout = QGridLayout(act)
        self.dispatches = QLabel(act)
        self.dispatches.setObjectName("interventionDispatches")
        self.dispatches.setWordWrap(True)
        self.dispatch_button = QPushButton(self.tr("派警…"), act)
        self.dispatch_button.setToolTip(self.tr("派警去银行或住户家中"))
        self.dispatch_button.clicked.connect(lambda: self.dispatch_requested.emit(self._alert_id))
        self.dispatch_button.setVisible(False)
        self.stop_payment = QLabel(act)
        self.stop_payment.setObjectName("interventionStopPayment")
        self.stop_button = QPushButton(self.tr("S  申请紧急止付"), act)
        self.stop_button.setToolTip(self.tr("已联系银行申请紧急止付 (按 S)"))
        self.stop_button.clicked.connect(self.request_stop_payment)
        act_layout.addWidget(QLabel(self.tr("派警"), act), 0, 0)
        act_layout.addWidget(self.dispatches, 0, 1)
        act_layout.addWidget(self.dispatch_button, 0, 2)
        act_layout.addWidget(QLabel(self.tr("止付"), act), 1, 0)
        act_layout.addWidget(self.stop_payment, 1, 1)
        act_layout.addWidget(self.stop_button, 1, 2)
        act_layout.setColumnStretch(1, 1)
        layout.addWidget(act)

        end = QGroupBox(self.tr("劝阻结果"), self)
        end_layout = QHBoxLayout(end)
        self.outcome = QComboBox(end)
        self.outcome.addItem(self.tr("请选择结果…"), None)
        for code in INTERVENTION_OUTCOMES:
            self.outcome.addItem(_word(OUTCOME_WORDS, code), code)
        self.saved = QLineEdit(end)
        self.saved.setPlaceholderText(self.tr("仅劝阻成功时填写"))
        self.saved.setMaximumWidth(180)
        self.close_button = QPushButton(self.tr("结束劝阻并处置预警 (Ctrl+Enter)"), end)
        self.close_button.clicked.connect(self.close_card)
        self.outcome_shown = QLabel(end)
        self.outcome_shown.setObjectName("interventionResult")
        self.outcome_shown.setStyleSheet("font-weight: bold")
        self.outcome_shown.setVisible(False)
        end_layout.addWidget(QLabel(self.tr("结果"), end))
        end_layout.addWidget(self.outcome)
        end_layout.addWidget(QLabel(self.tr("挽回金额 (元)"), end))
        end_layout.addWidget(self.saved)
        end_layout.addWidget(self.outcome_shown, 1)
        end_layout.addStretch(0)
        end_layout.addWidget(self.close_button)
        layout.addWidget(end)

        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setStyleSheet("color: #ff6b6b; font-weight: bold")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.resize(860, 640)

    def _build_keys(self) -> None:
        # Enter in the note must not press a button: only the keys below act.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, result in enumerate(CALL_RESULTS, start=1):
            shortcut = QShortcut(QKeySequence(str(key)), self, context=context)
            shortcut.activated.connect(lambda r=result: self.log_call(r))
        QShortcut(QKeySequence("S"), self, context=context).activated.connect(self.request_stop_payment)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, context=context).activated.connect(self.close_card)

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        interventions, actor, alert_id = self._interventions, self._actor, self._alert_id
        reason = self._unmask_reason
        self._runner.submit(
            lambda: interventions.card(actor, alert_id, unmask_reason=reason),
            self._on_card_loaded,
            self._on_failed,
        )

    def _on_unmask_button_clicked(self) -> None:
        reason, ok = QInputDialog.getText(
            self, self.tr("显示完整号码"), self.tr("查看此预警完整号码的事由 (记入审计日志):")
        )
        if ok:
            self.unmask(reason)

    def unmask(self, reason: str) -> None:
        """Show this card's full numbers for ``reason`` (audited); without one, say it is needed."""
        if not reason.strip():
            self.error.setText(self.tr("查看完整号码须填写事由 (记入审计日志)"))
            self.error.setVisible(True)
            return
        self._unmask_reason = reason.strip()
        self.unmask_button.setVisible(False)
        self.reload()

    def busy(self) -> bool:
        """A request of this card is in flight (tests wait on it)."""
        return self._runner.busy()

    def _on_card_loaded(self, card: InterventionCard) -> None:
        self.card = card
        self._since_load.start()
        self.title.setText(self.tr("反诈预警 #%1").replace("%1", str(card.alert_id)))
        colour = theme.SEVERITY_COLOURS.get(card.severity, theme.SEVERITY_COLOURS["low"])
        self.level.setText(_word(LEVEL_WORDS, card.level))
        self.level.setStyleSheet(
            f"background:{colour}; color:{theme.badge_text_colour(card.severity)}; font-weight:bold;"
            " padding:2px 8px; border-radius:3px"
        )
        self.level.setVisible(bool(card.level))
        self._show_facts(card)
        self._show_calls(card)
        self._show_actions(card)
        self._on_tick_timeout()
        if card.closed:
            self._tick.stop()
        elif self.isVisible():
            self._tick.start()
        self._set_actions_enabled(not card.closed)
        focus = self.focusWidget()
        if focus is None or not focus.isEnabled():
            self.setFocus()  # so 1 / 2 / 3 / S work at once, not typed into a field
        self.card_loaded.emit(card)

    def _show_facts(self, card: InterventionCard) -> None:
        person = card.resident
        unknown = self.tr("未在实有人口中找到")
        if person is None:
            name, address = unknown, card.community_name
            id_number, phone = card.id_number, card.phone
        else:
            name = f"{person.name} ({person.relation})" if person.relation else person.name
            if person.moved_out:
                name += " · " + self.tr("已迁出")
            address = person.address
            id_number, phone = person.id_number or card.id_number, person.phone or card.phone
        scheme = scheme_title(card.scheme)
        values = {
            "name": name,
            "address": address,
            "id_number": id_number or "—",
            "phone": phone or "—",
            "scheme": QCoreApplication.translate(_CTX, scheme) if scheme in SCHEME_WORDS else scheme or "—",
            "bank": card.bank or "—",
            "amount": money_text(card.amount) or "—",
            "raised_at": local_time(card.raised_at, "%Y-%m-%d %H:%M:%S"),
        }
        for key, text in values.items():
            self._facts[key].setText(text)

    def _show_calls(self, card: InterventionCard) -> None:
        self.calls.setRowCount(len(card.calls))
        for row, call in enumerate(card.calls):
            texts = (
                local_time(call.at, "%H:%M:%S"),
                _word(RESULT_WORDS, call.result),
                call.by or "—",
                call.note,
            )
            for col, text in enumerate(texts):
                self.calls.setItem(row, col, QTableWidgetItem(text))
        if card.calls:
            self.calls.scrollToBottom()

    def _show_actions(self, card: InterventionCard) -> None:
        lines = [
            " ".join(
                part
                for part in (
                    local_time(d.dispatched_at, "%H:%M"),
                    "、".join(d.officers),
                    _word(DISPATCH_WORDS, d.status),
                    f"— {d.note}" if d.note else "",
                )
                if part
            )
            for d in card.dispatches
        ]
        self.dispatches.setText("\n".join(lines) if lines else self.tr("尚未派警"))
        if card.stop_payment_requested_at is None:
            self.stop_payment.setText(self.tr("未申请"))
            self.stop_payment.setStyleSheet("")
        else:
            when = local_time(card.stop_payment_requested_at, "%H:%M:%S")
            self.stop_payment.setText(self.tr("已申请紧急止付 %1").replace("%1", when))
            self.stop_payment.setStyleSheet("font-weight: bold")
        self.outcome_shown.setVisible(card.outcome is not None)
        if card.outcome is not None:
            parts = [_word(OUTCOME_WORDS, card.outcome)]
            if card.saved is not None:
                parts.append(self.tr("挽回 %1").replace("%1", money_text(card.saved)))
            parts.append(f"{card.closed_by} {local_time(card.closed_at, '%H:%M')}".strip())
            self.outcome_shown.setText(" · ".join(p for p in parts if p))
        for w in (self.outcome, self.saved, self.close_button):
            w.setVisible(card.outcome is None)

    def _set_actions_enabled(self, enabled: bool) -> None:
        may = self._actor.can(Permission.DISPATCH)
        for button in (
            *self.call_buttons.values(),
            self.stop_button,
            self.close_button,
            self.dispatch_button,
        ):
            button.setEnabled(enabled and may)
        self.stop_button.setEnabled(
            enabled and may and (self.card is None or self.card.stop_payment_requested_at is None)
        )
        for field in (self.note, self.outcome, self.saved):
            field.setEnabled(enabled and may)

    # -- the clock -----------------------------------------------------------------------------
    def elapsed_seconds(self) -> int:
        """Seconds since the warning: the server's count when read, plus the time since then."""
        card = self.card
        if card is None:
            return 0
        if card.closed_at is not None:
            return max(0, int((card.closed_at - card.raised_at).total_seconds()))
        return card.elapsed_seconds + int(self._since_load.elapsed() // 1000)

    def _on_tick_timeout(self) -> None:
        if self.card is None:
            return
        self.countdown.setText(clock_text(self.elapsed_seconds()))
        self.countdown_caption.setText(self.tr("用时") if self.card.closed else self.tr("预警已过"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.dispatch_button.setVisible(
            self._actor.can(Permission.DISPATCH)
            and self.isSignalConnected(QMetaMethod.fromSignal(self.dispatch_requested))
        )
        if self.card is not None and not self.card.closed:
            self._on_tick_timeout()
            self._tick.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self._tick.stop()  # nobody is looking: no repaint once a second
        super().hideEvent(event)

    # -- actions -------------------------------------------------------------------------------
    def log_call(self, result: str) -> None:
        """Store one call attempt with the note typed beside the buttons."""
        if not self._may_act():
            return
        interventions, actor, alert_id = self._interventions, self._actor, self._alert_id
        note = self.note.text().strip()
        self._start_request()

        def done(logged: object) -> None:
            self.note.clear()
            self.call_logged.emit(logged)

        self._runner.submit_edit(lambda: interventions.call(actor, alert_id, result, note), done, self._on_failed)
        self.reload()

    def request_stop_payment(self) -> None:
        if not self._may_act():
            return
        interventions, actor, alert_id = self._interventions, self._actor, self._alert_id
        self._start_request()
        self._runner.submit_edit(
            lambda: interventions.request_stop_payment(actor, alert_id),
            self.stop_payment_requested.emit,
            self._on_failed,
        )
        self.reload()

    def close_card(self) -> None:
        """Close with the chosen outcome (money saved only for 劝阻成功: the service holds that rule)."""
        if not self._may_act():
            return
        outcome = self.outcome.currentData()
        if outcome is None:
            self._show_error(self.tr("结果: 请选择劝阻结果"))
            self.outcome.setFocus()
            return
        saved = self.saved.text().strip().replace(",", "").lstrip("¥") or None
        interventions, actor, alert_id = self._interventions, self._actor, self._alert_id
        self._start_request()
        self._runner.submit_edit(
            lambda: interventions.close(actor, alert_id, outcome, saved),
            self.intervention_closed.emit,
            self._on_failed,
        )
        self.reload()

    def _may_act(self) -> bool:
        return self.card is not None and not self.card.closed and self._actor.can(Permission.DISPATCH)

    def _start_request(self) -> None:
        self.error.setVisible(False)
        self._set_actions_enabled(False)  # until the card is read again: no double entries

    def _on_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            raise exc  # a bug: to the crash handler
        self._show_error(error_text(exc))
        if self.card is None:
            self.title.setText(self.tr("无法打开反诈劝阻卡"))

    def _show_error(self, words: str) -> None:
        self.error.setText(words)
        self.error.setVisible(True)
        self.failed.emit(words)

    def done(self, r: int) -> None:
        self._tick.stop()
        self._runner.wait()
        super().done(r)


__all__ = ["InterventionCardDialog", "clock_text"]
