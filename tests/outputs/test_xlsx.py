"""The appendix workbook, read back with openpyxl: numbers, formats, totals, the task list."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from vn_skt.outputs import TASK_SHEET, appendix_tables
from vn_skt.reporting import AnnualData
from vn_skt.tasks import TASK_LABELS, read_tasks_csv

from .conftest import YEAR

openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture(scope="module")
def book(xlsx_path: Path) -> Any:
    return openpyxl.load_workbook(xlsx_path)


@pytest.fixture(scope="module")
def values(xlsx_path: Path) -> Any:
    """The workbook as a reader that ignores formulas sees it (cached values)."""
    return openpyxl.load_workbook(xlsx_path, data_only=True)


def test_one_sheet_per_appendix_table_and_the_task_list(book: Any, data: AnnualData) -> None:
    tables = appendix_tables(data, YEAR)
    assert len(book.sheetnames) == len(tables) + 1
    assert book.sheetnames[-1] == TASK_SHEET
    assert book.sheetnames[0] == "1. Nhiệm vụ"


def test_headers_bold_and_frozen_widths_fitted(book: Any) -> None:
    for sheet in book.worksheets:
        header_row = 3 if sheet.title != TASK_SHEET else 1
        assert sheet.freeze_panes == f"A{header_row + 1}"
        for cell in sheet[header_row]:
            if cell.value is not None:
                assert cell.font.b, (sheet.title, cell.value)
        first = sheet.column_dimensions["A"].width
        assert first and first >= 8


def test_numbers_are_numbers_with_a_thousands_format(book: Any) -> None:
    budget = book["2. Kinh phí"]
    amounts = [row[1] for row in budget.iter_rows(min_row=4)]
    assert all(isinstance(c.value, int) or str(c.value).startswith("=SUM") for c in amounts)
    assert {c.number_format for c in amounts} == {"#,##0"}
    assert budget.column_dimensions["B"].width >= len("27,350,000,000")


def test_total_row_is_a_formula_with_its_value_stored(book: Any, values: Any) -> None:
    for name in ("1. Nhiệm vụ", "2. Kinh phí", "5. Kiểm định"):
        formulas = list(book[name].iter_rows(values_only=True))[-1]
        cached = list(values[name].iter_rows(values_only=True))[-1]
        assert formulas[0] == "Tổng cộng" and cached[0] == "Tổng cộng"
        body = list(values[name].iter_rows(min_row=4, values_only=True))[:-1]
        for col, formula in enumerate(formulas):
            if isinstance(formula, str) and formula.startswith("=SUM("):
                assert cached[col] == sum(row[col] or 0 for row in body)
    assert list(values["2. Kinh phí"].iter_rows(values_only=True))[-1][1] == 30_150_000_000


def test_dates_are_dates(values: Any) -> None:
    councils = values["3. Hội đồng"]
    first = next(councils.iter_rows(min_row=4, values_only=True))
    assert first[0] == datetime(2025, 3, 6)


def _as_csv(sheet: Any) -> str:
    """The sheet as a spreadsheet's CSV export (dates dd/mm/yyyy, numbers plain)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    for row in sheet.iter_rows(values_only=True):
        cells = []
        for value in row:
            if isinstance(value, datetime | date):
                cells.append(value.strftime("%d/%m/%Y"))
            else:
                cells.append("" if value is None else str(value))
        writer.writerow(cells)
    return out.getvalue()


def test_the_task_list_reads_back_as_the_same_tasks(values: Any, data: AnnualData) -> None:
    sheet = values[TASK_SHEET]
    headers = next(sheet.iter_rows(max_row=1, values_only=True))
    assert headers[0] == TASK_LABELS["code"].column()
    result = read_tasks_csv(io.StringIO(_as_csv(sheet)))
    assert not result.errors and not result.warnings
    # a sheet has one row per task: the dated records (checks, releases, events) stay in JSON
    records = dict.fromkeys(("checks", "releases", "spending", "events"), ())
    assert tuple(result.tasks) == tuple(t.model_copy(update=records) for t in data.tasks)


def test_the_library_reads_its_own_workbook_back_unchanged(
    xlsx_path: Path, data: AnnualData
) -> None:
    """Issue #18: the task-list sheet the library writes is one its own .xlsx importer
    (vn_skt.tasks.read_tasks) reads back unchanged — every row valid, every task equal
    (but for the dated records a one-row-per-task sheet does not carry)."""
    from vn_skt.tasks import read_tasks

    result = read_tasks(xlsx_path, sheet=TASK_SHEET)
    assert not result.issues, [str(i) for i in result.issues]
    assert result.rows == len(data.tasks) == len(result.tasks)
    records = dict.fromkeys(("checks", "releases", "spending", "events"), ())
    assert tuple(result.tasks) == tuple(t.model_copy(update=records) for t in data.tasks)
