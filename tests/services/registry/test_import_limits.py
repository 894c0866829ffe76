"""Registry import limits (docs/registry.md): one bad row never aborts a file, and files cannot
make an import run away with time or memory. Every case here ended an import part-way, silently
dropped rows or took gigabytes before."""

from __future__ import annotations

import re
import shutil
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.cli import main
from console.clock import FixedClock
from console.models import Household, Resident
from console.services.registry import RegistryFileError, RegistryImportService
from console.validators import id_check_character

HEADER = "community,building,unit,room,name,id_number"


def idn(serial: int) -> str:
    first17 = f"35021119850312{serial:03d}"
    return first17 + id_check_character(first17)


@pytest.fixture
def service(sessions: sessionmaker[Session], clock: FixedClock) -> RegistryImportService:
    return RegistryImportService(sessions, clock)


def good_rows(n: int) -> list[str]:
    return [f"海景花园,{1 + i // 1000},1,{1 + (i % 1000) // 10:02d}{i % 10:02d},," for i in range(n)]


def write(path: Path, rows: list[str], header: str = HEADER) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def stored(sessions: sessionmaker[Session]) -> tuple[int, int]:
    with sessions() as s:
        return (
            s.scalar(select(func.count()).select_from(Household)) or 0,
            s.scalar(select(func.count()).select_from(Resident)) or 0,
        )


def test_bad_rows_of_every_kind_cost_only_themselves(service, sessions, community_officer, tmp_path):
    rows = good_rows(12)
    rows[1] = "海景花园,1,1,9999999999999999,,"  # row 3: its floor would overflow PostgreSQL's integer
    rows[3] = "海景花园,1,1,0203," + "王" * 4001 + ","  # row 5: a cell over 4,000 characters
    rows[5] = "海景花园,1,1,0205,李娜," + "1" * 5000  # row 7: over 4,000 in a checked column
    rows[7] = '海景花园,1,1,"0207,张伟,'  # row 9: a quote never closed
    report = service.import_registry(community_officer, write(tmp_path / "bad.csv", rows))
    lines = [str(r) for r in report.rejections]
    assert lines[0].startswith("row 3: room: ") and "300" in lines[0]
    assert lines[1].startswith("row 5: name: ") and "4,000" in lines[1]
    assert lines[2].startswith("row 7: id_number: ") and "4,000" in lines[2]
    assert lines[3].startswith("row 9: room: ") and "unclosed quote" in lines[3]
    assert len(lines) == 4
    # the rows after the unclosed quote are rows again, with their own numbers
    assert (report.rows_read, report.rows_rejected) == (12, 4)
    assert stored(sessions) == (8, 0)


def test_a_floor_beyond_the_range_is_the_rows_problem_on_both_backends(
    service, sessions, community_officer, tmp_path
):
    header = "community,building,room,floor"
    rows = [
        "海景花园,1,0101,1",
        "海景花园,1,0102,99999999999",
        "海景花园,1,0103,-2147483649",
        "海景花园,1,0104,1",
    ]
    report = service.import_registry(community_officer, write(tmp_path / "f.csv", rows, header))
    assert [(r.row, r.column) for r in report.rejections] == [(3, "floor"), (4, "floor")]
    assert "between -9 and 300" in report.rejections[0].text("en")
    assert stored(sessions) == (2, 0)


def test_unclosed_quote_on_the_last_line_rejects_that_row_only(
    service, sessions, community_officer, tmp_path
):
    path = tmp_path / "tail.csv"
    path.write_text(HEADER + "\n" + "\n".join(good_rows(3)) + '\n海景花园,1,1,"0301,,', encoding="utf-8")
    report = service.import_registry(community_officer, path)
    assert [str(r).split(":")[:2] for r in report.rejections] == [["row 5", " room"]]
    assert stored(sessions) == (3, 0)


def test_a_line_too_long_inside_a_quoted_cell_and_a_nul_cost_their_rows(
    service, sessions, community_officer, tmp_path
):
    rows = good_rows(4)
    rows[1] = '海景花园,1,1,0102,"' + "x" * 10 + "\n" + "y" * (2 * 1024 * 1024) + '",'
    rows[2] = "海景花园,1,1,0103,\x00,"
    report = service.import_registry(community_officer, write(tmp_path / "q.csv", rows))
    assert [r.row for r in report.rejections] == [3, 4]
    assert stored(sessions) == (2, 0)


