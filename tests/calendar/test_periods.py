from __future__ import annotations

from datetime import date, datetime

import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.calendar import Period, PeriodKind
from vn_skt.errors import InvalidValue, ParseError
from vn_skt.testing.strategies import periods


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("năm 2025", date(2025, 1, 1), date(2025, 12, 31), "năm 2025"),
        ("Năm 2025", date(2025, 1, 1), date(2025, 12, 31), "năm 2025"),
        ("9 tháng đầu năm 2025", date(2025, 1, 1), date(2025, 9, 30), "9 tháng đầu năm 2025"),
        ("6 tháng đầu năm 2024", date(2024, 1, 1), date(2024, 6, 30), "6 tháng đầu năm 2024"),
        ("6 tháng cuối năm 2025", date(2025, 7, 1), date(2025, 12, 31), "6 tháng cuối năm 2025"),
        ("3 tháng cuối năm 2025", date(2025, 10, 1), date(2025, 12, 31), "3 tháng cuối năm 2025"),
        ("2 tháng đầu năm 2024", date(2024, 1, 1), date(2024, 2, 29), "2 tháng đầu năm 2024"),
        ("quý III/2025", date(2025, 7, 1), date(2025, 9, 30), "quý III/2025"),
        ("QUÝ IV/2025", date(2025, 10, 1), date(2025, 12, 31), "quý IV/2025"),
        ("quý 1/2025", date(2025, 1, 1), date(2025, 3, 31), "quý I/2025"),
        ("quý II năm 2025", date(2025, 4, 1), date(2025, 6, 30), "quý II/2025"),
        ("quý  I / 2025", date(2025, 1, 1), date(2025, 3, 31), "quý I/2025"),
        ("tháng 3/2025", date(2025, 3, 1), date(2025, 3, 31), "tháng 3/2025"),
        ("tháng 02/2024", date(2024, 2, 1), date(2024, 2, 29), "tháng 2/2024"),
        ("tháng 12 năm 2024", date(2024, 12, 1), date(2024, 12, 31), "tháng 12/2024"),
        ("giai đoạn 2021-2025", date(2021, 1, 1), date(2025, 12, 31), "giai đoạn 2021-2025"),
        ("giai đoạn 2021 – 2025", date(2021, 1, 1), date(2025, 12, 31), "giai đoạn 2021-2025"),
        ("Giai đoạn 2021–2025", date(2021, 1, 1), date(2025, 12, 31), "giai đoạn 2021-2025"),
        ("nhiệm kỳ 2021-2026", date(2021, 1, 1), date(2026, 12, 31), "nhiệm kỳ 2021-2026"),
        (
            "nhiệm kỳ 2021-2026 (từ 15/03/2021 đến 14/03/2026)",
            date(2021, 3, 15),
            date(2026, 3, 14),
            "nhiệm kỳ 2021-2026 (từ 15/03/2021 đến 14/03/2026)",
        ),
        (
            "nhiệm kỳ 2021 - 2026 (15/3/2021 - 14/3/2026)",
            date(2021, 3, 15),
            date(2026, 3, 14),
            "nhiệm kỳ 2021-2026 (từ 15/03/2021 đến 14/03/2026)",
        ),
        ("  năm\u00a02025 ", date(2025, 1, 1), date(2025, 12, 31), "năm 2025"),
        (
            "qu\u00fd III/2025".replace("\u00fd", "y\u0301"),
            date(2025, 7, 1),
            date(2025, 9, 30),
            "quý III/2025",
        ),  # NFD
    ],
)
def test_parse(text: str, start: date, end: date, label: str) -> None:
    period = Period.parse(text)
    assert (period.start, period.end, str(period)) == (start, end, label)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("quý V/2021", "out_of_range"),
        ("quý 0/2021", "out_of_range"),
        ("13 tháng đầu năm 2025", "out_of_range"),
        ("0 tháng cuối năm 2025", "out_of_range"),
        ("tháng 13/2025", "out_of_range"),
        ("giai đoạn 2025-2021", "invalid_period"),
        ("nhiệm kỳ 2026-2021", "invalid_period"),
        ("nhiệm kỳ 2021-2026 (từ 15/03/2020 đến 14/03/2026)", "invalid_period"),
        ("nhiệm kỳ 2021-2026 (từ 31/02/2021 đến 14/03/2026)", "invalid_date"),
        ("năm", "incomplete"),
        ("9 tháng đầu năm", "incomplete"),
        ("năm 1899", "out_of_range"),
        ("", "empty"),
        ("năm ngoái", "invalid_period"),
        ("cùng kỳ năm trước", "invalid_period"),
    ],
)
def test_invalid(text: str, reason: str) -> None:
    with pytest.raises(ParseError) as info:
        Period.parse(text)
    assert info.value.reason == reason
    assert info.value.text == text


