"""The release receipt (涉案财物发还清单) of a returned item: an A4 PDF whose Chinese renders."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from console.clock import STATION_TZ
from console.services.cases import ReleaseReceipt
from console.widgets import theme


def _when(value: dt.datetime | None) -> str:
    return "" if value is None else value.astimezone(STATION_TZ).strftime("%Y-%m-%d %H:%M")


def receipt_title(receipt: ReleaseReceipt) -> str:
    return QCoreApplication.translate("ReleaseReceipt", "涉案财物发还清单") + f" #{receipt.item_id}"


def receipt_document(receipt: ReleaseReceipt) -> QTextDocument:
    """The receipt as a document: what was handed back, to whom, by whom, two signatures."""
    value = "" if receipt.value is None else f"¥{receipt.value:,.2f}"
    lines = [
        (
            QCoreApplication.translate("ReleaseReceipt", "案件编号"),
            receipt.case_no or QCoreApplication.translate("ReleaseReceipt", "无 (拾获物品)"),
        ),
        (QCoreApplication.translate("ReleaseReceipt", "物品"), receipt.description),
        (QCoreApplication.translate("ReleaseReceipt", "类别"), receipt.category),
        (QCoreApplication.translate("ReleaseReceipt", "数量"), str(receipt.quantity)),
        (QCoreApplication.translate("ReleaseReceipt", "识别号 (IMEI/序列号/车架号)"), receipt.identifier),
        (QCoreApplication.translate("ReleaseReceipt", "估值"), value),
        (QCoreApplication.translate("ReleaseReceipt", "追回时间"), _when(receipt.recovered_at)),
        (QCoreApplication.translate("ReleaseReceipt", "追回地点"), receipt.recovered_place),
        (QCoreApplication.translate("ReleaseReceipt", "领取人"), receipt.owner_name),
        (QCoreApplication.translate("ReleaseReceipt", "领取人身份证号 (已核验)"), receipt.returned_to_id),
        (QCoreApplication.translate("ReleaseReceipt", "发还时间"), _when(receipt.returned_at)),
        (QCoreApplication.translate("ReleaseReceipt", "经办民警"), receipt.handed_over_by),
    ]
    rows = "".join(
        f"<tr><td width='35%'><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>" for k, v in lines
    )
    handed = QCoreApplication.translate("ReleaseReceipt", "上述物品已当面点交, 领取人核对无误。")
    claimant = QCoreApplication.translate("ReleaseReceipt", "领取人签名：")
    officer = QCoreApplication.translate("ReleaseReceipt", "经办民警签名：")
    text = (
        f"<h2 align='center'>{html.escape(receipt.station)} {html.escape(receipt_title(receipt))}</h2>"
        f"<table border='1' cellspacing='0' cellpadding='5' width='100%'>{rows}</table>"
        f"<p>{html.escape(handed)}</p>"
        f"<p>{html.escape(claimant)}＿＿＿＿＿＿＿＿　　{html.escape(officer)}＿＿＿＿＿＿＿＿</p>"
    )
    doc = QTextDocument()
    font = QFont()
    font.setFamilies(theme.FONT_FAMILIES)
    font.setPointSize(11)
    doc.setDefaultFont(font)
    doc.setHtml(text)
    return doc


def save_receipt_pdf(receipt: ReleaseReceipt, path: str | Path) -> Path:
    """Write the receipt as an A4 PDF (the worklist's way: QTextDocument onto a QPdfWriter)."""
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
    writer.setTitle(receipt_title(receipt))
    writer.setCreator("duty-console")
    receipt_document(receipt).print_(writer)
    return path
