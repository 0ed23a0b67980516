"""Reading by column gives what reading by row gives: the same tasks, issues and counts."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vn_skt.tasks._by_column
import vn_skt.tasks._loading
import vn_skt.tasks._reading
from vn_skt.errors import InvalidValue
from vn_skt.tasks import LoadResult, read_tasks

pytest.importorskip("polars")

HEAD = [
    "STT",
    "Mã số",
    "Tên nhiệm vụ",
    "Loại nhiệm vụ",
    "Cấp quản lý",
    "Lĩnh vực",
    "Chủ nhiệm",
    "Tổ chức chủ trì",
    "Thời gian bắt đầu",
    "Thời gian kết thúc",
    "Trạng thái",
    "KP NSNN năm 2025 (Tr.đồng)",
    "Kinh phí NSNN năm 2026",
    "Màu",  # an unknown column: a warning, its cells not read
]
# Each column's cells: readable ones and ones each check refuses.
CELLS: list[list[str]] = [
    ["1", "", "x"],
    ["NV.01", "NV.02", "NV.03", "", "  ", "1"],
    ["Giống bưởi", "Nghiên cứu\nnhiều dòng", "", "Tổng hợp"],
    ["Đề tài", " Dự án KH&CN ", "Đề tai", "PILOT_PRODUCTION_PROJECT", ""],
    ["Cấp tỉnh", "cấp cơ sở", "Cấp xã"],
    ["Khoa học xã hội", "Khoa học y, dược", "Y học"],
    ["TS. A", "", "B\r\nC"],
    ["Viện B", "Trường C"],
    ["01/2025", "2025-03-01", "ngày 05 tháng 01 năm 2025", "13/2025", "", "05/01/2027"],
    ["12/2025", "12/2026", "31/12/2024", "không rõ", ""],
    ["", "Đang thực hiện", "Đã nghiệm thu", "Xong"],
    ["", "600", "1.250,5", "0,0000001", "12345678901234567", "-5", "nhiều"],
    ["", "300000", "1.000.000", "1,5"],
    ["", "đỏ"],
]
SPECIAL: list[list[str]] = [
    [],
    [""] * len(HEAD),
    ["", "Cộng", "", *[""] * 8, "600", ""],
    ["", "", "Tổng cộng", *[""] * 8, "1.200", "300000"],
    [str(n) for n in range(1, len(HEAD) + 1)],
]


def both(data: bytes, **kwargs: Any) -> tuple[LoadResult, LoadResult]:
    return read_tasks(data, engine="rows", **kwargs), read_tasks(data, engine="columns", **kwargs)


def csv_bytes(rows: list[list[Any]], *, delimiter: str = ",", eol: str = "\n") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=eol).writerows(rows)
    return out.getvalue().encode("utf-8")


@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_title_rows_blank_rows_and_every_failing_check(eol: str) -> None:
    rows: list[list[Any]] = [["DANH MỤC"], [], HEAD, []]
    for i in range(40):  # every column cycles through its cells
        rows.append([cells[i % len(cells)] for cells in CELLS])
    rows += [*SPECIAL, rows[5]]  # and a duplicate code after the summary rows
    by_row, by_column = both(csv_bytes(rows, eol=eol))
    assert by_column == by_row
    assert by_row.errors and by_row.warnings and by_row.tasks and by_row.skipped
    assert by_row.rows == len(by_row.tasks) + by_row.invalid + by_row.skipped


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.tuples(*(st.sampled_from(cells) for cells in CELLS)).map(list),
            st.sampled_from(SPECIAL),
        ),
        min_size=1,
        max_size=30,
    ),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["\n", "\r\n"]),
    st.sampled_from(["one row", "titles above", "two rows"]),
)
def test_rows_and_columns_agree(
    rows: list[list[str]], delimiter: str, eol: str, header: str
) -> None:
    head: list[list[str]] = [HEAD]
    if header == "titles above":
        head = [["DANH MỤC NHIỆM VỤ"], ["(kèm theo Quyết định số 12/QĐ-UBND)"], [], HEAD]
    elif header == "two rows":  # a year over NSNN / Khác, as Excel reports have them
        head = [[*HEAD[:11], "Năm 2025 (Tr.đồng)", "", "Màu"], [""] * 11 + ["NSNN", "Khác", ""]]
    data = csv_bytes([*head, *rows], delimiter=delimiter, eol=eol)
    by_column = read_tasks(data, engine="columns")
    by_row = read_tasks(data, engine="rows")
    assert by_column == by_row
    assert by_row.rows == len(by_row.tasks) + by_row.invalid + by_row.skipped == len(rows)


def test_strict_raises_the_same_first_issue() -> None:
    rows = [HEAD[:-1], *([cells[i % len(cells)] for cells in CELLS[:-1]] for i in range(3))]
    data = csv_bytes(rows)
    messages = []
    for engine in ("rows", "columns"):
        with pytest.raises(InvalidValue) as caught:
            read_tasks(data, engine=engine, strict=True)  # type: ignore[arg-type]
        messages.append(str(caught.value))
    assert messages[0] == messages[1] and "dòng 3" in messages[0]


def test_where_columns_cannot_apply_rows_do() -> None:
    head = ";".join(HEAD[1:11])
    good = "A;T;Đề tài;Cấp tỉnh;Khoa học xã hội;X;Y;01/2025;12/2025;Đang thực hiện"
    extra = f"{head}\n{good}\n{good.replace('A;', 'B;')};x\n".encode()
    twice = f"{head};Mã số\n{good};A\n".encode()
    missing = b"M\xc3\xa3 s\xe1\xbb\x91;T\xc3\xaan nhi\xe1\xbb\x87m v\xe1\xbb\xa5\nA;B\n"
    for data, reason in [
        (extra, "more fields"),
        (twice, "two columns for one field"),
        (missing, "required column"),
        (good.encode(), "no header"),
    ]:
        with pytest.raises(InvalidValue, match=reason):
            read_tasks(data, engine="columns")
        # "auto" reads them row by row, as before
        assert read_tasks(data) == read_tasks(data, engine="rows")
    with pytest.raises(InvalidValue, match="CSV only"):
        read_tasks(b"PK\x03\x04 an .xlsx", engine="columns")
    with pytest.raises(InvalidValue, match="engine"):
        read_tasks(extra, engine="fast")  # type: ignore[arg-type]


def test_auto_reads_a_large_csv_by_column(monkeypatch: pytest.MonkeyPatch) -> None:
    used: list[str] = []
    real = vn_skt.tasks._by_column.read_csv_columns

    def spy(*args: Any, **kwargs: Any) -> None:
        used.append("columns")
        real(*args, **kwargs)

    monkeypatch.setattr(vn_skt.tasks._reading, "read_csv_columns", spy)
    data = csv_bytes([HEAD, *([cells[i % len(cells)] for cells in CELLS] for i in range(9))])
    monkeypatch.setattr(vn_skt.tasks._reading, "COLUMNAR_BYTES", 100)
    assert read_tasks(data) == read_tasks(data, engine="rows")
    assert used == ["columns"]
    monkeypatch.setattr(vn_skt.tasks._reading, "COLUMNAR_BYTES", 1 << 30)
    read_tasks(data)
    assert used == ["columns"]  # a small file: by row


@pytest.mark.parametrize("engine", ["rows", "columns"])
def test_progress_counts_go_up_to_the_total(engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vn_skt.tasks._loading, "PROGRESS_EVERY", 7)
    monkeypatch.setattr(vn_skt.tasks._by_column, "PROGRESS_EVERY", 7)
    rows: list[list[Any]] = [["DANH MỤC"], HEAD]
    rows += [[cells[i % len(cells)] for cells in CELLS] for i in range(50)]
    calls: list[tuple[int, int]] = []
    result = read_tasks(
        csv_bytes(rows),
        engine=engine,  # type: ignore[arg-type]
        progress=lambda done, total: calls.append((done, total)),
    )
    done = [d for d, _ in calls]
    assert len(calls) > 3 and done == sorted(set(done))
    assert {t for _, t in calls} == {len(rows)} and calls[-1] == (len(rows), len(rows))
    assert result.rows == 50


@pytest.mark.parametrize("unit", ["", " (nghìn đồng)", " (Tr.đồng)", " (tỷ đồng)"])
def test_large_amounts_never_overflow(unit: str) -> None:
    head = [*HEAD[1:11], f"Kinh phí NSNN năm 2025{unit}"]
    task = ["A", "T", "Đề tài", "Cấp tỉnh", "Khoa học xã hội", "X", "Y", "01/2025", "12/2025", ""]
    amounts = ["999999999", "9999999999", "999999999999", "9999999999999999", "9" * 19, "9" * 25]
    rows = [[f"A{i}", *task[1:], amount] for i, amount in enumerate(amounts)]
    by_row, by_column = both(csv_bytes([head, *rows]))
    assert by_column == by_row
    assert by_row.tasks[0].funding.state_budget[2025] % 999_999_999 == 0
