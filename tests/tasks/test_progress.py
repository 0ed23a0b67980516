"""A task's progress on dates before and after a check, an extension and a termination;
funding released and spent; the portfolio's figures."""

from __future__ import annotations

import json
from datetime import date
from fractions import Fraction
from typing import Any

import pydantic
import pytest

from vn_skt.errors import InvalidValue
from vn_skt.tasks import (
    PROGRESS_LABELS,
    ProgressState,
    Task,
    load_tasks,
    portfolio_progress,
    progress_rows,
    task_progress,
)

S = ProgressState


def task(code: str = "NV1", **extra: Any) -> Task:
    data: dict[str, Any] = {
        "code": code, "title": "Nhiệm vụ " + code, "type": "Đề tài", "level": "Cấp tỉnh",
        "field": "Khoa học nông nghiệp", "principal_investigator": "TS. A",
        "host_organization": "Viện B", "start": date(2026, 1, 1), "end": date(2026, 12, 31),
        "funding": {"state_budget": {2026: 400_000_000}},
    }  # fmt: skip
    data.update(extra)
    return Task(**data)


def state(t: Task, day: date, **kw: Any) -> ProgressState:
    return task_progress(t, on=day, **kw).state


def test_before_and_after_a_check() -> None:
    t = task(checks=[{"on": date(2026, 7, 1), "done": 30, "findings": "Chậm thí nghiệm"}])
    assert state(t, date(2025, 12, 31)) is S.NOT_STARTED
    assert state(t, date(2026, 6, 30)) is S.ON_SCHEDULE  # no check yet
    after = task_progress(t, on=date(2026, 7, 1))
    assert after.state is S.BEHIND and after.last_check is not None
    assert after.expected == Fraction(182, 365) and "hoàn thành 30%" in after.reason
    # a looser tolerance keeps it on schedule; a check's own conclusion wins
    assert state(t, date(2026, 7, 1), tolerance=Fraction(1, 4)) is S.ON_SCHEDULE
    judged = task(checks=[{"on": date(2026, 7, 1), "done": 30, "on_schedule": True}])
    assert state(judged, date(2026, 7, 2)) is S.ON_SCHEDULE
    good = task(checks=[{"on": date(2026, 7, 1), "done": 45}])
    assert state(good, date(2026, 7, 1)) is S.ON_SCHEDULE  # 45% vs 49,9% − 10 points


def test_before_and_after_an_extension() -> None:
    t = task(
        extended_to=date(2027, 6, 30),
        events=[{"on": date(2026, 12, 20), "kind": "Gia hạn", "new_end": date(2027, 6, 30)}],
        funding={"state_budget": {2026: 400_000_000, 2027: 100_000_000}},
    )
    assert task_progress(t, on=date(2026, 12, 19)).planned_end == date(2026, 12, 31)
    assert task_progress(t, on=date(2026, 12, 20)).planned_end == date(2027, 6, 30)
    assert state(t, date(2027, 1, 5)) is S.ON_SCHEDULE
    assert state(t, date(2027, 7, 1)) is S.OVERDUE
    unextended = task()
    assert state(unextended, date(2027, 1, 1)) is S.OVERDUE


def test_before_and_after_a_termination() -> None:
    t = task(
        terminated_on=date(2026, 9, 15),
        status="Dừng thực hiện",
        events=[{"on": date(2026, 9, 15), "kind": "Chấm dứt", "note": "Chủ nhiệm xin dừng"}],
    )
    assert state(t, date(2026, 9, 14)) is S.ON_SCHEDULE
    stopped = task_progress(t, on=date(2026, 9, 15))
    assert stopped.state is S.TERMINATED and "15/09/2026" in stopped.reason


def test_completed_after_acceptance() -> None:
    t = task(accepted_on=date(2026, 12, 20), status="Đã nghiệm thu")
    assert state(t, date(2026, 12, 19)) is S.ON_SCHEDULE
    assert state(t, date(2026, 12, 20)) is S.COMPLETED


def test_funding_released_and_spent_by_date() -> None:
    t = task(
        releases=[
            {"on": date(2026, 3, 1), "year": 2026, "instalment": 1, "amount": 200_000_000},
            {"on": date(2026, 8, 1), "year": 2026, "instalment": 2, "amount": 120_000_000},
        ],
        spending=[
            {"on": date(2026, 6, 30), "year": 2026, "amount": 150_000_000},
            {"on": date(2026, 9, 30), "year": 2026, "amount": 100_000_000},
        ],
    )
    july = task_progress(t, on=date(2026, 7, 31)).funding
    assert (july.allocation, july.released, july.spent) == (400_000_000, 200_000_000, 150_000_000)
    october = task_progress(t, on=date(2026, 10, 1)).funding
    assert october.released_share == Fraction(4, 5) and october.spent_share == Fraction(5, 8)


