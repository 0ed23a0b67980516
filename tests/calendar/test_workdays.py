from __future__ import annotations

import warnings
from datetime import date, datetime, timedelta
from pathlib import Path

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.calendar import add_working_days, day_off_reason, is_working_day, working_days_between
from vn_skt.errors import InvalidValue, RegulationNotFound, VnSktWarning
from vn_skt.regulations import (
    Registry,
    Status,
    Version,
    default_registry,
    lookup,
    register_file,
    table,
    unregister,
)
from vn_skt.regulations.rows import DayChange

DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31))


def days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def lib(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("VN", years=year, language="vi")


def lib_swaps(year: int) -> dict[date, DayChange]:
    """The swaps the `holidays` package lists for ``year`` (days off and days worked)."""
    calendar = lib(year)
    off = {d: DayChange.OFF for d, n in calendar.items() if n.startswith("Ngày nghỉ (thay")}
    work = {d: DayChange.WORK for d in calendar.weekend_workdays if d.year == year}
    return {**off, **work}


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


def test_2026_new_year_swap() -> None:
    # Công văn 12729/VPCP-KGVX: Thursday 1/1 to Sunday 4/1 off, Saturday 10/1 worked.
    assert not any(is_working_day(d) for d in days(date(2026, 1, 1), date(2026, 1, 4)))
    assert day_off_reason(date(2026, 1, 2)) == "Nghỉ thay cho thứ Bảy 10/01/2026 đi làm bù"
    assert is_working_day(date(2026, 1, 5)) and is_working_day(date(2026, 1, 10))
    assert not is_working_day(date(2026, 1, 11))
    row = lookup("workday_calendar", on=date(2026, 1, 2)).row("2026-01-02")
    assert "12729/VPCP-KGVX" in row.source and row.status is Status.V2


def test_2026_the_rest_of_the_year() -> None:
    # Tết Bính Ngọ: 16-20/2 with the weekends, 14-22/2 (nine days)
    assert not any(is_working_day(d) for d in days(date(2026, 2, 14), date(2026, 2, 22)))
    assert is_working_day(date(2026, 2, 13)) and is_working_day(date(2026, 2, 23))
    assert not is_working_day(date(2026, 4, 27))  # Giỗ Tổ on Sunday 26/4: Monday off
    assert not is_working_day(date(2026, 4, 30)) and not is_working_day(date(2026, 5, 1))
    # Quốc khánh: Saturday 22/8 worked for Monday 31/8 (from holidays 0.109, status U)
    assert is_working_day(date(2026, 8, 22))
    assert not any(is_working_day(d) for d in days(date(2026, 8, 29), date(2026, 9, 2)))
    assert is_working_day(date(2026, 9, 3))
    assert lookup("workday_calendar", on=date(2026, 8, 31)).row("2026-08-31").status is Status.U
    # Ngày Văn hóa Việt Nam, a paid day off from 2026
    assert day_off_reason(date(2026, 11, 24)) == "Ngày Văn hóa Việt Nam"
    assert is_working_day(date(2026, 11, 23)) and is_working_day(date(2026, 11, 25))


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
        (2026, [date(2026, 1, 2), date(2026, 2, 16), date(2026, 2, 20), date(2026, 4, 27)]),
    ],
)
def test_each_year_of_the_schedule(year: int, days_off: list[date]) -> None:
    version = lookup("workday_calendar", on=date(year, 6, 1))
    assert version.effective_from == date(year, 1, 1)
    assert version.effective_to == date(year, 12, 31) and version.source
    for d in days_off:
        assert not is_working_day(d), d
        assert day_off_reason(d)


def test_statuses() -> None:
    statuses = {v.effective_from.year: v.status for v in table("workday_calendar").versions}
    assert statuses[2024] is Status.V2 and statuses[2025] is Status.V2
    assert statuses[2020] is Status.U and statuses[2026] is Status.U  # 2026: the August swap


