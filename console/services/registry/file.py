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
from collections import deque
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
    """One data row: its row number as a spreadsheet shows it (the header is row 1) and its values.

    ``problem`` is set, and ``values`` empty, for a row the reader could not split into cells (a
    line over the limit, an unclosed quote): (column, message code, params). Such a row is rejected.
    """

    number: int
    values: dict[str, Value]
    problem: tuple[str, str, dict[str, object]] | None = None


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
    """Check the whole file decodes before any row is used; returns (encoding, line count).

    Read in pieces, so a large file costs its size in time only, not in memory.
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        raise RegistryFileError("registry.file.unreadable", file=path.name, reason=exc.strerror) from None
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise RegistryFileError(
                "registry.file.unknown_encoding", file=path.name, encoding=repr(encoding)
            ) from None
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    try:
        lines = _count_lines(path, encoding or "utf-8")
    except UnicodeDecodeError as exc:
        if encoding:
            raise RegistryFileError(
                "registry.file.cannot_decode", file=path.name, encoding=encoding, position=exc.start
            ) from None
        with path.open("rb") as fh:
            sample = fh.read(4 * 1024 * 1024)
        raise NotUtf8Error(path, _guess_encoding(sample)) from None
    except OSError as exc:
        raise RegistryFileError("registry.file.unreadable", file=path.name, reason=exc.strerror) from None
    return encoding or "utf-8-sig", lines


def _count_lines(path: Path, encoding: str) -> int:
    """Lines of the decoded file (UnicodeDecodeError with ``start`` as the file's byte offset)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    lines = 0
    offset = 0
    last = ""
    with path.open("rb") as fh:
        while True:
            chunk = fh.read(1 << 20)
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                exc.start += offset
                raise
            offset += len(chunk)
            lines += text.count("\n")
            if text:
                last = text[-1]
            if not chunk:
                break
    return lines + (1 if offset and last != "\n" else 0)


def _guess_encoding(raw: bytes) -> str | None:
    for candidate in ("gbk", "gb18030", "big5"):
        try:
            raw.decode(candidate)
        except UnicodeDecodeError:
            continue
        return candidate
    return None


# The limits of a registry file (docs/registry.md). A line or cell beyond them costs only its row:
# the row is rejected naming the column and the limit, and every other row is imported.
MAX_LINE = 1024 * 1024  # characters in one CSV line (or one record spanning lines in quotes)
MAX_CELL = 4000  # characters in one cell
# The csv module's own default (128 KiB) would end the whole import with a csv error on a long
# cell; our line limit is the bound, so the module may hold any cell a line can carry.
csv.field_size_limit(max(csv.field_size_limit(), 2 * MAX_LINE))


@dataclass(frozen=True)
class RowProblem:
    """A row the reader could not split into cells: ``code`` and its params, and the cell it concerns."""

    code: str
    params: dict[str, object]
    cell: int


_Rows = Iterator[tuple[int, "list[Value] | RowProblem"]]


class _LineTooLong(Exception):
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix


class _RecordTooLong(Exception):
    pass


class _Lines:
    """The physical lines of a CSV, none longer than MAX_LINE, with the lines of a record kept for replay.

    csv.reader pulls exactly the lines of one record per row, so after each row ``taken`` holds
    that row's lines. A line over the limit is never held whole: the rest of it is read and dropped
    in pieces. When a row cannot be used, ``drop_record`` puts back every line of it but the first,
    so the rows after an unclosed quote are read as rows again.
    """

    def __init__(self, fh: io.TextIOBase) -> None:
        self.fh = fh
        self.replay: deque[str] = deque()
        self.taken: list[str] = []
        self.taken_chars = 0
        self.eof_in_record = False
        self.at_end = False

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.replay:
            line = self.replay.popleft()
        else:
            line = self.fh.readline(MAX_LINE + 1)
            if not line:
                self.at_end = True
                if self.taken:
                    self.eof_in_record = True
                raise StopIteration
            if len(line) > MAX_LINE and line[-1] not in "\r\n":
                self._skip_rest_of_line()
                raise _LineTooLong("".join(self.taken) + line[:MAX_LINE])
        self.taken.append(line)
        self.taken_chars += len(line)
        if self.taken_chars > MAX_LINE and len(self.taken) > 1:
            raise _RecordTooLong
        return line

    def _skip_rest_of_line(self) -> None:
        while chunk := self.fh.readline(MAX_LINE):
            if chunk.endswith("\n"):
                return

    def start_record(self) -> None:
        self.taken = []
        self.taken_chars = 0
        self.eof_in_record = False

    def drop_record(self) -> None:
        """Forget the record's first line and read the lines after it again."""
        self.replay.extendleft(reversed(self.taken[1:]))
        self.at_end = self.at_end and not self.replay
        self.start_record()


def _cell_of(text: str, delimiter: str) -> int:
    """The index of the last cell ``text`` begins (the one a too-long line or open quote is in)."""
    try:
        row = next(csv.reader([text], delimiter=delimiter), [])
    except csv.Error:
        return 0
    return max(len(row) - 1, 0)


def _csv_reader(path: Path, encoding: str) -> tuple[_Lines, str]:
    fh = path.open("r", encoding=encoding, newline="")
    head = fh.read(8192)
    fh.seek(0)
    first_line = head.splitlines()[0] if head else ""
    delimiter = max(",\t;", key=first_line.count) if first_line else ","
    if first_line.count(delimiter) == 0:
        delimiter = ","
    return _Lines(fh), delimiter  # type: ignore[arg-type]


def _csv_rows(path: Path, encoding: str) -> _Rows:
    lines, delimiter = _csv_reader(path, encoding)
    limit: dict[str, object] = {"limit": f"{MAX_LINE:,}"}
    with lines.fh:
        reader = csv.reader(lines, delimiter=delimiter)
        number = 0
        while True:
            lines.start_record()
            problem: RowProblem | None = None
            try:
                row = next(reader, None)
            except _LineTooLong as exc:
                problem = RowProblem("registry.row.line_too_long", limit, _cell_of(exc.prefix, delimiter))
            except _RecordTooLong:
                first = lines.taken[0] if lines.taken else ""
                problem = RowProblem("registry.row.unclosed_quote", limit, _cell_of(first, delimiter))
            except csv.Error as exc:
                first = lines.taken[0] if lines.taken else ""
                reason: dict[str, object] = {"reason": str(exc)}
                problem = RowProblem("registry.row.unreadable", reason, _cell_of(first, delimiter))
            else:
                if lines.eof_in_record:  # the file ended inside a quoted cell
                    problem = RowProblem(
                        "registry.row.unclosed_quote", limit, _cell_of(lines.taken[0], delimiter)
                    )
                elif row is None:
                    return
            number += 1
            if problem is None:
                yield number, list(row or [])
                continue
            yield number, problem
            lines.drop_record()
            reader = csv.reader(lines, delimiter=delimiter)  # a fresh parser: the old one is mid-record


# --- XLSX ------------------------------------------------------------------------------------

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')


# An XLSX is a zip of XML parts. openpyxl holds the whole shared-strings part in memory (a 1 MB
# file can unpack to gigabytes), so that part and the file are bounded before openpyxl opens it.
MAX_XLSX_BYTES = 100 * 1024 * 1024  # the file as stored
MAX_SHARED_STRINGS_BYTES = 64 * 1024 * 1024  # every part but the sheets, unpacked (shared strings, styles)
MAX_MERGED_RANGES = 100_000


def _check_xlsx_size(path: Path) -> None:
    try:
        size = path.stat().st_size
        if size > MAX_XLSX_BYTES:
            raise RegistryFileError(
                "registry.file.xlsx_too_large", file=path.name, limit=f"{MAX_XLSX_BYTES // 2**20} MB"
            )
        with zipfile.ZipFile(path) as zf:
            # openpyxl reads every part but the sheets whole (the shared strings above all); sheets
            # are streamed. zipfile stops reading a part at its declared size (a part that unpacks
            # to more fails its checksum), so the declared sizes bound what openpyxl can unpack.
            held = sum(i.file_size for i in zf.infolist() if not i.filename.startswith("xl/worksheets/"))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise RegistryFileError("registry.file.bad_xlsx", file=path.name, reason=str(exc)) from None
    if held > MAX_SHARED_STRINGS_BYTES:
        raise RegistryFileError(
            "registry.file.shared_strings_too_large",
            file=path.name,
            size=f"{held / 2**20:.0f} MiB",
            limit=f"{MAX_SHARED_STRINGS_BYTES // 2**20} MiB",
        )


def _merged_ranges(ws: object, path: Path) -> list[tuple[str, int, str, int]]:
    """Merged ranges of a read-only sheet (openpyxl does not read them in read-only mode)."""
    out: set[tuple[str, int, str, int]] = set()
    tail = b""
    with ws._get_source() as src:  # type: ignore[attr-defined]
        while chunk := src.read(1 << 20):
            buf = tail + chunk
            out.update(
                (m[1].decode(), int(m[2]), (m[3] or m[1]).decode(), int(m[4] or m[2]))
                for m in _MERGE.finditer(buf)
            )
            if len(out) > MAX_MERGED_RANGES:
                raise RegistryFileError(
                    "registry.file.too_many_merged", file=path.name, limit=f"{MAX_MERGED_RANGES:,}"
                )
            # keep a short tail so a tag split between chunks is found once: cut after the last '>'
            cut = buf.rfind(b">") + 1
            tail = buf[cut:]
    return sorted(out, key=lambda r: (r[1], r[0]))


def _col_index(letters: str) -> int:
    n = 0
    for c in letters:
        n = n * 26 + ord(c) - 64
    return n - 1


def _xlsx_rows(path: Path) -> _Rows:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise RegistryFileError("registry.file.bad_xlsx", file=path.name, reason=str(exc)) from None
    try:
        ws = wb.worksheets[0]
        # Programs other than Excel often write a wrong <dimension> (A1:J2 on a 100-row sheet, or
        # just A1); read-only openpyxl would stop there. Read every row the sheet holds instead.
        ws.reset_dimensions()  # type: ignore[union-attr]
        merged = _merged_ranges(ws, path)
        header_merges = [r for r in merged if r[1] <= 1]
        if header_merges:
            cells = ", ".join(f"{a}{r1}:{b}{r2}" for a, r1, b, r2 in header_merges)
            raise RegistryFileError("registry.file.merged_header", file=path.name, cells=cells)
        # Merged cells below the header (a community name spanning many rows) read as empty in
        # read-only mode; fill them with the merged value, as the person who merged them meant.
        # Ranges are taken in row order and kept only while they are open, and cut to the header's
        # width: a range such as K2:XFD1048576 costs nothing beyond the columns that are read.
        pending = [(r1, r2, _col_index(a), _col_index(b)) for a, r1, b, r2 in merged]
        pending.reverse()  # pop() gives the next range to open
        active: list[tuple[int, int, int, int]] = []
        carry: dict[tuple[int, int], Value] = {}
        width = 0
        for i, row in enumerate(ws.iter_rows(values_only=True), start=1):
            values: list[Value] = list(row)
            if i == 1:
                width = len(values)
                while width and values[width - 1] is None:
                    width -= 1
            while pending and pending[-1][0] <= i:
                r1, r2, c1, c2 = pending.pop()
                if c1 < width:
                    active.append((r1, r2, c1, min(c2, width - 1)))
            if active:
                active = [f for f in active if f[1] >= i]
                for r1, _r2, c1, c2 in active:
                    if i == r1:
                        carry[(r1, c1)] = values[c1] if c1 < len(values) else None
                        first = c1 + 1
                    else:
                        first = c1
                    if len(values) <= c2:
                        values.extend([None] * (c2 + 1 - len(values)))
                    values[first : c2 + 1] = [carry.get((r1, c1))] * (c2 + 1 - first)
            yield i, values
    finally:
        wb.close()


def _xlsx_total(path: Path) -> int:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True)
        rows = wb.worksheets[0].max_row or 0  # as the sheet states it: an estimate for progress only
        wb.close()
    except Exception:
        return 0
    return max(rows - 1, 0)


