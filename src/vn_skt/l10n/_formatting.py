"""Định dạng số — numbers, counts, percentages and money the Vietnamese administrative way.

``.`` groups thousands (from four digits on), ``,`` is the decimal mark, rounding
happens once, here, half away from zero unless the caller passes another ``decimal``
rounding constant. Money is ``int`` đồng; nghìn/triệu/tỷ are display units only.

>>> format_number(12418), format_number(Decimal("18.460")), format_number(Decimal("2.5"), 0)
('12.418', '18,460', '3')
>>> format_count(3), format_percent(250, 600), format_percent(Fraction(5, 12), decimals=1)
('03', '42%', '41,7%')
>>> format_money(18_460_000_000, unit="tỷ", decimals=3)
'18,460 tỷ đồng'
"""

from __future__ import annotations

import math
import operator
from decimal import (
    MAX_EMAX,
    MIN_EMIN,
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
)
from fractions import Fraction
from typing import Final, Literal, SupportsIndex

from vn_skt._money import whole_dong
from vn_skt.errors import InvalidValue

__all__ = [
    "MAX_DIGITS",
    "MONEY_UNITS",
    "MoneyUnit",
    "Number",
    "format_count",
    "format_money",
    "format_number",
    "format_percent",
    "round_decimal",
    "to_exact",
]

Number = int | Decimal | Fraction | float | SupportsIndex
"""What the formatters take: int (or anything with ``__index__``), Decimal, Fraction;
float only where documented (through its shortest ``repr``)."""

MAX_DIGITS: Final = 4000
"""Số chữ số tối đa — the most digits vn_skt reads or writes in one number (whole part,
or places after the comma): below Python's int/str conversion limit (4300). A larger
number is refused with InvalidValue/ParseError naming this limit, never a bare error."""

_BIGGEST: Final = 10**MAX_DIGITS

MoneyUnit = Literal["đồng", "nghìn", "triệu", "tỷ", "auto"]

MONEY_UNITS: Final = {"đồng": 0, "nghìn": 3, "triệu": 6, "tỷ": 9}
"""Display units of money and their power of ten."""

_ROUNDINGS: Final = frozenset(
    {
        ROUND_HALF_UP,
        ROUND_HALF_DOWN,
        ROUND_HALF_EVEN,
        ROUND_UP,
        ROUND_DOWN,
        ROUND_CEILING,
        ROUND_FLOOR,
        ROUND_05UP,
    }
)


def to_exact(
    value: object, *, what: str = "value", allow_float: bool = True
) -> int | Decimal | Fraction:
    """Giá trị chính xác — check a number and return it as int, Decimal or Fraction.

    Refuses bool, NaN and infinities, and (with ``allow_float=False``) floats, with an
    :class:`InvalidValue` that says what was received. A float becomes the Decimal of
    its shortest ``repr`` (``0.1 -> Decimal("0.1")``), which is what the user typed.
    """
    kind = type(value)
    if kind is int:
        return value  # type: ignore[return-value]
    if isinstance(value, bool):
        raise InvalidValue(
            f"{what}: got the bool {value!r}; expected a number (int, Decimal, Fraction)"
        )
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidValue(f"{what}: got {value!r}; expected a finite number")
        return value
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float):
        if not allow_float:
            raise InvalidValue(
                f"{what}: got the float {value!r}; expected an int. A float cannot hold an "
                f"exact amount: build the int from the source text (parse_money), or pass "
                f"round({value!r}) once you have decided how to round"
            )
        if not math.isfinite(value):
            raise InvalidValue(f"{what}: got {value!r}; expected a finite number")
        return Decimal(repr(value))
    if hasattr(value, "__index__"):
        return operator.index(value)
    raise InvalidValue(
        f"{what}: got {value!r} ({kind.__name__}); expected int, Decimal or Fraction"
    )


