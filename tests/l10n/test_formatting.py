"""format_number, format_count, format_percent, format_money: the rules of API.md."""

from __future__ import annotations

import math
from decimal import (
    ROUND_05UP,
    ROUND_CEILING,
    ROUND_DOWN,
    ROUND_FLOOR,
    ROUND_HALF_DOWN,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    ROUND_UP,
    Context,
    Decimal,
    localcontext,
)
from fractions import Fraction

import numpy as np
import pytest
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.errors import InvalidValue, VnSktError
from vn_skt.l10n import format_count, format_money, format_number, format_percent, round_decimal

D = Decimal


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (12418, None, "12.418"),
        (1200, None, "1.200"),
        (5_000_000, None, "5.000.000"),
        (0, None, "0"),
        (999, None, "999"),
        (-1234, None, "-1.234"),
        (D("18.46"), None, "18,46"),
        (D("18.460"), None, "18,460"),
        (D("0.5"), None, "0,5"),
        (D("1E+3"), None, "1.000"),
        (D("2.5"), 0, "3"),
        (D("-2.5"), 0, "-3"),
        (D("14.25"), 1, "14,3"),  # Babel says 14,2 (half-even)
        (D("-0.04"), 1, "0,0"),  # never "-0"
        (D("-0"), None, "0"),
        (D("-0.000"), None, "0,000"),
        (5, 2, "5,00"),
        (Fraction(1, 8), None, "0,125"),
        (Fraction(-1, 3), 3, "-0,333"),
        (Fraction(2, 3), 0, "1"),
        (2.675, 2, "2,68"),  # the float's shortest repr, not its binary value 2.67499...
        (0.1, None, "0,1"),
        (np.int64(12418), None, "12.418"),
        (np.int32(-7), None, "-7"),
    ],
)
def test_examples(value: object, decimals: int | None, expected: str) -> None:
    assert format_number(value, decimals) == expected  # type: ignore[arg-type]


def test_rounding_is_a_parameter() -> None:
    assert format_number(D("14.25"), 1, rounding=ROUND_HALF_EVEN) == "14,2"
    assert format_number(D("14.29"), 1, rounding=ROUND_DOWN) == "14,2"
    assert format_number(Fraction(5, 2), 0, rounding=ROUND_HALF_EVEN) == "2"
    assert format_percent(1, 8, decimals=1, rounding=ROUND_HALF_EVEN) == "12,5%"
    assert format_money(2_500, unit="nghìn", decimals=0, rounding=ROUND_HALF_EVEN) == "2 nghìn đồng"
    with pytest.raises(InvalidValue, match="rounding"):
        format_number(D("1.5"), 0, rounding="sometimes")


@pytest.mark.parametrize(
    "bad", [True, False, float("nan"), float("inf"), D("NaN"), D("-Infinity"), "12", None, [1]]
)
def test_refused(bad: object) -> None:
    with pytest.raises(InvalidValue):
        format_number(bad)  # type: ignore[arg-type]


def test_non_terminating_fraction_needs_decimals() -> None:
    with pytest.raises(InvalidValue, match="decimals="):
        format_number(Fraction(1, 3))


def test_bad_decimals() -> None:
    for bad in (-1, 1.5, True):
        with pytest.raises(InvalidValue, match="decimals"):
            format_number(D("1.5"), bad)  # type: ignore[arg-type]


@given(st.integers(min_value=-(10**24), max_value=10**24))
def test_ints_agree_with_babel(n: int) -> None:
    # Babel's quantize overflows past 28 digits; we have no such limit (tested below).
    assert format_number(n) == format_decimal(n, locale="vi_VN")


def test_huge_ints() -> None:
    assert format_number(10**30) == "1" + ".000" * 10


@given(st.integers(min_value=-(10**15), max_value=10**15), st.integers(min_value=0, max_value=3))
def test_short_decimals_agree_with_babel(n: int, places: int) -> None:
    value = D(n).scaleb(-places)
    if places and n % 10 == 0:  # Babel drops trailing zeros: compare only where it cannot
        return
    assert format_number(value) == format_decimal(value, locale="vi_VN")


@given(st.integers())
def test_int_fast_path_equals_general_path(n: int) -> None:
    assert format_number(n) == format_number(np.int64(n) if abs(n) < 2**63 else D(n))


def half_up(x: Fraction, places: int) -> Fraction:
    """The oracle: x rounded half away from zero to ``places``, by floor arithmetic."""
    step = Fraction(1, 10**places)
    magnitude = math.floor(abs(x) / step + Fraction(1, 2)) * step
    return magnitude if x >= 0 else -magnitude


