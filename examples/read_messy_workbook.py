"""Đọc một bảng Excel lộn xộn — read a Sở's messy .xlsx list of tasks, every row accounted for.

Builds the workbook itself (a title, a two-row header with the budget in Tr.đồng per
year and source, an STT column, a blank row, a row in error and a "Tổng cộng" that does
not add up), then reads it with ``read_tasks`` and prints the one-line summary, the
tasks and the issues. Needs the ``excel`` extra (openpyxl).

Run: python examples/read_messy_workbook.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import openpyxl

from vn_skt.l10n import format_money
from vn_skt.tasks import read_tasks

TASK = ["Đề tài", "Cấp tỉnh", "Khoa học nông nghiệp", "TS. Nguyễn Văn An", "Viện Cây ăn quả"]
ROWS = [
    ["DANH MỤC NHIỆM VỤ KH&CN CẤP TỈNH NĂM 2025"],
    [],
    ["STT", "Mã số", "Tên nhiệm vụ", "Loại nhiệm vụ", "Cấp quản lý", "Lĩnh vực", "Chủ nhiệm",
     "Đơn vị chủ trì", "Bắt đầu", "Kết thúc", "Năm 2025 (Tr.đồng)", None, "Năm 2026 (Tr.đồng)",
     None],
    [None] * 10 + ["NSNN", "Khác", "NSNN", "Khác"],
    [1, "NN.01", "Giống bưởi\nchịu hạn", *TASK, "01/2025", "06/2026", 620.5, 50, 300, None],
    [2, "NN.02", "Nuôi tôm tuần hoàn", *TASK, "03/2025", "12/2025", 400, None, None, None],
    [],
    [3, "NN.03", "Chè hữu cơ", "Đề tài", "Cấp xã", *TASK[2:], "01/2025", "12/2025", 150],
    [None, "Tổng cộng", None, *[None] * 7, 1200, 50, 300, None],
]  # fmt: skip

with tempfile.TemporaryDirectory() as folder:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh mục 2025"
    for row in ROWS:
        sheet.append(row)
    path = Path(folder) / "danh-muc.xlsx"
    book.save(path)
    result = read_tasks(path)

print(result.summary())
for task in result.tasks:
    print(f"  {task.code}: {format_money(task.funding.total)}")
for issue in result.issues:
    print(f"  {issue}")

assert [t.code for t in result.tasks] == ["NN.01", "NN.02"]
assert result.summary() == "Đọc 5 dòng: 2 hợp lệ, 1 lỗi, 2 bị bỏ qua; 1 cảnh báo"
assert result.tasks[0].funding.total == 970_500_000