def _check_decimals(decimals: int | None) -> None:
    if decimals is not None and (type(decimals) is not int or not 0 <= decimals <= MAX_DIGITS):
        raise InvalidValue(f"decimals: got {decimals!r}; expected None or an int 0..{MAX_DIGITS}")


def _check_size(value: int | Decimal | Fraction, what: str) -> None:
    """Refuse a number whose whole part has more than :data:`MAX_DIGITS` digits."""
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        too_big = not value.is_zero() and value.adjusted() >= MAX_DIGITS
        if isinstance(exponent, int) and exponent < -MAX_DIGITS:
            raise InvalidValue(
                f"{what}: got a number with {-exponent} places after the comma; expected "
                f"at most {MAX_DIGITS} (the limit of vn_skt.l10n.MAX_DIGITS)"
            )
    else:
        too_big = not -_BIGGEST < value < _BIGGEST
    if too_big:
        raise InvalidValue(
            f"{what}: got a number of more than {MAX_DIGITS} digits; expected at most "
            f"{MAX_DIGITS} digits (the limit of vn_skt.l10n.MAX_DIGITS)"
        )


def _check_rounding(rounding: str) -> None:
    if rounding not in _ROUNDINGS:
        raise InvalidValue(
            f"rounding: got {rounding!r}; expected one of the decimal module's ROUND_* constants"
        )


def round_decimal(value: Number, decimals: int = 0, *, rounding: str = ROUND_HALF_UP) -> Decimal:
    """Làm tròn — ``value`` rounded once, exactly, to ``decimals`` places.

    The one rounding of vn_skt: every formatter rounds through it, and a calculation
    that needs the rounded figure itself (a percentage to compare with the one a report
    states) calls it — never format a number and parse it back. Half away from zero
    unless ``rounding`` names another ``decimal`` constant; the result has exactly
    ``decimals`` places and a rounded zero has no minus sign. Takes what
    :func:`format_number` takes.

    >>> round_decimal(Fraction(1, 8), 2), round_decimal(Decimal("14.25"), 1)
    (Decimal('0.13'), Decimal('14.3'))
    >>> round_decimal(Decimal("-2.5")), round_decimal(7, 2), round_decimal(Decimal("-0.04"), 1)
    (Decimal('-3'), Decimal('7.00'), Decimal('0.0'))
    >>> round_decimal(Decimal("14.25"), 1, rounding=ROUND_HALF_EVEN)
    Decimal('14.2')
    """
    _check_decimals(decimals)
    if decimals is None:
        raise InvalidValue("round_decimal: decimals is None; expected an int >= 0")
    _check_rounding(rounding)
    return _round(to_exact(value, what="round_decimal"), decimals, rounding)


def _round(exact: int | Decimal | Fraction, decimals: int, rounding: str) -> Decimal:
    """round_decimal without the checks: Decimal.quantize, or exact integer arithmetic
    for a Fraction."""
    if isinstance(exact, Fraction):
        return _round_fraction(exact, decimals, rounding)
    value = Decimal(exact) if isinstance(exact, int) else exact
    # enough digits for every digit kept, and a carry (9,99 -> 10,0): quantize is exact
    context = Context(prec=max(1, value.adjusted() + decimals + 2), Emax=MAX_EMAX, Emin=MIN_EMIN)
    rounded = value.quantize(Decimal((0, (1,), -decimals)), rounding=rounding, context=context)
    return rounded.copy_abs() if rounded.is_zero() else rounded


