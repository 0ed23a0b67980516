from __future__ import annotations

from datetime import date, datetime

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.errors import InvalidValue, ParseError
from vn_skt.l10n import (
    DATE_STYLES,
    add_months,
    add_years,
    format_date,
    month_end,
    months_between,
    parse_date,
)
from vn_skt.testing.strategies import report_dates


@pytest.mark.parametrize(
    ("d", "style", "expected"),
    [
        (date(2025, 2, 9), "numeric", "09/02/2025"),
        (date(2025, 2, 9), "document", "ngày 09 tháng 02 năm 2025"),
        (date(2023, 1, 5), "document", "ngày 05 tháng 01 năm 2023"),
        (date(2024, 7, 17), "document", "ngày 17 tháng 7 năm 2024"),
        (date(2026, 3, 5), "document", "ngày 05 tháng 3 năm 2026"),
        (date(2024, 12, 31), "document", "ngày 31 tháng 12 năm 2024"),
        (date(2024, 7, 17), "inline", "17/7/2024"),
        (date(2025, 2, 9), "inline", "09/02/2025"),
        (date(2025, 10, 1), "inline", "01/10/2025"),
        (date(2025, 2, 9), "weekday", "Chủ nhật, 09/02/2025"),
        (date(2025, 4, 9), "weekday", "Thứ tư, 09/04/2025"),
        (date(2025, 4, 7), "weekday", "Thứ hai, 07/04/2025"),
        (date(2025, 4, 12), "weekday", "Thứ bảy, 12/04/2025"),
        (datetime(2025, 2, 9, 23, 59), "numeric", "09/02/2025"),
    ],
)
def test_format(d: date, style: str, expected: str) -> None:
    assert format_date(d, style) == expected  # type: ignore[arg-type]


def test_format_refuses() -> None:
    with pytest.raises(InvalidValue, match="style 'long'"):
        format_date(date(2025, 1, 1), "long")  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match=r"datetime\.date"):
        format_date("2025-01-01")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09/02/2025", date(2025, 2, 9)),
        ("9/2/2025", date(2025, 2, 9)),
        ("ngày 09/02/2025", date(2025, 2, 9)),
        ("ngày 17/7/2024", date(2024, 7, 17)),
        ("ngày 05 tháng 01 năm 2023", date(2023, 1, 5)),  # dateutil reads 1 May
        ("Ngày 17 tháng 7 năm 2024", date(2024, 7, 17)),
        ("Chủ nhật, 09/02/2025", date(2025, 2, 9)),
        ("Thứ Tư, 09/04/2025", date(2025, 4, 9)),
        ("thứ 4, 09/04/2025", date(2025, 4, 9)),
        ("2025-02-09", date(2025, 2, 9)),
        ("1900-01-01", date(1900, 1, 1)),
        ("31/12/2100", date(2100, 12, 31)),
        ("29/02/2024", date(2024, 2, 29)),
        ("  09/02/2025  ", date(2025, 2, 9)),
        ("nga\u0300y 09 tha\u0301ng 02 na\u0306m 2025", date(2025, 2, 9)),  # NFD
    ],
)
def test_parse(text: str, expected: date) -> None:
    assert parse_date(text) == expected
    assert parse_date(text, strict=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10/12//2022", date(2022, 12, 10)),
        ("10//12/2022", date(2022, 12, 10)),
        ("10 / 12 / 2022", date(2022, 12, 10)),
        ("ngày  05  tháng 01 năm  2023", date(2023, 1, 5)),
        ("ngày 10/12 /2022", date(2022, 12, 10)),
        ("09.02.2025", date(2025, 2, 9)),
        ("09-02-2025", date(2025, 2, 9)),
        ("Chủ nhật 09/02/2025", date(2025, 2, 9)),
        ("ngày\u00a009/02/2025", date(2025, 2, 9)),
    ],
)
def test_lenient_mends_and_strict_refuses(text: str, expected: date) -> None:
    assert parse_date(text) == expected
    with pytest.raises(ParseError) as info:
        parse_date(text, strict=True)
    assert info.value.reason == "not_strict"


