"""Real-shaped sheets: the same table as CSV and as .xlsx, every count, đồng and message."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from vn_skt.errors import InvalidValue
from vn_skt.tasks import LoadResult, read_tasks, read_tasks_csv

openpyxl = pytest.importorskip("openpyxl")

TASK = ["Đề tài", "Cấp tỉnh", "Khoa học nông nghiệp", "TS. A", "Viện B"]
# A Sở's sheet: a title, a two-row header (a year over Tổng / NSNN / Khác), STT, a
# total in Tr.đồng, a multi-line cell, a blank row, a "Cộng" that adds up and a
# "Tổng cộng" that does not.
ROWS: list[list[Any]] = [
    ["DANH MỤC NHIỆM VỤ KH&CN NĂM 2025"],
    [],
    [
        "STT",
        "Mã số",
        "Tên\nnhiệm vụ",
        "Loại nhiệm vụ",
        "Cấp quản lý",
        "Lĩnh vực",
        "Chủ nhiệm",
        "Đơn vị chủ trì",
        "Bắt đầu",
        "Kết thúc",
        "Năm 2024 (Tr.đồng)",
        None,
        None,
        "Năm 2025 (Tr.đồng)",
        None,
        None,
        "Kinh phí (Tr.đồng)",
    ],
    [None] * 10 + ["Tổng", "NSNN", "Khác"] * 2 + [None],
    [
        "1",
        "NN.01",
        "Nghiên cứu\ngiống bưởi",
        *TASK,
        "01/2024",
        "12/2025",
        "600",
        "500",
        "100",
        "460,5",
        "400,5",
        "60",
        "1.060,5",
    ],
    ["2", "NN.02", "Giống lúa", *TASK, "01/2025", "12/2025", "", "", "", "300", "300", "", "300"],
    [],
    [
        "3",
        "NN.03",
        "Giống chè",
        *TASK,
        "01/2025",
        "12/2025",
        *[""] * 4,
        "12,3456789",
        "",
        "",
    ],
    ["", "Cộng", "", *[""] * 7, "600", "500", "100", "760,5", "700,5", "60", "1.360,5"],
    ["", "", "Tổng cộng", *[""] * 7, "600", "500", "100", "760,5", "700,5", "60", "1.400"],
]


def as_csv(tmp_path: Path) -> Path:
    path = tmp_path / "danh-muc.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=";", lineterminator="\n").writerows(ROWS)
    return path


def as_xlsx(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh mục"
    for row in ROWS:
        sheet.append([None if v == "" else v for v in row])
    sheet.merge_cells("K3:M3")
    sheet.merge_cells("N3:P3")
    path = tmp_path / "bao-cao"  # no extension: recognised by content
    book.save(path)
    return path


def check(result: LoadResult, lines: dict[str, int], sheet: str | None) -> None:
    assert [t.code for t in result.tasks] == ["NN.01", "NN.02"]
    one, two = result.tasks
    assert one.title == "Nghiên cứu\ngiống bưởi"
    assert one.funding.state_budget == {2024: 500_000_000, 2025: 400_500_000}
    assert one.funding.other_by_year == {2024: 100_000_000, 2025: 60_000_000}
    assert one.funding.other == 160_000_000 and one.funding.total == 1_060_500_000
    assert two.funding.state_budget == {2025: 300_000_000} and two.funding.total == 300_000_000
    # rows read below the header: 2 tasks, 1 blank, 1 in error, 2 summary rows
    assert (result.rows, len(result.tasks), result.invalid, result.skipped) == (6, 2, 1, 3)
    assert result.summary() == "Đọc 6 dòng: 2 hợp lệ, 1 lỗi, 3 bị bỏ qua; 1 cảnh báo"
    got = [(e.row, e.column, e.value, e.message, e.expected, e.sheet) for e in result.errors]
    assert got == [
        (
            lines["NN.03"],
            "Năm 2025 (Tr.đồng) NSNN",
            "12,3456789",
            "Kinh phí NSNN năm 2025: 12,3456789 triệu không phải số đồng nguyên — không làm tròn",
            "số tiền triệu, ra số đồng nguyên (a whole number of đồng)",
            sheet,
        )
    ]
    (warning,) = result.warnings
    assert (warning.row, warning.column, warning.value) == (
        lines["Tổng cộng"],
        "Kinh phí (Tr.đồng)",
        "1.400",
    )
    assert warning.message == (
        "dòng tổng ghi 1.400.000.000 đồng nhưng các dòng bên trên cộng lại "
        "1.360.500.000 đồng (chênh 39.500.000)"
    )
    assert warning.sheet == sheet
    assert "1.400.000.000" in result._repr_html_() and "<table>" in result._repr_html_()


def test_csv(tmp_path: Path) -> None:
    # a line break in the header and in NN.01's title: each pushes later lines down one
    lines = {"NN.03": 10, "Tổng cộng": 12}
    result = read_tasks(as_csv(tmp_path))
    check(result, lines, None)
    assert result.errors[0].file.endswith("danh-muc.csv")
    assert read_tasks_csv(as_csv(tmp_path)) == result


def test_xlsx(tmp_path: Path) -> None:
    lines = {"NN.03": 8, "Tổng cộng": 10}  # the Excel row numbers
    result = read_tasks(as_xlsx(tmp_path))
    check(result, lines, "Danh mục")
    assert str(result.warnings[0]).startswith(f"{tmp_path / 'bao-cao'}, trang 'Danh mục', dòng 10")


def test_xlsx_numbers_scale_exactly(tmp_path: Path) -> None:
    rows = [list(r) for r in ROWS[:6]]
    rows[4][13:16] = [460.5, 400.5, 60]  # numbers, as Excel stores them
    rows[5][13:17] = [0.1, 0.1, None, 0.1]
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append([None if v == "" else v for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    result = read_tasks(buffer.getvalue())
    assert result.tasks[0].funding.state_budget[2025] == 400_500_000
    assert result.tasks[1].funding.state_budget == {2025: 100_000}


def test_a_missing_required_column_is_one_error_before_any_row(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        "Mã số;Tên nhiệm vụ;Kinh phí NSNN năm 2025\n" + "A;B;1\n" * 500, encoding="utf-8"
    )
    result = read_tasks(path)
    (error,) = result.errors
    assert error.row == 1 and result.tasks == ()
    assert error.message.startswith("thiếu cột bắt buộc: Loại nhiệm vụ, Cấp quản lý, Lĩnh vực")
    assert result.summary() == "Đọc 500 dòng: 0 hợp lệ, 0 lỗi, 500 bị bỏ qua"


def test_duplicate_unknown_and_extra_cells(tmp_path: Path) -> None:
    head = "Mã số;Tên nhiệm vụ;Loại nhiệm vụ;Cấp quản lý;Lĩnh vực;Chủ nhiệm;Tổ chức chủ trì;"
    head += "Thời gian bắt đầu;Thời gian kết thúc;KP NSNN năm 2025;NSNN 2025 (đồng);Màu"
    good = "A;T;Đề tài;Cấp tỉnh;Khoa học xã hội;X;Y;01/2025;12/2025;5;5;đỏ"
    path = tmp_path / "t.csv"
    path.write_text(
        "\n".join([head, good, good.replace("A;", "B;").replace(";5;5;", ";5;6;"), good + ";x"]),
        encoding="utf-8",
    )
    result = read_tasks(path)
    assert [t.code for t in result.tasks] == ["A"]
    assert [(w.row, w.column) for w in result.warnings] == [
        (1, "NSNN 2025 (đồng)"),
        (1, "Màu"),
    ]
    assert [(e.row, e.column, e.value) for e in result.errors] == [
        (3, "NSNN 2025 (đồng)", "6"),
        (4, "(cột 13, không có tiêu đề)", "x"),
    ]
    with pytest.raises(InvalidValue, match="NSNN 2025"):
        read_tasks(path, strict=True)


def test_empty_and_headerless_files(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("", encoding="utf-8")
    result = read_tasks(path)
    assert result.errors[0].message == "tệp rỗng: không có dòng nào" and result.rows == 0
    path.write_bytes(b"\xd0\xcf\x11\xe0rest")
    with pytest.raises(InvalidValue, match=r"\.xls"):
        read_tasks(path)


@pytest.mark.parametrize(
    ("heading", "cell", "budget"),
    [
        ("Kinh phí NSNN năm 2025 (Tr.đồng)", "1,5", {2025: 1_500_000}),
        ("Kinh phí NSNN năm 2025 (tr.đ)", "1,5", {2025: 1_500_000}),
        ("Kinh phí NSNN năm 2025 (triệu)", "2", {2025: 2_000_000}),
        ("KP NSNN năm 2025", "300.000", {2025: 300_000}),
        ("Kinh phí năm 2025", "7", {2025: 7}),
        ("Kinh phí năm 2025 (nghìn đồng)", "1,234", {2025: 1_234}),
        ("Kinh phí năm 2025 (tỷ đồng)", "0,25", {2025: 250_000_000}),
        ("Kinh phí (Tr.đồng)", "3", {2025: 3_000_000}),  # the only budget: a one-year task's
    ],
)
def test_budget_headings_scale_exactly(heading: str, cell: str, budget: dict[int, int]) -> None:
    head = "Mã số;Tên nhiệm vụ;Loại nhiệm vụ;Cấp quản lý;Lĩnh vực;Chủ nhiệm;Tổ chức chủ trì;"
    text = f"{head}Thời gian bắt đầu;Thời gian kết thúc;{heading}\n"
    text += f"A;T;Đề tài;Cấp tỉnh;Khoa học xã hội;X;Y;01/2025;12/2025;{cell}\n"
    result = read_tasks(text.encode())
    assert result.ok and result.warnings == (), result
    assert result.tasks[0].funding.state_budget == budget


def test_part_of_a_dong_is_an_issue_never_rounded() -> None:
    head = "Mã số;Tên nhiệm vụ;Loại nhiệm vụ;Cấp quản lý;Lĩnh vực;Chủ nhiệm;Tổ chức chủ trì;"
    text = f"{head}Thời gian bắt đầu;Thời gian kết thúc;Kinh phí năm 2025 (nghìn)\n"
    text += "A;T;Đề tài;Cấp tỉnh;Khoa học xã hội;X;Y;01/2025;12/2025;1,2345\n"
    (error,) = read_tasks(text.encode()).errors
    assert error.message == (
        "Kinh phí NSNN năm 2025: 1,2345 nghìn không phải số đồng nguyên — không làm tròn"
    )


def test_a_json_list_is_recognised_by_content(tmp_path: Path) -> None:
    path = tmp_path / "tasks.txt"
    path.write_text(
        '[{"Mã số": "A", "Tên nhiệm vụ": "T", "Loại nhiệm vụ": "Đề tài", "Cấp quản lý": '
        '"Cấp tỉnh", "Lĩnh vực": "Khoa học xã hội", "Chủ nhiệm": "X", "Tổ chức chủ trì": '
        '"Y", "Thời gian bắt đầu": "01/2025", "Thời gian kết thúc": "12/2025"}]',
        encoding="utf-8",
    )
    assert [t.code for t in read_tasks(path).tasks] == ["A"]


def test_reading_by_column_gives_the_same_result(tmp_path: Path) -> None:
    pytest.importorskip("polars")
    by_row = read_tasks(as_csv(tmp_path), engine="rows")
    by_column = read_tasks(as_csv(tmp_path), engine="columns")
    assert by_column == by_row
    check(by_column, {"NN.03": 10, "Tổng cộng": 12}, None)
    assert read_tasks_csv(as_csv(tmp_path), engine="columns") == by_row


def test_progress_on_a_workbook_ends_at_its_rows(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    read_tasks(as_xlsx(tmp_path), progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (len(ROWS), len(ROWS))
    assert [d for d, _ in calls] == sorted({d for d, _ in calls})