@given(st.fractions(max_denominator=10**6), st.integers(min_value=0, max_value=6))
def test_fraction_rounding_is_half_up_exactly(x: Fraction, places: int) -> None:
    shown = format_number(x, places)
    rounded = round_decimal(x, places)
    assert Fraction(rounded) == half_up(x, places)
    assert rounded.as_tuple().exponent == -places
    assert shown == format_number(rounded)  # the formatter writes what it rounded to
    assert not shown.startswith("-") or rounded != 0  # never "-0"


ROUNDINGS = [
    ROUND_HALF_UP,
    ROUND_HALF_DOWN,
    ROUND_HALF_EVEN,
    ROUND_UP,
    ROUND_DOWN,
    ROUND_CEILING,
    ROUND_FLOOR,
    ROUND_05UP,
]
SHORT_DECIMALS = st.decimals(
    min_value=-(10**12), max_value=10**12, places=6, allow_nan=False, allow_infinity=False
)


def babel(value: Decimal, places: int, rounding: str) -> str:
    """Babel (CLDR vi_VN) writes ``value`` with ``places`` decimals, rounding as asked."""
    with localcontext() as context:
        context.rounding = rounding
        text = format_decimal(value, format="#,##0." + "0" * places, locale="vi_VN")
    text = text.removesuffix(",")  # the pattern "#,##0." with no places
    return text.removeprefix("-") if text.strip("-0.,") == "" else text  # we never write "-0"


# Babel rounds the magnitude and puts the sign back, so it is an oracle only for the modes
# that treat both signs alike (not ROUND_CEILING / ROUND_FLOOR).
SYMMETRIC = [r for r in ROUNDINGS if r not in (ROUND_CEILING, ROUND_FLOOR)]


@given(SHORT_DECIMALS, st.integers(min_value=0, max_value=4), st.sampled_from(SYMMETRIC))
def test_rounded_decimals_agree_with_babel(value: Decimal, places: int, rounding: str) -> None:
    assert format_number(value, places, rounding=rounding) == babel(value, places, rounding)


@given(SHORT_DECIMALS, st.integers(min_value=0, max_value=8), st.sampled_from(ROUNDINGS))
def test_round_decimal_is_quantize_for_decimals_and_fractions(
    value: Decimal, places: int, rounding: str
) -> None:
    expected = value.quantize(
        Decimal(1).scaleb(-places), rounding=rounding, context=Context(prec=60)
    )
    expected = abs(expected) if expected == 0 else expected
    for exact in (value, Fraction(value)):  # quantize, and the exact integer arithmetic
        got = round_decimal(exact, places, rounding=rounding)
        assert got.as_tuple() == expected.as_tuple()


@given(
    st.fractions(min_value=-(10**6), max_value=10**6, max_denominator=10**6),
    st.integers(min_value=0, max_value=6),
    st.sampled_from(ROUNDINGS),
)
def test_fractions_round_as_their_long_expansion_does(
    x: Fraction, places: int, rounding: str
) -> None:
    # 200 significant digits decide every rounding of a fraction with a denominator <= 10^6
    context = Context(prec=200)
    long = context.divide(Decimal(x.numerator), Decimal(x.denominator))
    expected = long.quantize(Decimal(1).scaleb(-places), rounding=rounding, context=context)
    assert round_decimal(x, places, rounding=rounding) == expected


def test_round_decimal_refuses() -> None:
    for bad_decimals in (-1, None, True, 1.5):
        with pytest.raises(InvalidValue, match="decimals"):
            round_decimal(D("1.5"), bad_decimals)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match="rounding"):
        round_decimal(D("1.5"), 0, rounding="up")
    for bad in (D("NaN"), True, "1,5"):
        with pytest.raises(InvalidValue):
            round_decimal(bad, 0)  # type: ignore[arg-type]
    assert round_decimal(D("1E+30"), 2) == D("1E+30") and round_decimal(2.675, 2) == D("2.68")


# -- counts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "00"), (3, "03"), (9, "09"), (10, "10"), (12, "12"), (1200, "1.200"), (np.int16(7), "07")],
)
def test_count(n: int, expected: str) -> None:
    assert format_count(n) == expected


@pytest.mark.parametrize("bad", [-1, True, 1.0, D("3"), "3"])
def test_count_refuses(bad: object) -> None:
    with pytest.raises(InvalidValue):
        format_count(bad)  # type: ignore[arg-type]