def test_a_version_is_as_weak_as_its_weakest_row() -> None:
    for version in table("workday_calendar").versions:
        rows = [row.status or version.status for row in version.rows.values()]
        if rows:
            assert version.status is Status.weakest(rows), version


# -- our table against the holidays package ---------------------------------------------

# Days where we decided against holidays 0.109 (it lacks the January 2026 swap).
ADDED = {date(2026, 1, 2): DayChange.OFF, date(2026, 1, 10): DayChange.WORK}


@pytest.mark.parametrize("year", [2020, 2021, 2022, 2023, 2024, 2025, 2026])
def test_every_swap_is_a_row_of_our_table(year: int) -> None:
    """holidays' own swaps are not used: each one we apply is a row, with its source."""
    ours = {
        date.fromisoformat(k): row.change
        for k, row in lookup("workday_calendar", on=date(year, 1, 1)).rows.items()
    }
    theirs = lib_swaps(year)
    statutory = {d for d, n in lib(year).items() if not n.startswith("Ngày nghỉ (thay")}
    swaps = {d: c for d, c in ours.items() if not (c is DayChange.OFF and d in statutory)}
    assert swaps == {**theirs, **{d: c for d, c in ADDED.items() if d.year == year}}


def test_24_november_is_statutory_from_2026_in_holidays() -> None:
    assert date(2026, 11, 24) in lib(2026) and date(2027, 11, 24) in lib(2027)
    assert date(2025, 11, 24) not in lib(2025)
    assert is_working_day(date(2025, 11, 24))  # a Monday, before the new day off


def test_the_holidays_package_swaps_are_not_used_on_their_own() -> None:
    """Replace the shipped 2024 version by an empty one: the 2024 swap disappears."""
    registry_version = Version(
        "workday_calendar",
        date(2024, 1, 1),
        date(2024, 12, 31),
        "thử: không hoán đổi",
        Status.U,
        {},
    )
    default_registry.register_version(registry_version)
    try:
        assert is_working_day(date(2024, 4, 29))  # a plain Monday
        assert day_off_reason(date(2024, 5, 4)) == "Thứ bảy"
        assert not is_working_day(date(2024, 4, 30))  # statutory days stay
    finally:
        unregister("workday_calendar")
    assert not is_working_day(date(2024, 4, 29))


# -- version boundaries ------------------------------------------------------------------


@pytest.mark.parametrize("year", [2020, 2021, 2022, 2023, 2024, 2025])
def test_each_year_boundary(year: int) -> None:
    last, first = date(year, 12, 31), date(year + 1, 1, 1)
    assert lookup("workday_calendar", on=last).effective_to == last
    assert lookup("workday_calendar", on=first).effective_from == first
    assert not is_working_day(first, strict=True)  # Tết Dương lịch
    expected = add_working_days(last, 1, strict=True)
    assert working_days_between(last, expected, strict=True) == 1 and expected.year == year + 1


def test_boundary_2025_2026() -> None:
    assert lookup("workday_calendar", on=date(2025, 12, 31)).effective_from == date(2025, 1, 1)
    assert lookup("workday_calendar", on=date(2026, 1, 1)).effective_from == date(2026, 1, 1)
    assert is_working_day(date(2025, 12, 31)) and not is_working_day(date(2026, 1, 1))
    assert add_working_days(date(2025, 12, 31), 1) == date(2026, 1, 5)
    assert working_days_between(date(2025, 12, 30), date(2026, 1, 5)) == 2  # 31/12, 5/1


def test_boundary_2026_2027() -> None:
    assert is_working_day(date(2026, 12, 31))  # no warning: 2026 has its version
    with pytest.warns(VnSktWarning, match="2027"):
        assert not is_working_day(date(2027, 1, 1))
    with pytest.raises(RegulationNotFound, match="2027"):
        is_working_day(date(2027, 1, 1), strict=True)
    assert is_working_day(date(2026, 12, 31), strict=True)


