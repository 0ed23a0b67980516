from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.errors import InvalidValue
from vn_skt.tasks import COLUMN_TITLES, Task, load_tasks, read_tasks_csv, read_tasks_json
from vn_skt.testing.strategies import tasks

HEADER = (
    "Mã số;Tên nhiệm vụ;Loại nhiệm vụ;Cấp quản lý;Lĩnh vực;Chủ nhiệm;Tổ chức chủ trì;"
    "Thời gian bắt đầu;Thời gian kết thúc;Kinh phí NSNN năm 2025 (triệu đồng);"
    "Kinh phí đối ứng (triệu đồng)"
)
GOOD = (
    "NN.01;Giống bưởi;Đề tài;Cấp tỉnh;Khoa học nông nghiệp;TS. A;Viện B;01/2025;06/2026;1.250,5;100"
)


def csv_text(*lines: str) -> io.StringIO:
    return io.StringIO("\n".join([HEADER, *lines]) + "\n")


def test_vietnamese_headers_and_cells() -> None:
    result = read_tasks_csv(csv_text(GOOD))
    assert result.ok and result.warnings == ()
    task = result.tasks[0]
    assert task.start == date(2025, 1, 1) and task.end == date(2026, 6, 30)
    assert task.funding.state_budget == {2025: 1_250_500_000}
    assert task.funding.counterpart == 100_000_000


def test_every_invalid_row_is_reported_and_every_valid_one_kept() -> None:
    result = read_tasks_csv(
        csv_text(
            GOOD,
            "NN.02;Giống lúa;Đề tài;Cấp tỉnh;Khoa học nông nghiệp;TS. A;Viện B;01/2025;13/2025;;",
            "NN.03;Giống chè;Đề tài x;Cấp tỉnh;Khoa học nông nghiệp;TS. A;Viện B;01/2025;12/2025;;",
            GOOD.replace("NN.01", "NN.04").replace("06/2026", "12/2024"),
            GOOD,  # a duplicate code
            "NN.05;Giống cam;Đề tài;Cấp tỉnh;Khoa học nông nghiệp;TS. A;Viện B;01/2025;12/2025;"
            "1.5;",
        )
    )
    assert [t.code for t in result.tasks] == ["NN.01"]
    got = [(e.row, e.column) for e in result.errors]
    assert got == [
        (3, "Thời gian kết thúc"),
        (4, "Loại nhiệm vụ"),
        (5, "Thời gian kết thúc"),
        (6, "Mã số"),
        (7, "Kinh phí NSNN năm 2025 (triệu đồng)"),
    ]
    assert result.errors[3].message == "Mã số trùng (dòng 2 đã được giữ)"
    assert "duplicate" in result.errors[3].english and "row 2" in result.errors[3].english
    assert result.summary() == "Đọc 6 dòng: 1 hợp lệ, 5 lỗi, 0 bị bỏ qua"
    with pytest.raises(InvalidValue, match="5 invalid row"):
        result.raise_for_errors()


def test_unknown_columns_are_reported_not_dropped_silently() -> None:
    result = load_tasks([{"Mã số": "A", "Màu sắc": "đỏ"}])
    assert [w.column for w in result.warnings] == ["Màu sắc"]
    assert result.errors  # the row lacks required fields, and says which
    assert {e.column for e in result.errors} >= {"Tên nhiệm vụ", "Loại nhiệm vụ"}


def test_comma_delimiter_bom_and_file(tmp_path: Path) -> None:
    path = tmp_path / "tasks.csv"
    text = (
        "\ufeff"
        + HEADER.replace(";", ",")
        + "\n"
        + GOOD.replace("1.250,5", '"1.250,5"').replace(";", ",")
        + "\n"
    )
    path.write_text(text, encoding="utf-8")
    result = read_tasks_csv(path)
    assert result.ok, result.errors
    assert result.tasks[0].funding.for_year(2025) == 1_250_500_000


def test_template_headers_are_the_column_titles() -> None:
    row = dict.fromkeys(COLUMN_TITLES.values(), "")
    row.update(
        {
            "Mã số": "A",
            "Tên nhiệm vụ": "T",
            "Loại nhiệm vụ": "Đề tài",
            "Cấp quản lý": "Cấp tỉnh",
            "Lĩnh vực": "Khoa học xã hội",
            "Chủ nhiệm": "X",
            "Tổ chức chủ trì": "Y",
            "Thời gian bắt đầu": "ngày 05 tháng 01 năm 2025",
            "Thời gian kết thúc": "31/12/2025",
            "Quyết định phê duyệt": "Quyết định số 88/QĐ-UBND ngày 09/01/2025",
            "Trạng thái": "Đã nghiệm thu",
            "Ngày nghiệm thu": "2025-12-20",
            "Kết quả nghiệm thu": "Xuất sắc",
            "Kinh phí NSNN năm 2025": "300.000.000",
        }
    )
    result = load_tasks([row])
    assert result.ok, result.errors
    task = result.tasks[0]
    assert task.start == date(2025, 1, 5) and task.approved_by is not None
    assert task.acceptance_rating is not None and task.acceptance_rating.label == "Xuất sắc"


def test_json_file(tmp_path: Path) -> None:
    path = tmp_path / "tasks.json"
    good = read_tasks_csv(csv_text(GOOD)).tasks[0]
    path.write_text(
        json.dumps({"tasks": [json.loads(good.model_dump_json()), {"code": 5}]}), encoding="utf-8"
    )
    result = read_tasks_json(path)
    assert result.tasks == (good,)
    assert result.errors and result.errors[0].row == 2
    path.write_text("{", encoding="utf-8")
    with pytest.raises(InvalidValue, match="not valid JSON"):
        read_tasks_json(path)


def test_non_mapping_row() -> None:
    result = load_tasks([["a", "b"]])  # type: ignore[list-item]
    assert result.errors[0].message == "expected a mapping of columns"


@given(st.lists(tasks(), max_size=8, unique_by=lambda t: t.code))
def test_json_rows_round_trip(items: list[Task]) -> None:
    rows = [json.loads(t.model_dump_json()) for t in items]
    assert load_tasks(rows).tasks == tuple(items)


def test_the_published_template_is_read_without_warnings() -> None:
    template = Path(__file__).resolve().parents[2] / "examples" / "data" / "tasks-template.csv"
    result = read_tasks_csv(template)
    assert result.tasks == () and result.errors == () and result.warnings == ()
    row = dict.fromkeys(template.read_text(encoding="utf-8").strip().split(";"), "")
    assert set(COLUMN_TITLES.values()) - {"Kinh phí đối ứng", "Kinh phí nguồn khác"} <= set(row)
