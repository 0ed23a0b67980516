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
from enum import Enum
from typing import Annotated, Any, get_args, get_origin

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from vn_skt._money import Dong
from vn_skt.documents import DocumentRef
from vn_skt.l10n import LabeledEnum, html_model

from ._dates import TaskDate
from ._dates import by_label as _by_label
from ._enums import Rating, ResearchField, SelectionMethod, TaskLevel, TaskStatus, TaskType
from ._labels import FUNDING_LABELS, TASK_LABELS
from ._life import EventKind, FundingRelease, ProgressCheck, Spending, TaskEvent, events_of
from ._regime import GoverningRegime, Regime, governing_regime_of

__all__ = ["DATE_FIELDS", "ENUM_FIELDS", "Dong", "Funding", "Task"]

_F = FUNDING_LABELS
_T = TASK_LABELS


class Funding(BaseModel):
    """Kinh phí — a task's funding: state budget per year, counterpart, other sources.

    ``state_budget`` maps a year to the đồng of the state S&T budget (ngân sách sự nghiệp
    KH&CN) allocated in it; ``counterpart`` (đối ứng) and ``other`` (nguồn khác) are
    totals over the task, and may be given per year too (``counterpart_by_year``,
    ``other_by_year``): a total alone stays valid; given the years alone, the total is
    their sum; given both, they must agree. Amounts are int đồng (``Dong``). Hashable
    although it holds dicts: equal fundings hash equal.

    >>> f = Funding(other_by_year={2025: 30, 2026: 20})
    >>> f.other, f.total
    (50, 50)
    >>> Funding(other=40, other_by_year={2025: 30})
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Funding
    ...
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    state_budget: dict[int, Dong] = Field(default_factory=dict, **_F["state_budget"].json_schema)
    counterpart: Dong = Field(default=0, **_F["counterpart"].json_schema)
    other: Dong = Field(default=0, **_F["other"].json_schema)
    counterpart_by_year: dict[int, Dong] = Field(
        default_factory=dict, **_F["counterpart_by_year"].json_schema
    )
    other_by_year: dict[int, Dong] = Field(default_factory=dict, **_F["other_by_year"].json_schema)

    @model_validator(mode="before")
    @classmethod
    def _totals_from_years(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        for name in ("counterpart", "other"):
            years = data.get(f"{name}_by_year")
            if (
                isinstance(years, dict)
                and years
                and data.get(name) in (None, 0)
                and all(isinstance(v, int) and not isinstance(v, bool) for v in years.values())
            ):
                data[name] = sum(years.values())
        return data

    @model_validator(mode="after")
    def _years_add_up(self) -> Funding:
        for name in ("counterpart", "other"):
            years: dict[int, int] = getattr(self, f"{name}_by_year")
            if years and sum(years.values()) != getattr(self, name):
                raise ValueError(
                    f"{name} = {getattr(self, name)} but {name}_by_year adds up to "
                    f"{sum(years.values())}"
                )
        return self

    def __hash__(self) -> int:
        return hash(
            (
                tuple(sorted(self.state_budget.items())),
                self.counterpart,
                self.other,
                tuple(sorted(self.counterpart_by_year.items())),
                tuple(sorted(self.other_by_year.items())),
            )
        )

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

    def by_source(self, year: int) -> dict[str, int]:
        """Kinh phí năm theo nguồn — ``year``'s đồng per source (a source given only as
        a total has none for the year)."""
        return {
            "state_budget": self.state_budget.get(year, 0),
            "counterpart": self.counterpart_by_year.get(year, 0),
            "other": self.other_by_year.get(year, 0),
        }


class Task(BaseModel):
    """Nhiệm vụ KH&CN — a science and technology task.

    Dates are the implementation period (thời gian thực hiện), both inclusive;
    ``extended_to`` is the end after an extension (gia hạn). Budget years must lie in
    the implementation period (extension included) or the year after it (acceptance
    and settlement).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    # Titles and descriptions come from the one label table (labels.toml).
    code: str = Field(min_length=1, **_T["code"].json_schema)
    title: str = Field(min_length=1, **_T["title"].json_schema)
    type: Annotated[TaskType, _by_label(TaskType)] = Field(**_T["type"].json_schema)
    level: Annotated[TaskLevel, _by_label(TaskLevel)] = Field(**_T["level"].json_schema)
    field: Annotated[ResearchField, _by_label(ResearchField)] = Field(**_T["field"].json_schema)
    principal_investigator: str = Field(min_length=1, **_T["principal_investigator"].json_schema)
    host_organization: str = Field(min_length=1, **_T["host_organization"].json_schema)
    start: TaskDate = Field(**_T["start"].json_schema)
    end: TaskDate = Field(**_T["end"].json_schema)
    extended_to: TaskDate | None = Field(default=None, **_T["extended_to"].json_schema)
    selection: SelectionMethod | None = Field(default=None, **_T["selection"].json_schema)
    funding: Funding = Field(default_factory=Funding, **_T["funding"].json_schema)
    status: Annotated[TaskStatus, _by_label(TaskStatus)] = Field(
        default=TaskStatus.IN_PROGRESS, **_T["status"].json_schema
    )
    approved_by: DocumentRef | None = Field(default=None, **_T["approved_by"].json_schema)
    accepted_on: TaskDate | None = Field(default=None, **_T["accepted_on"].json_schema)
    acceptance_rating: Rating | None = Field(default=None, **_T["acceptance_rating"].json_schema)
    terminated_on: TaskDate | None = Field(default=None, **_T["terminated_on"].json_schema)
    filed_on: TaskDate | None = Field(default=None, **_T["filed_on"].json_schema)
    checks: tuple[ProgressCheck, ...] = Field(default=(), **_T["checks"].json_schema)
    releases: tuple[FundingRelease, ...] = Field(default=(), **_T["releases"].json_schema)
    spending: tuple[Spending, ...] = Field(default=(), **_T["spending"].json_schema)
    events: tuple[TaskEvent, ...] = Field(default=(), **_T["events"].json_schema)
    notes: str = Field(default="", **_T["notes"].json_schema)

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
        years = {*funding.state_budget, *funding.counterpart_by_year, *funding.other_by_year}
        if start is None or end is None or not years:
            return funding
        last = (info.data.get("extended_to") or end).year + 1
        sources = {
            "state_budget": funding.state_budget,
            "counterpart_by_year": funding.counterpart_by_year,
            "other_by_year": funding.other_by_year,
        }
        for source, amounts in sources.items():
            for year in sorted(amounts):
                if not start.year <= year <= last:
                    raise ValueError(
                        f"{source} year {year} is outside {start.year}..{last} (the "
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
        if self.acceptance_rating is not None:
            found = self.governing_regime()
            if found.regime is Regime.STI_2025:
                raise ValueError(
                    "xếp loại nghiệm thu (acceptance_rating, Rating của Luật 29/2013/QH13, "
                    f"chế độ {Regime.LEGACY.value}) không dùng cho nhiệm vụ thuộc chế độ "
                    f"{found.regime.label} ({found.regime.value}): {found}; a task of the "
                    "2025 law has a final evaluation (final_evaluation), not a legacy Rating"
                )
        self._life_agrees()
        return self

    def _life_agrees(self) -> None:
        """The dated records agree with the task: dates from the start, budget years in
        the funded span, the last extension's end is ``extended_to``, a termination event
        is ``terminated_on``."""
        for name in ("checks", "releases", "spending", "events"):
            for item in getattr(self, name):
                if item.on < self.start:
                    raise ValueError(f"{name}: {item.on.isoformat()} is before start {self.start}")
        last = self.planned_end.year + 1
        for name in ("releases", "spending"):
            for item in getattr(self, name):
                if not self.start.year <= item.year <= last:
                    raise ValueError(
                        f"{name}: year {item.year} is outside {self.start.year}..{last}"
                    )
        extensions = events_of(self.events, EventKind.EXTENSION)
        if extensions:
            final = extensions[-1].new_end
            if final != self.extended_to:
                raise ValueError(
                    f"events: the last extension ends {final} but extended_to is "
                    f"{self.extended_to}; set extended_to = {final}"
                )
            for event in extensions:
                if event.new_end is not None and event.new_end <= self.end:
                    raise ValueError(f"events: an extension to {event.new_end} is not after end")
        stops = events_of(self.events, EventKind.TERMINATION)
        if len(stops) > 1:
            raise ValueError(f"events: {len(stops)} terminations; a task stops once")
        if stops and stops[0].on != self.terminated_on:
            raise ValueError(
                f"events: terminated on {stops[0].on} but terminated_on is "
                f"{self.terminated_on}; set terminated_on = {stops[0].on}"
            )

    def _repr_html_(self) -> str:
        return html_model(self, f"Nhiệm vụ {self.code}")

    def row(self) -> dict[str, Any]:
        """Dòng bảng — the task as a flat row (labels, dates, đồng) for tables and pandas.

        Headers are the label table's (``TASK_LABELS``, ``FUNDING_LABELS``), so the loader
        reads a row's task fields back; the two totals cover every year of the task.
        """
        row: dict[str, Any] = {}
        for name in _ROW_FIELDS:
            value = getattr(self, name)
            row[_T[name].column()] = value.label if isinstance(value, LabeledEnum) else value
        row[_F["state_budget_total"].column()] = self.funding.state_budget_total
        row[_F["total"].column()] = self.funding.total
        return row

    # -- regime --------------------------------------------------------------------------
    @property
    def approved_on(self) -> date | None:
        """Ngày phê duyệt — the date of the approving decision, when known."""
        return self.approved_by.issued_on if self.approved_by is not None else None

    def governing_regime(self) -> GoverningRegime:
        """Chế độ áp dụng — the law governing the task, with the date it was read from
        (the approval date, else the start; the filing date where the rule set keys on
        it) and the cut-off table's source and status."""
        return governing_regime_of(
            approved_on=self.approved_on, start=self.start, filed_on=self.filed_on
        )

    @property
    def regime(self) -> Regime:
        """Chế độ — ``legacy`` (Law 29/2013/QH13) or ``sti_2025`` (Law 93/2025/QH15)."""
        return self.governing_regime().regime

    @property
    def governing_date(self) -> date:
        """Ngày căn cứ — the date the task's rules are read on (approval, else start; the
        filing date where the regime table keys on it)."""
        return self.governing_regime().on

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


_ROW_FIELDS = (
    "code",
    "title",
    "type",
    "level",
    "field",
    "principal_investigator",
    "host_organization",
    "start",
    "end",
    "extended_to",
    "status",
)
"""The Task fields of :meth:`Task.row`, in order (then the two funding totals)."""


def _kinds_of_fields() -> tuple[dict[str, type[Enum]], frozenset[str]]:
    """The Task fields that hold an enum member, and those that hold a date — read from
    the model, so a new field is known to every reader (rows, columns) at once."""
    enums: dict[str, type[Enum]] = {}
    dates: set[str] = set()
    for name, info in Task.model_fields.items():
        kinds = [info.annotation]
        while kinds:
            kind = kinds.pop()
            if isinstance(kind, type) and issubclass(kind, Enum):
                enums[name] = kind
            elif kind is date:
                dates.add(name)
            elif get_origin(kind) is Annotated:
                kinds.append(get_args(kind)[0])
            elif get_origin(kind) is not tuple:  # Optional, Union
                kinds.extend(get_args(kind))
    return enums, frozenset(dates)


ENUM_FIELDS, DATE_FIELDS = _kinds_of_fields()
"""Task field → its enum type; the Task fields that are dates."""
