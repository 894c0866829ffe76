"""The alert detail panel in both languages: every heading of the English console is English."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from console import app as console_app
from console.services.alerts import AlertDetail, AlertRow
from console.services.alerts.details import CommunityInfo, EventLine, Sighting, WatchlistInfo
from console.widgets.alert_detail import AlertDetailPanel

AT = dt.datetime(2026, 3, 14, 13, 5, tzinfo=dt.UTC)  # 21:05 station time
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The console's translation, installed as at start-up; removed afterwards."""
    locale = QLocale()
    translators = console_app.install_translations(qapp, request.param)
    try:
        yield request.param
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)


def plate_alert() -> AlertDetail:
    """A watchlisted plate seen twice, with its case, community contact and trace."""
    row = AlertRow(
        id=7, kind="plate_read", severity="high", status="resolved", community_id=1, community_name="滨水小区",
        watchlist_entry_id=3, matched="闽D12345", summary="布控车辆 闽D12345 驶入 滨水小区", count=2,
        raised_at=AT, last_event_at=AT + dt.timedelta(minutes=4), acknowledged_at=AT, dispatched_at=None,
        resolved_at=AT, escalated_at=None, outcome="confirmed", read_correct=True, version=3,
    )  # fmt: skip
    event = EventLine(1, AT, "plate_read", "camera", "卡口-01", "滨水小区", "闽D12345", "", "", "驶入")
    return AlertDetail(
        alert=row,
        events=(event,),
        watchlist=WatchlistInfo(
            3, "vehicle", "闽D12345", "", "", "盗窃嫌疑车辆", "high", True, None, "", "", ""
        ),
        community=CommunityInfo(1, "滨水小区", "滨水路 8 号", "安居物业", "陈经理", "13859210001"),
        trace_subject="闽D12345",
        trace=(Sighting(1, AT, "滨水小区", "卡口-01", 7),),
        unmasked=False,
    )


DATA = (
    "布控车辆 闽D12345 驶入 滨水小区",
    "滨水小区",
    "滨水路 8 号",
    "卡口-01",
    "驶入",
    "闽D12345",
    "盗窃嫌疑车辆",
    "安居物业",
    "陈经理",
)
ENGLISH = (
    "First 03-14 21:05:00 · Latest 03-14 21:09:00 · Count: 2",
    "Outcome: ",
    "Watchlist entry",
    "Linked case: No linked case",
    "Community and property management",
    "Events",
    "Track: where 闽D12345 was seen last",
)
CHINESE = ("首次 03-14 21:05:00 · 最近 03-14 21:09:00 · 共 2 次", "处置结论: ", "布控条目", "关联案件: 无关联案件", "小区与物业", "感知事件", "轨迹: 闽D12345 最近出现")  # fmt: skip


def test_every_heading_is_in_the_ui_language(qtbot: Any, language: str) -> None:
    panel = AlertDetailPanel(can_unmask=False)
    qtbot.addWidget(panel)
    waiting = panel.browser.toPlainText()
    assert waiting == ("Select an alert to see its details" if language == "en" else "选择一条预警查看详情")
    panel.show_detail(plate_alert())
    shown = panel.browser.toPlainText()
    for heading in ENGLISH if language == "en" else CHINESE:
        assert heading in shown, (heading, shown)
    if language == "en":  # the only Chinese left is the data: names, places, the plate, the summary
        for data in DATA:
            shown = shown.replace(data, "")
        assert not CJK.search(shown), shown


def test_the_property_manager_log_and_its_controls_are_in_the_ui_language(qtbot: Any, language: str) -> None:
    from console.services.dispatch import ManagerContactRow

    panel = AlertDetailPanel(can_unmask=False)
    qtbot.addWidget(panel)
    panel.show_detail(plate_alert())
    panel.show_contacts([ManagerContactRow(1, 7, AT, "张值班", "in_person", "陈经理已知悉")])
    shown = panel.contacts_label.text()
    assert "21:05:00" in shown and "张值班" in shown and "陈经理已知悉" in shown
    words = [panel.notify_button.text(), panel.notify_how.currentText(), panel.notify_note.placeholderText()]
    if language == "en":
        assert "Property manager notified" in shown and "In person" in shown
        assert words[0] == "Manager notified (N)" and words[1] == "Phone call"
        rest = shown.replace("张值班", "").replace("陈经理已知悉", "")
        assert not CJK.search(rest) and not any(CJK.search(w) for w in words), (rest, words)
    else:
        assert "已通知物业" in shown and "当面" in shown and words[1] == "电话"
