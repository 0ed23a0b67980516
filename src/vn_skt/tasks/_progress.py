"""Tiến độ và giải ngân — a task's progress and funding on a date, and the portfolio's
figures ("x/y nhiệm vụ đảm bảo tiến độ; giải ngân đạt z% kế hoạch năm"), in both regimes.

On a day ``d`` a task that has started is, in this order: terminated (a termination
decided by ``d``), completed (accepted by ``d``), overdue (past its end as extended by
decisions taken by ``d``), behind (the last check by ``d`` says so, or found less work done
than the share of the period elapsed at that check, by more than ``tolerance``), else on
schedule. The tolerance (default 10 percentage points) rests on no text found (U): a
province passes its own.

>>> from datetime import date
>>> from vn_skt.tasks import Task
>>> task = Task(code="NV1", title="Nhiệm vụ", type="Đề tài", level="Cấp tỉnh",
...     field="Khoa học nông nghiệp", principal_investigator="TS. A", host_organization="Viện B",
...     start=date(2026, 1, 1), end=date(2026, 12, 31),
...     funding={"state_budget": {2026: 400_000_000}},
...     checks=[{"on": date(2026, 7, 1), "done": 30}],
...     releases=[{"on": date(2026, 3, 1), "year": 2026, "instalment": 1, "amount": 200_000_000}])
>>> before = task_progress(task, on=date(2026, 6, 30))
>>> after = task_progress(task, on=date(2026, 7, 1))
>>> before.state.label, after.state.label, str(after.funding.released_share)
('Đảm bảo tiến độ', 'Chậm tiến độ', '1/2')
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import auto
from fractions import Fraction
from typing import Any

import attrs

from vn_skt.errors import InvalidValue
from vn_skt.l10n import LabeledEnum, format_count, format_date, format_money, format_percent
from vn_skt.regulations import require_date

from ._labels import PROGRESS_LABELS
from ._life import EventKind, ProgressCheck, events_of, last_on
from ._models import Task

__all__ = [
    "DEFAULT_TOLERANCE",
    "FundingProgress",
    "PortfolioProgress",
    "ProgressState",
    "TaskProgress",
    "portfolio_progress",
    "progress_rows",
    "task_progress",
]

DEFAULT_TOLERANCE = Fraction(10, 100)
"""How far (a share of the work) a check may lag the elapsed time and stay on schedule: 10
percentage points, a default resting on no text found (U)."""


class ProgressState(LabeledEnum):
    """Tình trạng tiến độ — a task's state on a date."""

    NOT_STARTED = auto(), "Chưa bắt đầu"
    ON_SCHEDULE = auto(), "Đảm bảo tiến độ"
    BEHIND = auto(), "Chậm tiến độ"
    OVERDUE = auto(), "Quá hạn"
    COMPLETED = auto(), "Đã nghiệm thu"
    TERMINATED = auto(), "Đã chấm dứt"

    @property
    def running(self) -> bool:
        """Đang thực hiện — on schedule, behind or overdue (counted in "x/y")."""
        return self in _RUNNING


_RUNNING = frozenset({ProgressState.ON_SCHEDULE, ProgressState.BEHIND, ProgressState.OVERDUE})


class _Shares:
    """What was released and spent, as shares of the allocation (one home for both the
    task's year and the portfolio's)."""

    __slots__ = ()
    allocation: int
    released: int
    spent: int

    @property
    def released_share(self) -> Fraction | None:
        """Tỷ lệ cấp phát — released ÷ the year's allocation (None if nothing allocated)."""
        return Fraction(self.released, self.allocation) if self.allocation else None

    @property
    def spent_share(self) -> Fraction | None:
        """Tỷ lệ giải ngân — spent ÷ the year's allocation (None if nothing allocated)."""
        return Fraction(self.spent, self.allocation) if self.allocation else None


@attrs.frozen(kw_only=True)
class FundingProgress(_Shares):
    """Cấp phát và giải ngân — one budget year of a task on a date: the year's state-budget
    allocation, what was released and spent by the date (đồng), and their shares (None
    when nothing was allocated)."""

    year: int
    allocation: int
    released: int
    spent: int



