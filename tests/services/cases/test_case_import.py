"""`import cases`: the registry's file rules, rows judged like `case open`/`case solve`, idempotent."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from case_data import ahead, stored
from sqlalchemy import select

from console.models import TheftCase
from console.services.registry import NotUtf8Error, RegistryFileError

HEADER = "案件编号,案件类别,报案时间,破案时间,小区,发案地点,简要案情\n"
ROWS = (
    "GK202600101,电缆,2026-03-01T21:00+08:00,2026-03-05T14:00+08:00,禹洲璟阅城,地下室,地下室电缆被盗\n"
    "GK202600102,phone,2026-03-02T09:00+08:00,,海景花园,,住户手机被盗\n"
)


def write(path: Path, text: str, encoding: str = "utf-8-sig") -> str:
    path.write_text(text, encoding=encoding)
    return str(path)


def test_import_creates_then_changes_nothing_on_the_same_file(
    cases, case_import, investigator, sessions, tmp_path
):
    f = write(tmp_path / "cases.csv", HEADER + ROWS)
    first = case_import.import_cases(investigator, f)
    assert (first.rows_read, first.created, first.updated, first.rows_rejected) == (2, 2, 0, 0)
    before = stored(sessions)
    again = case_import.import_cases(investigator, f)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert {k: v for k, v in stored(sessions).items() if k != "audit"} == {
        k: v for k, v in before.items() if k != "audit"
    }
    shown = cases.show(investigator, "GK202600101").case
    assert (shown["category"], shown["status"], shown["hours_to_solve"]) == ("cable", "solved", 89.0)
    assert shown["community"] == "禹洲璟阅城" and shown["place"] == "地下室"


def test_a_row_whose_case_exists_updates_it(cases, case_import, investigator, tmp_path):
    case_import.import_cases(investigator, write(tmp_path / "a.csv", HEADER + ROWS))
    newer = ROWS.replace(",2026-03-02T09:00+08:00,,", ",2026-03-02T09:00+08:00,2026-03-02T20:00+08:00,")
    report = case_import.import_cases(investigator, write(tmp_path / "b.csv", HEADER + newer))
    assert (report.updated, report.unchanged) == (1, 1)
    case = cases.show(investigator, "GK202600102")
    assert case.case["status"] == "solved"
    assert [t["kind"] for t in case.timeline] == ["opened", "updated_by_import", "solved"]


def test_rows_are_rejected_naming_row_and_column_and_the_rest_imported(
    case_import, investigator, sessions, tmp_path
):
    bad = (
        "GK202600201,珠宝,2026-03-01T21:00+08:00,,,,x\n"
        "GK202600202,cable,2026-03-05T21:00+08:00,2026-03-04T21:00+08:00,,,电缆被盗\n"
        f"GK202600203,cable,{ahead(days=2)},,,,电缆被盗\n"
        "GK202600204,cable,2026-03-05,,,,电缆被盗\n"
        ",cable,2026-03-05T21:00+08:00,,,,电缆被盗\n"
        "GK202600205,cable,2026-03-05T21:00+08:00,,,,\n"
        "GK202600101,cable,2026-03-05T21:00+08:00,,,,第二次出现的编号\n"
    )
    report = case_import.import_cases(investigator, write(tmp_path / "bad.csv", HEADER + ROWS + bad))
    assert [(r.row, r.column) for r in report.rejections] == [
        (4, "category"),
        (5, "solved_at"),
        (6, "reported_at"),
        (7, "reported_at"),
        (8, "case_no"),
        (9, "summary"),
        (10, "case_no"),
    ]
    assert str(report.rejections[1]).startswith("row 5: solved_at: ")
    with sessions() as s:
        assert sorted(s.scalars(select(TheftCase.case_no))) == ["GK202600101", "GK202600102"]


def test_dry_run_stores_nothing(case_import, investigator, sessions, tmp_path):
    before = stored(sessions)
    report = case_import.import_cases(investigator, write(tmp_path / "c.csv", HEADER + ROWS), dry_run=True)
    assert report.created == 2 and report.dry_run
    assert stored(sessions) == before


def test_a_gbk_file_is_refused_with_a_hint_and_nothing_stored(case_import, investigator, sessions, tmp_path):
    f = write(tmp_path / "gbk.csv", HEADER + ROWS, encoding="gbk")
    before = stored(sessions)
    with pytest.raises(NotUtf8Error) as refused:
        case_import.import_cases(investigator, f)
    assert "--encoding gbk" in str(refused.value)
    assert stored(sessions) == before
    assert case_import.import_cases(investigator, f, encoding="gbk").created == 2


def test_xlsx_with_english_headers_in_any_order_and_date_cells(cases, case_import, investigator, tmp_path):
    import datetime as dt

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["summary", "reported_at", "category", "case_no"])
    ws.append(["电动车被盗", dt.datetime(2026, 3, 1, 9, 0), "e-bike", "GK202600301"])
    wb.save(tmp_path / "cases.xlsx")
    report = case_import.import_cases(investigator, str(tmp_path / "cases.xlsx"))
    assert report.created == 1
    assert cases.show(investigator, "GK202600301").case["reported_at"] == "2026-03-01T01:00:00+00:00"


def test_merged_header_cells_and_missing_columns_refuse_the_whole_file(
    case_import, investigator, sessions, tmp_path
):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["案件编号", "案件类别", "报案时间", "简要案情", ""])
    ws.merge_cells("D1:E1")
    ws.append(["GK202600401", "cable", "2026-03-01T09:00+08:00", "电缆被盗", ""])
    wb.save(tmp_path / "merged.xlsx")
    before = stored(sessions)
    with pytest.raises(RegistryFileError):
        case_import.import_cases(investigator, str(tmp_path / "merged.xlsx"))
    with pytest.raises(RegistryFileError) as refused:
        case_import.import_cases(investigator, write(tmp_path / "x.csv", "案件编号,简要案情\nGK1,x\n"))
    assert "category" in str(refused.value) and "reported_at" in str(refused.value)
    assert stored(sessions) == before
