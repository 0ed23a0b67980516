"""Diễn biến thực hiện — the dated records of a task's life, in both regimes: periodic
checks (kiểm tra định kỳ), funding released per instalment and year (cấp phát kinh phí),
amounts spent (giải ngân), and adjustments, extensions and terminations (điều chỉnh, gia
hạn, chấm dứt). Fields of :class:`~vn_skt.tasks.Task`; :mod:`._progress` reads them on a
date.

>>> from datetime import date
>>> ProgressCheck(on=date(2026, 6, 15), done=40, findings="Đúng tiến độ").done
40
>>> ProgressCheck(on=date(2026, 6, 15), done=40.5)
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for ProgressCheck
...
"""

from __future__ import annotations

from datetime import date
from enum import auto
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from vn_skt._money import Dong
from vn_skt.documents import DocumentRef
from vn_skt.l10n import LabeledEnum

from ._dates import TaskDate, by_label

__all__ = ["EventKind", "FundingRelease", "ProgressCheck", "Spending", "TaskEvent"]


def _whole_percent(value: Any) -> Any:
    if isinstance(value, bool) or (value is not None and not isinstance(value, int | str)):
        raise ValueError(f"done: {value!r}; expected a whole percentage 0..100 (int)")
    return value


class ProgressCheck(BaseModel):
    """Kiểm tra định kỳ — a periodic check: its date, the work done (a whole % of the
    task's content), the findings, and the check's own conclusion when it gives one
    (``on_schedule``: True "đảm bảo tiến độ", False "chậm tiến độ")."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    on: TaskDate = Field(description="Ngày kiểm tra")
    done: Annotated[int, BeforeValidator(_whole_percent)] = Field(
        ge=0, le=100, description="Khối lượng công việc đã hoàn thành (%)"
    )
    findings: str = Field(default="", description="Kết quả kiểm tra, kiến nghị")
    on_schedule: bool | None = Field(default=None, description="Kết luận: đảm bảo tiến độ")


class FundingRelease(BaseModel):
    """Cấp phát kinh phí — one instalment (đợt) of state-budget funding released to the
    host organisation for a budget year, in đồng."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    on: TaskDate = Field(description="Ngày cấp")
    year: int = Field(ge=1990, le=2100, description="Năm ngân sách")
    instalment: int = Field(ge=1, description="Đợt cấp")
    amount: Dong = Field(description="Số tiền cấp (đồng)")


class Spending(BaseModel):
    """Giải ngân — an amount of a budget year's funding spent, as reported on a date
    (each record adds to the ones before it), in đồng."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    on: TaskDate = Field(description="Ngày báo cáo")
    year: int = Field(ge=1990, le=2100, description="Năm ngân sách")
    amount: Dong = Field(description="Số tiền đã giải ngân thêm (đồng)")


class EventKind(LabeledEnum):
    """Loại sự kiện — what a dated decision on the task did."""

    ADJUSTMENT = auto(), "Điều chỉnh"
    EXTENSION = auto(), "Gia hạn"
    TERMINATION = auto(), "Chấm dứt"


class TaskEvent(BaseModel):
    """Sự kiện — a dated decision: an adjustment (content, budget, members), an extension
    (with the new end) or a termination (the task stops on ``on``)."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    on: TaskDate = Field(description="Ngày quyết định")
    kind: Annotated[EventKind, by_label(EventKind)] = Field(description="Loại")
    new_end: TaskDate | None = Field(default=None, description="Thời hạn mới (gia hạn)")
    document: DocumentRef | None = Field(default=None, description="Quyết định")
    note: str = Field(default="", description="Nội dung")

    @model_validator(mode="after")
    def _extension_has_an_end(self) -> TaskEvent:
        if self.kind is EventKind.EXTENSION and self.new_end is None:
            raise ValueError(f"an extension on {self.on.isoformat()} needs new_end")
        if self.kind is not EventKind.EXTENSION and self.new_end is not None:
            raise ValueError(
                f"new_end is set on a {self.kind.label.lower()} event; only an extension has one"
            )
        return self


def last_on(items: tuple[Any, ...], day: date) -> Any:
    """The latest record dated on or before ``day`` (None if none)."""
    found = [item for item in items if item.on <= day]
    return max(found, key=lambda item: item.on) if found else None


def events_of(events: tuple[TaskEvent, ...], kind: EventKind) -> list[TaskEvent]:
    """The events of one kind, in date order."""
    return sorted((e for e in events if e.kind is kind), key=lambda e: e.on)
