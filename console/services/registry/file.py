"""Reading registry spreadsheets (contracts/registry.md): CSV in UTF-8 and XLSX, headers in English or Chinese.

Problems with the file as a whole (not UTF-8, merged header cells, a required column missing,
unreadable) raise :class:`RegistryFileError` before a single row is handed out, so an import
that fails for the file stores nothing. Problems with one row are the importer's business.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from console.errors import UserError
from console.messages import Message

__all__ = [
    "COLUMNS",
    "REGISTRY_COLUMNS",
    "REQUIRED",
    "ColumnSpec",
    "NotUtf8Error",
    "RegistryFileError",
    "RegistryPreview",
    "SourceRow",
    "preview",
    "read_rows",
]

# Contract column -> its Chinese header.
COLUMNS: dict[str, str] = {
    "community": "小区",
    "community_code": "小区编码",
    "grid_cell": "网格",
    "building": "楼栋",
    "unit": "单元",
    "floor": "楼层",
    "room": "户室",
    "housing_use": "房屋用途",
    "name": "姓名",
    "id_number": "身份证号",
    "phone": "手机号",
    "relation": "与户主关系",
    "last_verified": "最近核实",
}
REQUIRED = ("community", "building", "room")
# Headers seen in real exports that mean the same as a contract column.
_ALIASES = {
    "小区名称": "community",
    "楼号": "building",
    "楼栋号": "building",
    "房号": "room",
    "室号": "room",
    "户号": "room",
    "身份证号码": "id_number",
    "公民身份号码": "id_number",
    "手机": "phone",
    "手机号码": "phone",
    "联系电话": "phone",
    "关系": "relation",
    "最近核实日期": "last_verified",
    "核实日期": "last_verified",
    "网格名称": "grid_cell",
}


@dataclass(frozen=True)
class ColumnSpec:
    """The columns of one kind of file: contract name -> 中文 header, the required ones, aliases."""

    columns: dict[str, str]
    required: tuple[str, ...]
    aliases: dict[str, str]

    def field_of(self, header: str) -> str | None:
        if header in self.columns:
            return header
        for field, chinese in self.columns.items():
            if header == chinese:
                return field
        return self.aliases.get(header)


REGISTRY_COLUMNS = ColumnSpec(COLUMNS, REQUIRED, _ALIASES)

Value = str | int | float | dt.date | dt.datetime | None


class RegistryFileError(UserError):
    """The file as a whole cannot be imported; nothing was stored."""


class NotUtf8Error(RegistryFileError):
    """A CSV that is not UTF-8; ``suggested_encoding`` is what it decodes as, if anything."""

    def __init__(self, path: Path, suggested_encoding: str | None) -> None:
        self.suggested_encoding = suggested_encoding
        super().__init__(
            "registry.file.not_utf8" if suggested_encoding else "registry.file.not_utf8_unknown",
            file=path.name,
            label=(suggested_encoding or "").upper(),
            encoding=suggested_encoding or "",
        )


@dataclass(frozen=True)
class SourceRow:
    """One data row: its row number as a spreadsheet shows it (the header is row 1) and its values."""

    number: int
    values: dict[str, Value]


@dataclass(frozen=True)
class RegistryPreview:
    """What the import dialog shows before importing."""

    kind: str  # "csv" | "xlsx"
    encoding: str  # "utf-8", "gbk", ... ("" for XLSX)
    headers: tuple[str, ...]  # as written in the file
    fields: tuple[str | None, ...]  # contract column per header, None if unknown
    rows: tuple[tuple[str, ...], ...]  # the first rows, as text
    total_rows: int  # data rows (an estimate for CSV with quoted line breaks)
    warnings: tuple[Message, ...]  # about the file as a whole (unknown columns)


def _normalise_header(raw: object) -> str:
    text = "" if raw is None else str(raw)
    text = text.replace("\ufeff", "").strip().strip("*＊").strip()
    text = re.sub(r"[(（].*?[)）]$", "", text).strip()  # "户室(必填)" -> "户室"
    return re.sub(r"\s+", "_", text).lower()


def _map_headers(
    path: Path, headers: list[str], spec: ColumnSpec = REGISTRY_COLUMNS
) -> tuple[list[str | None], list[Message]]:
    fields: list[str | None] = []
    warnings: list[Message] = []
    seen: dict[str, str] = {}
    for raw in headers:
        field = spec.field_of(_normalise_header(raw))
        if field is not None and field in seen:
            raise RegistryFileError(
                "registry.file.duplicate_column",
                file=path.name,
                first=repr(seen[field]),
                second=repr(raw),
                field=field,
            )
        if field is not None:
            seen[field] = raw
        elif raw.strip():
            warnings.append(Message("registry.file.unknown_column", {"column": repr(raw)}))
        fields.append(field)
    missing = [f for f in spec.required if f not in seen]
    if missing:
        names = ", ".join(f"{f} ({spec.columns[f]})" for f in missing)
        raise RegistryFileError("registry.file.missing_column", file=path.name, names=names)
    return fields, warnings


# --- CSV -------------------------------------------------------------------------------------


def _scan_csv(path: Path, encoding: str | None) -> tuple[str, int]:
    """Check the whole file decodes before any row is used; returns (encoding, line count)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RegistryFileError("registry.file.unreadable", file=path.name, reason=exc.strerror) from None
    lines = raw.count(b"\n") + (0 if raw.endswith(b"\n") or not raw else 1)
    if encoding:
        try:
            codecs.lookup(encoding)
            raw.decode(encoding)
        except LookupError:
            raise RegistryFileError(
                "registry.file.unknown_encoding", file=path.name, encoding=repr(encoding)
            ) from None
        except UnicodeDecodeError as exc:
            raise RegistryFileError(
                "registry.file.cannot_decode", file=path.name, encoding=encoding, position=exc.start
            ) from None
        return encoding, lines
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", raw.decode("utf-16").count("\n") or 1
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        raise NotUtf8Error(path, _guess_encoding(raw)) from None
    return "utf-8-sig", lines