def test_boundary_2019_2020() -> None:
    assert is_working_day(date(2020, 1, 2), strict=True)
    with pytest.warns(VnSktWarning, match="2019"):
        assert is_working_day(date(2019, 12, 31))
    with pytest.raises(RegulationNotFound, match="2019"):
        day_off_reason(date(2019, 12, 31), strict=True)


# -- a year with no data ---------------------------------------------------------------


def test_a_year_without_data_warns_and_answers_from_the_statutory_days() -> None:
    with pytest.warns(VnSktWarning) as record:
        answers = (
            is_working_day(date(2027, 3, 1)),
            is_working_day(date(2027, 1, 1)),
            day_off_reason(date(2027, 11, 24)),
            add_working_days(date(2026, 12, 30), 5),
        )
    assert answers == (True, False, "Ngày Văn hóa Việt Nam", date(2027, 1, 7))
    message = str(record[0].message)
    assert "2027" in message and "register_file" in message and "strict=True" in message


def test_the_warning_says_which_year() -> None:
    with pytest.warns(VnSktWarning) as record:
        assert working_days_between(date(2027, 12, 30), date(2028, 1, 4)) == 2  # 31/12, 4/1
    assert sorted({str(r.message).split(":")[0] for r in record}) == [
        "working days in 2027",
        "working days in 2028",
    ]


def test_one_warning_per_year_per_call() -> None:
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        add_working_days(date(2027, 1, 1), 60)
    assert [r.category for r in record] == [VnSktWarning]


def test_once_per_year_per_process_under_the_default_filters() -> None:
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("default")
        is_working_day(date(2029, 3, 1))
        is_working_day(date(2029, 3, 2))
        add_working_days(date(2029, 3, 2), 3)
        is_working_day(date(2030, 3, 1))
    heads = [str(r.message)[:21] for r in record]
    assert heads == ["working days in 2029:", "working days in 2030:"]


@pytest.mark.parametrize(
    "call",
    [
        lambda: is_working_day(date(2027, 3, 1), strict=True),
        lambda: day_off_reason(date(2027, 3, 1), strict=True),
        lambda: add_working_days(date(2026, 12, 30), 5, strict=True),
        lambda: working_days_between(date(2026, 12, 30), date(2027, 1, 4), strict=True),
    ],
)
def test_strict_raises_instead(call: object) -> None:
    with pytest.raises(RegulationNotFound, match="no swaps of working days are known for 2027"):
        call()  # type: ignore[operator]


def test_strict_within_known_years_is_silent() -> None:
    assert add_working_days(date(2025, 1, 24), 15, strict=True) == date(2025, 2, 21)


# -- adding a year's swaps ----------------------------------------------------------------

NEXT_YEAR = """\
name = "workday_calendar"

[[versions]]
effective_from = 2027-01-01
effective_to = 2027-12-31
source = "Công văn số 1/VPCP-KGVX (thử nghiệm)"
status = "V"

[versions.rows]
2027-01-02 = { change = "work", note = "Làm bù" }
2027-01-04 = { change = "off", note = "Nghỉ bù (thử)" }
"""