def test_portfolio_figures_and_sentence() -> None:
    tasks = [
        task("NV1", checks=[{"on": date(2026, 7, 1), "done": 30}]),
        task("NV2", spending=[{"on": date(2026, 6, 1), "year": 2026, "amount": 100_000_000}],
             releases=[{"on": date(2026, 2, 1), "year": 2026, "instalment": 1,
                        "amount": 300_000_000}]),
        task("NV3", start=date(2027, 1, 1), end=date(2027, 12, 31), funding={}),
        task("NV4", terminated_on=date(2026, 5, 1)),
    ]  # fmt: skip
    figures = portfolio_progress(tasks, on=date(2026, 9, 30))
    assert [p.code for p in figures.progress] == ["NV1", "NV2", "NV4"]  # NV3 not started
    assert (figures.on_schedule, figures.running) == (1, 2)
    assert figures.allocation == 1_200_000_000 and figures.spent_share == Fraction(1, 12)
    text = figures.sentence()
    assert text.startswith("Đến ngày 30/09/2026, 01/02 nhiệm vụ đảm bảo tiến độ")
    assert "01 nhiệm vụ chậm tiến độ" in text and "giải ngân đạt 8,3% kế hoạch năm" in text
    rows = progress_rows(tasks, on=date(2026, 9, 30))
    assert rows[0][PROGRESS_LABELS["state"].column()] == "Chậm tiến độ"
    assert rows[1][PROGRESS_LABELS["spent_share"].column()] == Fraction(25)
    assert PROGRESS_LABELS["spent_share"].column() == "Tỷ lệ giải ngân (%)"


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ({"checks": [{"on": date(2026, 7, 1), "done": 30.5}]}, "whole percentage"),
        ({"checks": [{"on": date(2026, 7, 1), "done": 130}]}, "less than or equal to 100"),
        ({"checks": [{"on": 0, "done": 30}]}, "expected a date"),
        ({"releases": [{"on": date(2026, 3, 1), "year": 2026, "instalment": 1,
                        "amount": 1.5e8}]}, "amount"),
        ({"releases": [{"on": date(2026, 3, 1), "year": 2030, "instalment": 1,
                        "amount": 1}]}, "year 2030"),
        ({"events": [{"on": date(2026, 3, 1), "kind": "Gia hạn"}]}, "needs new_end"),
        ({"events": [{"on": date(2026, 3, 1), "kind": "Tạm hoãn"}]}, "Tạm hoãn"),
        ({"events": [{"on": date(2026, 3, 1), "kind": "Gia hạn", "new_end": date(2027, 3, 1)}]},
         "set extended_to = 2027-03-01"),
        ({"events": [{"on": date(2026, 3, 1), "kind": "Chấm dứt"}]},
         "set terminated_on = 2026-03-01"),
        ({"checks": [{"on": date(2025, 7, 1), "done": 3}]}, "before start"),
    ],
)  # fmt: skip
def test_bad_records_name_the_value(extra: dict[str, Any], words: str) -> None:
    with pytest.raises(pydantic.ValidationError, match=words):
        task(**extra)


def test_bad_arguments() -> None:
    with pytest.raises(InvalidValue):
        task_progress(task(), on="2026-01-01")  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match="tolerance"):
        task_progress(task(), on=date(2026, 1, 1), tolerance=0.1)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match="expected a Task"):
        portfolio_progress([object()], on=date(2026, 1, 1))  # type: ignore[list-item]


def test_json_round_trip_keeps_the_life() -> None:
    t = task(
        checks=[{"on": date(2026, 7, 1), "done": 30}],
        releases=[{"on": date(2026, 3, 1), "year": 2026, "instalment": 1, "amount": 5}],
        spending=[{"on": date(2026, 6, 30), "year": 2026, "amount": 3}],
    )
    assert Task.model_validate_json(t.model_dump_json()) == t


def test_json_rows_carry_the_records_through_the_loader() -> None:
    t = task(checks=[{"on": date(2026, 7, 1), "done": 30}])
    row = json.loads(t.model_dump_json())
    assert load_tasks([row]).tasks == (t,)
    bad = {**row, "checks": "30%"}
    result = load_tasks([bad])
    assert result.tasks == () and "checks" in str(result.errors[0])
