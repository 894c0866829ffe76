"""Registry import (contracts/registry.md): files, per-row rules, idempotent re-import, updates in place."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.errors import PermissionDenied
from console.models import AuditLog, Building, Community, Household, Resident, Station
from console.security import Actor
from console.services.registry import NotUtf8Error, RegistryFileError, RegistryImportService
from console.validators import id_check_character


def idn(first17: str) -> str:
    return first17 + id_check_character(first17)


ZHANG = idn("35021119850312001")
LI = idn("35021119900101002")
WANG = idn("35021119700505003")
BAD_CHECK = ZHANG[:-1] + ("0" if ZHANG[-1] != "0" else "1")

CJK = re.compile(r"[\u4e00-\u9fff]")
HEADER_EN = "community,building,unit,room,housing_use,name,id_number,phone,relation,last_verified"
ROWS = [
    f"海景花园,3号楼,1,1203,出租,张伟,{ZHANG},13812345678,户主,2026-01-05",
    f"海景花园,3,1,1203,,李娜,{LI},,配偶,",
    "海景花园,3,1,1204,空置,,,,,",
    f"侨英小区,12,2,0801,自住,王强,{WANG},13912345678,户主,2025/12/01",
]


@pytest.fixture
def service(sessions: sessionmaker[Session], clock: FixedClock) -> RegistryImportService:
    return RegistryImportService(sessions, clock)


def write_csv(path: Path, header: str, rows: list[str], encoding: str = "utf-8") -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding=encoding)
    return path


def counts(sessions: sessionmaker[Session]) -> tuple[int, int, int, int]:
    with sessions() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(t)) or 0  # type: ignore[return-value]
            for t in (Community, Building, Household, Resident)
        )


def test_csv_utf8_imports_households_and_residents(service, sessions, community_officer, tmp_path):
    report = service.import_registry(community_officer, write_csv(tmp_path / "r.csv", HEADER_EN, ROWS))
    assert (report.rows_read, report.rows_rejected) == (4, 0)
    assert (report.households_created, report.residents_created) == (3, 3)
    assert counts(sessions) == (2, 2, 3, 3)
    with sessions() as s:
        hh = s.scalars(select(Household).where(Household.room == "1203")).one()
        assert (hh.floor, hh.housing_use, hh.unit) == (12, "出租", "1")
        assert (
            hh.last_verified_at is not None and hh.last_verified_at.date().isoformat() == "2026-01-04"
        )  # UTC
        assert s.scalars(select(Household.floor).where(Household.room == "0801")).one() == 8
        assert s.scalar(select(func.count()).select_from(Station)) == 1  # default station created
        assert s.scalars(select(Building.name)).all() == ["3", "12"]  # 3号楼 and 3 are one building
        b3 = s.scalars(select(Building).where(Building.name == "3")).one()
        assert (b3.floors, b3.rooms_per_floor) == (12, 2)


def test_bom_and_chinese_headers_in_any_order_unknown_column_warned(
    service, sessions, community_officer, tmp_path
):
    header = "户室,姓名,小区,楼栋,单元,身份证号,备注"
    rows = [f"1203,张伟,海景花园,3号楼,1单元,{ZHANG},老住户"]
    path = write_csv(tmp_path / "bom.csv", header, rows, encoding="utf-8-sig")
    report = service.import_registry(community_officer, path)
    assert report.rows_rejected == 0 and report.residents_created == 1
    assert any("备注" in str(w) for w in report.warnings)
    with sessions() as s:
        assert s.scalars(select(Resident.name)).one() == "张伟"


def test_xlsx_first_sheet(service, sessions, community_officer, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["小区", "楼栋", "户室", "姓名", "身份证号", "手机号"])
    ws.append(["海景花园", 3, 1203, "张伟", ZHANG, 13812345678])
    ws.append(["海景花园", "3号楼", "1204", "李娜", LI, None])
    wb.save(tmp_path / "r.xlsx")
    report = service.import_registry(community_officer, tmp_path / "r.xlsx")
    assert (report.rows_read, report.rows_rejected, report.residents_created) == (2, 0, 2)
    with sessions() as s:
        assert s.scalars(select(Resident.phone).where(Resident.id_number == ZHANG)).one() == "13812345678"


def test_xlsx_merged_header_cells_name_the_cells_and_store_nothing(
    service, sessions, community_officer, tmp_path
):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["地址", None, "户室", "姓名"])
    ws.append(["海景花园", "3", "1203", "张伟"])
    ws.merge_cells("A1:B1")
    wb.save(tmp_path / "merged.xlsx")
    with pytest.raises(RegistryFileError, match="A1:B1"):
        service.import_registry(community_officer, tmp_path / "merged.xlsx")
    assert counts(sessions) == (0, 0, 0, 0)


def test_gbk_file_is_named_and_imports_with_the_encoding(service, sessions, community_officer, tmp_path):
    path = write_csv(tmp_path / "gbk.csv", "小区,楼栋,户室,姓名", ["海景花园,3,1203,张伟"], encoding="gbk")
    with pytest.raises(NotUtf8Error) as err:
        service.import_registry(community_officer, path)
    assert err.value.suggested_encoding == "gbk"
    assert "不是 UTF-8" in str(err.value) and "--encoding gbk" in str(err.value)
    assert counts(sessions) == (0, 0, 0, 0)
    report = service.import_registry(community_officer, path, encoding="gbk")
    assert report.residents_created == 1
    with sessions() as s:
        assert s.scalars(select(Community.name)).one() == "海景花园"


def test_reimport_changes_nothing(service, sessions, community_officer, tmp_path):
    path = write_csv(tmp_path / "r.csv", HEADER_EN, ROWS)
    service.import_registry(community_officer, path)
    with sessions() as s:
        versions = s.execute(select(Household.id, Household.version).order_by(Household.id)).all()
    again = service.import_registry(community_officer, path)
    assert (
        again.households_created,
        again.households_updated,
        again.residents_created,
        again.residents_updated,
    ) == (0, 0, 0, 0)
    assert counts(sessions) == (2, 2, 3, 3)
    with sessions() as s:
        assert s.execute(select(Household.id, Household.version).order_by(Household.id)).all() == versions


def test_newer_file_updates_in_place(service, sessions, community_officer, tmp_path):
    service.import_registry(community_officer, write_csv(tmp_path / "old.csv", HEADER_EN, ROWS))
    newer = [
        f"海景花园,3号楼,1,1203,群租,张伟,{ZHANG},13999998888,户主,2026-02-01",  # phone, use, verified
        f"海景花园,3,1,1204,,李娜,{LI},,,",  # moved next door
    ]
    report = service.import_registry(community_officer, write_csv(tmp_path / "new.csv", HEADER_EN, newer))
    assert (report.households_created, report.residents_created) == (0, 0)
    assert (report.households_updated, report.residents_updated) == (1, 2)
    assert counts(sessions) == (2, 2, 3, 3)
    with sessions() as s:
        zhang = s.scalars(select(Resident).where(Resident.id_number == ZHANG)).one()
        assert zhang.phone == "13999998888" and zhang.version == 2
        li_room = s.scalar(
            select(Household.room)
            .join(Resident, Resident.household_id == Household.id)
            .where(Resident.id_number == LI)
        )
        assert li_room == "1204"
        assert s.scalars(select(Household.housing_use).where(Household.room == "1203")).one() == "群租"


def test_bad_rows_rejected_with_row_column_rule_and_nothing_partial(
    service, sessions, community_officer, tmp_path
):
    rows = [
        f"海景花园,3,1,1203,,张伟,{ZHANG},13812345678,,",  # row 2: fine
        f"海景花园,3,1,1205,,赵六,{BAD_CHECK},,,",  # row 3: check character
        "海景花园,3,1,12A,,钱七,,,,",  # row 4: room not a number
        "新小区,5,1,501,,孙八,,,,2026-13-45",  # row 5: date (its community must not be created)
        "海景花园,3,1,1206,,周九,,12345,,",  # row 6: phone
        "海景花园,3,1,1207,别墅,吴十,,,,",  # row 7: housing use
    ]
    report = service.import_registry(community_officer, write_csv(tmp_path / "bad.csv", HEADER_EN, rows))
    lines = [str(r) for r in report.rejections]
    expected_check = ZHANG[-1]
    assert (
        f"row 3: id_number: 校验码应为 {expected_check} (check character should be {expected_check})" in lines
    )
    assert any(line.startswith("row 4: room:") and "number" in line for line in lines)
    assert any(line.startswith("row 5: last_verified:") and "2026-13-45" in line for line in lines)
    assert any(line.startswith("row 6: phone:") for line in lines)
    assert any(line.startswith("row 7: housing_use:") for line in lines)
    assert (report.rows_read, report.rows_rejected, report.residents_created) == (6, 5, 1)
    assert counts(sessions) == (1, 1, 1, 1)  # no household, resident or community of a rejected row


def test_each_rejection_words_its_rule_in_the_language_asked_and_in_both_for_the_command_line(
    service, community_officer, tmp_path
):
    rows = [
        f"海景花园,3,1,1205,,赵六,{BAD_CHECK},,,",  # row 2: check character
        "海景花园,3,1,12A,,钱七,,,,",  # row 3: room not a number
        "海景花园,,1,1206,,周九,,12345,,",  # row 4: building missing, phone
        "海景花园,3,1,1207,别墅,吴十,,,,",  # row 5: housing use
        f"海景花园,3,1,1208,,郑一,{ZHANG},,,",  # row 6: fine
        f"海景花园,3,1,1209,,王二,{ZHANG},,,",  # row 7: the same ID number as row 6
    ]
    header = HEADER_EN + ",remarks"
    report = service.import_registry(community_officer, write_csv(tmp_path / "bad.csv", header, rows))
    english = {(r.row, r.column): r.text("en") for r in report.rejections}
    assert english[(2, "id_number")] == f"check character should be {ZHANG[-1]}"
    assert english[(3, "room")] == "room must be a number, e.g. 1203; got '12A'"
    assert english[(4, "building")] == "required"
    assert english[(7, "id_number")] == "same ID number as row 6"
    assert "owner-occupied" in english[(5, "housing_use")] and "'别墅'" in english[(5, "housing_use")]
    chinese = {(r.row, r.column): r.text("zh_CN") for r in report.rejections}
    assert chinese[(4, "building")] == "必填" and chinese[(7, "id_number")] == "与第 6 行的身份证号重复"
    assert chinese[(5, "housing_use")] == "应为 自住/出租/群租/空置/商用 之一, 实为 '别墅'"
    for r in report.rejections:  # the command line and reports keep "row N: column: 中文 (English)"
        assert str(r) == f"row {r.row}: {r.column}: {r.text('zh_CN')} ({r.text('en')})"
        if r.column != "housing_use":  # whose English names the Chinese values a file may hold
            assert not CJK.search(r.text("en")), r
    (warning,) = report.warnings
    assert warning.text("en") == "unknown column 'remarks' ignored"
    assert str(warning) == "未识别的列 'remarks' 已忽略 (unknown column 'remarks' ignored)"


def test_a_10_mb_line_costs_only_its_row_naming_the_column_and_the_line_limit(
    service, sessions, community_officer, tmp_path
):
    huge = "张" * (10 * 1024 * 1024 // 3)  # a 10 MB line of UTF-8, over the 1 MiB line limit
    rows = [
        f"海景花园,3,1,1203,,{huge},{ZHANG},13812345678,,",  # row 2: a name of millions of characters
        f"海景花园,3,1,1205,,李娜,{LI},,,",  # row 3: fine
    ]
    report = service.import_registry(community_officer, write_csv(tmp_path / "long.csv", HEADER_EN, rows))
    (rejection,) = report.rejections
    assert str(rejection).startswith("row 2: name:") and "1,048,576" in str(rejection)
    assert (report.rows_read, report.rows_rejected, report.residents_created) == (2, 1, 1)


def test_a_17_mib_cell_no_longer_refuses_the_file(service, sessions, community_officer, tmp_path):
    rows = [f"海景花园,3,1,1203,,李娜,{LI},,,", "海景花园,3,1,1205,," + "x" * (17 * 1024 * 1024) + ",,,,"]
    report = service.import_registry(community_officer, write_csv(tmp_path / "absurd.csv", HEADER_EN, rows))
    assert [str(r).split(":")[:2] for r in report.rejections] == [["row 3", " name"]]
    assert report.residents_created == 1


def test_missing_required_column_is_a_file_error(service, sessions, community_officer, tmp_path):
    path = write_csv(tmp_path / "noroom.csv", "小区,楼栋,姓名", ["海景花园,3,张伟"])
    with pytest.raises(RegistryFileError, match="room"):
        service.import_registry(community_officer, path)
    assert counts(sessions) == (0, 0, 0, 0)


def test_dry_run_stores_nothing_but_counts(service, sessions, community_officer, tmp_path):
    report = service.import_registry(
        community_officer, write_csv(tmp_path / "r.csv", HEADER_EN, ROWS), dry_run=True
    )
    assert (report.households_created, report.residents_created) == (3, 3)
    assert counts(sessions) == (0, 0, 0, 0)


def test_permission_and_one_audit_line(service, sessions, duty_officer: Actor, community_officer, tmp_path):
    path = write_csv(tmp_path / "r.csv", HEADER_EN, ROWS)
    with pytest.raises(PermissionDenied):
        service.import_registry(duty_officer, path)
    service.import_registry(community_officer, path)
    with sessions() as s:
        lines = s.scalars(select(AuditLog).where(AuditLog.action == "import")).all()
    assert len(lines) == 1 and '"residents_created": 3' in lines[0].detail


def test_progress_and_cancel_keep_whole_rows(service, sessions, community_officer, tmp_path, monkeypatch):
    monkeypatch.setattr("console.services.registry.importer.CHUNK", 2)
    rows = [f"海景花园,3,1,{1200 + i},,住户{i},,,," for i in range(1, 7)]
    seen: list[tuple[int, int]] = []
    report = service.import_registry(
        community_officer,
        write_csv(tmp_path / "r.csv", HEADER_EN, rows),
        progress=lambda d, t: seen.append((d, t)),
        cancel=lambda: len(seen) >= 2,
    )
    assert report.cancelled and report.rows_kept == 2
    assert seen[0] == (0, 6)
    assert counts(sessions)[2:] == (2, 2)  # two whole rows: household and resident each
    assert "已导入的 2 行保留" in report.summary()


def test_xlsx_merged_data_cells_are_filled_and_numeric_id_explained(
    service, sessions, community_officer, tmp_path
):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["小区", "楼栋", "户室", "姓名", "身份证号"])
    ws.append(["海景花园", "3", "1203", "张伟", ZHANG])
    ws.append([None, "3", "1204", "李娜", LI])
    ws.append([None, "3", "1205", "王五", 350211197005050030])  # Excel turned the ID into a number
    ws.merge_cells("A2:A4")  # one community name spanning three rows, as stations often do
    wb.save(tmp_path / "filled.xlsx")
    report = service.import_registry(community_officer, tmp_path / "filled.xlsx")
    assert (report.residents_created, report.rows_rejected) == (2, 1)
    assert report.rejections[0].column == "id_number" and "Excel" in report.rejections[0].rule
    with sessions() as s:
        assert s.scalars(select(Community.name)).all() == ["海景花园"]