@pytest.mark.parametrize(
    ("text", "reason", "position"),
    [
        ("", "empty", None),
        ("31/02/2025", "invalid_date", 0),
        ("29/02/2025", "invalid_date", 0),
        ("09/13/2025", "out_of_range", 3),
        ("01/01/1899", "out_of_range", 6),
        ("01/01/2101", "out_of_range", 6),
        ("09/02/25", "invalid_date", None),
        ("02/09", "invalid_date", None),
        ("hôm nay", "invalid_date", None),
        ("Thứ năm, 09/04/2025", "weekday_mismatch", 0),
        ("Chủ nhật, 10/02/2025", "weekday_mismatch", 0),
        ("thứ mười, 10/02/2025", "invalid_date", None),
        ("2025-13-01", "out_of_range", 5),
        ("ngày 32 tháng 1 năm 2025", "invalid_date", 5),
        ("nga\u0300y 32 tha\u0301ng 1 na\u0306m 2025", "invalid_date", 6),  # NFD, as given
        ("Thu\u031b\u0301 tu\u031b, 09/13/2025", "out_of_range", 14),
        ("nga\u0300y 01/01/1899", "out_of_range", 12),
    ],
)
def test_parse_refuses(text: str, reason: str, position: int | None) -> None:
    with pytest.raises(ParseError) as info:
        parse_date(text)
    assert info.value.reason == reason
    assert info.value.position == position


@given(report_dates(), st.sampled_from(DATE_STYLES))
def test_round_trip_every_style(d: date, style: str) -> None:
    assert parse_date(format_date(d, style)) == d  # type: ignore[arg-type]
    assert parse_date(format_date(d, style), strict=True) == d  # type: ignore[arg-type]


@given(report_dates())
def test_iso_round_trip(d: date) -> None:
    assert parse_date(d.isoformat()) == d


@given(
    st.text(alphabet=st.sampled_from("0123456789/-. ngàythágmnăThứưbảyChủật,"), max_size=30)
    | st.text(max_size=30),
    st.booleans(),
)
def test_junk_raises_only_parse_error(text: str, strict: bool) -> None:
    try:
        result = parse_date(text, strict=strict)
    except ParseError as exc:
        assert exc.text == text
    else:
        assert 1900 <= result.year <= 2100


# -- month arithmetic: dateutil's relativedelta is the oracle ---------------------------

ANY_DAY = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
MONTHS = st.integers(min_value=-1200, max_value=1200)


@given(ANY_DAY, MONTHS)
def test_add_months_is_relativedelta(d: date, months: int) -> None:
    assert add_months(d, months) == d + relativedelta(months=months)


@given(ANY_DAY, st.integers(min_value=-100, max_value=100))
def test_add_years_is_relativedelta(d: date, years: int) -> None:
    assert add_years(d, years) == d + relativedelta(years=years)


@given(st.integers(min_value=1900, max_value=2200), st.integers(min_value=1, max_value=12))
def test_month_end_is_relativedelta(year: int, month: int) -> None:
    assert month_end(year, month) == date(year, month, 1) + relativedelta(day=31)


@given(ANY_DAY, ANY_DAY)
def test_months_between_is_the_largest_whole_number_of_months(start: date, end: date) -> None:
    n = months_between(start, end)
    assert start + relativedelta(months=n) <= end < start + relativedelta(months=n + 1)


@pytest.mark.parametrize(
    ("d", "months", "expected"),
    [
        (date(2025, 8, 31), 6, date(2026, 2, 28)),  # Civil Code Art. 148
        (date(2024, 8, 31), 6, date(2025, 2, 28)),
        (date(2023, 8, 31), 6, date(2024, 2, 29)),
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2025, 3, 31), -1, date(2025, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2025, 12, 15), 1, date(2026, 1, 15)),
        (date(2025, 1, 15), -1, date(2024, 12, 15)),
        (datetime(2025, 1, 31, 12, 0), 1, date(2025, 2, 28)),
    ],
)
def test_add_months_examples(d: date, months: int, expected: date) -> None:
    result = add_months(d, months)
    assert result == expected and type(result) is date


def test_month_arithmetic_refuses() -> None:
    for bad in [(date(2025, 1, 1), 1.0), (date(2025, 1, 1), True), ("2025-01-01", 1)]:
        with pytest.raises(InvalidValue, match="add_months"):
            add_months(*bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match="year 10000"):
        add_months(date(9999, 12, 1), 1)
    with pytest.raises(InvalidValue, match="add_years"):
        add_years(date(2025, 1, 1), 1.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match="months_between"):
        months_between(date(2025, 1, 1), "2025-02-01")  # type: ignore[arg-type]
