from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.l10n import (
    add_working_days,
    day_off_reason,
    is_working_day,
    working_days_between,
)
from vn_skt.regulations import Registry, Status, Version, default_registry, lookup, table

DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31))


def days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


# -- the documented years --------------------------------------------------------------


def test_2024() -> None:
    assert not any(is_working_day(d) for d in days(date(2024, 2, 8), date(2024, 2, 14)))  # Tết
    assert is_working_day(date(2024, 2, 15))
    assert not is_working_day(date(2024, 4, 29))  # off, for Saturday 4/5
    assert is_working_day(date(2024, 5, 4))  # the Saturday worked
    assert not is_working_day(date(2024, 4, 30)) and not is_working_day(date(2024, 5, 1))
    assert not is_working_day(date(2024, 9, 2)) and not is_working_day(date(2024, 9, 3))
    assert is_working_day(date(2024, 9, 4))


def test_2025() -> None:
    assert not any(is_working_day(d) for d in days(date(2025, 1, 27), date(2025, 1, 31)))
    assert is_working_day(date(2025, 2, 3))
    assert is_working_day(date(2025, 4, 26))  # Saturday worked
    assert not is_working_day(date(2025, 5, 2))  # Friday off
    assert not is_working_day(date(2025, 9, 1)) and not is_working_day(date(2025, 9, 2))
    assert is_working_day(date(2025, 9, 3))


@pytest.mark.parametrize(
    ("year", "days_off"),
    [
        (2020, [date(2020, 1, 23), date(2020, 1, 29), date(2020, 4, 2), date(2020, 9, 2)]),
        (2021, [date(2021, 2, 10), date(2021, 2, 16), date(2021, 5, 3), date(2021, 9, 3)]),
        (
            2022,
            [
                date(2022, 1, 3),
                date(2022, 2, 4),
                date(2022, 4, 11),
                date(2022, 5, 3),
                date(2022, 9, 1),
            ],
        ),
        (
            2023,
            [
                date(2023, 1, 2),
                date(2023, 1, 26),
                date(2023, 5, 2),
                date(2023, 5, 3),
                date(2023, 9, 4),
            ],
        ),
        (2026, [date(2026, 2, 16), date(2026, 2, 20), date(2026, 4, 27), date(2026, 9, 2)]),
    ],
)
def test_each_year_of_the_schedule(year: int, days_off: list[date]) -> None:
    version = lookup("workday_calendar", date(year, 6, 1))
    assert version.effective_from == date(year, 1, 1) and version.source
    for d in days_off:
        assert not is_working_day(d), d
        assert day_off_reason(d)


def test_statuses() -> None:
    statuses = {v.effective_from.year: v.status for v in table("workday_calendar").versions}
    assert statuses[2024] is Status.V2 and statuses[2025] is Status.V2
    assert statuses[2020] is Status.U and statuses[2026] is Status.U


def test_ours_and_holidays_agree_where_both_speak() -> None:
    for year in (2024, 2025):
        lib = holidays.country_holidays("VN", years=year, language="vi")
        ours = lookup("workday_calendar", date(year, 1, 1))
        for key, row in ours.rows.items():
            d = date.fromisoformat(key)
            if row["change"] == "off":
                assert d in lib, d
            else:
                assert d in lib.weekend_workdays, d
        for d in lib.weekend_workdays:
            if d.year == year:
                assert ours.rows[d.isoformat()]["change"] == "work"


def test_a_year_without_schedule_says_so() -> None:
    with pytest.raises(RegulationNotFound, match="no announced schedule of days off for 2027"):
        is_working_day(date(2027, 3, 1))
    with pytest.raises(RegulationNotFound):
        add_working_days(date(2026, 12, 30), 5)
    assert is_working_day(date(2027, 3, 1), strict=False)
    assert not is_working_day(date(2027, 1, 1), strict=False)
    assert add_working_days(date(2026, 12, 30), 5, strict=False) == date(2027, 1, 7)


def test_a_registered_swap_takes_precedence() -> None:
    version = Version(
        "workday_calendar",
        date(2027, 1, 1),
        date(2027, 12, 31),
        "Thông báo (thử nghiệm)",
        Status.U,
        {
            "2027-01-02": {"change": "work", "note": "Làm bù"},
            "2027-01-04": {"change": "off", "note": "Nghỉ bù (thử)"},
        },
    )
    default_registry.register_version(version)
    try:
        assert is_working_day(date(2027, 1, 2))
        assert day_off_reason(date(2027, 1, 4)) == "Nghỉ bù (thử)"
    finally:
        default_registry.unregister("workday_calendar")
    with pytest.raises(RegulationNotFound):
        is_working_day(date(2027, 1, 2))
    assert Registry().lookup("workday_calendar", date(2025, 1, 1)).status is Status.V2


def test_reasons() -> None:
    assert day_off_reason(date(2025, 1, 29)) == "Tết Nguyên Đán"
    assert day_off_reason(date(2025, 3, 8)) == "Thứ bảy"
    assert day_off_reason(date(2025, 3, 9)) == "Chủ nhật"
    assert day_off_reason(date(2025, 3, 10)) is None


def test_deadlines() -> None:
    # "trong thời hạn 15 ngày làm việc" from a Friday before Tết Ất Tỵ
    assert add_working_days(date(2025, 1, 24), 15) == date(2025, 2, 21)
    assert add_working_days(date(2025, 1, 24), 0) == date(2025, 1, 24)
    assert add_working_days(date(2025, 1, 25), 0) == date(2025, 1, 25)  # a Saturday, unchanged
    assert add_working_days(date(2025, 2, 3), -1) == date(2025, 1, 24)
    assert working_days_between(date(2025, 1, 24), date(2025, 2, 21)) == 15
    assert working_days_between(date(2025, 2, 21), date(2025, 1, 24)) == -15
    assert working_days_between(date(2025, 1, 24), date(2025, 1, 24)) == 0


def test_refuses() -> None:
    with pytest.raises(InvalidValue):
        is_working_day("2025-01-01")  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        add_working_days(date(2025, 1, 1), 1.5)  # type: ignore[arg-type]


# -- properties ------------------------------------------------------------------------

SAFE = st.dates(min_value=date(2020, 3, 1), max_value=date(2026, 10, 31))


@given(SAFE, st.integers(min_value=0, max_value=40))
def test_between_inverts_add(a: date, n: int) -> None:
    assert working_days_between(a, add_working_days(a, n)) == n


@given(SAFE, st.integers(min_value=-40, max_value=40))
def test_add_lands_on_a_working_day(a: date, n: int) -> None:
    b = add_working_days(a, n)
    if n:
        assert is_working_day(b)
        assert (b > a) == (n > 0)


@given(SAFE, SAFE)
def test_add_inverts_between_on_working_days(a: date, b: date) -> None:
    if is_working_day(b) and b > a:
        assert add_working_days(a, working_days_between(a, b)) == b


@given(SAFE, SAFE)
def test_between_is_antisymmetric(a: date, b: date) -> None:
    assert working_days_between(a, b) == -working_days_between(b, a)


@given(DAYS)
def test_weekdays_and_weekends(d: date) -> None:
    lib = holidays.country_holidays("VN", years=d.year, language="vi")
    ours = lookup("workday_calendar", d).rows.get(d.isoformat())
    if ours is None and d not in lib and d not in lib.weekend_workdays:
        assert is_working_day(d) == (d.weekday() < 5)