def funding_on(task: Task, year: int, day: date) -> FundingProgress:
    """The year's allocation, and what was released and spent by ``day``."""
    released = sum(r.amount for r in task.releases if r.year == year and r.on <= day)
    spent = sum(s.amount for s in task.spending if s.year == year and s.on <= day)
    return FundingProgress(
        year=year, allocation=task.funding.for_year(year), released=released, spent=spent
    )


@attrs.frozen(kw_only=True)
class TaskProgress:
    """Tiến độ nhiệm vụ — a task's state on ``on`` and why: the end in force then, the last
    check and the share of the period elapsed at it, the decision that ended it, and the
    funding of ``on``'s year."""

    code: str
    on: date
    state: ProgressState
    planned_end: date
    last_check: ProgressCheck | None
    expected: Fraction | None
    funding: FundingProgress
    reason: str

    def row(self) -> dict[str, Any]:
        """Dòng bảng — the progress as a row, headed by the label table (``progress``)."""
        p = PROGRESS_LABELS
        share = self.funding
        return {
            "Mã số": self.code,
            p["state"].column(): self.state.label,
            p["planned_end"].column(): self.planned_end,
            p["checked_on"].column(): self.last_check.on if self.last_check else None,
            p["done"].column(): self.last_check.done if self.last_check else None,
            p["expected"].column(): _pct(self.expected),
            p["allocation"].column(): share.allocation,
            p["released"].column(): share.released,
            p["spent"].column(): share.spent,
            p["released_share"].column(): _pct(share.released_share),
            p["spent_share"].column(): _pct(share.spent_share),
        }


def _pct(value: Fraction | None) -> Fraction | None:
    return None if value is None else value * 100


def _end_on(task: Task, day: date) -> date:
    """The end in force on ``day``: the last extension decided by then, or the end (an
    ``extended_to`` without a dated event counts from the start)."""
    extensions = [e for e in events_of(task.events, EventKind.EXTENSION) if e.on <= day]
    if extensions:
        return extensions[-1].new_end or task.end
    if task.extended_to is not None and not events_of(task.events, EventKind.EXTENSION):
        return task.extended_to
    return task.end


def _elapsed(task: Task, day: date) -> Fraction:
    end = _end_on(task, day)
    total = (end - task.start).days + 1
    done = min((day - task.start).days + 1, total)
    return Fraction(max(done, 0), total)


def task_progress(task: Task, *, on: date, tolerance: Fraction = DEFAULT_TOLERANCE) -> TaskProgress:
    """Tiến độ trên ngày — ``task``'s state on ``on`` (required), with its reason."""
    on = require_date(on, what="task_progress(on=...)")
    if not isinstance(task, Task):
        raise InvalidValue(f"task_progress: {task!r}; expected a Task")
    if not isinstance(tolerance, Fraction | int) or isinstance(tolerance, bool) or tolerance < 0:
        raise InvalidValue(f"tolerance={tolerance!r}; expected a Fraction >= 0 such as 1/10")
    end = _end_on(task, on)
    check: ProgressCheck | None = last_on(task.checks, on)
    expected = _elapsed(task, check.on) if check else None
    stop = task.terminated_on if task.terminated_on and task.terminated_on <= on else None
    if on < task.start:
        state, reason = ProgressState.NOT_STARTED, f"bắt đầu {format_date(task.start)}"
    elif stop is not None:
        state, reason = ProgressState.TERMINATED, f"chấm dứt ngày {format_date(stop)}"
    elif task.accepted_on is not None and task.accepted_on <= on:
        state, reason = ProgressState.COMPLETED, f"nghiệm thu ngày {format_date(task.accepted_on)}"
    elif task.status.is_closed and task.accepted_on is None and task.terminated_on is None:
        state, reason = ProgressState.COMPLETED, f"trạng thái {task.status.label.lower()}"
    elif on > end:
        state, reason = ProgressState.OVERDUE, f"quá thời hạn {format_date(end)}"
    elif check is None:
        state, reason = ProgressState.ON_SCHEDULE, "chưa có kiểm tra định kỳ"
    else:
        assert expected is not None
        where = f"kiểm tra ngày {format_date(check.on)}: hoàn thành {check.done}%"
        if check.on_schedule is not None:
            behind = not check.on_schedule
            reason = f"{where}, kết luận của đoàn kiểm tra"
        else:
            behind = Fraction(check.done, 100) < expected - tolerance
            reason = f"{where}, theo thời gian đã qua {format_percent(expected)}"
        state = ProgressState.BEHIND if behind else ProgressState.ON_SCHEDULE
    return TaskProgress(
        code=task.code,
        on=on,
        state=state,
        planned_end=end,
        last_check=check,
        expected=expected,
        funding=funding_on(task, on.year, on),
        reason=reason,
    )


