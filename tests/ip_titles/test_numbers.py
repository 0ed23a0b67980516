"""Số đơn — application numbers T-YYYY-NNNNN: read, written, and the type digit by year."""

from __future__ import annotations

import contextlib
import re
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.errors import InvalidValue, ParseError, ParseReason, RegulationNotFound
from vn_skt.ip_titles import ApplicationNumber, TitleType

D = date
PATTERN = re.compile(r"[1-9]-[0-9]{4}-[0-9]{5}")  # the JSON Schema's pattern


NUMBERS = st.builds(
    ApplicationNumber,
    st.integers(min_value=1, max_value=9),
    st.integers(min_value=1900, max_value=2100),
    st.integers(min_value=1, max_value=99_999),
)


def test_a_number_from_an_office_letter() -> None:
    """REGULATIONS.md §1: 4-2025-20619, a trademark filed in 2025."""
    number = ApplicationNumber.parse("4-2025-20619")
    assert (number.type_digit, number.year, number.serial) == (4, 2025, 20619)
    assert number.title_type is TitleType.TRADEMARK
    assert str(number) == "4-2025-20619"


def test_dashes_and_spaces_as_typed() -> None:
    assert str(ApplicationNumber.parse(" 1 – 2024 – 00123 ")) == "1-2024-00123"
    assert str(ApplicationNumber.parse("2\u20112024\u201000123")) == "2-2024-00123"
    assert str(ApplicationNumber.parse("3-2024-00123\u00a0")) == "3-2024-00123"


def test_numbers_order_by_digit_year_serial() -> None:
    assert ApplicationNumber(1, 2024, 5) < ApplicationNumber(4, 2020, 1)
    assert ApplicationNumber(4, 2020, 2) > ApplicationNumber(4, 2020, 1)


@pytest.mark.parametrize(
    ("text", "reason", "position"),
    [
        ("", ParseReason.EMPTY, None),
        ("   ", ParseReason.EMPTY, None),
        ("4-2025-2061", ParseReason.INCOMPLETE, 11),  # the serial has five digits
        ("4-2025-206", ParseReason.INCOMPLETE, 10),
        ("4-2025-123456", ParseReason.INVALID_CHARACTER, 12),
        ("4-25-20619", ParseReason.INVALID_CHARACTER, 4),
        ("0-2025-00001", ParseReason.OUT_OF_RANGE, 0),
        ("4-1800-00001", ParseReason.OUT_OF_RANGE, 2),
        ("4-2025-00000", ParseReason.OUT_OF_RANGE, 7),
        ("4/2025/00001", ParseReason.INVALID_CHARACTER, 1),
        ("4-2025", ParseReason.INCOMPLETE, 6),
        ("  x-2025-00001", ParseReason.INVALID_CHARACTER, 2),
        ("4 - 2025 - 2O619", ParseReason.INVALID_CHARACTER, 12),  # a letter O
        ("42025-00001", ParseReason.INVALID_CHARACTER, 1),
        ("4-2025-20619 a", ParseReason.INVALID_CHARACTER, 13),
    ],
)
def test_a_refusal_says_why_and_where(text: str, reason: ParseReason, position: int | None) -> None:
    with pytest.raises(ParseError) as caught:
        ApplicationNumber.parse(text)
    assert (caught.value.reason, caught.value.position) == (reason, position)
    assert caught.value.text == text


def test_positions_index_the_text_as_given_nfd_included() -> None:
    nfd = "Số đơn 4-2025-20619".replace("ố", "o\u0302\u0301").replace("ơ", "o\u031b")
    with pytest.raises(ParseError) as caught:
        ApplicationNumber.parse(nfd)
    assert caught.value.text == nfd and caught.value.position == 0
    after = "4-2025-20619 so\u0302\u0301"  # "số" in NFD after the number
    with pytest.raises(ParseError) as caught:
        ApplicationNumber.parse(after)
    assert caught.value.position == 13 and after[13] == "s"


