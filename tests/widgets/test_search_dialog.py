"""The search dialog: type a name, results grouped, Enter emits the household id; Esc closes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import Engine

from console.services.container import build_services
from console.widgets.search import SearchDialog


@pytest.fixture
def services(engine: Engine, clock, community_officer, tmp_path: Path):
    svc = build_services(engine, clock)
    path = tmp_path / "r.csv"
    path.write_text(
        "小区,楼栋,户室,姓名,手机号\n海景花园,3,1203,张伟,13812345678\n海景花园,3,1204,李娜,\n",
        encoding="utf-8",
    )
    svc.registry_import.import_registry(community_officer, path)
    return svc


def test_type_results_enter_emits_household(qtbot, db_worker, services, duty_officer):
    dialog = SearchDialog(services.search, duty_officer, db_worker)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.query_edit.insert("张")  # typed like an input method commits text (QTest cannot type CJK keys)
    dialog.query_edit.insert("伟")
    qtbot.waitUntil(lambda: dialog.result_count() > 0, timeout=5000)
    group = dialog.results.topLevelItem(0)
    assert group.text(0).startswith("实有人口")
    assert group.child(0).text(0).startswith("张伟")
    assert group.child(0).text(1) == "138****5678"  # masked for the duty officer
    assert "海景花园 3号楼 1203" in group.child(0).text(2)
    expected = group.child(0).data(0, Qt.ItemDataRole.UserRole)
    with qtbot.waitSignal(dialog.household_chosen, timeout=2000) as chosen:
        qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Return)
    assert chosen.args == [expected]
    assert not dialog.isVisible()


def test_nothing_found_says_so_and_hints(qtbot, db_worker, services, duty_officer):
    dialog = SearchDialog(services.search, duty_officer, db_worker)
    qtbot.addWidget(dialog)
    dialog.search_now("诸葛亮")
    qtbot.waitUntil(lambda: "未找到" in dialog.status_label.text(), timeout=5000)
    assert "身份证号" in dialog.status_label.text() and dialog.result_count() == 0


def test_stale_results_are_discarded_and_esc_closes(qtbot, db_worker, services, duty_officer):
    dialog = SearchDialog(services.search, duty_officer, db_worker)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.search_now("张伟")
    dialog.search_now("李娜")  # the first answer arrives stale and must not be shown
    qtbot.waitUntil(lambda: dialog.result_count() > 0, timeout=5000)
    qtbot.wait(50)
    names = [item.text(0) for item in dialog._result_items()]
    assert names == ["李娜"]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
