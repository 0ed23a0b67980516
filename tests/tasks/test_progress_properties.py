"""Properties of a task's regime and progress over drawn tasks and dates."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from vn_skt.tasks import ProgressState, Regime, Task, portfolio_progress, task_progress
from vn_skt.testing.strategies import lived_tasks

CUT_OFF = date(2025, 10, 1)
DAYS = st.dates(min_value=date(2021, 1, 1), max_value=date(2031, 12, 31))


@settings(max_examples=60, deadline=None)
@given(lived_tasks())
def test_the_regime_is_the_approval_date_against_the_cut_off(task: Task) -> None:
    found = task.governing_regime()
    assert task.approved_on is not None and found.on == task.approved_on
    assert found.regime is (Regime.STI_2025 if found.on >= CUT_OFF else Regime.LEGACY)


@settings(max_examples=60, deadline=None)
@given(lived_tasks(), DAYS)
def test_progress_is_consistent_on_any_day(task: Task, day: date) -> None:
    p = task_progress(task, on=day)
    assert (p.state is ProgressState.NOT_STARTED) == (day < task.start)
    if p.state is ProgressState.OVERDUE:
        assert day > p.planned_end and task.accepted_on is None
    if task.terminated_on is not None and day >= task.terminated_on >= task.start:
        assert p.state is ProgressState.TERMINATED
    # the end in force never moves back, and extensions count only once decided
    assert task.end <= p.planned_end <= task.planned_end
    later = task_progress(task, on=day + timedelta(days=1))
    assert later.planned_end >= p.planned_end
    f = p.funding
    assert f.released >= 0 and f.spent >= 0 and f.allocation == task.funding.for_year(day.year)
    assert Task.model_validate_json(task.model_dump_json()) == task


@settings(max_examples=40, deadline=None)
@given(st.lists(lived_tasks(), max_size=6), DAYS)
def test_portfolio_figures_add_up(items: list[Task], day: date) -> None:
    figures = portfolio_progress(items, on=day)
    states = [p.state for p in figures.progress]
    assert figures.running == sum(s.running for s in states)
    assert figures.on_schedule <= figures.running
    assert figures.allocation == sum(p.funding.allocation for p in figures.progress)
    assert figures.spent == sum(p.funding.spent for p in figures.progress)
    assert "nhiệm vụ đảm bảo tiến độ" in figures.sentence()
