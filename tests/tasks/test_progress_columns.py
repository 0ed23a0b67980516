"""Progress read from a sheet: the latest check (date, % done) and the year's amounts
released and spent, from the ``[progress.*]`` columns, in CSV and in .xlsx."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from vn_skt.errors import InvalidValue
from vn_skt.tasks import LoadResult, read_tasks

openpyxl = pytest.importorskip("openpyxl")

HEAD = [
    "Mã số", "Tên nhiệm vụ", "Loại nhiệm vụ", "Cấp quản lý", "Lĩnh vực", "Chủ nhiệm",
    "Tổ chức chủ trì", "Bắt đầu", "Kết thúc", "KP NSNN năm 2026 (Tr.đồng)",
    "Ngày kiểm tra gần nhất", "Khối lượng hoàn thành (%)", "Đã cấp phát (Tr.đồng)",
    "Đã giải ngân năm 2026 (Tr.đồng)",
]  # fmt: skip
TASK = ["Đề tài", "Cấp tỉnh", "Khoa học nông nghiệp", "TS. A", "Viện B", "01/2026", "12/2026"]
GOOD: list[list[Any]] = [
    ["NV.1", "Một", *TASK, "500", "15/06/2026", "40%", "300", "120,5"],
    ["NV.2", "Hai", *TASK, "400", "", "", "", ""],
]
BAD: list[list[Any]] = [
    ["NV.3", "Ba", *TASK, "500", "31/06/2026", "40", "", ""],
    ["NV.4", "Bốn", *TASK, "500", "15/06/2026", "140", "", ""],
    ["NV.5", "Năm", *TASK, "500", "15/06/2026", "40", "1,5 tỷ?", ""],
    ["NV.6", "Sáu", *TASK, "500", "", "40", "", ""],
]


def as_csv(tmp_path: Path, rows: list[list[Any]]) -> Path:
    path = tmp_path / "tien-do.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([HEAD, *rows])
    return path


def as_xlsx(tmp_path: Path, rows: list[list[Any]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tiến độ"
    sheet.append(HEAD)
    for row in rows:
        sheet.append([None if v == "" else v for v in row])
    path = tmp_path / "tien-do.xlsx"
    book.save(path)
    return path


def check_good(result: LoadResult) -> None:
    assert result.ok, str(result)
    one, two = result.tasks
    assert [(c.on, c.done) for c in one.checks] == [(date(2026, 6, 15), 40)]
    assert [(r.on, r.year, r.instalment, r.amount) for r in one.releases] == [
        (date(2026, 6, 15), 2026, 1, 300_000_000)
    ]
    assert [(s.on, s.year, s.amount) for s in one.spending] == [
        (date(2026, 6, 15), 2026, 120_500_000)
    ]
    assert two.checks == () and two.releases == () and two.spending == ()


@pytest.mark.parametrize("make", [as_csv, as_xlsx])
def test_progress_columns_fill_the_dated_records(tmp_path: Path, make: Any) -> None:
    check_good(read_tasks(make(tmp_path, GOOD)))


def test_an_excel_date_and_number_cell_are_read(tmp_path: Path) -> None:
    row = ["NV.1", "Một", *TASK, "500", date(2026, 6, 15), 40, 300, "120,5"]
    check_good(read_tasks(as_xlsx(tmp_path, [row, GOOD[1]])))


def test_the_columnar_path_leaves_progress_columns_to_the_row_path(tmp_path: Path) -> None:
    pytest.importorskip("polars")
    path = as_csv(tmp_path, GOOD)
    check_good(read_tasks(path, engine="rows"))
    with pytest.raises(InvalidValue, match="progress column"):
        read_tasks(path, engine="columns")


@pytest.mark.parametrize("make", [as_csv, as_xlsx])
def test_bad_progress_cells_are_issues_naming_where_and_what(tmp_path: Path, make: Any) -> None:
    path = make(tmp_path, BAD)
    result = read_tasks(path)
    assert result.tasks == () and result.invalid == 4
    by_row = {e.row: e for e in result.errors}
    assert sorted(by_row) == [2, 3, 4, 5]
    bad_date, bad_pct, bad_amount, no_date = (by_row[i] for i in (2, 3, 4, 5))
    assert bad_date.column == "Ngày kiểm tra gần nhất" and bad_date.value == "31/06/2026"
    assert "ngày" in bad_date.message and bad_date.english and bad_date.expected
    assert bad_pct.column == "Khối lượng hoàn thành (%)" and str(bad_pct.value) == "140"
    assert "phần trăm" in bad_pct.message and "percentage" in bad_pct.english
    assert "0..100" in bad_pct.expected
    assert bad_amount.column == "Đã cấp phát (Tr.đồng)" and bad_amount.value == "1,5 tỷ?"
    assert "số tiền" in bad_amount.message and bad_amount.expected
    assert no_date.column == "Khối lượng hoàn thành (%)"
    assert "Ngày kiểm tra gần nhất" in no_date.message and "date" in no_date.english
    for issue in (bad_date, bad_pct, bad_amount, no_date):
        assert issue.file.endswith(path.name) or path.name in str(issue)


def test_a_check_before_the_start_names_the_date_column(tmp_path: Path) -> None:
    row = ["NV.1", "Một", *TASK, "500", "15/12/2025", "10", "", ""]
    result = read_tasks(as_csv(tmp_path, [row]))
    (issue,) = result.errors
    assert issue.row == 2 and issue.column == "Ngày kiểm tra gần nhất"
    assert "before start" in issue.english


def test_two_progress_columns_must_agree(tmp_path: Path) -> None:
    path = tmp_path / "hai-cot.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        rows = [
            [*HEAD, "Khối lượng hoàn thành"],
            [*GOOD[0], "40"],
            [*GOOD[0][:-4], "15/06/2026", "40", "", "", "50"],
        ]
        csv.writer(f).writerows(rows)
    result = read_tasks(path)
    assert [t.code for t in result.tasks] == ["NV.1"]
    assert any("two columns" in w.english for w in result.warnings)
    (issue,) = result.errors
    assert issue.row == 3 and "disagree" in issue.english
