"""The canonical columnar schema of tasks: one row per task, budgets as structs."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vn_skt.tasks import Task, task_schema, tasks_frame, tasks_from_frame
from vn_skt.testing.strategies import tasks

pl = pytest.importorskip("polars")


def test_the_schema_is_arrow_typed() -> None:
    schema = task_schema()
    assert schema["start"] == pl.Date and schema["code"] == pl.String
    assert schema["counterpart"] == pl.Int64
    budget = schema["budget"]
    assert budget == pl.List(
        pl.Struct(
            {
                "year": pl.Int16,
                "source": pl.Enum(["state_budget", "counterpart", "other"]),
                "amount": pl.Int64,
            }
        )
    )


@settings(max_examples=30, deadline=None)
@given(st.lists(tasks(), max_size=5, unique_by=lambda t: t.code))
def test_tasks_round_trip_through_the_frame(items: list[Task]) -> None:
    frame = tasks_frame(items)
    assert frame.schema == task_schema() and len(frame) == len(items)
    assert tasks_from_frame(frame) == items


def test_a_null_total_is_none_given() -> None:
    # what the bulk kernels read as 0 (a sheet's empty cell), the reader reads the same way
    task = Task(
        code="A",
        title="T",
        type="Đề tài",
        level="Cấp tỉnh",
        field="Khoa học xã hội",
        principal_investigator="X",
        host_organization="Y",
        start=date(2025, 1, 1),
        end=date(2026, 6, 30),
        funding={"state_budget": {2025: 300}},
    )
    frame = tasks_frame([task]).with_columns(
        pl.lit(None, dtype=pl.Int64).alias("counterpart"),
        pl.lit(None, dtype=pl.Int64).alias("other"),
    )
    assert tasks_from_frame(frame) == [task]