def _round_fraction(value: Fraction, decimals: int, rounding: str) -> Decimal:
    """Round a Fraction exactly to ``decimals`` places with a ``decimal`` rounding mode."""
    negative = value < 0
    quotient, remainder = divmod(abs(value.numerator) * 10**decimals, value.denominator)
    twice = 2 * remainder
    if rounding == ROUND_CEILING:
        rounding = ROUND_DOWN if negative else ROUND_UP
    elif rounding == ROUND_FLOOR:
        rounding = ROUND_UP if negative else ROUND_DOWN
    if rounding == ROUND_HALF_UP:
        up = twice >= value.denominator
    elif rounding == ROUND_HALF_DOWN:
        up = twice > value.denominator
    elif rounding == ROUND_HALF_EVEN:
        up = twice > value.denominator or (twice == value.denominator and quotient % 2 == 1)
    elif rounding == ROUND_UP:
        up = remainder > 0
    elif rounding == ROUND_05UP:
        up = remainder > 0 and quotient % 10 in (0, 5)
    else:  # ROUND_DOWN
        up = False
    digits = quotient + up
    return Decimal((1 if negative and digits else 0, tuple(map(int, str(digits))), -decimals))


def _terminating(value: Fraction) -> Decimal | None:
    """The exact Decimal of a Fraction whose decimal expansion ends, else None."""
    den = value.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        return None
    places = max(twos, fives)
    return _round_fraction(value, places, ROUND_DOWN)


def _rounded(
    exact: int | Decimal | Fraction, decimals: int | None, rounding: str, what: str
) -> int | Decimal:
    """Apply ``decimals``/``rounding`` once; return an int or a Decimal to render."""
    if decimals is None:
        if isinstance(exact, Fraction):
            as_decimal = _terminating(exact)
            if as_decimal is None:
                raise InvalidValue(
                    f"{what}: {exact} has no finite decimal expansion; pass decimals= to round it"
                )
            return as_decimal
        return exact
    if isinstance(exact, int) and decimals == 0:
        return exact
    return _round(exact, decimals, rounding)


def _render(value: int | Decimal) -> str:
    """Write an exact int/Decimal with ``.`` thousands and ``,`` decimals; never ``-0``."""
    if type(value) is int:
        return f"{value:,}".replace(",", ".")
    text = format(value, "f")
    negative = text.startswith("-")
    if negative:
        text = text[1:]
    whole, _, fraction = text.partition(".")
    body = f"{int(whole):,}".replace(",", ".")
    if fraction:
        body += "," + fraction
    if negative and value != 0:
        body = "-" + body
    return body


def format_number(
    value: Number, decimals: int | None = None, *, rounding: str = ROUND_HALF_UP
) -> str:
    """Định dạng số — write a number the Vietnamese way.

    Args:
        value: int (anything with ``__index__``, numpy integers included), Decimal,
            Fraction, or float (taken as its shortest ``repr``). bool, NaN and
            infinities are refused with InvalidValue.
        decimals: ``None`` shows the value exactly (a Decimal keeps its exponent; a
            Fraction must terminate); an int rounds to that many places and pads.
        rounding: a ``decimal`` rounding constant; default half away from zero.

    >>> format_number(1234567), format_number(-5), format_number(Decimal("0.5"))
    ('1.234.567', '-5', '0,5')
    >>> format_number(Decimal("-2.5"), 0), format_number(Decimal("-0.04"), 1)
    ('-3', '0,0')
    >>> format_number(Fraction(1, 8)), format_number(2.675, 2)
    ('0,125', '2,68')
    """
    if type(value) is int and decimals is None and -_BIGGEST < value < _BIGGEST:  # hot path
        return f"{value:,}".replace(",", ".")
    _check_decimals(decimals)
    _check_rounding(rounding)
    exact = to_exact(value)
    _check_size(exact, "format_number")
    return _render(_rounded(exact, decimals, rounding, "format_number"))


def format_count(n: SupportsIndex) -> str:
    """Định dạng số lượng — a count as official text writes it: zero-padded below 10.

    >>> format_count(3), format_count(0), format_count(12), format_count(1200)
    ('03', '00', '12', '1.200')
    """
    exact = to_exact(n, what="format_count", allow_float=False)
    if not isinstance(exact, int):
        raise InvalidValue(f"format_count: got {n!r}; expected a whole number (int)")
    if exact < 0:
        raise InvalidValue(f"format_count: got {exact}; a count cannot be negative")
    if exact < 10:
        return f"0{exact}"
    _check_size(exact, "format_count")
    return _render(exact)


