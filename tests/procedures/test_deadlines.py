"""Procedure time limits of the 2025 regime, counted across holidays (Civil Code
Art. 147–148: the event's day not counted; a calendar-day period ending on a day off ends
on the next working day)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vn_skt.calendar import is_working_day
from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.procedures import ProcedureStep, procedure_deadline
from vn_skt.regulations import Status, Version, register_version, unregister
from vn_skt.regulations.task_rules import DayCount, TimeLimit

P = ProcedureStep

# (step, event, due across a holiday, why the count passes a day off)
ACROSS_HOLIDAYS = [
    (P.FILE_VALIDITY, date(2026, 2, 6), date(2026, 2, 27), "10 working days over Tết 16–20/02"),
    (P.RESULT_NOTICE, date(2026, 8, 28), date(2026, 9, 7), "3 working days over 31/8–2/9"),
    (P.FINALISE, date(2026, 4, 15), date(2026, 5, 4), "ends 30/4: moved past 1/5 and the weekend"),
    (P.HOST_APPROVAL, date(2025, 10, 29), date(2026, 2, 23), "110 days end on Tết 16/02"),
    (P.ADJUSTMENT, date(2026, 8, 17), date(2026, 9, 3), "ends 1/9 (Quốc khánh)"),
    (P.SUSPENSION_NOTICE, date(2026, 4, 29), date(2026, 5, 6), "3 working days over 30/4–1/5"),
    (P.TERMINATION_EVALUATION, date(2026, 2, 2), date(2026, 2, 23), "ends 17/02 (Tết)"),
    (P.TERMINATION_DECISION, date(2026, 3, 31), date(2026, 5, 4), "ends 30/4"),
    (P.NON_STATE_BUDGET_EVALUATION, date(2026, 8, 5), date(2026, 9, 3), "ends 2/9"),
]


@pytest.mark.parametrize(("step", "event", "due", "why"), ACROSS_HOLIDAYS)
def test_every_deadline_across_a_holiday(
    step: ProcedureStep, event: date, due: date, why: str
) -> None:
    result = procedure_deadline(step, event, on=event)
    assert result.due == due, why
    assert is_working_day(result.due)
    assert result.rule.source and result.source in str(result)


def test_every_shipped_step_is_tested_across_a_holiday() -> None:
    assert {row[0] for row in ACROSS_HOLIDAYS} == set(ProcedureStep)


@pytest.mark.parametrize(
    ("step", "event", "due"),
    [
        (P.FILE_VALIDITY, date(2026, 3, 2), date(2026, 3, 16)),
        (P.RESULT_NOTICE, date(2026, 3, 2), date(2026, 3, 5)),
        (P.FINALISE, date(2026, 3, 2), date(2026, 3, 17)),
        (P.HOST_APPROVAL, date(2026, 3, 2), date(2026, 6, 22)),  # 20/6 Sat → Mon 22/6
        (P.TERMINATION_DECISION, date(2026, 3, 2), date(2026, 4, 1)),
        (P.NON_STATE_BUDGET_EVALUATION, date(2026, 3, 2), date(2026, 3, 30)),
    ],
)
def test_deadlines_without_a_holiday(step: ProcedureStep, event: date, due: date) -> None:
    assert procedure_deadline(step, event, on=event).due == due


def test_working_and_calendar_days_stay_distinct() -> None:
    a = procedure_deadline(P.SUSPENSION_NOTICE, date(2026, 4, 29), on=date(2026, 4, 29))
    assert a.rule.count is DayCount.WORKING and a.moved_because is None
    assert "3 ngày làm việc" in str(a)
    b = procedure_deadline(P.FINALISE, date(2026, 4, 15), on=date(2026, 4, 15))
    assert b.rule.count is DayCount.CALENDAR and b.nominal == date(2026, 4, 30)
    assert b.moved_because == "Ngày Chiến thắng" and "15 ngày sau" in str(b)


def test_the_event_day_is_not_counted() -> None:
    # 15 days from Monday 02/03 end on Tuesday 17/03, not Monday 16/03
    assert procedure_deadline(P.FINALISE, date(2026, 3, 2), on=date(2026, 3, 2)).nominal == date(
        2026, 3, 17
    )


def test_the_table_starts_on_1_october_2025() -> None:
    with pytest.raises(RegulationNotFound, match=r"2025-09-30.*01/10/2025"):
        procedure_deadline(P.FILE_VALIDITY, date(2025, 9, 30), on=date(2025, 9, 30))
    first = procedure_deadline(P.FILE_VALIDITY, date(2025, 10, 1), on=date(2025, 10, 1))
    assert first.due == date(2025, 10, 15) and first.status is Status.V


def test_unverified_rows_say_so() -> None:
    result = procedure_deadline(P.FINALISE, date(2026, 3, 2), on=date(2026, 3, 2))
    assert result.status is Status.U and "[chưa kiểm chứng]" in str(result)


def test_steps_by_label_and_bad_input() -> None:
    by_label = procedure_deadline("Hoàn thiện hồ sơ", date(2026, 3, 2), on=date(2026, 3, 2))
    assert by_label.step == "FINALISE" and by_label.label == "Hoàn thiện hồ sơ"
    with pytest.raises(InvalidValue, match=r"step 'nộp báo cáo' has no time limit.*FILE_VALIDITY"):
        procedure_deadline("nộp báo cáo", date(2026, 3, 2), on=date(2026, 3, 2))
    with pytest.raises(InvalidValue, match="on"):
        procedure_deadline(P.FINALISE, date(2026, 3, 2), on=None)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        procedure_deadline(P.FINALISE, datetime(2026, 3, 2), on=date(2026, 3, 2))


def test_late_and_days_left() -> None:
    result = procedure_deadline(P.FILE_VALIDITY, date(2026, 2, 6), on=date(2026, 2, 6))
    assert not result.is_late(date(2026, 2, 27)) and result.is_late(date(2026, 3, 2))
    assert result.working_days_left(date(2026, 2, 13)) == 5
    assert result.working_days_left(date(2026, 3, 2)) == -1


def test_a_province_replaces_one_limit_and_adds_a_step() -> None:
    own = Version(
        "procedure_deadlines",
        date(2026, 1, 1),
        None,
        "Quyết định 12/2026/QĐ-UBND",
        "V",
        {
            "FINALISE": TimeLimit(
                days=10,
                count="working",
                step="hoàn thiện hồ sơ",
                after="nhận thông báo",
                source="Quyết định 12/2026/QĐ-UBND Điều 7",
            ),
            "CONTRACT": TimeLimit(
                days=5,
                count="working",
                step="ký hợp đồng",
                after="phê duyệt",
                source="Quyết định 12/2026/QĐ-UBND Điều 8",
            ),
        },
        patch=True,
    )
    register_version(own)
    try:
        finalise = procedure_deadline(P.FINALISE, date(2026, 2, 6), on=date(2026, 2, 6))
        assert finalise.due == date(2026, 2, 27) and "12/2026/QĐ-UBND" in finalise.source
        contract = procedure_deadline("CONTRACT", date(2026, 2, 6), on=date(2026, 2, 6))
        assert contract.label == "Ký hợp đồng" and contract.due == date(2026, 2, 13)
        before = procedure_deadline(P.FINALISE, date(2025, 12, 1), on=date(2025, 12, 1))
        assert before.rule.count is DayCount.CALENDAR
    finally:
        unregister("procedure_deadlines")


@settings(max_examples=60, deadline=None)
@given(
    step=st.sampled_from(list(ProcedureStep)),
    # every deadline (at most 110 days) stays inside the calendar vn-skt ships (to 2026)
    event=st.dates(min_value=date(2025, 10, 1), max_value=date(2026, 9, 1)),
)
def test_a_deadline_is_a_working_day_no_earlier_than_the_count(
    step: ProcedureStep, event: date
) -> None:
    result = procedure_deadline(step, event, on=event)
    assert is_working_day(result.due)
    assert result.due >= result.nominal > event
    if result.rule.count is DayCount.CALENDAR:
        assert result.nominal == event + timedelta(days=result.rule.days)
        assert (result.due == result.nominal) == (result.moved_because is None)


def test_a_deadline_in_a_year_without_calendar_data_warns() -> None:
    from vn_skt.errors import VnSktWarning

    with pytest.warns(VnSktWarning, match="2027"):
        result = procedure_deadline(
            P.HOST_APPROVAL, date(2026, 11, 20), on=date(2026, 11, 20)
        )
    assert result.due.year == 2027
