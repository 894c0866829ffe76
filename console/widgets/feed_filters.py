"""The feed's filter bar: severity toggles, kind, community, status and free text.

It only describes a FeedFilter; the pane runs it in SQL off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QToolButton, QWidget

from console.services.alerts import FeedFilter
from console.widgets.feed_model import KIND_TITLES, SEVERITY_COLOURS, SEVERITY_TITLES, STATUS_TITLES, title

TEXT_DEBOUNCE_MS = 250
# Text on a filled severity button: white on the red, black on orange, yellow and grey (each ≥ 4.5:1).
_ON_FILL_TEXT = {"critical": "#ffffff", "high": "#000000", "medium": "#000000", "low": "#000000"}


def severity_button_style(key: str) -> str:
    """An unchecked filter is an outline; a checked one is filled in its severity's colour with a
    strong border, so that a filter left on cannot be mistaken for one that is off, in either theme."""
    colour = SEVERITY_COLOURS[key]
    return (
        "QToolButton { background: transparent; border: 1px solid palette(mid);"
        " border-radius: 3px; padding: 2px 8px; }"
        "QToolButton:hover { border-color: palette(highlight); }"
        f"QToolButton:checked {{ background: {colour}; color: {_ON_FILL_TEXT[key]};"
        " border: 2px solid palette(text); font-weight: bold; padding: 1px 7px; }"
    )
OPEN_STATUSES = frozenset({"new", "acknowledged", "dispatched"})


class FeedFilterBar(QWidget):
    """Controls for the feed's filter; typing is debounced, the other controls apply at once."""

    filter_changed = Signal(object)
    """The user changed the filter: the new FeedFilter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        self.severity_buttons: dict[str, QToolButton] = {}
        for key in ("critical", "high", "medium", "low"):
            button = QToolButton(self)
            button.setObjectName(f"severityFilter_{key}")
            button.setCheckable(True)
            button.setStyleSheet(severity_button_style(key))
            button.setToolTip(self.tr("只看此等级 (可多选)"))
            button.toggled.connect(self._on_control_changed)
            button.toggled.connect(lambda checked, b=button, k=key: self._label(b, k, checked))
            self._label(button, key, False)
            self.severity_buttons[key] = button
            bar.addWidget(button)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("全部类型"), None)
        for key in KIND_TITLES:
            self.kind_combo.addItem(title(KIND_TITLES, key), key)
        self.community_combo = QComboBox(self)
        self.community_combo.addItem(self.tr("全部小区"), None)
        self.status_combo = QComboBox(self)
        self.status_combo.addItem(self.tr("全部状态"), None)
        self.status_combo.addItem(self.tr("未处置"), "open")
        for key in STATUS_TITLES:
            self.status_combo.addItem(title(STATUS_TITLES, key), key)
        for combo in (self.kind_combo, self.community_combo, self.status_combo):
            combo.currentIndexChanged.connect(self._on_control_changed)
            bar.addWidget(combo)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索 车牌 / 身份证号 / 摘要"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        bar.addWidget(self.search, 1)
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_DEBOUNCE_MS)
        self._text_timer.timeout.connect(self._on_control_changed)

    @staticmethod
    def _label(button: QToolButton, key: str, checked: bool) -> None:
        """A check mark before the words of a filter that is on: seen without telling colours apart."""
        words = title(SEVERITY_TITLES, key)
        button.setText(f"✓ {words}" if checked else words)

    def set_communities(self, communities: list[tuple[int, str]]) -> None:
        """Offer these (id, name) communities, keeping "all" first."""
        for community_id, name in communities:
            self.community_combo.addItem(name, community_id)

    def current_filter(self) -> FeedFilter:
        """The filter the controls describe."""
        status = self.status_combo.currentData()
        statuses = OPEN_STATUSES if status == "open" else frozenset({status} if status else ())
        kind = self.kind_combo.currentData()
        community = self.community_combo.currentData()
        return FeedFilter(
            severities=frozenset(k for k, b in self.severity_buttons.items() if b.isChecked()),
            kinds=frozenset({kind} if kind else ()),
            community_ids=frozenset({community} if community is not None else ()),
            statuses=statuses,
            text=self.search.text().strip(),
        )

    def stop(self) -> None:
        self._text_timer.stop()

    @Slot()
    def _on_control_changed(self) -> None:
        self.filter_changed.emit(self.current_filter())

    @Slot(str)
    def _on_search_text_changed(self, _text: str) -> None:
        self._text_timer.start()