def test_a_number_must_be_text() -> None:
    with pytest.raises(InvalidValue, match="expected str"):
        ApplicationNumber.parse(4202520619)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("digit", "year", "serial"),
    [(0, 2025, 1), (10, 2025, 1), (4, 1899, 1), (4, 2101, 1), (4, 2025, 0), (4, 2025, 100_000)],
)
def test_the_constructor_refuses_what_cannot_be_written(digit: int, year: int, serial: int) -> None:
    with pytest.raises(InvalidValue):
        ApplicationNumber(digit, year, serial)


@given(NUMBERS)
def test_whatever_the_constructor_accepts_the_parser_reads_back(number: ApplicationNumber) -> None:
    assert PATTERN.fullmatch(str(number))
    assert ApplicationNumber.parse(str(number)) == number


@given(st.text(max_size=20))
def test_junk_is_refused_with_a_parse_error_or_read_to_the_pattern(text: str) -> None:
    with contextlib.suppress(ParseError):
        number = ApplicationNumber.parse(text)
        assert PATTERN.fullmatch(str(number))
        assert ApplicationNumber.parse(str(number)) == number


@given(NUMBERS, st.integers(min_value=0, max_value=11), st.sampled_from("x/.,O:"))
def test_a_slip_is_refused_at_its_position(number: ApplicationNumber, at: int, slip: str) -> None:
    text = str(number)
    slipped = text[:at] + slip + text[at + 1 :]
    with pytest.raises(ParseError) as caught:
        ApplicationNumber.parse(slipped)
    assert caught.value.position == at


# -- the type digit, read in the ip_application_types versions of the number's year -----------


def test_the_type_digit_by_the_year_of_the_number() -> None:
    assert ApplicationNumber.parse("4-2006-00001").title_type is TitleType.TRADEMARK
    assert ApplicationNumber.parse("1-2026-00001").title_type is TitleType.PATENT
    number = ApplicationNumber.parse("4-2025-20619")
    assert number.title_type_on(D(2025, 3, 1)) is TitleType.TRADEMARK
    with pytest.raises(RegulationNotFound, match="2006-07-01"):
        _ = ApplicationNumber.parse("4-2005-00001").title_type


def test_the_first_version_starts_on_01_07_2006() -> None:
    number = ApplicationNumber.parse("4-2006-00001")
    with pytest.raises(RegulationNotFound, match="2006-07-01"):
        number.title_type_on(D(2006, 6, 30))
    assert number.title_type_on(D(2006, 7, 1)) is TitleType.TRADEMARK


def test_a_digit_the_table_does_not_have() -> None:
    with pytest.raises(RegulationNotFound, match="type digit 9 is not in"):
        _ = ApplicationNumber.parse("9-2025-00001").title_type


@pytest.mark.usefixtures("digit_changed_mid_2027")
def test_a_digit_changed_during_the_year_needs_the_filing_date() -> None:
    number = ApplicationNumber.parse("3-2027-00042")
    with pytest.raises(RegulationNotFound, match="disagree on digit 3"):
        _ = number.title_type
    assert number.title_type_on(D(2027, 6, 30)) is TitleType.INDUSTRIAL_DESIGN
    assert number.title_type_on(D(2027, 7, 1)) is TitleType.LAYOUT_DESIGN
    # the other digits agree all year, and the years on either side are unambiguous
    assert ApplicationNumber.parse("4-2027-00042").title_type is TitleType.TRADEMARK
    assert ApplicationNumber.parse("3-2026-00042").title_type is TitleType.INDUSTRIAL_DESIGN
    assert ApplicationNumber.parse("3-2028-00042").title_type is TitleType.LAYOUT_DESIGN


def test_title_type_on_refuses_another_year_and_datetimes() -> None:
    number = ApplicationNumber.parse("4-2025-20619")
    with pytest.raises(InvalidValue, match="not in its year 2025"):
        number.title_type_on(D(2026, 1, 1))
    with pytest.raises(InvalidValue, match="datetime"):
        number.title_type_on(datetime(2025, 3, 1, 9))  # type: ignore[arg-type]
