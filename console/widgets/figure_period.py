"""The period bar of the statistics pane: month, quarter, half-year, year or custom dates, with
earlier / later buttons (PageUp / PageDown) to step through periods of the same length.

Periods are station days (Asia/Shanghai), both ends inclusive, as ``stats --from --to`` takes them.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QToolButton, QWidget

PERIOD_KINDS = (
    ("month", QT_TRANSLATE_NOOP("FigurePeriodBar", "月")),
    ("quarter", QT_TRANSLATE_NOOP("FigurePeriodBar", "季度")),
    ("half", QT_TRANSLATE_NOOP("FigurePeriodBar", "半年")),
    ("year", QT_TRANSLATE_NOOP("FigurePeriodBar", "年")),
    ("custom", QT_TRANSLATE_NOOP("FigurePeriodBar", "自定义")),
)
_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12}


def period_of(kind: str, day: dt.date) -> tuple[dt.date, dt.date]:
    """The month, quarter, half-year or year that holds ``day``: (first day, last day)."""
    months = _MONTHS[kind]
    first_month = (day.month - 1) // months * months + 1
    start = dt.date(day.year, first_month, 1)
    return start, _add_months(start, months) - dt.timedelta(days=1)


def step_period(kind: str, start: dt.date, end: dt.date, steps: int) -> tuple[dt.date, dt.date]:
    """The period ``steps`` periods later (earlier when negative); a custom span moves by its own length."""
    if kind in _MONTHS:
        return period_of(kind, _add_months(start, steps * _MONTHS[kind]))
    length = (end - start).days + 1
    shift = dt.timedelta(days=length * steps)
    return start + shift, end + shift


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


class FigurePeriodBar(QWidget):
    """Kind of period, its dates, and earlier / later; emits the period whenever it changes."""

    period_changed = Signal(object, object)
    """The user chose another period: (first day, last day), both datetime.date, inclusive."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("统计周期"))
        for key, title in PERIOD_KINDS:
            self.kind.addItem(QCoreApplication.translate("FigurePeriodBar", str(title)), key)
        self.earlier = QToolButton(self)
        self.earlier.setArrowType(Qt.ArrowType.LeftArrow)
        self.earlier.setToolTip(self.tr("上一期 (PageUp)"))
        self.earlier.setAccessibleName(self.tr("上一期"))
        self.later = QToolButton(self)
        self.later.setArrowType(Qt.ArrowType.RightArrow)
        self.later.setToolTip(self.tr("下一期 (PageDown)"))
        self.later.setAccessibleName(self.tr("下一期"))
        for button in (self.earlier, self.later):
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable with Tab, like the rest
        self.start_edit = self._date_edit(self.tr("起始日期"))
        self.end_edit = self._date_edit(self.tr("截止日期"))
        layout.addWidget(self.kind)
        layout.addWidget(self.earlier)
        layout.addWidget(self.start_edit)
        layout.addWidget(QLabel("—", self))
        layout.addWidget(self.end_edit)
        layout.addWidget(self.later)
        self._today = today
        self._start, self._end = period_of("year", today)
        self.kind.setCurrentIndex(self.kind.findData("year"))
        self._show_dates()
        self.kind.currentIndexChanged.connect(self._on_kind_current_index_changed)
        self.earlier.clicked.connect(self._on_earlier_clicked)
        self.later.clicked.connect(self._on_later_clicked)
        self.start_edit.dateChanged.connect(self._on_date_edit_date_changed)
        self.end_edit.dateChanged.connect(self._on_date_edit_date_changed)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setAccessibleName(name)
        return edit

    @property
    def period(self) -> tuple[dt.date, dt.date]:
        return self._start, self._end

    def set_period(self, kind: str, day: dt.date) -> None:
        """Show the ``kind`` period holding ``day`` (or, for custom, keep the dates) and announce it."""
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.kind.blockSignals(False)
        if kind in _MONTHS:
            self._start, self._end = period_of(kind, day)
        self._show_dates()
        self.period_changed.emit(self._start, self._end)

    def set_custom(self, start: dt.date, end: dt.date) -> None:
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData("custom"))
        self.kind.blockSignals(False)
        self._start, self._end = min(start, end), max(start, end)
        self._show_dates()
        self.period_changed.emit(self._start, self._end)

    def step(self, steps: int) -> None:
        kind = str(self.kind.currentData())
        self._start, self._end = step_period(kind, self._start, self._end, steps)
        self._show_dates()
        self.period_changed.emit(self._start, self._end)

    def _show_dates(self) -> None:
        custom = self.kind.currentData() == "custom"
        for edit, day in ((self.start_edit, self._start), (self.end_edit, self._end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.setReadOnly(not custom)
            edit.setButtonSymbols(
                QDateEdit.ButtonSymbols.UpDownArrows if custom else QDateEdit.ButtonSymbols.NoButtons
            )
            edit.blockSignals(False)

    @Slot(int)
    def _on_kind_current_index_changed(self, _index: int) -> None:
        kind = str(self.kind.currentData())
        if kind == "custom":
            self._show_dates()  # the dates shown become editable; the period itself stays
            return
        # The period holding today when today is shown (year -> this month), else its first day.
        anchor = self._today if self._start <= self._today <= self._end else self._start
        self.set_period(kind, anchor)

    @Slot()
    def _on_earlier_clicked(self) -> None:
        self.step(-1)

    @Slot()
    def _on_later_clicked(self) -> None:
        self.step(1)

    @Slot(QDate)
    def _on_date_edit_date_changed(self, _date: QDate) -> None:
        start = self.start_edit.date().toPython()
        end = self.end_edit.date().toPython()
        assert isinstance(start, dt.date) and isinstance(end, dt.date)  # noqa: S101 type narrowing
        self._start, self._end = min(start, end), max(start, end)
        self.period_changed.emit(self._start, self._end)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_PageUp:
            self.step(-1)
        elif event.key() == Qt.Key.Key_PageDown:
            self.step(1)
        else:
            super().keyPressEvent(event)
