"""The dossier as an A4 PDF in Chinese (案件卷宗): the case, its people, vehicles, property with custody
trail, alerts, series and timeline.

It prints the Dossier the window holds, so what the PDF shows of ID and phone numbers is what the
window shows: masked unless a user whose role may see them unmasked it (checked and audited by
the service).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from console.services.cases import Dossier
from console.widgets import theme
from console.widgets.cases_pane import CASE_STATUS_TITLES, CATEGORY_TITLES, case_title, hours_text, local_time
from console.widgets.dossier_titles import (
    CUSTODY_TITLES,
    FENCE_TITLES,
    ITEM_STATUS_TITLES,
    ROLE_TITLES,
    TIMELINE_TITLES,
    timeline_detail,
)
from console.widgets.feed_model import KIND_TITLES, SEVERITY_TITLES, STATUS_TITLES, title


def _cell(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]], empty: str) -> str:
    if not rows:
        return f"<p>{html.escape(empty)}</p>"
    head = "".join(f"<th bgcolor='#e0e0e0'>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>" for row in rows)
    return f"<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>{head}</tr>{body}</table>"


def _section(heading: str, content: str) -> str:
    return f"<h3>{html.escape(heading)}</h3>{content}"


def pdf_title(d: Dossier) -> str:
    return QCoreApplication.translate("DossierPdf", "案件卷宗") + f" {d.case['case_no']}"


def _header(c: dict[str, Any]) -> str:
    lead = c.get("lead_officer")
    where = " ".join(x for x in (c.get("community") or "", c.get("place") or "") if x)
    lines = [
        (QCoreApplication.translate("DossierPdf", "案件编号"), c["case_no"]),
        (QCoreApplication.translate("DossierPdf", "案件类别"), case_title(CATEGORY_TITLES, c["category"])),
        (QCoreApplication.translate("DossierPdf", "状态"), case_title(CASE_STATUS_TITLES, c["status"])),
        (QCoreApplication.translate("DossierPdf", "报案时间"), local_time(c["reported_at"])),
        (QCoreApplication.translate("DossierPdf", "发案时间"), local_time(c["occurred_at"])),
        (
            QCoreApplication.translate("DossierPdf", "破案时间"),
            f"{local_time(c['solved_at'])} {hours_text(c['hours_to_solve'])}".strip(),
        ),
        (QCoreApplication.translate("DossierPdf", "发案地点"), where),
        (
            QCoreApplication.translate("DossierPdf", "主办民警"),
            f"{lead['name']} ({lead['badge']})" if lead else "",
        ),
        (QCoreApplication.translate("DossierPdf", "简要案情"), c["summary"]),
    ]
    rows = "".join(
        f"<tr><td width='22%' bgcolor='#f0f0f0'><b>{html.escape(k)}</b></td><td>{_cell(v)}</td></tr>"
        for k, v in lines
    )
    narrative = html.escape(c.get("narrative") or "").replace("\n", "<br>")
    text = f"<table border='1' cellspacing='0' cellpadding='4' width='100%'>{rows}</table>"
    if narrative:
        text += f"<p><b>{html.escape(QCoreApplication.translate('DossierPdf', '案情经过'))}</b><br>{narrative}</p>"
    return text


def _property(d: Dossier) -> str:
    if not d.property:
        return f"<p>{html.escape(QCoreApplication.translate('DossierPdf', '无'))}</p>"
    parts = []
    for i in d.property:
        ids = " ".join(x for x in (i["imei"], i["serial"], i["frame"]) if x)
        value = "" if i["value"] is None else f"¥{i['value']:,.2f}"
        owner = i["owner"] or {}
        head = (
            f"<p><b>#{i['id']} {_cell(i['description'])}</b> × {i['quantity']} · {_cell(i['category'])}"
            f" · {_cell(ids)} · {_cell(value)} · {_cell(case_title(ITEM_STATUS_TITLES, i['status']))}"
            f" · {html.escape(QCoreApplication.translate('DossierPdf', '失主'))} {_cell(owner.get('name', ''))} {_cell(owner.get('id_number') or '')}"
            "</p>"
        )
        trail = _table(
            [
                QCoreApplication.translate("DossierPdf", "时间"),
                QCoreApplication.translate("DossierPdf", "环节"),
                QCoreApplication.translate("DossierPdf", "保管人"),
                QCoreApplication.translate("DossierPdf", "地点"),
                QCoreApplication.translate("DossierPdf", "经办"),
                QCoreApplication.translate("DossierPdf", "备注"),
            ],
            [
                [
                    local_time(e["at"]),
                    case_title(CUSTODY_TITLES, e["kind"]),
                    e["holder"],
                    e["location"],
                    e["by"],
                    e["note"],
                ]
                for e in i["custody"]
            ],
            QCoreApplication.translate("DossierPdf", "无保管记录"),
        )
        parts.append(head + trail)
    return "".join(parts)


def _series(d: Dossier) -> str:
    c = d.case
    lines = []
    if c.get("series_id"):
        lines.append(QCoreApplication.translate("DossierPdf", "串案 #{0}").format(c["series_id"]))
    if c.get("merged_into"):
        lines.append(QCoreApplication.translate("DossierPdf", "已并入 {0}").format(c["merged_into"]))
    if c.get("merged_from"):
        lines.append(
            QCoreApplication.translate("DossierPdf", "并入本案: {0}").format("、".join(c["merged_from"]))
        )
    text = "".join(f"<p>{html.escape(x)}</p>" for x in lines)
    linked = _table(
        [
            QCoreApplication.translate("DossierPdf", "关联案件"),
            QCoreApplication.translate("DossierPdf", "类别"),
            QCoreApplication.translate("DossierPdf", "状态"),
            QCoreApplication.translate("DossierPdf", "简要案情"),
            QCoreApplication.translate("DossierPdf", "报案时间"),
        ],
        [
            [
                x["case_no"],
                case_title(CATEGORY_TITLES, x["category"]),
                case_title(CASE_STATUS_TITLES, x["status"]),
                x["summary"],
                local_time(x["reported_at"]),
            ]
            for x in d.linked_cases
        ],
        QCoreApplication.translate("DossierPdf", "无关联案件"),
    )
    return text + linked


def dossier_document(d: Dossier, station: str = "") -> QTextDocument:
    """The whole dossier as one document, headed by the station and the case number."""
    none = QCoreApplication.translate("DossierPdf", "无")
    body = [
        f"<h2 align='center'>{html.escape(' '.join(x for x in (station, pdf_title(d)) if x))}</h2>",
        _header(d.case),
        _section(
            QCoreApplication.translate("DossierPdf", "当事人"),
            _table(
                [
                    QCoreApplication.translate("DossierPdf", "角色"),
                    QCoreApplication.translate("DossierPdf", "姓名"),
                    QCoreApplication.translate("DossierPdf", "身份证号"),
                    QCoreApplication.translate("DossierPdf", "手机"),
                ],
                [
                    [case_title(ROLE_TITLES, p["role"]), p["name"], p["id_number"] or "", p["phone"] or ""]
                    for p in d.parties
                ],
                none,
            ),
        ),
        _section(
            QCoreApplication.translate("DossierPdf", "涉案车辆"),
            _table(
                [
                    QCoreApplication.translate("DossierPdf", "车牌"),
                    QCoreApplication.translate("DossierPdf", "车型"),
                    QCoreApplication.translate("DossierPdf", "品牌"),
                    QCoreApplication.translate("DossierPdf", "颜色"),
                    QCoreApplication.translate("DossierPdf", "车主"),
                    QCoreApplication.translate("DossierPdf", "车主身份证号"),
                ],
                [
                    [
                        v["plate"],
                        v["kind"],
                        v["brand"],
                        v["colour"],
                        v["owner_name"],
                        v["owner_id_number"] or "",
                    ]
                    for v in d.vehicles
                ],
                none,
            ),
        ),
        _section(QCoreApplication.translate("DossierPdf", "涉案财物及保管记录"), _property(d)),
        _section(
            QCoreApplication.translate("DossierPdf", "销赃地点"),
            _table(
                [
                    QCoreApplication.translate("DossierPdf", "名称"),
                    QCoreApplication.translate("DossierPdf", "类别"),
                    QCoreApplication.translate("DossierPdf", "地址"),
                ],
                [[f["name"], case_title(FENCE_TITLES, f["kind"]), f["address"]] for f in d.fences],
                none,
            ),
        ),
        _section(
            QCoreApplication.translate("DossierPdf", "关联预警"),
            _table(
                [
                    QCoreApplication.translate("DossierPdf", "预警"),
                    QCoreApplication.translate("DossierPdf", "类型"),
                    QCoreApplication.translate("DossierPdf", "等级"),
                    QCoreApplication.translate("DossierPdf", "状态"),
                    QCoreApplication.translate("DossierPdf", "小区"),
                    QCoreApplication.translate("DossierPdf", "时间"),
                    QCoreApplication.translate("DossierPdf", "内容"),
                ],
                [
                    [
                        f"#{a['id']}",
                        title(KIND_TITLES, a["kind"]),
                        title(SEVERITY_TITLES, a["severity"]),
                        title(STATUS_TITLES, a["status"]),
                        a["community"] or "",
                        local_time(a["raised_at"]),
                        a["summary"],
                    ]
                    for a in d.alerts
                ],
                none,
            ),
        ),
        _section(QCoreApplication.translate("DossierPdf", "串案与关联案件"), _series(d)),
        _section(
            QCoreApplication.translate("DossierPdf", "时间线"),
            _table(
                [
                    QCoreApplication.translate("DossierPdf", "时间"),
                    QCoreApplication.translate("DossierPdf", "事项"),
                    QCoreApplication.translate("DossierPdf", "经办"),
                    QCoreApplication.translate("DossierPdf", "内容"),
                ],
                [
                    [
                        local_time(t["at"]),
                        case_title(TIMELINE_TITLES, t["kind"]),
                        t["by"] or t["user"],
                        timeline_detail(t["kind"], t["detail"]),
                    ]
                    for t in d.timeline
                ],
                none,
            ),
        ),
    ]
    doc = QTextDocument()
    font = QFont()
    font.setFamilies(theme.FONT_FAMILIES)
    font.setPointSize(10)
    # Noto Sans CJK's localised forms (OpenType "locl") leave glyphs that Qt's PDF cannot map back
    # to text: "GK202600012" and plates would copy and search as "GK". The printed page is the same.
    font.setFeature(QFont.Tag("locl"), 0)
    doc.setDefaultFont(font)
    doc.setHtml("".join(body))
    return doc


def save_dossier_pdf(d: Dossier, path: str | Path, station: str = "") -> Path:
    """Write the dossier as an A4 PDF (QTextDocument onto a QPdfWriter, as the release receipt does)."""
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
    writer.setResolution(150)
    writer.setTitle(pdf_title(d))
    writer.setCreator("duty-console")
    dossier_document(d, station).print_(writer)
    return path
