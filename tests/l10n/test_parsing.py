"""parse_number, parse_money, parse_percent: what real reports contain, and refusals."""

from __future__ import annotations

import math
import re
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.errors import InvalidValue, ParseError
from vn_skt.l10n import (
    GROUP_SPACES,
    INLINE_GROUP_SPACES,
    format_money,
    format_number,
    format_percent,
    number_regex,
    number_value,
    parse_money,
    parse_number,
    parse_percent,
)
from vn_skt.testing.strategies import amounts, decimals

D = Decimal
NBSP, THIN, NNBSP = "\u00a0", "\u2009", "\u202f"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.418", 12418),
        ("1.200", 1200),
        ("1500", 1500),
        ("5.000.000", 5_000_000),
        ("18,46", D("18.46")),
        ("18,0", D("18.0")),
        ("18,460", D("18.460")),
        ("-1.234,5", D("-1234.5")),
        ("\u22125", -5),
        ("+7", 7),
        ("03", 3),
        ("0", 0),
        (f"12{NBSP}418", 12418),
        (f"1{THIN}234{THIN}567", 1_234_567),
        (f"1{NNBSP}234,75", D("1234.75")),
        ("  12.418 ", 12418),
        ("12 418", 12418),
    ],
)
def test_parse_number(text: str, expected: int | Decimal) -> None:
    result = parse_number(text)
    assert result == expected
    assert type(result) is type(expected)
    if isinstance(expected, Decimal):
        assert result.as_tuple() == expected.as_tuple()  # the exponent is kept


@pytest.mark.parametrize(
    ("text", "reason", "position"),
    [
        ("", "empty", None),
        ("   ", "empty", None),
        ("1.5", "ambiguous_separator", 1),
        ("3.14", "ambiguous_separator", 1),
        ("1.2345", "ambiguous_separator", 1),
        ("1.23.4", "bad_grouping", 1),
        ("12.34.567", "bad_grouping", 2),
        ("1234.567", "bad_grouping", 0),
        ("1.234 567", "bad_grouping", 5),
        ("1,", "incomplete", 2),
        (",5", "incomplete", 0),
        ("-", "incomplete", 1),
        ("1,234,567", "ambiguous_separator", 5),
        ("1,234.5", "ambiguous_separator", 5),
        ("12a", "invalid_character", 2),
        ("abc", "invalid_character", 0),
        ("1e5", "invalid_character", 1),
        ("\uff11\uff12", "invalid_character", 0),  # full-width digits
        ("12 %", "invalid_character", 3),
    ],
)
def test_parse_number_refuses(text: str, reason: str, position: int | None) -> None:
    with pytest.raises(ParseError) as info:
        parse_number(text)
    assert info.value.reason == reason
    assert info.value.position == position
    assert info.value.text == text


def test_non_string_is_invalid_value() -> None:
    with pytest.raises(InvalidValue, match="expected str"):
        parse_number(12)  # type: ignore[arg-type]


