"""Nhiệm vụ KH&CN — S&T tasks, their funding, and the annual portfolio.

The labels of every field (Vietnamese title, English meaning, column header, unit,
the headers sheets use) are one table, ``labels.toml`` (``TASK_LABELS``,
``FUNDING_LABELS``, ``YEAR_SUMMARY_LABELS``); money is int đồng, checked by ``Dong`` /
``whole_dong`` (the one money validator, from ``vn_skt._money``).

>>> from datetime import date
>>> from vn_skt.tasks import Portfolio, Task
>>> def task(code, start, end, field="Khoa học nông nghiệp", budget=None):
...     return Task(code=code, title="Nhiệm vụ " + code, type="Đề tài", level="Cấp tỉnh",
...                 field=field, principal_investigator="TS. A", host_organization="Viện B",
...                 start=start, end=end, funding={"state_budget": budget or {}})
>>> portfolio = Portfolio([
...     task("01", date(2024, 1, 1), date(2025, 6, 30),
...          budget={2024: 500_000_000, 2025: 250_000_000}),
...     task("02", date(2025, 3, 1), date(2026, 2, 28), "Khoa học y, dược", {2025: 460_000_000}),
...     task("03", date(2023, 1, 1), date(2024, 12, 31)),
... ])
>>> summary = portfolio.year(2025)
>>> summary.total, len(summary.carried_over), len(summary.new), summary.state_budget
(2, 1, 1, 710000000)
>>> print(summary)
Năm 2025 thực hiện 02 nhiệm vụ KH&CN, trong đó: 01 nhiệm vụ chuyển tiếp từ năm 2024;
01 nhiệm vụ bắt đầu thực hiện từ năm 2025 (lĩnh vực khoa học y, dược: 01 nhiệm vụ),
với tổng kinh phí thực hiện 0,710 tỷ đồng.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vn_skt._extras import lazy_attributes as _lazy_attributes
from vn_skt._money import Dong, whole_dong

from ._columnar import BUDGET_SOURCES, task_schema, tasks_frame, tasks_from_frame
from ._enums import Rating, ResearchField, SelectionMethod, TaskLevel, TaskStatus, TaskType
from ._evaluation import (
    EvaluationReport,
    EvaluationSource,
    FinalEvaluation,
    evaluation_grades,
    final_evaluation,
    suggest_grade,
)
from ._headings import UNITS as HEADING_UNITS
from ._labels import (
    COLUMN_TITLES,
    FUNDING_LABELS,
    NESTED_FIELDS,
    PROGRESS_LABELS,
    TASK_LABELS,
    YEAR_SUMMARY_LABELS,
)
from ._life import EventKind, FundingRelease, ProgressCheck, Spending, TaskEvent
from ._loading import PROGRESS_EVERY, LoadResult, Progress, RowError, load_tasks
from ._models import Funding, Task
from ._portfolio import FieldGrouping, Portfolio, YearSummary
from ._progress import (
    DEFAULT_TOLERANCE,
    FundingProgress,
    PortfolioProgress,
    ProgressState,
    TaskProgress,
    portfolio_progress,
    progress_rows,
    task_progress,
)
from ._reading import COLUMNAR_BYTES, Engine, read_tasks, read_tasks_csv, read_tasks_json
from ._regime import GoverningRegime, Regime, RegimeBasis, regime_on
from ._wiring import check_task_estimate, task_deadline

if TYPE_CHECKING:
    from ._bulk import BUDGET_COLUMNS, YEAR_COLUMNS, budget_by_year, year_classes

__all__ = [
    "BUDGET_COLUMNS",
    "BUDGET_SOURCES",
    "COLUMNAR_BYTES",
    "COLUMN_TITLES",
    "DEFAULT_TOLERANCE",
    "FUNDING_LABELS",
    "HEADING_UNITS",
    "NESTED_FIELDS",
    "PROGRESS_EVERY",
    "PROGRESS_LABELS",
    "TASK_LABELS",
    "YEAR_COLUMNS",
    "YEAR_SUMMARY_LABELS",
    "Dong",
    "Engine",
    "EvaluationReport",
    "EvaluationSource",
    "EventKind",
    "FieldGrouping",
    "FinalEvaluation",
    "Funding",
    "FundingProgress",
    "FundingRelease",
    "GoverningRegime",
    "LoadResult",
    "Portfolio",
    "PortfolioProgress",
    "Progress",
    "ProgressCheck",
    "ProgressState",
    "Rating",
    "Regime",
    "RegimeBasis",
    "ResearchField",
    "RowError",
    "SelectionMethod",
    "Spending",
    "Task",
    "TaskEvent",
    "TaskLevel",
    "TaskProgress",
    "TaskStatus",
    "TaskType",
    "YearSummary",
    "budget_by_year",
    "check_task_estimate",
    "evaluation_grades",
    "final_evaluation",
    "load_tasks",
    "portfolio_progress",
    "progress_rows",
    "read_tasks",
    "read_tasks_csv",
    "read_tasks_json",
    "regime_on",
    "suggest_grade",
    "task_deadline",
    "task_progress",
    "task_schema",
    "tasks_frame",
    "tasks_from_frame",
    "whole_dong",
    "year_classes",
]

__getattr__ = _lazy_attributes(  # the bulk kernels need polars (the ``bulk`` extra)
    __name__,
    dict.fromkeys(("BUDGET_COLUMNS", "YEAR_COLUMNS", "budget_by_year", "year_classes"), "_bulk"),
)