def _guess_encoding(raw: bytes) -> str | None:
    for candidate in ("gbk", "gb18030", "big5"):
        try:
            raw.decode(candidate)
        except UnicodeDecodeError:
            continue
        return candidate
    return None


def _csv_reader(path: Path, encoding: str) -> tuple[Iterator[list[str]], io.TextIOBase]:
    fh = path.open("r", encoding=encoding, newline="")
    head = fh.read(8192)
    fh.seek(0)
    first_line = head.splitlines()[0] if head else ""
    delimiter = max(",\t;", key=first_line.count) if first_line else ","
    if first_line.count(delimiter) == 0:
        delimiter = ","
    return csv.reader(fh, delimiter=delimiter), fh  # type: ignore[return-value]


# The csv module refuses cells over 128 KiB by default, with an error that would end the whole
# import. A long cell is one row's problem: cells up to MAX_CELL reach the row checks (which reject
# the row, naming the column and its length limit); only a cell beyond it refuses the file.
MAX_CELL = 16 * 1024 * 1024
csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL))


def _csv_rows(path: Path, encoding: str) -> Iterator[tuple[int, list[Value]]]:
    reader, fh = _csv_reader(path, encoding)
    with fh:
        try:
            for i, row in enumerate(reader, start=1):
                yield i, list(row)
        except csv.Error as exc:
            raise RegistryFileError(
                "registry.file.bad_csv", file=path.name, line=getattr(reader, "line_num", "?"), reason=str(exc)
            ) from None


# --- XLSX ------------------------------------------------------------------------------------

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')


def _merged_ranges(ws: object) -> list[tuple[str, int, str, int]]:
    """Merged ranges of a read-only sheet (openpyxl does not read them in read-only mode)."""
    out: list[tuple[str, int, str, int]] = []
    tail = b""
    with ws._get_source() as src:  # type: ignore[attr-defined]
        while chunk := src.read(1 << 20):
            buf = tail + chunk
            out.extend(
                (m[1].decode(), int(m[2]), (m[3] or m[1]).decode(), int(m[4] or m[2]))
                for m in _MERGE.finditer(buf)
            )
            # keep a short tail so a tag split between chunks is found once: cut after the last '>'
            cut = buf.rfind(b">") + 1
            tail = buf[cut:]
    return sorted(set(out), key=lambda r: (r[1], r[0]))