@pytest.mark.parametrize("dry_run", [False, True])
def test_the_command_line_reports_bad_rows_without_a_traceback(db_url, tmp_path, capsys, dry_run):
    rows = good_rows(6000)  # more than one chunk of 5,000 rows
    rows[5500] = '海景花园,9,1,"0101,,'
    rows[5800] = "海景花园,9,1,9999999999999999,,"
    path = write(tmp_path / "big.csv", rows)
    argv = ["--db", db_url, "import", "registry", str(path)] + (["--dry-run"] if dry_run else [])
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "row 5502: room: " in err and "row 5802: room: " in err
    assert "rows read 6000, rejected 2" in err


# --- XLSX ------------------------------------------------------------------------------------------


def _xlsx(path: Path, rows: int) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["小区", "楼栋", "户室", "姓名", "身份证号"])
    for i in range(rows):
        ws.append(
            ["海景花园", str(1 + i // 50), f"{1 + (i % 50) // 5:02d}{i % 5 + 1:02d}", f"住户{i}", idn(i)]
        )
    wb.save(path)
    return path


def _rewrite_part(path: Path, part: str, change) -> None:  # type: ignore[no-untyped-def]
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info.filename, change(data) if info.filename == part else data)
    shutil.move(tmp, path)


@pytest.mark.parametrize("stated", ["A1:J2", "A1"])
def test_xlsx_reads_every_row_whatever_dimension_the_sheet_states(
    service, sessions, community_officer, tmp_path, stated
):
    path = _xlsx(tmp_path / "dim.xlsx", 100)
    _rewrite_part(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{stated}"'.encode(), xml),
    )
    report = service.import_registry(community_officer, path)
    assert (report.rows_read, report.rows_rejected) == (100, 0)
    assert stored(sessions) == (100, 100)


def test_xlsx_merged_range_to_the_sheets_edge_costs_no_more_than_the_columns_read(
    service, sessions, community_officer, tmp_path
):
    path = tmp_path / "edge.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["小区", "楼栋", "户室", "姓名", "身份证号"])
    for i in range(5000):
        ws.append(["海景花园", str(1 + i // 50), f"{1 + (i % 50) // 5:02d}{i % 5 + 1:02d}", None, None])
    ws.merge_cells("A2:A5001")
    wb.save(path)
    # beyond the header's columns, to the last cell a sheet has (written into the XML: openpyxl
    # itself would make a cell object for each of the 17 billion cells)
    _rewrite_part(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: re.sub(
            rb'<mergeCells count="1">(<mergeCell ref="A2:A5001" ?/>)',
            rb'<mergeCells count="2">\1<mergeCell ref="K2:XFD1048576"/>',
            xml,
        ),
    )
    assert b"XFD1048576" in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    started = time.perf_counter()
    report = service.import_registry(community_officer, path, dry_run=True)
    assert time.perf_counter() - started < 8  # was 13 s; about 1 s now
    assert (report.rows_read, report.rows_rejected, report.households_created) == (5000, 0, 5000)


def test_xlsx_shared_strings_beyond_the_limit_refuse_the_file_before_unpacking(
    service, sessions, community_officer, tmp_path
):
    path = _xlsx(tmp_path / "bomb.xlsx", 3)
    filler = b"<si><t>" + b"x" * 1000 + b"</t></si>"

    def inflate(xml: bytes) -> bytes:  # 70 MiB of strings that compress to a few hundred KB
        return xml.replace(b"</sst>", filler * (70 * 1024) + b"</sst>")

    _rewrite_part(path, "xl/sharedStrings.xml", inflate)
    with zipfile.ZipFile(path, "a") as zf:  # openpyxl wrote its strings inline: add the part itself
        zf.writestr("xl/sharedStrings.xml", inflate(b"<sst></sst>"), zipfile.ZIP_DEFLATED)
    assert path.stat().st_size < 2 * 1024 * 1024
    started = time.perf_counter()
    with pytest.raises(RegistryFileError) as caught:
        service.import_registry(community_officer, path)
    assert time.perf_counter() - started < 3
    assert "64 MiB" in caught.value.text("en") and "shared strings" in caught.value.text("en")
    assert stored(sessions) == (0, 0)
