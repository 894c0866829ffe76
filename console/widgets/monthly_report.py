"""The monthly brief (月度工作简报): an A4 PDF in Chinese that reads in black and white.

Drawn with QPainter onto a QPdfWriter from the figures service's ``MonthlyBrief``, so the pane's
"export brief" and ``duty-console report monthly`` print the same document. The brief is the
document a station chief hands upward, always in Chinese whatever the console's language, so its
words are not translated. Charts use greys and hatching instead of colour, and every bar carries
its number, so a black-and-white copy loses nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from console.services.figures import MonthlyBrief, NotableCase, StatsSummary
from console.widgets import theme

STATION_TZ = dt.timezone(dt.timedelta(hours=8))
RESOLUTION = 150  # dots per inch of the PDF's drawing space
# A Latin face first: with the CJK face alone, Qt's PDF loses the text of digits that follow
# letters ("GK00001" extracts as "GK"), so case numbers could not be searched or copied.
FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Arial", *theme.FONT_FAMILIES]

# Fills that stay apart in black and white: (colour, pattern).
FILLS = (
    (QColor(40, 40, 40), Qt.BrushStyle.SolidPattern),
    (QColor(255, 255, 255), Qt.BrushStyle.SolidPattern),
    (QColor(90, 90, 90), Qt.BrushStyle.BDiagPattern),
    (QColor(60, 60, 60), Qt.BrushStyle.DiagCrossPattern),
    (QColor(170, 170, 170), Qt.BrushStyle.SolidPattern),
)


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _brush(i: int) -> QBrush:
    colour, style = FILLS[i % len(FILLS)]
    return QBrush(colour, style)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:+.0f}%"


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def _minutes(seconds: int | None) -> str:
    return "—" if seconds is None else f"{seconds // 60}分{seconds % 60:02d}秒"


def _when(value: dt.datetime | None) -> str:
    return "" if value is None else value.astimezone(STATION_TZ).strftime("%m-%d %H:%M")


class _Page:
    """A cursor down an A4 page: each block takes the height it needs and moves the cursor."""

    def __init__(self, writer: QPdfWriter, painter: QPainter) -> None:
        self.writer = writer
        self.painter = painter
        self.width = float(writer.width())
        self.height = float(writer.height())
        self.y = 0.0

    def need(self, height: float) -> None:
        if self.y + height > self.height:
            self.writer.newPage()
            self.y = 0.0

    def text(self, text: str, points: float, bold: bool = False, gap: float = 0.3) -> None:
        self.painter.setFont(_font(points, bold))
        line = self.painter.fontMetrics().height()
        self.need(line)
        self.painter.setPen(QPen(Qt.GlobalColor.black))
        self.painter.drawText(QRectF(0, self.y, self.width, line), Qt.AlignmentFlag.AlignLeft, text)
        self.y += line * (1 + gap)

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]) -> None:
        p = self.painter
        p.setFont(_font(9.5))
        line = p.fontMetrics().height() * 1.4
        for r, row in enumerate([header, *rows]):
            self.need(line)
            x = 0.0
            p.setFont(_font(9.5, bold=r == 0))
            if r == 0:
                p.fillRect(QRectF(0, self.y, self.width, line), QColor(225, 225, 225))
            for text, share in zip(row, widths, strict=True):
                cell = QRectF(x, self.y, self.width * share, line)
                p.setPen(QPen(QColor(120, 120, 120), 1))
                p.drawRect(cell)
                p.setPen(QPen(Qt.GlobalColor.black))
                p.drawText(
                    cell.adjusted(6, 0, -6, 0),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    text,
                )
                x += self.width * share
            self.y += line
        self.y += line * 0.5

    def bars(
        self,
        title: str,
        labels: Sequence[str],
        series: Sequence[tuple[str, Sequence[int]]],
        *,
        stacked: bool = False,
        line: tuple[float, str] | None = None,
        height: float = 330.0,
    ) -> None:
        """A bar chart with its numbers on the bars, a legend of fills, and an optional marker line.

        ``line`` = (position on the label axis counted in bars, its caption): the response target.
        """
        self.text(title, 11, bold=True, gap=0.1)
        self.need(height)
        p = self.painter
        p.setFont(_font(8))
        fm = p.fontMetrics()
        legend_h = fm.height() * 1.5 if len(series) > 1 or line else 0
        axis_h = fm.height() * 1.4
        top = self.y + legend_h + fm.height() * 1.2  # room for the number over the tallest bar
        plot = QRectF(60, top, self.width - 70, self.y + height - axis_h - top)
        totals = [sum(vals[i] for _n, vals in series) for i in range(len(labels))]
        peak = max((totals if stacked else [v for _n, vals in series for v in vals]) or [0]) or 1
        p.setPen(QPen(Qt.GlobalColor.black, 1.5))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        p.drawLine(plot.bottomLeft(), plot.topLeft())
        slot = plot.width() / max(len(labels), 1)
        groups = 1 if stacked else len(series)
        bar_w = slot * 0.7 / groups
        for i, label in enumerate(labels):
            x0 = plot.left() + slot * i + slot * 0.15
            base = plot.bottom()
            for s, (_name, vals) in enumerate(series):
                value = vals[i]
                h = plot.height() * value / peak
                x = x0 if stacked else x0 + s * bar_w
                rect = QRectF(x, base - h, bar_w, h)
                p.setPen(QPen(Qt.GlobalColor.black, 1))
                p.setBrush(_brush(s))
                p.drawRect(rect)
                if value:
                    p.setPen(QPen(Qt.GlobalColor.black))
                    where = (
                        rect
                        if stacked and h > fm.height()
                        else QRectF(x - 20, rect.top() - fm.height(), bar_w + 40, fm.height())
                    )
                    if stacked and h > fm.height():
                        p.fillRect(
                            QRectF(
                                rect.center().x() - fm.horizontalAdvance(str(value)) / 2 - 2,
                                rect.center().y() - fm.height() / 2,
                                fm.horizontalAdvance(str(value)) + 4,
                                fm.height(),
                            ),
                            QColor(255, 255, 255),
                        )
                    p.drawText(where, Qt.AlignmentFlag.AlignCenter, str(value))
                if stacked:
                    base -= h
            p.drawText(
                QRectF(plot.left() + slot * i, plot.bottom() + 2, slot, axis_h),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                label,
            )
        if line is not None:
            at, caption = line
            x = plot.left() + slot * at
            p.setPen(QPen(Qt.GlobalColor.black, 2, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            p.drawText(QPointF(x + 6, plot.top() + fm.ascent()), caption)
        x = plot.left()
        for s, (name, _vals) in enumerate(series if len(series) > 1 else []):
            box = QRectF(x, self.y, fm.height(), fm.height())
            p.setPen(QPen(Qt.GlobalColor.black, 1))
            p.setBrush(_brush(s))
            p.drawRect(box)
            p.drawText(QPointF(box.right() + 6, box.top() + fm.ascent()), name)
            x = box.right() + 12 + fm.horizontalAdvance(name) + 24
        p.setBrush(Qt.BrushStyle.NoBrush)
        self.y += height + fm.height()


def _headline(now: StatsSummary, prior: StatsSummary) -> list[list[str]]:
    def row(name: str, a: int | str, b: int | str, change: str = "") -> list[str]:
        return [name, str(a), str(b), change]

    def yoy(a: int, b: int) -> str:
        return _pct(round((a - b) / b, 2) if b else None)

    d, pd_ = now.dispatch, prior.dispatch
    return [
        row("刑事警情 (案件)", now.cases, prior.cases, _pct(now.yoy_change)),
        row("破案", now.solved, prior.solved, yoy(now.solved, prior.solved)),
        row("24小时内破案", now.solved_24h, prior.solved_24h),
        row("24-72小时破案", now.solved_24_72h, prior.solved_24_72h),
        row(
            "涉案财物 被盗 / 追回",
            f"{now.property.stolen} / {now.property.recovered}",
            f"{prior.property.stolen} / {prior.property.recovered}",
        ),
        row(
            "发还失主 / 待领",
            f"{now.property.returned} / {now.property.unclaimed}",
            f"{prior.property.returned} / {prior.property.unclaimed}",
        ),
        row("48小时内通知失主", now.property.notified_within_48h, prior.property.notified_within_48h),
        row("派警 / 到达", f"{d.count} / {d.arrived}", f"{pd_.count} / {pd_.arrived}"),
        row(f"{d.target_seconds // 60}分钟内到达", d.within_target, pd_.within_target),
        row("响应时间中位数", _minutes(d.median_response_seconds), _minutes(pd_.median_response_seconds)),
        row(
            "反诈劝阻 / 成功止付",
            f"{now.fraud.interventions} / {now.fraud.stopped}",
            f"{prior.fraud.interventions} / {prior.fraud.stopped}",
        ),
        row("挽回金额 (元)", f"{now.fraud.saved:,.2f}", f"{prior.fraud.saved:,.2f}"),
    ]


def _notable_rows(cases: Sequence[NotableCase], returned: bool) -> list[list[str]]:
    return [
        [
            c.case_no,
            c.category,
            f"{c.community} {c.summary}".strip()[:28],
            _when(c.reported_at),
            f"{c.items_returned}件"
            if returned
            else ("—" if c.hours_to_solve is None else f"{c.hours_to_solve}小时"),
        ]
        for c in cases
    ]


def draw_monthly_report(brief: MonthlyBrief, writer: QPdfWriter) -> None:
    """Draw the brief onto ``writer`` (A4 pages)."""
    f = brief.figures
    month = brief.month.start
    painter = QPainter(writer)
    try:
        page = _Page(writer, painter)
        page.text(f"{brief.station} {month.year}年{month.month}月 工作简报", 18, bold=True)
        page.text(
            f"统计期间 {brief.month.label()} (北京时间)   上年同期 {brief.month.prior_year().label()}   "
            f"生成于 {brief.generated_at.astimezone(STATION_TZ):%Y-%m-%d %H:%M}",
            9,
        )
        page.text("一、主要数据 (本月与上年同月)", 12, bold=True)
        prior_label = f"{month.year - 1}年{month.month}月"
        page.table(
            ["项目", "本月", prior_label, "同比"], _headline(f.summary, brief.prior), [0.4, 0.22, 0.22, 0.16]
        )

        page.text("二、图表", 12, bold=True)
        page.bars(
            "刑事警情: 本月与上年同月",
            ["案件"],
            [("本月", [f.summary.cases]), ("上年同月", [brief.prior.cases])],
            height=200,
        )
        rows = f.categories.rows
        page.bars("按类别的案件", [r.label for r in rows], [("案件", [r.cases for r in rows])], height=240)
        s = f.solved.months[0] if f.solved.months else None
        page.bars(
            "破案时效 (按报案时间)",
            ["24小时内", "24-72小时", "72小时后", "未破"],
            [("案件", [s.within_24h, s.within_72h, s.later, s.open] if s else [0, 0, 0, 0])],
            height=240,
        )
        r = f.response
        labels = [
            f"{b.lower_seconds // 60}-{b.upper_seconds // 60}"
            if b.upper_seconds
            else f"{b.lower_seconds // 60}+"
            for b in r.bins
        ]
        page.bars(
            f"响应时间分布 (分钟; 派警 {r.dispatches} 次, {r.target_seconds // 60}分钟内到达 {r.within_target} 次, 中位数 {_minutes(r.median_seconds)})",
            labels,
            [("派警", [b.dispatches for b in r.bins])],
            line=(r.target_seconds / (r.bins[0].upper_seconds or 120), f"目标 {r.target_seconds // 60}分钟"),
            height=260,
        )
        pf = f.property.figures
        page.bars(
            f"涉案财物 (追回率 {_share(pf.recovery_rate)}, 发还率 {_share(pf.return_rate)})",
            ["被盗", "追回", "发还", "待领", "48小时内通知"],
            [("件数", [pf.stolen, pf.recovered, pf.returned, pf.unclaimed, pf.notified_within_48h])],
            height=220,
        )
        cov = f.coverage.rows
        page.bars(
            "网格核实覆盖 (户)",
            [c.grid_cell for c in cov],
            [
                ("已核实", [c.green for c in cov]),
                ("待核实 (超1个月)", [c.orange for c in cov]),
                ("逾期 (超3个月)", [c.red for c in cov]),
                ("从未核实", [c.never for c in cov]),
            ],
            stacked=True,
            height=280,
        )
        page.table(
            ["网格", "户数", "已核实", "待核实", "逾期", "从未核实", "核实率"],
            [
                [
                    c.grid_cell,
                    str(c.households),
                    str(c.green),
                    str(c.orange),
                    str(c.red),
                    str(c.never),
                    _share(c.verified_share),
                ]
                for c in cov
            ],
            [0.28, 0.12, 0.12, 0.12, 0.12, 0.12, 0.12],
        )

        page.text("三、典型案例", 12, bold=True)
        page.text("破案最快", 10.5, bold=True, gap=0.1)
        widths = [0.2, 0.12, 0.4, 0.14, 0.14]
        fastest = _notable_rows(brief.solved_fastest, returned=False)
        page.table(
            ["案件编号", "类别", "简要案情", "报案时间", "用时"],
            fastest or [["本月无破案", "", "", "", ""]],
            widths,
        )
        page.text("财物发还", 10.5, bold=True, gap=0.1)
        back = _notable_rows(brief.property_returned, returned=True)
        page.table(
            ["案件编号", "类别", "简要案情", "报案时间", "发还"],
            back or [["本月无发还", "", "", "", ""]],
            widths,
        )
    finally:
        painter.end()


def save_monthly_report(brief: MonthlyBrief, path: str | Path) -> Path:
    """Write ``brief`` as an A4 PDF at ``path`` (needs a QGuiApplication) and return the path."""
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(RESOLUTION)
    month = brief.month.start
    writer.setTitle(f"{brief.station} {month.year}年{month.month}月 工作简报")
    writer.setCreator("duty-console")
    draw_monthly_report(brief, writer)
    return path