@attrs.frozen(kw_only=True)
class PortfolioProgress(_Shares):
    """Tiến độ danh mục — the tasks running on ``on`` and how many are on schedule, behind
    or overdue; the year's state-budget allocation over every task, and what was released
    and spent by the date."""

    on: date
    progress: tuple[TaskProgress, ...]
    allocation: int
    released: int
    spent: int

    def count(self, state: ProgressState) -> int:
        """Số nhiệm vụ — how many tasks are in ``state``."""
        return sum(1 for p in self.progress if p.state is state)

    @property
    def running(self) -> int:
        """Đang thực hiện — on schedule + behind + overdue."""
        return sum(1 for p in self.progress if p.state.running)

    @property
    def on_schedule(self) -> int:
        """Đảm bảo tiến độ."""
        return self.count(ProgressState.ON_SCHEDULE)


    def sentence(self) -> str:
        """Câu báo cáo — "x/y nhiệm vụ đảm bảo tiến độ; giải ngân đạt z% kế hoạch năm"."""
        parts = [
            f"Đến ngày {format_date(self.on)}, {format_count(self.on_schedule)}/"
            f"{format_count(self.running)} nhiệm vụ đảm bảo tiến độ"
        ]
        late = [
            f"{format_count(self.count(s))} nhiệm vụ {s.label.lower()}"
            for s in (ProgressState.BEHIND, ProgressState.OVERDUE)
            if self.count(s)
        ]
        if late:
            parts[0] += f" ({', '.join(late)})"
        if self.allocation:
            parts.append(
                f"kinh phí năm {self.on.year} đã cấp phát "
                f"{format_money(self.released, unit='tỷ', decimals=3)} "
                f"({format_percent(self.released, self.allocation, decimals=1)} kế hoạch năm), "
                f"giải ngân đạt {format_percent(self.spent, self.allocation, decimals=1)} "
                f"kế hoạch năm"
            )
        return "; ".join(parts) + "."

    def __str__(self) -> str:
        return self.sentence()


def portfolio_progress(
    tasks: Iterable[Task], *, on: date, tolerance: Fraction = DEFAULT_TOLERANCE
) -> PortfolioProgress:
    """Tiến độ danh mục trên ngày — every task that has started by ``on`` and was not
    accepted or terminated before ``on``'s year (an overdue task of an earlier year is
    kept; completed and terminated ones are listed, not counted as running)."""
    on = require_date(on, what="portfolio_progress(on=...)")
    found: list[TaskProgress] = []
    allocation = released = spent = 0
    for task in tasks:
        if not isinstance(task, Task):
            raise InvalidValue(f"portfolio_progress: {task!r}; expected a Task")
        first = date(on.year, 1, 1)
        closed = [d for d in (task.accepted_on, task.terminated_on) if d is not None]
        if task.start > on or (closed and min(closed) < first):
            continue
        item = task_progress(task, on=on, tolerance=tolerance)
        found.append(item)
        allocation += item.funding.allocation
        released += item.funding.released
        spent += item.funding.spent
    return PortfolioProgress(
        on=on, progress=tuple(found), allocation=allocation, released=released, spent=spent
    )


def progress_rows(tasks: Iterable[Task], *, on: date) -> list[dict[str, Any]]:
    """Bảng tiến độ — one row per task (:meth:`TaskProgress.row`), for CSV/Excel/pandas."""
    return [p.row() for p in portfolio_progress(tasks, on=on).progress]
