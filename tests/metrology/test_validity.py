"""How long a verification is valid: the cycle of the list in force on its date."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.metrology import (
    InstrumentType,
    catalogue,
    instrument_type,
    valid_until,
    valid_until_months,
)
from vn_skt.regulations import Status

ON = date(2025, 6, 1)


def cycle_of(months: int) -> str:
    return next(k.full_name for k in catalogue(on=ON) if k.cycle_months == months)


@pytest.mark.parametrize(
    ("months", "verified", "until"),
    [
        (12, date(2025, 3, 15), date(2026, 3, 14)),
        (6, date(2025, 8, 31), date(2026, 2, 28)),  # 31 August + 6 months
        (18, date(2025, 10, 31), date(2027, 4, 30)),
        (12, date(2025, 2, 28), date(2026, 2, 27)),
        (24, date(2024, 11, 29), date(2026, 11, 28)),
        (6, date(2025, 1, 1), date(2025, 6, 30)),
        (12, date(2025, 12, 31), date(2026, 12, 30)),
        (60, date(2025, 1, 30), date(2030, 1, 29)),
        (36, date(2025, 5, 31), date(2028, 5, 30)),
        (72, date(2025, 3, 31), date(2031, 3, 30)),
        (12, date(2025, 1, 31), date(2026, 1, 30)),
        (6, date(2025, 3, 31), date(2025, 9, 30)),  # 30 September is the last day anyway
    ],
)
def test_valid_until(months: int, verified: date, until: date) -> None:
    assert valid_until(cycle_of(months), verified) == until
    assert valid_until(instrument_type(cycle_of(months), on=verified), verified) == until
    assert valid_until_months(verified, months) == until


def test_leap_day_cycles() -> None:
    assert valid_until_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert valid_until_months(date(2024, 2, 29), 24) == date(2026, 2, 28)
    assert valid_until_months(date(2024, 2, 29), 48) == date(2028, 2, 28)


def test_truck_scale_follows_the_list_of_its_verification_date() -> None:
    # The case: a truck scale verified in May 2026 is due in 2028, not 2027.
    assert valid_until("Cân ô tô", date(2026, 5, 20)) == date(2028, 5, 19)
    assert valid_until("Cân ô tô", date(2026, 4, 14)) == date(2027, 4, 13)
    assert valid_until("Cân ô tô", date(2026, 4, 15)) == date(2028, 4, 14)


def test_a_type_looked_up_for_another_day_is_looked_up_again() -> None:
    today = instrument_type("Cân ô tô", on=date(2026, 5, 1))  # 24 months
    assert valid_until(today, date(2025, 5, 20)) == date(2026, 5, 19)  # the 2024 list's 12
    assert valid_until(today, date(2026, 5, 20)) == date(2028, 5, 19)


def test_a_hand_made_type_is_used_as_is_inside_its_span() -> None:
    mine = InstrumentType(
        name="Cân ô tô",
        item=10,
        cycle_months=6,
        controls=None,
        source="thử",
        status=Status.U,
        effective_from=date(2026, 1, 1),
        effective_to=date(2026, 12, 31),
    )
    assert valid_until(mine, date(2026, 5, 20)) == date(2026, 11, 19)
    assert valid_until(mine, date(2027, 5, 20)) == date(2029, 5, 19)  # outside: the list's


def test_initial_only() -> None:
    assert valid_until("Thước cuộn", date(2025, 1, 1)) is None
    assert instrument_type("Thước cuộn", on=ON).initial_only
    # the 2026 copy gives the mercury clinical thermometer 6 months (suspect, U)
    name = "Nhiệt kế y học thủy tinh-thủy ngân có cơ cấu cực đại"
    assert valid_until(name, date(2026, 4, 14)) is None
    assert valid_until(name, date(2026, 4, 15)) == date(2026, 10, 14)


def test_not_on_the_list_that_day() -> None:
    with pytest.raises(RegulationNotFound, match="removed from 15/10/2024"):
        valid_until("Công tơ điện xoay chiều 1 pha kiểu cảm ứng", date(2025, 1, 10))
    with pytest.raises(RegulationNotFound, match="earliest"):
        valid_until("Cân ô tô", date(2019, 12, 31))


@pytest.mark.parametrize("bad", [None, "2025-01-01", datetime(2025, 1, 1, 9)])
def test_verified_on_must_be_a_date(bad: object) -> None:
    with pytest.raises(InvalidValue, match="verified_on"):
        valid_until("Cân ô tô", bad)  # type: ignore[arg-type]


SPANS = [date(2020, 1, 1), date(2024, 10, 15), date(2026, 4, 15)]


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2060, 12, 31)), st.data())
def test_validity_is_the_cycle_less_one_day(verified: date, data: st.DataObject) -> None:
    kinds = [k for k in catalogue(on=verified) if k.cycle_months]
    kind = data.draw(st.sampled_from(kinds))
    until = valid_until(kind, verified)
    assert until is not None
    target = verified + relativedelta(months=kind.cycle_months)  # clamps to the month's end
    if target.day == verified.day:
        assert until == target - timedelta(days=1)
    else:  # the month has no such day: its last day
        assert until == target and (until + timedelta(days=1)).day == 1