# --- both ------------------------------------------------------------------------------------


def _open(path: Path, encoding: str | None) -> tuple[str, str, _Rows, int]:
    if not path.exists():
        raise RegistryFileError("registry.file.not_found", file=str(path))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        _check_xlsx_size(path)
        return "xlsx", "", _xlsx_rows(path), _xlsx_total(path)
    if path.suffix.lower() == ".xls":
        raise RegistryFileError("registry.file.old_xls", file=path.name)
    enc, lines = _scan_csv(path, encoding)
    return "csv", enc, _csv_rows(path, enc), max(lines - 1, 0)


def _header(path: Path, rows: _Rows) -> list[str]:
    for _, values in rows:
        if isinstance(values, RowProblem):
            raise RegistryFileError(
                "registry.file.header_unreadable", file=path.name, rule=Message(values.code, values.params)
            )
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
    headers = _header(p, rows)
    fields, file_warnings = _map_headers(p, headers, spec)
    if warnings is not None:
        warnings.extend(file_warnings)
    return _keyed(rows, headers, fields)


def _keyed(rows: _Rows, headers: list[str], fields: list[str | None]) -> Iterator[SourceRow]:
    wanted = [(i, f) for i, f in enumerate(fields) if f is not None]

    def column(i: int) -> str:
        if i < len(fields) and fields[i]:
            return str(fields[i])
        return repr(headers[i]) if i < len(headers) else f"#{i + 1}"

    for number, values in rows:
        if isinstance(values, RowProblem):
            yield SourceRow(number, {}, (column(values.cell), values.code, values.params))
            continue
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        yield SourceRow(number, {f: (values[i] if i < len(values) else None) for i, f in wanted})


def open_rows(
    path: str | Path, encoding: str | None = None
) -> tuple[Iterator[SourceRow], int, list[Message]]:
    """``read_rows`` plus the number of data rows (for a progress bar) and the file's warnings."""
    p = Path(path)
    _kind, _enc, rows, total = _open(p, encoding)
    headers = _header(p, rows)
    fields, warnings = _map_headers(p, headers)
    return _keyed(rows, headers, fields), total, warnings


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
        if isinstance(values, RowProblem):
            continue  # the import reports it as a rejected row
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