def _col_index(letters: str) -> int:
    n = 0
    for c in letters:
        n = n * 26 + ord(c) - 64
    return n - 1


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[Value]]]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise RegistryFileError("registry.file.bad_xlsx", file=path.name, reason=str(exc)) from None
    try:
        ws = wb.worksheets[0]
        merged = _merged_ranges(ws)
        header_merges = [r for r in merged if r[1] <= 1]
        if header_merges:
            cells = ", ".join(f"{a}{r1}:{b}{r2}" for a, r1, b, r2 in header_merges)
            raise RegistryFileError("registry.file.merged_header", file=path.name, cells=cells)
        # Merged cells below the header (a community name spanning many rows) read as empty in
        # read-only mode; fill them with the merged value, as the person who merged them meant.
        fills = [(r1, r2, _col_index(a), _col_index(b)) for a, r1, b, r2 in merged]
        carry: dict[tuple[int, int], Value] = {}
        for i, row in enumerate(ws.iter_rows(values_only=True), start=1):
            values: list[Value] = list(row)
            for r1, r2, c1, c2 in fills:
                if r1 <= i <= r2:
                    for c in range(c1, c2 + 1):
                        if i == r1 and c == c1:
                            carry[(r1, c1)] = values[c1] if c1 < len(values) else None
                        else:
                            while len(values) <= c:
                                values.append(None)
                            values[c] = carry.get((r1, c1))
            yield i, values
    finally:
        wb.close()


def _xlsx_total(path: Path) -> int:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True)
        rows = wb.worksheets[0].max_row or 0
        wb.close()
    except Exception:
        return 0
    return max(rows - 1, 0)


# --- both ------------------------------------------------------------------------------------


def _open(path: Path, encoding: str | None) -> tuple[str, str, Iterator[tuple[int, list[Value]]], int]:
    if not path.exists():
        raise RegistryFileError("registry.file.not_found", file=str(path))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return "xlsx", "", _xlsx_rows(path), _xlsx_total(path)
    if path.suffix.lower() == ".xls":
        raise RegistryFileError("registry.file.old_xls", file=path.name)
    enc, lines = _scan_csv(path, encoding)
    return "csv", enc, _csv_rows(path, enc), max(lines - 1, 0)


def _header(path: Path, rows: Iterator[tuple[int, list[Value]]]) -> list[str]:
    for _, values in rows:
        headers = ["" if v is None else str(v) for v in values]
        while headers and not headers[-1].strip():
            headers.pop()
        if headers:
            return headers
        raise RegistryFileError("registry.file.no_header", file=path.name)
    raise RegistryFileError("registry.file.empty", file=path.name)


def read_rows(
    path: str | Path,
    encoding: str | None = None,
    warnings: list[Message] | None = None,
    spec: ColumnSpec = REGISTRY_COLUMNS,
) -> Iterator[SourceRow]:
    """The data rows of a registry file, keyed by contract column; blank rows are skipped.

    Raises RegistryFileError (NotUtf8Error for a CSV in another encoding) before the first row.
    Warnings about the file (unknown columns, ...) are appended to ``warnings`` if given.
    """
    p = Path(path)
    _kind, _enc, rows, _total = _open(p, encoding)
    fields, file_warnings = _map_headers(p, _header(p, rows), spec)
    if warnings is not None:
        warnings.extend(file_warnings)
    return _keyed(rows, fields)


def _keyed(rows: Iterator[tuple[int, list[Value]]], fields: list[str | None]) -> Iterator[SourceRow]:
    wanted = [(i, f) for i, f in enumerate(fields) if f is not None]
    for number, values in rows:
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        yield SourceRow(number, {f: (values[i] if i < len(values) else None) for i, f in wanted})


def open_rows(
    path: str | Path, encoding: str | None = None
) -> tuple[Iterator[SourceRow], int, list[Message]]:
    """``read_rows`` plus the number of data rows (for a progress bar) and the file's warnings."""
    p = Path(path)
    _kind, _enc, rows, total = _open(p, encoding)
    fields, warnings = _map_headers(p, _header(p, rows))
    return _keyed(rows, fields), total, warnings


def preview(path: str | Path, encoding: str | None = None, limit: int = 20) -> RegistryPreview:
    """Headers, their meaning and the first ``limit`` rows; raises like ``read_rows``."""
    p = Path(path)
    kind, enc, rows, total = _open(p, encoding)
    headers = _header(p, rows)
    fields, warnings = _map_headers(p, headers)
    first: list[tuple[str, ...]] = []
    for _, values in rows:
        if len(first) >= limit:
            break
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        cells = [_as_text(v) for v in values[: len(headers)]]
        first.append(tuple(cells + [""] * (len(headers) - len(cells))))
    if isinstance(rows, Iterator):
        close = getattr(rows, "close", None)
        if close is not None:
            close()
    return RegistryPreview(
        kind, enc.replace("-sig", ""), tuple(headers), tuple(fields), tuple(first), total, tuple(warnings)
    )


def _as_text(v: Value) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)