# -- percent --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "kwargs", "expected"),
    [
        ((Fraction(1, 4),), {}, "25%"),
        ((250, 600), {}, "42%"),
        ((250, 600), {"decimals": 1}, "41,7%"),
        ((1, 2), {"decimals": 1}, "50,0%"),
        ((1200, 5000), {}, "24%"),
        ((163, 440), {}, "37%"),
        ((500, 3500), {"decimals": 1}, "14,3%"),
        ((D("0.1425"),), {"decimals": 1}, "14,3%"),
        ((0.5,), {}, "50%"),
        ((7, 7), {}, "100%"),
        ((0, 7), {}, "0%"),
        ((Fraction(1, 3),), {"decimals": None}, None),
    ],
)
def test_percent(args: tuple[object, ...], kwargs: dict[str, object], expected: str | None) -> None:
    if expected is None:
        with pytest.raises(InvalidValue):
            format_percent(*args, **kwargs)  # type: ignore[arg-type]
    else:
        assert format_percent(*args, **kwargs) == expected  # type: ignore[arg-type]


def test_percent_of_nothing_is_a_value_error_not_zero_division() -> None:
    with pytest.raises(VnSktError) as info:
        format_percent(3, 0)
    assert isinstance(info.value, ValueError)
    assert not isinstance(info.value, ZeroDivisionError)


@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=1, max_value=10**9),
    st.integers(min_value=0, max_value=4),
)
def test_percent_matches_fraction_rounded_half_up(part: int, whole: int, places: int) -> None:
    expected = Fraction(part * 100, whole)
    scaled = expected * 10**places
    rounded = int(scaled) + (1 if scaled - int(scaled) >= Fraction(1, 2) else 0)
    text = format_percent(part, whole, decimals=places)
    assert text.endswith("%")
    assert Fraction(Decimal(text[:-1].replace(".", "").replace(",", "."))) == Fraction(
        rounded, 10**places
    )


# -- money ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "kwargs", "expected"),
    [
        (5_000_000, {}, "5.000.000 đồng"),
        (18_460_000_000, {"unit": "tỷ"}, "18,46 tỷ đồng"),
        (18_460_000_000, {"unit": "tỷ", "decimals": 3}, "18,460 tỷ đồng"),
        (18_461_234_567, {"unit": "tỷ"}, "18,461234567 tỷ đồng"),
        (750_000_000, {"unit": "triệu"}, "750 triệu đồng"),
        (1_500, {"unit": "nghìn"}, "1,5 nghìn đồng"),
        (750_000_000, {"unit": "auto"}, "750 triệu đồng"),
        (18_460_000_000, {"unit": "auto", "decimals": 2}, "18,46 tỷ đồng"),
        (999, {"unit": "auto"}, "999 đồng"),
        (-500, {"unit": "auto"}, "-500 đồng"),
        (0, {"unit": "auto"}, "0 đồng"),
        (1_000, {"unit": "auto"}, "1 nghìn đồng"),
        (999_999_999, {"unit": "auto", "decimals": 0}, "1 tỷ đồng"),
        (999_499, {"unit": "auto", "decimals": 0}, "1 triệu đồng"),
        (400_000, {"unit": "auto", "decimals": 0}, "400 nghìn đồng"),
        (-2_500_000_000, {"unit": "tỷ", "decimals": 0}, "-3 tỷ đồng"),
        (
            10**40 + 1,
            {"unit": "tỷ"},
            "10.000.000.000.000.000.000.000.000.000.000,000000001 tỷ đồng",
        ),
        (np.int64(5_000), {}, "5.000 đồng"),
    ],
)
def test_money(amount: int, kwargs: dict[str, object], expected: str) -> None:
    assert format_money(amount, **kwargs) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [1.5, 5e6, D("5000000"), Fraction(1, 2), True, "5"])
def test_money_refuses_non_int(bad: object) -> None:
    with pytest.raises(InvalidValue, match="format_money"):
        format_money(bad)  # type: ignore[arg-type]


def test_money_float_error_suggests_the_fix() -> None:
    with pytest.raises(InvalidValue, match=r"round\(5000000.0\)"):
        format_money(5e6)  # type: ignore[arg-type]


def test_money_bad_unit() -> None:
    with pytest.raises(InvalidValue, match="unit 'USD'"):
        format_money(5, unit="USD")  # type: ignore[arg-type]
