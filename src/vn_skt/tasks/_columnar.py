"""Lược đồ cột — the one columnar schema of tasks (Arrow types, through polars).

One row per task. Scalar fields keep their Task types (text, dates); enum fields hold
the member's name (the stable code JSON carries) as a polars ``Enum``, an Arrow
dictionary; the budget is ``budget``, a list of ``{year, source, amount}`` structs (one
per year and source, amounts in int đồng), and ``counterpart`` / ``other`` keep the
totals of the sources that may be given without years. ``tasks_frame`` writes it,
``tasks_from_frame`` reads it back (every Task validated); polars is the ``bulk``
extra.

>>> from datetime import date
>>> from vn_skt.tasks import Task
>>> task = Task(code="A", title="T", type="Đề tài", level="Cấp tỉnh",
...             field="Khoa học xã hội", principal_investigator="X", host_organization="Y",
...             start=date(2025, 1, 1), end=date(2026, 6, 30),
...             funding={"state_budget": {2025: 300, 2026: 200}, "other": 50})
>>> frame = tasks_frame([task])
>>> [(b["year"], b["source"], b["amount"]) for b in frame["budget"][0]]
[(2025, 'state_budget', 300), (2026, 'state_budget', 200)]
>>> tasks_from_frame(frame) == [task]
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from vn_skt._columns import polars

from ._models import DATE_FIELDS, ENUM_FIELDS, Task

__all__ = ["BUDGET_SOURCES", "task_schema", "tasks_frame", "tasks_from_frame"]

BUDGET_SOURCES = ("state_budget", "counterpart", "other")
"""The sources a ``budget`` struct names."""

_ENUMS: Mapping[str, Any] = ENUM_FIELDS
_TEXT = ("code", "title", "principal_investigator", "host_organization", "approved_by", "notes")
_DATES = DATE_FIELDS
_ORDER = (
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
    "selection",
    "status",
    "approved_by",
    "accepted_on",
    "acceptance_rating",
    "terminated_on",
    "notes",
)


def _polars() -> Any:
    return polars("the columnar schema of tasks")


def task_schema() -> Any:
    """Lược đồ — the polars Schema of the task table (its Arrow types are the canonical
    ones: utf8, date32, dictionary<utf8> for enums, list<struct<year: int16, source:
    dictionary<utf8>, amount: int64>>, int64)."""
    pl = _polars()
    columns: dict[str, Any] = {}
    for name in _ORDER:
        if name in _ENUMS:
            columns[name] = pl.Enum([m.name for m in _ENUMS[name]])
        elif name in _DATES:
            columns[name] = pl.Date
        else:
            columns[name] = pl.String
    columns["budget"] = pl.List(
        pl.Struct({"year": pl.Int16, "source": pl.Enum(list(BUDGET_SOURCES)), "amount": pl.Int64})
    )
    columns["counterpart"] = pl.Int64
    columns["other"] = pl.Int64
    return pl.Schema(columns)


def _row(task: Task) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name in _ORDER:
        value = getattr(task, name)
        if name in _ENUMS:
            row[name] = None if value is None else value.name
        elif name == "approved_by":
            row[name] = None if value is None else str(value)
        else:
            row[name] = value
    f = task.funding
    by_source = {
        "state_budget": f.state_budget,
        "counterpart": f.counterpart_by_year,
        "other": f.other_by_year,
    }
    row["budget"] = [
        {"year": year, "source": source, "amount": amount}
        for source, years in by_source.items()
        for year, amount in sorted(years.items())
    ]
    row["counterpart"], row["other"] = f.counterpart, f.other
    return row


def tasks_frame(tasks: Iterable[Task]) -> Any:
    """Bảng cột — the tasks as a polars DataFrame of :func:`task_schema`."""
    pl = _polars()
    return pl.DataFrame([_row(t) for t in tasks], schema=task_schema(), orient="row")


def tasks_from_frame(frame: Any) -> list[Task]:
    """Đọc bảng cột — Tasks from a frame of :func:`task_schema` (each validated)."""
    tasks = []
    for row in frame.iter_rows(named=True):
        # a null total is "none given", as the bulk kernels read it
        funding: dict[str, Any] = {
            k: row[k] for k in ("counterpart", "other") if row[k] is not None
        }
        for item in row["budget"] or ():
            key = (
                "state_budget" if item["source"] == "state_budget" else f"{item['source']}_by_year"
            )
            funding.setdefault(key, {})[item["year"]] = item["amount"]
        data = {k: row[k] for k in _ORDER if row[k] is not None}
        tasks.append(Task.model_validate({**data, "funding": funding}))
    return tasks
