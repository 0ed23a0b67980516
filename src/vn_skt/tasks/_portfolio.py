"""Danh mục nhiệm vụ — the annual portfolio: tasks carried over and new, by field, budget.

A task is *carried over* into year Y (chuyển tiếp) when it started before 1 January of
Y and is still within its implementation period in Y, extension included and
termination counted; it is *new* (mở mới) when it starts in Y. Every task of the year
is one or the other, never both. The year's state budget is every allocation for Y in
the portfolio: a task that is not implemented in Y but is funded for it (the settlement
of a task that ended the year before) is listed apart, as ``settlement``.

:class:`Portfolio` has the face of the other portfolios (``TitlePortfolio``): it holds
its records, has a length and iterates over them; ``year(y)`` summarises a year,
``status_counts()`` counts per status, ``to_frame()`` is one row per record. A task's
status is recorded (not computed from a date, as a title's is), so ``status_counts``
takes no date.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any, Literal

import attrs

from vn_skt.errors import InvalidValue
from vn_skt.l10n import HTML_ROWS, format_count, format_money, frame, html_record, html_table

from ._enums import ResearchField, TaskLevel, TaskStatus, TaskType
from ._labels import FUNDING_LABELS, TASK_LABELS, YEAR_SUMMARY_LABELS
from ._models import Task

__all__ = ["FieldGrouping", "Portfolio", "YearSummary"]

FieldGrouping = Mapping[ResearchField, str]
"""A province's grouping of fields for its plan: field → the group's label."""


def _label_of(field: ResearchField, grouping: FieldGrouping | None) -> str:
    if grouping is None:
        return field.label[0].lower() + field.label[1:]
    try:
        return grouping[field]
    except KeyError:
        raise InvalidValue(
            f"grouping has no label for {field.name} ({field.label}); "
            f"a grouping must cover every ResearchField"
        ) from None


@attrs.frozen
class YearSummary:
    """Tổng hợp năm — the tasks of year ``year`` and their figures.

    ``total == len(carried_over) + len(new)`` always; ``by_field`` (and ``by_group``,
    ``by_level``, ``by_type``) count all tasks of the year; ``state_budget`` is the state
    budget allocated for the year over every task of the portfolio: the tasks of the
    year and the ``settlement`` tasks. The task lists are lists (as the API has them),
    compared and hashed as tuples: a summary is a hashable value.
    """

    year: int
    tasks: list[Task] = attrs.field(eq=tuple)
    carried_over: list[Task] = attrs.field(eq=tuple)
    new: list[Task] = attrs.field(eq=tuple)
    completed: list[Task] = attrs.field(eq=tuple)
    """Hoàn thành — tasks whose period (extension included) ends in the year, or that
    were accepted in it (which may include a task of the year before)."""
    state_budget: int
    grouping: FieldGrouping | None = attrs.field(default=None, eq=False, repr=False)
    settlement: list[Task] = attrs.field(factory=list, eq=tuple, kw_only=True)
    """Chỉ quyết toán — tasks not implemented in the year that are funded for it (the
    settlement of a task that ended the year before, money for a task terminated
    before the year); their allocations are part of ``state_budget``."""

    @property
    def total(self) -> int:
        """Tổng số nhiệm vụ thực hiện trong năm."""
        return len(self.tasks)

    @property
    def by_field(self) -> dict[ResearchField, int]:
        """Theo lĩnh vực — count per research field, over all tasks of the year."""
        return dict(Counter(task.field for task in self.tasks))

    @property
    def by_level(self) -> dict[TaskLevel, int]:
        """Theo cấp — count per level."""
        return dict(Counter(task.level for task in self.tasks))

    @property
    def by_type(self) -> dict[TaskType, int]:
        """Theo loại — count per task type."""
        return dict(Counter(task.type for task in self.tasks))

    def by_group(self, tasks: Iterable[Task] | None = None) -> dict[str, int]:
        """Theo nhóm lĩnh vực — count per the grouping's label (or the field's label)."""
        counts: Counter[str] = Counter()
        for task in self.tasks if tasks is None else tasks:
            counts[_label_of(task.field, self.grouping)] += 1
        return dict(counts)

    def as_dict(self) -> dict[str, Any]:
        """Số liệu — the figures as a plain dict (names as keys, ints as values)."""
        return {
            "year": self.year,
            "total": self.total,
            "carried_over": len(self.carried_over),
            "new": len(self.new),
            "completed": len(self.completed),
            "state_budget": self.state_budget,
            "by_field": {field.name: n for field, n in self.by_field.items()},
            "by_level": {level.name: n for level, n in self.by_level.items()},
            "by_type": {kind.name: n for kind, n in self.by_type.items()},
            "new_by_group": self.by_group(self.new),
        }

    def rows(self) -> list[dict[str, Any]]:
        """Dòng bảng — one row per task of the year, then one per settlement task.

        Each is :meth:`Task.row` (whose totals cover every year of the task) and: the
        year, whether the task is carried over, new or only settled in it, and its state
        budget *for this year* ("Kinh phí NSNN năm 2025 (đồng)"), whose sum is
        ``state_budget``, the figure of the report sentence.
        """
        y = YEAR_SUMMARY_LABELS
        budget = FUNDING_LABELS["state_budget"].column(year=self.year)
        carried = {t.code for t in self.carried_over}
        new = {t.code for t in self.new}
        return [
            {
                **t.row(),
                y["year"].column(): self.year,
                y["carried_over"].column(): t.code in carried,
                y["new"].column(): t.code in new,
                y["settlement"].column(): t.code not in carried and t.code not in new,
                budget: t.funding.for_year(self.year),
            }
            for t in (*self.tasks, *self.settlement)
        ]

    def to_frame(self, *, headings: Headings = "vi") -> Any:
        """Bảng pandas — :meth:`rows` as a DataFrame (pandas is the ``notebook`` extra):
        ``frame["Kinh phí NSNN năm 2025 (đồng)"].sum() == summary.state_budget``.

        ``headings="names"`` titles the columns by field name instead ("code",
        "state_budget_2025", "state_budget_total"), for code that should not depend on
        the Vietnamese titles."""
        return frame(_headed(self.rows(), headings))

    def _repr_html_(self) -> str:
        y = YEAR_SUMMARY_LABELS
        figures = {
            y["total"].vi: self.total,
            y["carried_over"].vi: len(self.carried_over),
            y["new"].vi: len(self.new),
            y["completed"].vi: len(self.completed),
            FUNDING_LABELS["state_budget"].column(year=self.year): self.state_budget,
            **{f"{y['by_group'].vi}: {k}": v for k, v in self.by_group().items()},
        }
        if self.settlement:
            figures[y["settlement"].vi] = len(self.settlement)
        head = html_record(f"Năm {self.year}", figures)
        return head + _task_list(self.tasks, f"Nhiệm vụ thực hiện năm {self.year}")

    def __str__(self) -> str:
        y = self.year
        groups = "; ".join(
            f"lĩnh vực {label}: {format_count(n)} nhiệm vụ"
            for label, n in sorted(self.by_group(self.new).items(), key=lambda kv: (-kv[1], kv[0]))
        )
        new = f"{format_count(len(self.new))} nhiệm vụ bắt đầu thực hiện từ năm {y}"
        if groups:
            new += f" ({groups})"
        budget = format_money(self.state_budget, unit="tỷ", decimals=3)
        return (
            f"Năm {y} thực hiện {format_count(self.total)} nhiệm vụ KH&CN, trong đó: "
            f"{format_count(len(self.carried_over))} nhiệm vụ chuyển tiếp từ năm {y - 1}; "
            f"{new}, với tổng kinh phí thực hiện {budget}."
        )


Headings = Literal["vi", "names"]
"""How a frame titles its columns: the Vietnamese column titles, or the field names."""

_YEAR_COLUMN = re.compile(r"Kinh phí NSNN năm ([0-9]{4}) \(đồng\)")


def _names() -> dict[str, str]:
    names = {TASK_LABELS[n].column(): n for n in TASK_LABELS}
    names |= {label.column(): n for n, label in FUNDING_LABELS.items() if "{" not in label.header}
    names |= {YEAR_SUMMARY_LABELS[n].column(): n for n in YEAR_SUMMARY_LABELS}
    return names


_NAMES = _names()


def _name_of(header: str) -> str:
    year = _YEAR_COLUMN.fullmatch(header)
    return f"state_budget_{year.group(1)}" if year else _NAMES.get(header, header)


def _headed(rows: Iterable[dict[str, Any]], headings: Headings) -> list[dict[str, Any]]:
    if headings == "vi":
        return list(rows)
    if headings != "names":
        raise InvalidValue(f"headings={headings!r}; expected 'vi' or 'names'")
    return [{_name_of(k): v for k, v in row.items()} for row in rows]


def _task_list(tasks: Sequence[Task], caption: str) -> str:
    """The first rows of a task list, then "… và 9.980 nhiệm vụ khác" (notebook views)."""
    rows = [list(t.row().values()) for t in tasks[:HTML_ROWS]]
    headers = list(tasks[0].row()) if tasks else [TASK_LABELS["code"].vi]
    return html_table(headers, rows, caption=caption, total=len(tasks), noun="nhiệm vụ")


class Portfolio:
    """Danh mục nhiệm vụ — a department's tasks, summarised year by year.

    ``grouping`` maps each ResearchField to the label of the province's own field group
    ("nông nghiệp và phát triển nông thôn"); without it the classification's labels are
    used.
    """

    def __init__(self, tasks: Iterable[Task], *, grouping: FieldGrouping | None = None) -> None:
        self.tasks: tuple[Task, ...] = tuple(tasks)
        for i, task in enumerate(self.tasks):
            if not isinstance(task, Task):
                raise InvalidValue(f"Portfolio: item {i} is {type(task).__name__}; expected Task")
        codes = Counter(task.code for task in self.tasks)
        duplicates = sorted(code for code, n in codes.items() if n > 1)
        if duplicates:
            raise InvalidValue(f"Portfolio: task codes appear more than once: {duplicates}")
        if grouping is not None:
            for field in ResearchField:
                _label_of(field, grouping)
        self.grouping = grouping

    def __len__(self) -> int:
        return len(self.tasks)

    def __iter__(self) -> Iterator[Task]:
        return iter(self.tasks)

    def __repr__(self) -> str:
        return f"Portfolio({len(self.tasks)} tasks)"

    def year(self, year: int) -> YearSummary:
        """Năm — the summary of ``year``: carried over, new, completed, budget."""
        if type(year) is not int:
            raise InvalidValue(f"Portfolio.year: got {year!r}; expected an int year")
        first_day = date(year, 1, 1)
        running: list[Task] = []
        carried: list[Task] = []
        new: list[Task] = []
        completed: list[Task] = []
        settlement: list[Task] = []
        budget = 0
        for task in self.tasks:
            allocated = task.funding.for_year(year)
            budget += allocated
            in_year = task.is_running_in(year)
            if in_year:
                running.append(task)
                (carried if task.start < first_day else new).append(task)
            elif allocated:
                settlement.append(task)
            accepted_now = task.accepted_on is not None and task.accepted_on.year == year
            ends_now = in_year and task.terminated_on is None and task.planned_end.year == year
            if ends_now or accepted_now:
                completed.append(task)
        return YearSummary(
            year, running, carried, new, completed, budget, self.grouping, settlement=settlement
        )

    def overdue(self, *, on: date) -> list[Task]:
        """Quá hạn — tasks whose period (extension included) ended before ``on`` and that
        are neither accepted nor terminated."""
        return [
            task
            for task in self.tasks
            if task.planned_end < on
            and not task.status.is_closed
            and task.accepted_on is None
            and task.terminated_on is None
        ]

    def filter(self, predicate: Callable[[Task], bool]) -> Portfolio:
        """Lọc — a portfolio of the tasks for which ``predicate`` is true."""
        return Portfolio([t for t in self.tasks if predicate(t)], grouping=self.grouping)

    def to_frame(self, *, headings: Headings = "vi") -> Any:
        """Bảng pandas — one row per task (pandas is the ``notebook`` extra); columns
        titled in Vietnamese (``headings="vi"``, the label table's) or by field name
        (``headings="names"``)."""
        return frame(_headed((t.row() for t in self.tasks), headings))

    def _repr_html_(self) -> str:
        return _task_list(self.tasks, f"Danh mục {format_count(len(self.tasks))} nhiệm vụ")

    def status_counts(self) -> dict[TaskStatus, int]:
        """Theo trạng thái — count per status."""
        return dict(Counter(task.status for task in self.tasks))
