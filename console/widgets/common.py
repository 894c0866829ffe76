"""Small widgets every pane may use: empty states, placeholders, and the words for an error."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from console.errors import UserError
from console.messages import LANGUAGES, Worded


def ui_language() -> str:
    """The language the console's labels are shown in ("zh_CN" or "en"): the one place widgets ask.

    Read from the installed translation itself (each .ts translates this marker as its own code),
    so an error always speaks the language of the labels around it: English only when the English
    translation is really installed (console.app.install_translations), Chinese otherwise.
    """
    code = QCoreApplication.translate(
        "ui_language", "zh_CN", "The code of this translation's language: en for English."
    )
    return code if code in LANGUAGES else "zh_CN"


def error_text(error: BaseException) -> str:
    """What to show a duty officer for ``error``: a UserError in the UI language, anything else as is.

    Bad input names its field first ("id_number: ..."), as the command line does: the field's
    name is the same in both languages.
    """
    if not isinstance(error, UserError):
        return str(error)
    words = error.text(ui_language())
    field = getattr(error, "field", None)
    return f"{field}: {words}" if field else words


def worded_text(notice: object) -> str:
    """A notice that is not an error (a catalogue Message: a file's warning, a verdict) in the UI language;
    anything else as it is."""
    return notice.text(ui_language()) if isinstance(notice, Worded) else str(notice)


class EmptyState(QWidget):
    """A calm, centred message where a list or view has nothing to show yet."""

    def __init__(self, title: str, text: str = "", badge: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # so a "focus this pane" shortcut lands here
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        self.title_label = QLabel(title, self)
        self.title_label.setObjectName("emptyStateTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title_label)
        self.badge_label = QLabel(badge, self)
        self.badge_label.setObjectName("emptyStateBadge")
        self.badge_label.setVisible(bool(badge))
        layout.addWidget(self.badge_label, 0, Qt.AlignmentFlag.AlignHCenter)
        self.text_label = QLabel(text, self)
        self.text_label.setObjectName("emptyStateText")
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text_label.setWordWrap(True)
        self.text_label.setVisible(bool(text))
        layout.addSpacing(6)
        layout.addWidget(self.text_label)
        layout.addStretch(3)

    def set_text(self, text: str) -> None:
        self.text_label.setText(text)
        self.text_label.setVisible(bool(text))


class ComingSoonPane(EmptyState):
    """Placeholder for a pane another issue is building: its title and what it will do."""

    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(title, description, "", parent)
        self.badge_label.setText(self.tr("即将推出"))
        self.badge_label.setVisible(True)
        self.pane_title = title


def shrinkable_combo(box: QComboBox, chars: int = 6) -> QComboBox:
    """A filter combo that may shrink to ``chars`` characters (its list still opens full width), so
    a row of filters never makes the window wider than a 1366-pixel screen, in either language."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(chars)
    return box
