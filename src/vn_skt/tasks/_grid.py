"""Đọc lưới ô — a file's cells as rows, each with the line a person sees.

One reader for every table the loader takes: CSV (UTF-8, with or without BOM; ``,``,
``;`` or tab, detected) and Excel .xlsx (through ``openpyxl``, the ``excel`` extra). The
kind of file is recognised by its content, not its name: an .xlsx is a zip ("PK"), an old
.xls an OLE file (refused with a message saying to save as .xlsx), JSON starts with
``[`` or ``{``, anything else that is UTF-8 text is read as CSV.

Row numbers are the ones a person sees: in Excel the sheet's row number, in a text editor
the line on which the row starts (a cell holding a line break spans two lines, and the
next row's number counts both).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import attrs

from vn_skt._extras import import_extra
from vn_skt.errors import InvalidValue

__all__ = ["Grid", "Kind", "detect_kind", "read_bytes", "read_grids"]

Kind = Literal["csv", "xlsx", "json"]


@attrs.frozen
class Grid:
    """Một trang — one sheet of cells: ``rows`` are ``(line, cells)``, blank rows kept."""

    file: str
    sheet: str | None
    rows: tuple[tuple[int, tuple[Any, ...]], ...]


def read_bytes(source: str | Path | bytes | io.IOBase) -> tuple[str, bytes]:
    """The file's name (for messages) and its bytes."""
    if isinstance(source, bytes):
        return "(dữ liệu)", source
    if isinstance(source, io.TextIOBase):
        return str(getattr(source, "name", "(văn bản)")), source.read().encode("utf-8")
    if isinstance(source, io.IOBase):
        data = source.read()
        return str(getattr(source, "name", "(dữ liệu)")), bytes(data)
    path = Path(source)
    try:
        return str(path), path.read_bytes()
    except FileNotFoundError:
        raise InvalidValue(f"không tìm thấy tệp {str(path)!r} (file not found)") from None
    except OSError as exc:
        raise InvalidValue(f"không đọc được tệp {str(path)!r}: {exc.strerror}") from None


def detect_kind(name: str, data: bytes) -> Kind:
    """Loại tệp — what the bytes hold, by content (the name is only used in messages)."""
    if data.startswith(b"PK\x03\x04"):
        return "xlsx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InvalidValue(
            f"{name}: tệp Excel cũ (.xls) — hãy lưu lại dưới dạng .xlsx "
            f"(an old .xls workbook; save it as .xlsx)"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidValue(
            f"{name}: không phải văn bản UTF-8 hay tệp .xlsx (byte {exc.start}) "
            f"(neither UTF-8 text nor an .xlsx workbook)"
        ) from None
    head = text.lstrip()[:1]
    return "json" if head in ("[", "{") else "csv"


def _sniff_delimiter(text: str) -> str:
    head = "\n".join(text.splitlines()[:20])  # title rows above the header have none
    counts = {d: head.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _csv_rows(name: str, text: str, delimiter: str | None) -> Iterator[tuple[int, tuple[Any, ...]]]:
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter or _sniff_delimiter(text)
    )
    line = 1
    try:
        for cells in reader:
            yield line, tuple(cells)
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InvalidValue(f"{name}, dòng {reader.line_num}: CSV không đọc được ({exc})") from exc


def _xlsx_grids(name: str, data: bytes) -> list[Grid]:
    openpyxl = import_extra("openpyxl", extra="excel", purpose="reading .xlsx workbooks")
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile/KeyError/ValueError alike
        raise InvalidValue(f"{name}: không đọc được tệp .xlsx ({exc})") from None
    try:
        grids = []
        for sheet in book.worksheets:
            rows = tuple(
                (number, tuple(cells))
                for number, cells in enumerate(sheet.iter_rows(min_row=1, values_only=True), 1)
            )
            grids.append(Grid(name, sheet.title, rows))
        return grids
    finally:
        book.close()


def read_grids(name: str, data: bytes, kind: Kind, *, delimiter: str | None = None) -> list[Grid]:
    """Các trang — the sheets of a CSV (one) or .xlsx (each worksheet) file."""
    if kind == "xlsx":
        return _xlsx_grids(name, data)
    text = data.decode("utf-8-sig").removeprefix("\ufeff")
    return [Grid(name, None, tuple(_csv_rows(name, text, delimiter)))]
