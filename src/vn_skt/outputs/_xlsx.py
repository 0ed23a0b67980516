"""Phụ lục Excel — the appendix tables and the task list as an .xlsx workbook.

Numbers stay numbers, shown with the thousands format ``#,##0`` (a Vietnamese Excel or
LibreOffice shows 1.234.567); dates are dates (``dd/mm/yyyy``); headers are bold, in a
frozen first row; columns are as wide as their longest text. A total row is a ``SUM``
formula *with its value stored* (xlsxwriter writes the cached result), so a reader that
ignores formulas still sees the total. The task-list sheet has the label table's headers
and every field the task importer reads, so the workbook reads back as the same tasks.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from vn_skt.reporting import AnnualData

from ._tables import AppendixTable, appendix_tables, task_rows

__all__ = ["TASK_SHEET", "write_xlsx"]

TASK_SHEET = "Danh sách nhiệm vụ"
"""The name of the task-list sheet (the one an importer reads back)."""

NUMBER_FORMAT = "#,##0"
DATE_FORMAT = "dd/mm/yyyy"
_PURPOSE = "write_xlsx() / vn-skt --xlsx"


def _width(values: list[Any]) -> float:
    longest = max((len(_shown(v)) for v in values), default=8)
    return min(max(8.0, longest * 1.1 + 2), 60.0)


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return "00/00/0000"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


_SHEETS = {
    "tasks": "Nhiệm vụ",
    "budget": "Kinh phí",
    "councils": "Hội đồng",
    "titles": "Văn bằng đến hạn",
    "campaign": "Kiểm định",
}


def _sheet_name(table: AppendixTable, number: int) -> str:
    return f"{number}. {_SHEETS.get(table.key, table.key)}"[:31]


class _Book:
    def __init__(self, path: Path) -> None:
        from vn_skt._extras import import_extra

        xlsxwriter: Any = import_extra("xlsxwriter", extra="xlsx", purpose=_PURPOSE)
        self.book = xlsxwriter.Workbook(str(path), {"remove_timezone": True})
        font = {"font_name": "Times New Roman", "font_size": 12}
        self.header = self.book.add_format(
            {
                **font,
                "bold": True,
                "text_wrap": True,
                "valign": "top",
                "border": 1,
                "bg_color": "#E8EEF4",
            }
        )
        self.text = self.book.add_format({**font, "border": 1})
        self.number = self.book.add_format({**font, "border": 1, "num_format": NUMBER_FORMAT})
        self.date = self.book.add_format({**font, "border": 1, "num_format": DATE_FORMAT})
        self.total_text = self.book.add_format({**font, "border": 1, "bold": True})
        self.total_number = self.book.add_format(
            {**font, "border": 1, "bold": True, "num_format": NUMBER_FORMAT}
        )
        self.title = self.book.add_format({**font, "bold": True, "font_size": 13})

    def cell(self, sheet: Any, row: int, col: int, value: Any, *, bold: bool = False) -> None:
        if value is None or value == "":
            sheet.write_blank(row, col, None, self.total_text if bold else self.text)
        elif isinstance(value, bool):
            sheet.write_boolean(row, col, value, self.text)
        elif isinstance(value, int):
            sheet.write_number(row, col, value, self.total_number if bold else self.number)
        elif isinstance(value, date):
            sheet.write_datetime(row, col, value, self.date)
        else:
            sheet.write_string(row, col, str(value), self.total_text if bold else self.text)

    def sheet(
        self,
        name: str,
        headers: list[str],
        rows: list[list[Any]],
        *,
        title: str | None = None,
        total: bool = False,
        numeric: tuple[int, ...] = (),
    ) -> None:
        sheet = self.book.add_worksheet(name)
        top = 0
        if title:
            sheet.write_string(0, 0, title, self.title)
            top = 2
        for col, header in enumerate(headers):
            sheet.write_string(top, col, header, self.header)
        sheet.freeze_panes(top + 1, 0)
        body = rows[:-1] if total else rows
        for r, row in enumerate(body, start=top + 1):
            for col, value in enumerate(row):
                self.cell(sheet, r, col, value)
        if total and rows:
            r = top + 1 + len(body)
            for col, value in enumerate(rows[-1]):
                if col in numeric and body:
                    letter = _column(col)
                    formula = f"=SUM({letter}{top + 2}:{letter}{top + 1 + len(body)})"
                    sheet.write_formula(r, col, formula, self.total_number, value)
                else:
                    self.cell(sheet, r, col, value, bold=True)
        for col, header in enumerate(headers):
            column = [row[col] for row in rows if col < len(row)]
            sheet.set_column(col, col, max(_width(column), min(_width([header]), 30.0)))


def write_xlsx(data: AnnualData, year: int, path: str | Path) -> Path:
    """Phụ lục Excel — the appendix tables of ``year`` and the task list, one sheet each
    (xlsxwriter is the ``xlsx`` extra). Returns the path."""
    target = Path(path)
    book = _Book(target)
    for number, table in enumerate(appendix_tables(data, year), start=1):
        book.sheet(
            _sheet_name(table, number),
            list(table.headers),
            [list(r) for r in table.rows],
            title=f"Bảng {number}. {table.title}",
            total=table.total,
            numeric=table.numeric,
        )
    headers, rows = task_rows(data.tasks)
    book.sheet(TASK_SHEET, headers, rows)
    book.book.close()
    return target