def test_constructors_refuse() -> None:
    with pytest.raises(InvalidValue):
        Period.quarter(2025, 5)
    with pytest.raises(InvalidValue):
        Period.first_months(2025, 0)
    with pytest.raises(InvalidValue):
        Period.span(2025, 2021)
    with pytest.raises(InvalidValue):
        Period.year(1800)
    with pytest.raises(InvalidValue, match="not a quarter period"):
        Period(date(2025, 2, 1), date(2025, 4, 30), PeriodKind.QUARTER)
    with pytest.raises(InvalidValue, match="before start"):
        Period(date(2025, 2, 1), date(2025, 1, 1), PeriodKind.TERM)


def test_halves_are_six_months() -> None:
    assert Period.first_months(2025, 6).months == 6
    assert Period.last_months(2025, 6).start == date(2025, 7, 1)


def test_contains() -> None:
    q3 = Period.quarter(2025, 3)
    assert q3.contains(date(2025, 7, 1)) and q3.contains(date(2025, 9, 30))
    assert not q3.contains(date(2025, 6, 30)) and not q3.contains(date(2025, 10, 1))


def test_previous_and_same_period_last_year() -> None:
    assert Period.quarter(2025, 1).previous() == Period.quarter(2024, 4)
    assert Period.month(2025, 1).previous() == Period.month(2024, 12)
    assert Period.year(2025).previous() == Period.year(2024)
    assert Period.first_months(2025, 9).previous() == Period.first_months(2024, 9)
    assert Period.span(2021, 2025).previous() == Period.span(2016, 2020)
    assert Period.term(2021, 2026).previous() == Period.term(2016, 2021)
    assert Period.first_months(2025, 9).same_period_last_year() == Period.first_months(2024, 9)
    assert Period.month(2024, 2).same_period_last_year() == Period.month(2023, 2)
    exact = Period.term(2021, 2026, start=date(2021, 3, 15), end=date(2026, 3, 14))
    assert exact.same_period_last_year().start == date(2020, 3, 15)


def test_equality_is_kind_start_end_and_order_is_start_end() -> None:
    assert Period.first_months(2025, 12) != Period.year(2025)  # same dates, other kind
    assert Period.term(2025, 2025) != Period.year(2025)
    ordered = sorted([Period.year(2025), Period.month(2024, 12), Period.quarter(2025, 1)])
    assert [str(p) for p in ordered] == ["tháng 12/2024", "quý I/2025", "năm 2025"]
    assert len({Period.year(2025), Period.parse("năm 2025")}) == 1


def test_months_and_days() -> None:
    assert Period.year(2024).months == 12 and Period.year(2024).days == 366
    assert Period.span(2021, 2025).months == 60


def test_repr_round_trips() -> None:
    p = Period.quarter(2025, 3)
    assert repr(p) == "Period.parse('quý III/2025')"
    assert eval(repr(p)) == p


class Report(pydantic.BaseModel):
    period: Period


def test_pydantic_field() -> None:
    report = Report(period="9 tháng đầu năm 2025")
    assert report.period == Period.first_months(2025, 9)
    assert report.model_dump_json() == '{"period":"9 tháng đầu năm 2025"}'
    assert Report.model_validate_json(report.model_dump_json()) == report
    assert Report.model_json_schema()["properties"]["period"]["type"] == "string"
    with pytest.raises(pydantic.ValidationError, match="quý V"):
        Report(period="quý V/2025")


@given(periods())
def test_round_trip(p: Period) -> None:
    assert Period.parse(str(p)) == p
    assert Period.parse(str(p).upper()) == p


@given(periods())
def test_previous_is_before_and_same_kind(p: Period) -> None:
    if p.start.year <= 1925:
        return
    before = p.previous()
    assert before.kind == p.kind
    assert before.start < p.start
    assert p.same_period_last_year().kind == p.kind


@given(st.from_type(Period))
def test_from_type(p: Period) -> None:
    assert isinstance(p, Period)


JUNK_ALPHABET = "0123456789/-– ()namăquýIVXtháng đầucuốigiaiđoạnnhiệmkỳtừđến"


@given(st.text(alphabet=st.sampled_from(JUNK_ALPHABET), max_size=40) | st.text(max_size=30))
def test_junk_raises_only_parse_error(text: str) -> None:
    try:
        p = Period.parse(text)
    except ParseError:
        pass
    else:
        assert Period.parse(str(p)) == p


@pytest.mark.parametrize("bad", [datetime(2025, 5, 1, 8, 0), "2025-05-01", 20250501, None])
def test_contains_refuses_what_is_not_a_day(bad: object) -> None:
    with pytest.raises(InvalidValue, match=r"Period\.contains"):
        Period.year(2025).contains(bad)  # type: ignore[arg-type]
