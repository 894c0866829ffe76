"""Words of the dossier shared by its window and its PDF: roles, statuses, custody steps, timeline entries."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from console.widgets.cases_pane import CASE_STATUS_TITLES, case_title, hours_text, tr_cases

ROLE_TITLES = {
    "victim": QT_TRANSLATE_NOOP("cases", "被害人"),
    "complainant": QT_TRANSLATE_NOOP("cases", "报案人"),
    "suspect": QT_TRANSLATE_NOOP("cases", "嫌疑人"),
}
ITEM_STATUS_TITLES = {
    "stolen": QT_TRANSLATE_NOOP("cases", "被盗"),
    "recovered": QT_TRANSLATE_NOOP("cases", "已追回"),
    "returned": QT_TRANSLATE_NOOP("cases", "已发还"),
}
CUSTODY_TITLES = {
    "reported_stolen": QT_TRANSLATE_NOOP("cases", "报失"),
    "found": QT_TRANSLATE_NOOP("cases", "拾得"),
    "recovered": QT_TRANSLATE_NOOP("cases", "追回"),
    "stored": QT_TRANSLATE_NOOP("cases", "入库"),
    "notified": QT_TRANSLATE_NOOP("cases", "通知失主"),
    "returned": QT_TRANSLATE_NOOP("cases", "发还"),
}
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
    "party_added": QT_TRANSLATE_NOOP("cases", "增加当事人"),
    "vehicle_added": QT_TRANSLATE_NOOP("cases", "增加涉案车辆"),
    "watch_added": QT_TRANSLATE_NOOP("cases", "列入布控"),
    "watch_expired": QT_TRANSLATE_NOOP("cases", "撤销布控"),
    "fence_added": QT_TRANSLATE_NOOP("cases", "登记销赃地点"),
    "series_confirmed": QT_TRANSLATE_NOOP("cases", "确认串案"),
    "series_dismissed": QT_TRANSLATE_NOOP("cases", "排除串案"),
    "merged": QT_TRANSLATE_NOOP("cases", "并案"),
}
FENCE_TITLES = {
    "scrap": QT_TRANSLATE_NOOP("cases", "废品回收站"),
    "phone_shop": QT_TRANSLATE_NOOP("cases", "二手手机店"),
    "pawn": QT_TRANSLATE_NOOP("cases", "典当行"),
    "market": QT_TRANSLATE_NOOP("cases", "二手市场"),
    "online": QT_TRANSLATE_NOOP("cases", "网络平台"),
    "other": QT_TRANSLATE_NOOP("cases", "其他"),
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
    if kind == "party_added":
        role = case_title(ROLE_TITLES, str(detail.get("role", "")))
        return " ".join(str(x) for x in (role, detail.get("name"), detail.get("id_number")) if x)
    if kind == "fence_added":
        return " ".join(
            str(x)
            for x in (case_title(FENCE_TITLES, str(detail.get("fence_kind", ""))), detail.get("name"))
            if x
        )
    if detail.get("case_no"):
        return str(detail["case_no"])
    # Other entries (property added, recovered, ...): their values, ids as "#n", in stored order.
    return " · ".join(
        f"#{v}" if k.endswith("_id") else str(v)
        for k, v in detail.items()
        if k != "category" and v not in (None, "")
    )