# -- money ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("5.000.000 đồng", None, 5_000_000),
        ("5.000.000đ", None, 5_000_000),
        ("5.000.000 đ", None, 5_000_000),
        ("5.000.000₫", None, 5_000_000),
        ("5.000.000 VNĐ", None, 5_000_000),
        ("5.000.000 VND", None, 5_000_000),
        ("5.000.000 VNÐ", None, 5_000_000),  # the look-alike Ð (U+00D0)
        ("18,46 tỷ đồng", None, 18_460_000_000),
        ("18,460 tỷ đồng", None, 18_460_000_000),
        ("18,46 TỶ ĐỒNG", None, 18_460_000_000),
        ("750 triệu", None, 750_000_000),
        ("2 tỷ 500 triệu", None, 2_500_000_000),
        ("2 tỷ 500 triệu đồng", None, 2_500_000_000),
        ("1 tỷ 2 triệu 300 nghìn đồng", None, 1_002_300_000),
        ("300 ngàn", None, 300_000),
        ("3 tỉ", None, 3_000_000_000),
        ("1 nghìn tỷ", None, 10**12),
        ("-300 nghìn VNĐ", None, -300_000),
        ("-2 tỷ 500 triệu", None, -2_500_000_000),
        ("18,46", "tỷ", 18_460_000_000),
        ("1.250,5", "triệu", 1_250_500_000),
        ("1.250,5", "triệu đồng", 1_250_500_000),
        ("750 triệu", "tỷ", 750_000_000),  # the text's own unit wins over the header's
        ("1,5 triệu", None, 1_500_000),
        (f"5{NBSP}000{NBSP}000{NBSP}đồng", None, 5_000_000),
        ("18,46 t\u1ef7 \u0111o\u0302\u0300ng", None, 18_460_000_000),  # NFD "đồng"
    ],
)
def test_parse_money(text: str, unit: str | None, expected: int) -> None:
    assert parse_money(text, unit=unit) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("đồng", "incomplete"),
        ("1,5 đồng", "fractional_dong"),
        ("1,0000000001 tỷ", "fractional_dong"),
        ("1.5 triệu", "ambiguous_separator"),
        ("2 tỷ 500", "missing_unit"),
        ("500 triệu 2 tỷ", "unknown_unit"),
        ("2 tỷ 1500 triệu", "out_of_range"),
        ("5 USD", "unknown_unit"),
        ("tỷ", "incomplete"),
        ("1.23.4 đồng", "bad_grouping"),
    ],
)
def test_parse_money_refuses(text: str, reason: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_money(text)
    assert info.value.reason == reason
    assert info.value.text == text


@pytest.mark.parametrize(
    ("text", "reason", "position"),
    [
        ("1 t\u1ef7 x", "unknown_unit", 5),  # NFC: x is at 5
        ("1 ty\u0309 x", "unknown_unit", 6),  # NFD: x is at 6, as given
        ("2 ty\u0309 1500 trie\u0323\u0302u", "out_of_range", 6),
        ("5 u\u031bo\u031b\u0301c", "unknown_unit", 2),  # the "ư" that starts "ước"
    ],
)
def test_positions_index_the_text_as_given(text: str, reason: str, position: int) -> None:
    with pytest.raises(ParseError) as info:
        parse_money(text)
    assert (info.value.reason, info.value.position, info.value.text) == (reason, position, text)


def test_parse_money_bad_unit_argument_is_a_programming_error() -> None:
    with pytest.raises(InvalidValue, match="unit 'USD'"):
        parse_money("5", unit="USD")


# -- percent --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("24,1%", D("24.1")),
        ("42%", D("42")),
        ("100 %", D("100")),
        ("7,25", D("7.25")),
        ("0,0%", D("0.0")),
        (f"14,3{NBSP}%", D("14.3")),
    ],
)
def test_parse_percent(text: str, expected: Decimal) -> None:
    result = parse_percent(text)
    assert result == expected and isinstance(result, Decimal)


@pytest.mark.parametrize("text", ["%", "", "42%%", "1.5%", "abc%"])
def test_parse_percent_refuses(text: str) -> None:
    with pytest.raises(ParseError):
        parse_percent(text)


# -- round trips ----------------------------------------------------------------------


@given(st.integers())
def test_number_round_trip_int(n: int) -> None:
    assert parse_number(format_number(n)) == n


@given(decimals(max_places=12, max_abs=10**20))
def test_number_round_trip_decimal(x: Decimal) -> None:
    back = parse_number(format_number(x))
    assert back == x
    if x.as_tuple().exponent < 0:  # type: ignore[operator]
        assert isinstance(back, Decimal) and back.as_tuple().exponent == x.as_tuple().exponent


@given(
    amounts(min_value=-(10**18), max_value=10**18),
    st.sampled_from(["đồng", "nghìn", "triệu", "tỷ", "auto"]),
)
def test_money_round_trip_exact(amount: int, unit: str) -> None:
    assert parse_money(format_money(amount, unit=unit)) == amount  # type: ignore[arg-type]


def half_up(x: Fraction, places: int) -> Fraction:
    """The oracle: x rounded half away from zero to ``places``, by floor arithmetic."""
    step = Fraction(1, 10**places)
    magnitude = math.floor(abs(x) / step + Fraction(1, 2)) * step
    return magnitude if x >= 0 else -magnitude


@given(
    amounts(min_value=-(10**15), max_value=10**15),
    st.sampled_from(["nghìn", "triệu", "tỷ"]),
    st.integers(min_value=0, max_value=3),
)
def test_money_round_trip_rounded(amount: int, unit: str, places: int) -> None:
    scale = {"nghìn": 10**3, "triệu": 10**6, "tỷ": 10**9}[unit]
    back = parse_money(format_money(amount, unit=unit, decimals=places))  # type: ignore[arg-type]
    assert back == half_up(Fraction(amount, scale), places) * scale


@given(
    st.fractions(min_value=-10, max_value=10, max_denominator=10**6),
    st.integers(min_value=0, max_value=4),
)
def test_percent_round_trip(x: Fraction, places: int) -> None:
    back = parse_percent(format_percent(x, decimals=places))
    assert back == half_up(x * 100, places)
    assert back.as_tuple().exponent == -places  # the places written are kept


# -- the one number tokenizer ----------------------------------------------------------

