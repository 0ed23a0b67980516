"""Nhiệm vụ KH&CN — the Task record and its funding.

>>> from datetime import date
>>> task = Task(
...     code="ĐTKHCN.01/25", title="Nghiên cứu giống bưởi", type="Đề tài",
...     level="Cấp tỉnh", field="Khoa học nông nghiệp",
...     principal_investigator="TS. Nguyễn Văn A", host_organization="Viện Cây ăn quả",
...     start=date(2025, 1, 1), end=date(2026, 12, 31),
...     funding={"state_budget": {2025: 600_000_000, 2026: 400_000_000}, "counterpart": 50_000_000},
... )
>>> task.type, task.funding.total, task.funding.for_year(2026)
(<TaskType.RESEARCH_TOPIC: 'RESEARCH_TOPIC'>, 1050000000, 400000000)
>>> task.effective_end, task.is_running_in(2026)
(datetime.date(2026, 12, 31), True)
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from vn_skt.documents import DocumentRef
from vn_skt.l10n import html_model

from .enums import Rating, ResearchField, SelectionMethod, TaskLevel, TaskStatus, TaskType

__all__ = ["Dong", "Funding", "Task"]


def _whole_dong(value: Any) -> Any:
    """Money is int đồng: refuse floats, bools and text with a message that says why."""
    if type(value) is int:
        if value < 0:
            raise ValueError(f"amount {value} is negative; expected int đồng >= 0")
        return value
    if isinstance(value, bool):
        raise ValueError(f"amount {value!r} is a bool; expected int đồng")
    if isinstance(value, float):
        raise ValueError(
            f"amount {value!r} is a float; expected int đồng (VND has no minor unit: "
            f"build it from the source text with parse_money, or round it explicitly)"
        )
    if isinstance(value, str):
        raise ValueError(f"amount {value!r} is text; expected int đồng (use parse_money)")
    if hasattr(value, "__index__"):
        return _whole_dong(value.__index__())
    raise ValueError(f"amount {value!r} ({type(value).__name__}); expected int đồng")


Dong = Annotated[int, BeforeValidator(_whole_dong)]
"""Số tiền — a non-negative whole number of đồng; floats and text are refused."""


class Funding(BaseModel):
    """Kinh phí — a task's funding: state budget per year, counterpart, other sources.

    ``state_budget`` maps a year to the đồng of the state S&T budget (ngân sách sự nghiệp
    KH&CN) allocated in it; ``counterpart`` (đối ứng) and ``other`` (nguồn khác) are
    totals over the task.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    state_budget: dict[int, Dong] = Field(default_factory=dict)
    counterpart: Dong = 0
    other: Dong = 0

    @property
    def state_budget_total(self) -> int:
        """Tổng ngân sách nhà nước — the state budget over all years."""
        return sum(self.state_budget.values())

    @property
    def total(self) -> int:
        """Tổng kinh phí — all sources, all years."""
        return self.state_budget_total + self.counterpart + self.other

    def for_year(self, year: int) -> int:
        """Ngân sách năm — the state budget allocated for ``year`` (0 if none)."""
        return self.state_budget.get(year, 0)


class Task(BaseModel):
    """Nhiệm vụ KH&CN — a science and technology task.

    Dates are the implementation period (thời gian thực hiện), both inclusive;
    ``extended_to`` is the end after an extension (gia hạn). Budget years must lie in
    the implementation period (extension included) or the year after it (acceptance
    and settlement).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    code: str = Field(min_length=1, description="Mã số nhiệm vụ")
    title: str = Field(min_length=1, description="Tên nhiệm vụ")
    type: TaskType
    level: TaskLevel
    field: ResearchField
    principal_investigator: str = Field(min_length=1, description="Chủ nhiệm")
    host_organization: str = Field(min_length=1, description="Tổ chức chủ trì")
    start: date
    end: date
    extended_to: date | None = None
    selection: SelectionMethod | None = None
    funding: Funding = Field(default_factory=Funding)
    status: TaskStatus = TaskStatus.IN_PROGRESS
    approved_by: DocumentRef | None = Field(default=None, description="Quyết định phê duyệt")
    accepted_on: date | None = Field(default=None, description="Ngày nghiệm thu")
    acceptance_rating: Rating | None = Field(default=None, description="Kết quả nghiệm thu")
    terminated_on: date | None = Field(default=None, description="Ngày dừng thực hiện")
    notes: str = ""

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end: date, info: ValidationInfo) -> date:
        start = info.data.get("start")
        if start is not None and end < start:
            raise ValueError(f"end {end.isoformat()} is before start {start.isoformat()}")
        return end

    @field_validator("extended_to")
    @classmethod
    def _extension_after_end(cls, extended_to: date | None, info: ValidationInfo) -> date | None:
        end = info.data.get("end")
        if extended_to is not None and end is not None and extended_to <= end:
            raise ValueError(
                f"extended_to {extended_to.isoformat()} is not after end {end.isoformat()}"
            )
        return extended_to

    @field_validator("funding")
    @classmethod
    def _budget_years(cls, funding: Funding, info: ValidationInfo) -> Funding:
        start, end = info.data.get("start"), info.data.get("end")
        if start is None or end is None or not funding.state_budget:
            return funding
        last = (info.data.get("extended_to") or end).year + 1
        for year in funding.state_budget:
            if not start.year <= year <= last:
                raise ValueError(
                    f"state_budget year {year} is outside {start.year}..{last} (the "
                    f"implementation period, extension included, and the year after it)"
                )
        return funding

    @model_validator(mode="after")
    def _dates_in_order(self) -> Task:
        for name in ("accepted_on", "terminated_on"):
            value = getattr(self, name)
            if value is not None and value < self.start:
                raise ValueError(f"{name} {value.isoformat()} is before start {self.start}")
        if self.acceptance_rating is not None and self.accepted_on is None:
            raise ValueError("acceptance_rating is set but accepted_on is missing")
        return self

    def _repr_html_(self) -> str:
        return html_model(self, f"Nhiệm vụ {self.code}")

    def row(self) -> dict[str, Any]:
        """Dòng bảng — the task as a flat row (labels, dates, đồng) for tables and pandas."""
        return {
            "Mã số": self.code,
            "Tên nhiệm vụ": self.title,
            "Loại": self.type.label,
            "Cấp": self.level.label,
            "Lĩnh vực": self.field.label,
            "Chủ nhiệm": self.principal_investigator,
            "Tổ chức chủ trì": self.host_organization,
            "Bắt đầu": self.start,
            "Kết thúc": self.end,
            "Gia hạn đến": self.extended_to,
            "Trạng thái": self.status.label,
            "NSNN (đồng)": self.funding.state_budget_total,
            "Tổng kinh phí (đồng)": self.funding.total,
        }

    # -- derived -----------------------------------------------------------------------
    @property
    def planned_end(self) -> date:
        """Kết thúc theo kế hoạch — the end, extension included."""
        return self.extended_to or self.end

    @property
    def effective_end(self) -> date:
        """Kết thúc thực tế — the planned end, or the day before termination if earlier."""
        if self.terminated_on is not None:
            return min(self.planned_end, self.terminated_on - timedelta(days=1))
        return self.planned_end

    def is_running_in(self, year: int) -> bool:
        """Thực hiện trong năm — whether the task runs on at least one day of ``year``:
        started by 31/12 and, extension included and termination counted, not ended
        before 1/1."""
        return self.start.year <= year <= self.effective_end.year and (
            self.effective_end >= self.start
        )
