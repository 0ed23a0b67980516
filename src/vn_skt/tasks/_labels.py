"""Nhãn trường — the one table of task-field labels (``labels.toml``, data).

Each field of :class:`~vn_skt.tasks.Task` and :class:`~vn_skt.tasks.Funding`, and each
figure of a :class:`~vn_skt.tasks.YearSummary`, has one Vietnamese title, one English
meaning, one column header (with its unit) and the other headers a spreadsheet may
use. The records' JSON Schema, the loader, ``Task.row()``, the frames and the HTML
views all read it; to add a header a province's sheet uses, add an alias to the file.

>>> TASK_LABELS["host_organization"].vi, TASK_LABELS["host_organization"].en
('Tổ chức chủ trì', 'host organisation')
>>> FUNDING_LABELS["state_budget"].column(year=2025)
'Kinh phí NSNN năm 2025 (đồng)'
>>> TASK_LABELS.match("Đơn vị chủ trì")[0].name
'host_organization'
>>> COLUMN_TITLES["start"], COLUMN_TITLES["counterpart"]
('Thời gian bắt đầu', 'Kinh phí đối ứng')
"""

from __future__ import annotations

from importlib import resources

from vn_skt.l10n import ColumnLabels, read_labels

__all__ = [
    "COLUMN_TITLES",
    "FUNDING_LABELS",
    "NESTED_FIELDS",
    "PROGRESS_LABELS",
    "TASK_LABELS",
    "YEAR_SUMMARY_LABELS",
]

_FILE = "labels.toml"
_TABLES = read_labels(
    resources.files(__package__).joinpath(_FILE).read_text(encoding="utf-8"),
    source=f"vn_skt/tasks/{_FILE}",
)

TASK_LABELS: ColumnLabels = _TABLES["task"]
"""Nhãn các trường của Task — one label per field of the Task record."""

FUNDING_LABELS: ColumnLabels = _TABLES["funding"]
"""Nhãn kinh phí — Funding's fields (``state_budget`` has one column per year, "Kinh
phí NSNN năm 2025") and its totals (``state_budget_total``, ``total``)."""

YEAR_SUMMARY_LABELS: ColumnLabels = _TABLES["year_summary"]
"""Nhãn tổng hợp năm — the figures of a YearSummary and the extra columns of its frame."""

PROGRESS_LABELS: ColumnLabels = _TABLES["progress"]
"""Nhãn tiến độ — the columns of a task's progress and funding on a date."""

NESTED_FIELDS = frozenset({"funding", "checks", "releases", "spending", "events"})
"""Task fields that hold records, not one cell: no column of their own in a sheet."""

COLUMN_TITLES: dict[str, str] = {
    **{name: label.vi for name, label in TASK_LABELS.items() if name not in NESTED_FIELDS},
    "counterpart": FUNDING_LABELS["counterpart"].vi,
    "other": FUNDING_LABELS["other"].vi,
}
"""The canonical Vietnamese column title of each field a sheet gives in one column (the
CSV template's headers), read from the label table; the state budget columns are titled
"Kinh phí NSNN năm YYYY"."""
