"""Small forms of the dossier: add a party, a vehicle, a place where stolen goods are sold; and the
yes/no prompts that follow (watch this suspect? expire this case's watch entries?).

A form's OK runs its service call on the dossier's worker lane; a refusal stays in the form, names
the field in the form's own words and puts the cursor there, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from console.errors import UserError, ValidationError
from console.widgets.common import ui_language

if TYPE_CHECKING:
    from console.widgets.worker import DatabaseWorker


class EntryDialog(QDialog):
    """A form whose OK runs ``call(values)`` off the GUI thread; Enter submits, Esc cancels."""

    entry_added = Signal(object)
    """The service stored the entry (its answer: an id, a plate)."""

    def __init__(
        self,
        title: str,
        worker: DatabaseWorker,
        call: Callable[[dict[str, str]], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self._call = call
        self._runner = worker.lane(self)
        self._form = QFormLayout(self)
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        self._labels: dict[str, str] = {}
        self.values_sent: dict[str, str] | None = None
        self.error = QLabel(self)
        self.error.setStyleSheet("color:#d32f2f")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def add_line(self, key: str, label: str, placeholder: str = "", max_length: int = 200) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(max_length)
        self._add(key, label, edit)
        return edit

    def add_choice(self, key: str, label: str, choices: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        for code, shown in choices:
            combo.addItem(shown, code)
        self._add(key, label, combo)
        return combo

    def _add(self, key: str, label: str, widget: QLineEdit | QComboBox) -> None:
        self.fields[key] = widget
        self._labels[key] = label
        self._form.addRow(label, widget)

    def finish(self) -> None:
        """Put the error line and the buttons under the fields (after the last add_*)."""
        self._form.addRow(self.error)
        self._form.addRow(self.buttons)

    def values(self) -> dict[str, str]:
        return {
            key: (w.currentData() if isinstance(w, QComboBox) else w.text().strip())
            for key, w in self.fields.items()
        }

    def busy(self) -> bool:
        return self._runner.busy()

    @Slot()
    def submit(self) -> None:
        values = self.values()
        call = self._call
        self.error.clear()
        self.buttons.setEnabled(False)
        self.values_sent = values

        def done(result: Any) -> None:
            self.buttons.setEnabled(True)
            self.entry_added.emit(result)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            if not isinstance(exc, UserError):
                raise exc
            words = exc.text(ui_language())
            field = exc.field if isinstance(exc, ValidationError) else None
            if field in self.fields:
                self.error.setText(f"{self._labels[field]}: {words}")
                self.fields[field].setFocus()
            else:
                self.error.setText(f"{field}: {words}" if field else words)

        self._runner.submit_edit(lambda: call(values), done, failed)

    def done(self, result: int) -> None:
        self._runner.wait()
        super().done(result)


def ask(parent: QWidget, title: str, text: str, on_yes: Callable[[], None]) -> QMessageBox:
    """A window-modal yes/no question that does not block: Enter (the default) says yes, Esc no."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(QMessageBox.StandardButton.Yes)
    no = box.addButton(QMessageBox.StandardButton.No)
    yes.setText(QCoreApplication.translate("DossierDialogs", "是 (Enter)"))
    no.setText(QCoreApplication.translate("DossierDialogs", "否 (Esc)"))
    box.setDefaultButton(yes)
    box.setEscapeButton(no)
    yes.clicked.connect(on_yes)
    box.open()
    return box
