"""Danh mục áp dụng — the group-2 list in force on a date, as Vietnamese lines (what
``vn-skt rules metrology --on …`` prints).

>>> from datetime import date
>>> lines = render_list(on=date(2026, 5, 1))
>>> print(lines[0])
Danh mục phương tiện đo nhóm 2 áp dụng ngày 01/05/2026 (hiệu lực từ 15/04/2026)
>>> print(lines[1])
Căn cứ: Thông tư 23/2013/TT-BKHCN, Điều 4 khoản 1, thay thế bởi Thông tư 04/2026/TT-BKHCN,
Điều 4
>>> print(lines[2])
Mức kiểm chứng: U (chưa kiểm chứng) — 90/90 dòng chưa kiểm chứng; có thể thay một dòng hoặc
cả danh mục bằng tệp của mình
>>> for line in lines:
...     if "Cân ô tô" in line or "khí dân dụng" in line:
...         print(line)
Mục 10. Cân ô tô: 24 tháng [U]
Mục 11. Cân ô tô chuyên dùng kiểm tra tải trọng xe cơ giới: 24 tháng [U]
Mục 23. Đồng hồ đo khí dân dụng (lưu lượng nhỏ hơn 16 m³/h): 60 tháng [U]
Mục 23. Đồng hồ đo khí dân dụng (lưu lượng lớn hơn 16 m³/h): 36 tháng [U]
>>> print(lines[4])
Mục 1. Thước cuộn: chỉ kiểm định ban đầu [U]
"""

from __future__ import annotations

from datetime import date

from vn_skt.l10n import format_date
from vn_skt.regulations import require_date

from ._instrument_types import catalogue, segment_on

__all__ = ["render_list"]


def render_list(*, on: date) -> list[str]:
    """Danh mục PTĐ nhóm 2 áp dụng ngày — the list in force on ``on`` as Vietnamese
    lines: a heading with the date, the document and the verification status, then one
    line per row: item, name (and range), cycle ("12 tháng" or "chỉ kiểm định ban đầu")
    and the row's status."""
    on = require_date(on, what="render_list(on=...)")
    segment = segment_on(on)
    kinds = catalogue(on=on)
    unverified = sum(not k.verified for k in kinds)
    span = f"hiệu lực từ {format_date(segment.start)}"
    if segment.end is not None:
        span += f" đến {format_date(segment.end)}"
    status = segment.version.status
    lines = [
        f"Danh mục phương tiện đo nhóm 2 áp dụng ngày {format_date(on)} ({span})",
        f"Căn cứ: {segment.version.source}",
        f"Mức kiểm chứng: {status.value} ({status.label}) — {unverified}/{len(kinds)} dòng "
        f"chưa kiểm chứng; có thể thay một dòng hoặc cả danh mục bằng tệp của mình",
    ]
    if segment.version.note:
        lines.append(f"Ghi chú: {segment.version.note}")
    else:
        lines.append("")
    for kind in kinds:
        range_ = f" ({kind.range})" if kind.range and kind.full_name != kind.name else ""
        lines.append(
            f"Mục {kind.item}. {kind.name}{range_}: {kind.cycle_text} [{kind.status.value}]"
        )
    return lines
