"""Small widgets every pane may use: empty states, placeholders, and the words for an error."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QMargins,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

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


def housing_use_text(use: str) -> str:
    """A household's housing use (stored as the registry's Chinese word) in the UI language."""
    words = {
        "自住": QCoreApplication.translate("housing_use", "自住"),
        "出租": QCoreApplication.translate("housing_use", "出租"),
        "群租": QCoreApplication.translate("housing_use", "群租"),
        "空置": QCoreApplication.translate("housing_use", "空置"),
        "商用": QCoreApplication.translate("housing_use", "商用"),
        "其他": QCoreApplication.translate("housing_use", "其他"),
    }
    return words.get(use, use)


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
        self.title_label.setWordWrap(True)  # a long English title wraps rather than widening the pane
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


class FlowLayout(QLayout):
    """Widgets in a row that wraps onto the next line when the pane is narrow (Qt's flow layout
    example): a toolbar asks only for its widest item, so it never makes the window wider than a
    1366-pixel screen in either language."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() for i in self._visible()) + self._spacing * max(0, len(self._visible()) - 1)
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m: QMargins = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _visible(self) -> list[QLayoutItem]:
        shown = []
        for item in self._items:
            widget = item.widget()
            if widget is None or not widget.isHidden():
                shown.append(item)
        return shown

    def _place(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = area.x(), area.y(), 0
        rows: list[list[tuple[QLayoutItem, int, QSize]]] = [[]]
        for item in self._visible():
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + self._spacing, 0
                rows.append([])
            rows[-1].append((item, x, hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        if move:
            top = area.y()
            for row in rows:
                height = max((h.height() for _i, _x, h in row), default=0)
                for item, ix, hint in row:
                    width = min(hint.width(), area.width())
                    item.setGeometry(QRect(QPoint(ix, top + (height - hint.height()) // 2), QSize(width, hint.height())))
                top += height + self._spacing
        return y + line - rect.y() + m.bottom()


def keyboard_to_page(pane: QWidget, stack: QStackedWidget, page: QWidget) -> None:
    """The pane's shortcut (Ctrl+2, Ctrl+8) puts the keyboard on ``page`` whenever ``stack`` shows
    it; while a loading or empty page shows, the pane keeps it, and hands it on once ``page`` shows."""

    def follow(_index: int) -> None:
        had_focus = pane.hasFocus()
        shown = stack.currentWidget() is page
        pane.setFocusProxy(page if shown else None)  # type: ignore[arg-type]  # None clears it
        if had_focus and shown:
            page.setFocus(Qt.FocusReason.OtherFocusReason)

    stack.currentChanged.connect(follow)
    follow(stack.currentIndex())


def wrapped_minimum_height(layout: QLayout, width: int) -> int:
    """The least height ``layout`` needs at ``width`` with its wrapping rows (a FlowLayout, a
    word-wrapped label) on as many lines as they take there, not on the one line Qt's minimum
    size assumes. A dock sizes itself from minimumSizeHint() alone; without this a narrow
    pane's wrapped filter bar or legend is drawn over the widget under it."""
    m = layout.contentsMargins()
    inner = max(1, width - m.left() - m.right())
    extra = 0
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is not None and not item.isEmpty() and item.hasHeightForWidth():
            extra += max(0, item.heightForWidth(inner) - item.minimumSize().height())
    return layout.minimumSize().height() + extra


def labelled(label: str, field: QWidget, parent: QWidget) -> QWidget:
    """A label and its field kept together on one line of a FlowLayout."""
    pair = QWidget(parent)
    row = QHBoxLayout(pair)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    row.addWidget(QLabel(label, pair))
    row.addWidget(field)
    return pair


class ElidedLabel(QLabel):
    """A one-line plain-text label that may shrink below its text: it then ends in "…" and shows
    the whole text as its tooltip. For summaries in toolbars, so they never widen the window."""

    def __init__(self, parent: QWidget | None = None, min_chars: int = 8) -> None:
        super().__init__(parent)
        self._min_chars = min_chars
        self.setTextFormat(Qt.TextFormat.PlainText)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().averageCharWidth() * self._min_chars), hint.height())

    def elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.elided():
            self.setToolTip("")
            super().paintEvent(event)
            return
        self.setToolTip(self.text())
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), text)
        painter.end()


class LazyPane(QWidget):
    """Stands in for a pane until the pane is first shown: start-up paints the window without it.

    ``build`` makes the real pane and puts it where this placeholder was (the workspace does that:
    the dock's widget and the window's pane table are swapped), and returns it. The placeholder
    asks for the build after it has been painted once (its "正在打开…" line on screen), so a pane
    visible at start-up is built right after the window's first paint, and a pane behind another
    tab when its tab is first raised. ``build()`` may also be called directly (a shortcut, a link
    from another pane); building happens once.
    """

    def __init__(self, key: str, build: Callable[[], QWidget | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"lazy_{key}")
        self._build = build
        self._scheduled = False
        self.built: QWidget | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # focus moves to the real pane once built

    def build(self) -> QWidget | None:
        if self.built is None:
            self.built = self._build()
        return self.built

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().placeholderText().color())
        text = QCoreApplication.translate("panes", "正在打开…")
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        if not self._scheduled and self.built is None:
            self._scheduled = True
            QTimer.singleShot(0, self, self.build)  # after this paint; cancelled if the placeholder goes


def one_line_cells(view: QTableView | QTreeView) -> None:
    """Cells that never wrap: a plate, an ID or phone number stays one token ("浙A12F9W", not
    "浙 / A12F9W" over two lines); a column too narrow ends its text in "…" instead. Rows as
    tall as one line of text, so a pane shows as many as its height allows."""
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    if isinstance(view, QTableView):
        rows = view.verticalHeader()
        rows.setMinimumSectionSize(view.fontMetrics().height())
        rows.setDefaultSectionSize(view.fontMetrics().height() + 2)
        view.horizontalHeader().setFixedHeight(view.fontMetrics().height() + 12)
    elif isinstance(view, QTreeView):
        view.setUniformRowHeights(True)


ModelIndex = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel):
    """A read-only table over a list of rows with translated column headers: subclasses give
    ``HEADERS`` (QT_TRANSLATE_NOOP under their own class name) and ``data``."""

    HEADERS: tuple[object, ...] = ()  # QT_TRANSLATE_NOOP returns its text, typed as object

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(str(self.HEADERS[section]))  # the subclass's translation context
        return None