NUMBER = re.compile(f"([-+\u2212]?)({number_regex(GROUP_SPACES)})")
INLINE_NUMBER = re.compile(number_regex(INLINE_GROUP_SPACES))


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("12.418 PTĐ, 1.5 và 18,460", ["12.418", "1", "5", "18,460"]),
        ("1.234,5 và 1.2345", ["1.234,5", "1", "2345"]),
        (f"12{NBSP}418 và 12 418", [f"12{NBSP}418", "12", "418"]),  # ASCII space: two figures
        (f"1.234{NBSP}567", ["1.234", "567"]),  # one kind of separator per number
        ("19.923PTĐ 07/07 0,5%", ["19.923", "07", "07", "0,5"]),
    ],
)
def test_numbers_in_running_text(text: str, tokens: list[str]) -> None:
    assert [m.group() for m in INLINE_NUMBER.finditer(text)] == tokens


def test_number_value() -> None:
    assert number_value("12.418") == 12418
    assert number_value(f"1{THIN}234,50").as_tuple() == D("1234.50").as_tuple()  # type: ignore[union-attr]
    assert number_value("0003") == 3 and type(number_value("0003")) is int


RUNNING_TEXT = st.text(
    alphabet=st.sampled_from(f"0123456789.,; %/a{NBSP}{THIN}{NNBSP}"), max_size=40
)


@given(RUNNING_TEXT)
def test_every_number_in_running_text_reads_as_parse_number_reads_it(text: str) -> None:
    for match in INLINE_NUMBER.finditer(text):
        value = number_value(match.group())
        parsed = parse_number(match.group())
        assert parsed == value and type(parsed) is type(value)
        if isinstance(value, Decimal):
            assert parsed.as_tuple() == value.as_tuple()  # type: ignore[union-attr]


CELLS = st.text(alphabet=st.sampled_from(f"0123456789.,-+ %a{NBSP}{THIN}"), max_size=20)


@given(CELLS)
def test_parse_number_reads_exactly_what_the_tokenizer_matches(text: str) -> None:
    body = text.strip()
    match = NUMBER.fullmatch(body)
    try:
        value = parse_number(text)
    except ParseError:
        assert match is None
    else:
        assert match is not None
        token = number_value(match.group(2))
        assert value == (-token if match.group(1) in ("-", "\u2212") else token)


# -- junk sweeps ----------------------------------------------------------------------

JUNK = st.text(
    alphabet=st.sampled_from("0123456789.,- %đồngtỷriệuhìnVNDĐ₫\u00a0\u2009aZ\t\n"), max_size=30
) | st.text(max_size=30)


@given(JUNK)
def test_parse_number_raises_only_parse_error(text: str) -> None:
    try:
        result = parse_number(text)
    except ParseError as exc:
        assert exc.text == text
        assert exc.position is None or 0 <= exc.position <= len(text)
    else:
        assert isinstance(result, int | Decimal)


@given(JUNK, st.sampled_from([None, "nghìn", "triệu", "tỷ"]))
def test_parse_money_raises_only_parse_error(text: str, unit: str | None) -> None:
    try:
        result = parse_money(text, unit=unit)
    except ParseError as exc:
        assert exc.text == text
    else:
        assert isinstance(result, int)


@given(JUNK)
def test_parse_percent_raises_only_parse_error(text: str) -> None:
    try:
        result = parse_percent(text)
    except ParseError:
        pass
    else:
        assert isinstance(result, Decimal)


def test_absurdly_long_numbers_are_parse_errors() -> None:
    for text in ["1" * 5000, "1," + "1" * 5000]:
        with pytest.raises(ParseError) as info:
            parse_number(text)
        assert info.value.reason == "out_of_range"


def test_the_longest_number_is_read_and_one_digit_more_is_refused_by_its_length() -> None:
    from vn_skt.errors import ParseError
    from vn_skt.l10n import MAX_DIGITS, format_number, parse_number

    biggest = 10**MAX_DIGITS - 1
    written = format_number(biggest)  # MAX_DIGITS digits and every separator
    assert parse_number(written) == biggest
    assert parse_number(" ".join(written.split("."))) == biggest
    fraction = written[2:] + ",5"  # a decimal comma: one digit more, so two fewer before it
    assert parse_number(fraction) == Decimal(written[2:].replace(".", "") + ".5")
    for junk in ("1" + ".000" * MAX_DIGITS, "9" * 10**6, "1" + ".00" * 10**5):
        with pytest.raises(ParseError, match=f"at most {MAX_DIGITS} digits") as caught:
            parse_number(junk)
        assert caught.value.position == 0
