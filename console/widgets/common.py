"""Small widgets every pane may use: empty states and placeholders."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from console.errors import UserError


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


def ui_language() -> str:
    """The language the installed translation speaks: "zh_CN" (the source strings) or "en".

    Read from the translation itself (console_en.ts translates this marker to "en"), so messages
    from the error catalogue always match the rest of the window.
    """
    # Translators: the language code of this translation (zh_CN or en); not shown to users.
    return QCoreApplication.translate("language", "zh_CN")


def error_text(error: UserError) -> str:
    """A user-facing error in the window's language."""
    return error.text(ui_language())
