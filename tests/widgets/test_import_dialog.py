"""The registry import dialog: preview, import off the GUI thread, progress, report and rejections."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import Engine

from console.services.container import build_services
from console.validators import id_check_character
from console.widgets.import_dialog import RegistryImportDialog

GOOD = "35021119850312001" + id_check_character("35021119850312001")


@pytest.fixture
def services(engine: Engine, clock):
    return build_services(engine, clock)


def registry_csv(tmp_path: Path, encoding: str = "utf-8") -> str:
    rows = ["小区,楼栋,户室,姓名,身份证号,备注", f"海景花园,3,1203,张伟,{GOOD}", "海景花园,3,12A,李四,,错的"]
    path = tmp_path / "r.csv"
    path.write_text("\n".join(rows) + "\n", encoding=encoding)
    return str(path)


def test_preview_import_report_and_save_rejections(qtbot, db_worker, services, community_officer, tmp_path):
    dialog = RegistryImportDialog(services.registry_import, community_officer, db_worker)
    qtbot.addWidget(dialog)
    dialog.set_file(registry_csv(tmp_path))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)
    table = dialog.preview_table
    assert table.rowCount() == 2 and table.columnCount() == 6
    assert table.horizontalHeaderItem(0).text().startswith("✓ 小区")
    assert "忽略" in table.horizontalHeaderItem(5).text()  # unknown column greyed
    assert "备注" in dialog.message_label.text()

    with qtbot.waitSignal(dialog.registry_imported, timeout=10000) as done:
        dialog.start_import()
    report = done.args[0]
    assert report.residents_created == 1 and report.rows_rejected == 1
    assert not dialog.is_running()  # the worker thread has ended
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum()
    assert dialog.rejections_table.rowCount() == 1
    assert [dialog.rejections_table.item(0, c).text() for c in (0, 1)] == ["3", "room"]
    assert dialog.save_button.isVisible() or not dialog.isVisible()
    out = tmp_path / "rejected.csv"
    dialog.save_rejections(str(out))
    with out.open(encoding="utf-8-sig") as fh:
        assert list(csv.reader(fh))[1][:2] == ["3", "room"]
    dialog.close()


def test_gbk_file_offers_the_encoding_then_previews(qtbot, db_worker, services, community_officer, tmp_path):
    dialog = RegistryImportDialog(services.registry_import, community_officer, db_worker)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_file(registry_csv(tmp_path, encoding="gbk"))
    qtbot.waitUntil(lambda: dialog.encoding_combo.isVisible(), timeout=5000)
    assert "GBK" in dialog.message_label.text()
    assert dialog.encoding_combo.currentText() == "gbk" and not dialog.import_button.isEnabled()
    dialog.set_file(dialog._path, dialog.encoding_combo.currentText())
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)
    assert dialog.preview_table.item(0, 3).text() == "张伟"
    dialog.close()