def format_percent(
    part: Number,
    whole: Number | None = None,
    *,
    decimals: int | None = 0,
    rounding: str = ROUND_HALF_UP,
) -> str:
    """Định dạng tỷ lệ phần trăm — a ratio, or part of whole, as a percentage.

    One argument is a ratio (``Fraction(1, 4) -> "25%"``); two are part and whole.
    Rounded once, half-up by default; trailing zeros kept as asked. ``whole == 0``
    raises InvalidValue (also a ValueError), never ZeroDivisionError.

    >>> format_percent(Fraction(1, 4)), format_percent(1, 2, decimals=1)
    ('25%', '50,0%')
    >>> format_percent(Decimal("0.1425"), decimals=1)
    '14,3%'
    """
    _check_decimals(decimals)
    _check_rounding(rounding)
    ratio = Fraction(to_exact(part, what="format_percent: part"))
    if whole is not None:
        divisor = Fraction(to_exact(whole, what="format_percent: whole"))
        if divisor == 0:
            raise InvalidValue(
                f"format_percent: whole is 0 (part {part!r}); a share of nothing has no percentage"
            )
        ratio /= divisor
    _check_size(ratio * 100, "format_percent")
    return _render(_rounded(ratio * 100, decimals, rounding, "format_percent")) + "%"


def format_money(
    amount: SupportsIndex,
    *,
    unit: MoneyUnit = "đồng",
    decimals: int | None = None,
    rounding: str = ROUND_HALF_UP,
) -> str:
    """Định dạng số tiền — an amount of int đồng in đồng, nghìn, triệu or tỷ đồng.

    With ``decimals=None`` a scaled amount shows every significant digit, trailing
    zeros dropped; ``unit="auto"`` picks the largest unit in which the amount, after
    rounding, is at least 1 (below 1.000 it stays in đồng).

    >>> format_money(5_000_000), format_money(18_460_000_000, unit="tỷ")
    ('5.000.000 đồng', '18,46 tỷ đồng')
    >>> format_money(750_000_000, unit="auto"), format_money(999_999_999, unit="auto", decimals=0)
    ('750 triệu đồng', '1 tỷ đồng')
    >>> format_money(1.5)
    Traceback (most recent call last):
    ...
    vn_skt.errors.InvalidValue: format_money: 1.5 (float); expected a whole number of đồng (int)...
    """
    _check_decimals(decimals)
    _check_rounding(rounding)
    exact = whole_dong(amount, what="format_money", negative=True)
    _check_size(exact, "format_money")
    if unit == "auto":
        for name in ("tỷ", "triệu", "nghìn"):
            shown = _rounded(
                Fraction(exact, 10 ** MONEY_UNITS[name]), decimals, rounding, "format_money"
            )
            if not -1 < shown < 1:
                return f"{_render(_scaled_display(shown, decimals))} {name} đồng"
        unit = "đồng"
    if unit not in MONEY_UNITS:
        raise InvalidValue(
            f"format_money: unit {unit!r}; expected one of 'đồng', 'nghìn', 'triệu', 'tỷ', 'auto'"
        )
    if unit == "đồng":
        return f"{_render(_rounded(exact, decimals, rounding, 'format_money'))} đồng"
    shown = _rounded(Fraction(exact, 10 ** MONEY_UNITS[unit]), decimals, rounding, "format_money")
    return f"{_render(_scaled_display(shown, decimals))} {unit} đồng"


def _scaled_display(value: int | Decimal, decimals: int | None) -> int | Decimal:
    """With decimals=None, drop the trailing zeros a scaled amount picked up."""
    if decimals is not None or isinstance(value, int):
        return value
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # finite by construction
    while exponent < 0 and len(digits) > 1 and digits[-1] == 0:
        digits, exponent = digits[:-1], exponent + 1
    if exponent >= 0:
        return int(value)
    return Decimal((sign, digits, exponent))
