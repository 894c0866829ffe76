"""Taking a resident's request by hand (lost keys, a lost pet, help asked for): category,
community, what is asked, a phone to call back. Stored as a ``report`` alert, so it is then
dispatched exactly like any alert. Keys: Tab moves, Ctrl+Enter takes it, Esc cancels."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from console.errors import UserError
from console.services.dispatch import REQUEST_CATEGORIES, RequestTaken
from console.widgets.common import error_text

if TYPE_CHECKING:
    from console.security import Actor
    from console.services.alerts import AlertService
    from console.services.dispatch import ServiceRequestService
    from console.widgets.worker import DatabaseWorker


def category_title(category: str) -> str:
    """A request's category in the UI language."""
    titles = {
        "lost-item": QCoreApplication.translate("request", "失物求助 (钥匙、证件、手机…)"),
        "lost-pet": QCoreApplication.translate("request", "寻宠求助"),
        "other": QCoreApplication.translate("request", "其他求助"),
    }
    return titles.get(category, category)


class ServiceRequestDialog(QDialog):
    """A resident's request: taken, it enters the feed as an alert and can be dispatched at once."""

    request_taken = Signal(object)
    """The request was stored: the RequestTaken (its alert id) the service returned."""
    communities_loaded = Signal()
    """The community list was read."""

    def __init__(
        self,
        requests: ServiceRequestService,
        alerts: AlertService,
        actor: Actor,
        worker: DatabaseWorker,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._requests = requests
        self._actor = actor
        self._runner = worker.lane(self)
        self._sending = False
        self.setWindowTitle(self.tr("登记群众求助"))
        self.resize(520, 360)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("登记后进入预警列表, 可立即派警 · Ctrl+Enter 登记 · Esc 取消"), self)
        hint.setStyleSheet("color:gray")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        self.category = QComboBox(self)
        for category in REQUEST_CATEGORIES:
            self.category.addItem(category_title(category), category)
        form.addRow(self.tr("类别"), self.category)
        self.community = QComboBox(self)
        self.community.setEditable(True)  # type to find one of many communities
        self.community.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        form.addRow(self.tr("小区"), self.community)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(
            self.tr("求助内容: 丢了什么、在哪里、什么样, 如 3 号楼快递柜旁丢失一串钥匙")
        )
        form.addRow(self.tr("内容"), self.text)
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText(self.tr("求助人手机号 (选填)"))
        form.addRow(self.tr("回电"), self.phone)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setStyleSheet("color:#d32f2f; font-weight:bold")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.take_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.take_button.setText(self.tr("登记并派警 (Ctrl+Enter)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.take)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.take)
        self._runner.submit(lambda: alerts.communities(actor), self._on_communities_loaded, self._on_failed)
        self.category.setFocus()

    def busy(self) -> bool:
        return self._runner.busy()

    def _on_communities_loaded(self, communities: list[tuple[int, str]]) -> None:
        self.community.clear()
        self.community.addItem("", None)
        for community_id, name in communities:
            self.community.addItem(name, community_id)
        self.community.setCurrentIndex(0)
        self.communities_loaded.emit()

    def take(self) -> None:
        """Store the request (off the GUI thread); the dialog closes when it is in."""
        if self._sending:
            return
        category = str(self.category.currentData())
        community = self.community.currentText().strip()
        text, phone = self.text.toPlainText(), self.phone.text()
        requests, actor = self._requests, self._actor
        self._sending = True
        self.take_button.setEnabled(False)
        self._runner.submit_edit(
            lambda: requests.take(
                actor, category=category, community=community, text=text, reporter_phone=phone
            ),
            self._on_taken,
            self._on_failed,
        )

    def _on_taken(self, taken: RequestTaken) -> None:
        self._sending = False
        self.take_button.setEnabled(True)
        self.request_taken.emit(taken)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._sending = False
        self.take_button.setEnabled(True)
        if not isinstance(exc, UserError):
            raise exc  # a bug: to the crash handler
        self.error.setText(error_text(exc))
        self.error.setVisible(True)
        field = getattr(exc, "field", None)
        target = {"community": self.community, "text": self.text, "reporter_phone": self.phone}.get(
            field or ""
        )
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def done(self, result: int) -> None:
        self._runner.wait()
        super().done(result)