def test_a_year_added_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "lich-2027.toml"
    path.write_text(NEXT_YEAR, encoding="utf-8")
    register_file(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # no warning any more: 2027 is known
            assert is_working_day(date(2027, 1, 2), strict=True)
            assert day_off_reason(date(2027, 1, 4)) == "Nghỉ bù (thử)"
            assert add_working_days(date(2026, 12, 31), 2) == date(2027, 1, 5)
            assert lookup("workday_calendar", on=date(2027, 6, 1)).source.startswith("Công văn")
    finally:
        unregister("workday_calendar")
    with pytest.raises(RegulationNotFound):
        is_working_day(date(2027, 1, 2), strict=True)


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
        is_working_day(date(2027, 1, 2), strict=True)
    assert Registry().lookup("workday_calendar", on=date(2025, 1, 1)).status is Status.V2


def test_a_day_added_to_a_shipped_year_by_a_patch() -> None:
    patch = Version(
        "workday_calendar",
        date(2026, 1, 1),
        date(2026, 12, 31),
        "Quyết định số 9/QĐ-UBND (thử)",
        Status.V,
        {"2026-12-31": {"change": "off", "note": "Nghỉ (thử)"}},
        patch=True,
    )
    default_registry.register_version(patch)
    try:
        assert day_off_reason(date(2026, 12, 31)) == "Nghỉ (thử)"
        assert not is_working_day(date(2026, 1, 2))  # the shipped rows stay
        assert lookup("workday_calendar", on=date(2026, 6, 1)).status is Status.U
    finally:
        unregister("workday_calendar")
    assert is_working_day(date(2026, 12, 31))


# -- reasons, deadlines and refusals -------------------------------------------------------


def test_reasons() -> None:
    assert day_off_reason(date(2025, 1, 29)) == "Tết Nguyên Đán"
    assert day_off_reason(date(2025, 3, 8)) == "Thứ bảy"
    assert day_off_reason(date(2025, 3, 9)) == "Chủ nhật"
    assert day_off_reason(date(2025, 3, 10)) is None
    assert day_off_reason(date(2024, 4, 29)) == "Nghỉ thay cho thứ Bảy 04/5/2024 đi làm bù"


def test_deadlines() -> None:
    # "trong thời hạn 15 ngày làm việc" from a Friday before Tết Ất Tỵ
    assert add_working_days(date(2025, 1, 24), 15) == date(2025, 2, 21)
    assert add_working_days(date(2025, 1, 24), 0) == date(2025, 1, 24)
    assert add_working_days(date(2025, 1, 25), 0) == date(2025, 1, 25)  # a Saturday, unchanged
    assert add_working_days(date(2025, 2, 3), -1) == date(2025, 1, 24)
    assert working_days_between(date(2025, 1, 24), date(2025, 2, 21)) == 15
    assert working_days_between(date(2025, 2, 21), date(2025, 1, 24)) == -15
    assert working_days_between(date(2025, 1, 24), date(2025, 1, 24)) == 0


@pytest.mark.parametrize("bad", [datetime(2025, 1, 2, 8, 30), "2025-01-02", 20250102, None, 2025.0])
def test_only_dates_are_dates(bad: object) -> None:
    with pytest.raises(InvalidValue, match=r"datetime\.date"):
        is_working_day(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        day_off_reason(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        add_working_days(bad, 1)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        working_days_between(date(2025, 1, 2), bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        working_days_between(bad, date(2025, 1, 2))  # type: ignore[arg-type]


def test_a_datetime_says_use_date() -> None:
    with pytest.raises(InvalidValue, match=r"is a datetime; .*use \.date\(\)"):
        add_working_days(datetime(2025, 1, 2, 8, 30), 1)  # type: ignore[arg-type]


def test_refuses() -> None:
    with pytest.raises(InvalidValue):
        add_working_days(date(2025, 1, 1), 1.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        add_working_days(date(2025, 1, 1), True)
    with pytest.raises(InvalidValue, match="strict"):
        is_working_day(date(2025, 1, 1), strict="yes")  # type: ignore[arg-type]


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
    ours = lookup("workday_calendar", on=d).rows.get(d.isoformat())
    if ours is None and d not in lib(d.year):
        assert is_working_day(d) == (d.weekday() < 5)
    elif ours is not None:
        assert is_working_day(d) == (ours.change is DayChange.WORK)
    else:
        assert not is_working_day(d)


@given(st.dates(min_value=date(2027, 1, 1), max_value=date(2027, 12, 31)))
def test_a_year_without_data_is_the_statutory_calendar(d: date) -> None:
    with pytest.warns(VnSktWarning):
        working = is_working_day(d)
    assert working == (d.weekday() < 5 and d not in lib(2027))
