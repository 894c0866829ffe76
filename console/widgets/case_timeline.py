"""Words for a case's timeline entries, shared by the dossier's timeline tab and a series' timeline."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from console.widgets.cases_pane import CASE_STATUS_TITLES, case_title, hours_text, tr_cases

TIMELINE_TITLES = {
    "opened": QT_TRANSLATE_NOOP("cases", "立案"),
    "solved": QT_TRANSLATE_NOOP("cases", "破案"),
    "edited": QT_TRANSLATE_NOOP("cases", "修改"),
    "linked_alert": QT_TRANSLATE_NOOP("cases", "关联预警"),
    "linked_case": QT_TRANSLATE_NOOP("cases", "关联案件"),
    "property_added": QT_TRANSLATE_NOOP("cases", "登记涉案财物"),
    "property_recovered": QT_TRANSLATE_NOOP("cases", "追回财物"),
    "property_notified": QT_TRANSLATE_NOOP("cases", "通知失主"),
    "property_returned": QT_TRANSLATE_NOOP("cases", "发还财物"),
    "imported": QT_TRANSLATE_NOOP("cases", "导入"),
    "series_confirmed": QT_TRANSLATE_NOOP("cases", "确认串案"),
    "series_dismissed": QT_TRANSLATE_NOOP("cases", "排除串案"),
}
FIELD_TITLES = {
    "summary": QT_TRANSLATE_NOOP("cases", "简要案情"),
    "narrative": QT_TRANSLATE_NOOP("cases", "案情经过"),
    "status": QT_TRANSLATE_NOOP("cases", "状态"),
    "lead_officer": QT_TRANSLATE_NOOP("cases", "主办民警"),
}


def timeline_detail(kind: str, detail: dict[str, Any]) -> str:
    """One line saying what a timeline entry changed, in the window's language."""
    if kind == "edited":
        fields = "、".join(tr_cases(FIELD_TITLES.get(f, f)) for f in detail.get("fields", []))
        parts = [fields]
        if "status" in detail:
            parts.append(f"→ {case_title(CASE_STATUS_TITLES, detail['status'])}")
        if detail.get("lead_officer"):
            parts.append(f"→ {detail['lead_officer']}")
        if "summary" in detail:
            parts.append(f"「{detail['summary']}」")
        return " ".join(parts)
    if kind == "solved" and detail.get("hours_to_solve") is not None:
        return QCoreApplication.translate("cases", "破案用时 {0}").format(
            hours_text(detail["hours_to_solve"])
        )
    if kind == "linked_alert" and detail.get("alert_id"):
        return QCoreApplication.translate("cases", "预警 #{0}").format(detail["alert_id"])
    if detail.get("case_no"):
        return str(detail["case_no"])
    # Other entries (property added, recovered, ...): their values, ids as "#n", in stored order.
    return " · ".join(
        f"#{v}" if k.endswith("_id") else str(v)
        for k, v in detail.items()
        if k != "category" and v not in (None, "")
    )
