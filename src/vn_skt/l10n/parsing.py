"""Đọc số — read numbers, amounts of money and percentages back from report text.

Accepts what real reports contain (``.`` or spaces grouping thousands, ``,`` decimals,
NBSP and thin spaces, ``đồng``/``đ``/``₫``/``VNĐ``/``VND``, nghìn/ngàn/triệu/tỷ/tỉ, the
look-alike ``Ð``) and refuses what is ambiguous or impossible with a
:class:`~vn_skt.errors.ParseError` whose ``reason`` is stable and whose ``position``
points at the trouble.

>>> parse_number("12.418"), parse_number("18,460"), parse_number("1 500 000")
(12418, Decimal('18.460'), 1500000)
>>> parse_money("18,46 tỷ đồng"), parse_money("2 tỷ 500 triệu"), parse_money("5.000.000đ")
(18460000000, 2500000000, 5000000)
>>> parse_money("18,46", unit="tỷ"), parse_percent("24,1%")
(18460000000, Decimal('24.1'))
>>> parse_number("1.5")
Traceback (most recent call last):
...
vn_skt.errors.ParseError: cannot parse '1.5' at position 1 (ambiguous_separator): ...
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from fractions import Fraction
from typing import Final

from vn_skt.errors import InvalidValue, ParseError, ParseReason

from .text import SPACES

__all__ = ["SCALE_WORDS", "parse_money", "parse_number", "parse_percent"]

_DIGITS: Final = frozenset("0123456789")
_MAX_DIGITS: Final = 4000  # below Python's int/str conversion limit (4300)
_GROUP_SPACES: Final = frozenset(" " + SPACES)
_SIGNS: Final = {"-": -1, "\u2212": -1, "+": 1}

SCALE_WORDS: Final = {"đồng": 0, "nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9}
"""Scale words of amounts and their power of ten (``unit=`` takes these too)."""

_CURRENCY_SUFFIXES: Final = ("đồng", "vnđ", "vnd", "đ", "₫")
_FOLD_LOOKALIKE: Final = str.maketrans({"ð": "đ", "Ð": "đ"})


def _scan_number(text: str, start: int, end: int) -> int | Decimal:
    """Read ``text[start:end]`` as one number; positions in errors index ``text``."""
    i = start
    if i >= end:
        raise ParseError(text, reason=ParseReason.EMPTY, expected="a number")
    sign = _SIGNS.get(text[i])
    if sign is not None:
        i += 1
        if i >= end:
            raise ParseError(
                text, reason=ParseReason.INCOMPLETE, position=i, expected="digits after the sign"
            )
    else:
        sign = 1
    runs: list[tuple[int, int]] = []  # (start, end) of each digit run of the integer part
    separators: list[tuple[int, str]] = []  # (position, kind) between runs
    run_start = i
    while i < end and text[i] in _DIGITS:
        i += 1
    if i == run_start:
        expected = "a digit before the decimal comma" if text[i] == "," else "a digit"
        reason = ParseReason.INCOMPLETE if text[i] == "," else ParseReason.INVALID_CHARACTER
        raise ParseError(text, reason=reason, position=i, expected=expected)
    runs.append((run_start, i))
    while i < end and (text[i] == "." or text[i] in _GROUP_SPACES):
        kind = "." if text[i] == "." else " "
        separators.append((i, kind))
        i += 1
        run_start = i
        while i < end and text[i] in _DIGITS:
            i += 1
        if i == run_start:
            if kind == " ":  # a space ends the number: let the check below say what follows
                i = run_start - 1
                separators.pop()
                break
            raise ParseError(
                text,
                reason=ParseReason.BAD_GROUPING,
                position=run_start - 1,
                expected="three digits after a thousands separator",
            )
        runs.append((run_start, i))
    fraction = ""
    if i < end and text[i] == ",":
        comma = i
        i += 1
        while i < end and text[i] in _DIGITS:
            i += 1
        fraction = text[comma + 1 : i]
        if not fraction:
            raise ParseError(
                text,
                reason=ParseReason.INCOMPLETE,
                position=comma + 1,
                expected="digits after the decimal comma",
            )
    while i < end and text[i] in _GROUP_SPACES:
        i += 1
    if i < end:
        char = text[i]
        if char in ".,":
            raise ParseError(
                text,
                reason=ParseReason.AMBIGUOUS_SEPARATOR,
                position=i,
                expected="one decimal comma after the '.'-grouped digits (English 1,234.5 "
                "style is not read)",
            )
        raise ParseError(
            text,
            reason=ParseReason.INVALID_CHARACTER,
            position=i,
            expected="digits, '.' or a space between thousands, ',' decimals",
        )
    _check_grouping(text, runs, separators, has_fraction=bool(fraction))
    digits = "".join(text[a:b] for a, b in runs)
    if len(digits) + len(fraction) > _MAX_DIGITS:
        raise ParseError(
            text,
            reason=ParseReason.OUT_OF_RANGE,
            position=start,
            expected=f"at most {_MAX_DIGITS} digits",
        )
    if fraction:
        return Decimal(f"{'-' if sign < 0 else ''}{digits}.{fraction}")
    return sign * int(digits)


def _check_grouping(
    text: str, runs: list[tuple[int, int]], separators: list[tuple[int, str]], *, has_fraction: bool
) -> None:
    if not separators:
        return
    kinds = {kind for _, kind in separators}
    if len(kinds) > 1:
        position = next(p for p, k in separators if k != separators[0][1])
        raise ParseError(
            text,
            reason=ParseReason.BAD_GROUPING,
            position=position,
            expected="one kind of thousands separator ('.' or space)",
        )
    lengths = [b - a for a, b in runs]
    if 1 <= lengths[0] <= 3 and all(n == 3 for n in lengths[1:]):
        return
    lone_dot = kinds == {"."} and len(separators) == 1 and not has_fraction
    if lone_dot and lengths[1] != 3:
        raise ParseError(
            text,
            reason=ParseReason.AMBIGUOUS_SEPARATOR,
            position=separators[0][0],
            expected="'.' between groups of three digits (12.418) or ',' as the decimal "
            "mark (1,5); a lone '.' may be an English decimal point",
        )
    for (position, _), (a, b) in zip(separators, runs[1:], strict=True):
        if b - a != 3:
            raise ParseError(
                text,
                reason=ParseReason.BAD_GROUPING,
                position=position,
                expected="groups of exactly three digits after each separator",
            )
    raise ParseError(
        text,
        reason=ParseReason.BAD_GROUPING,
        position=runs[0][0],
        expected="one to three digits before the first thousands separator",
    )


def _bounds(text: str) -> tuple[int, int]:
    """Start and end of ``text`` without surrounding whitespace (NBSP included)."""
    start, end = 0, len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _require_str(text: object, function: str) -> str:
    if not isinstance(text, str):
        raise InvalidValue(f"{function}: got {text!r} ({type(text).__name__}); expected str")
    return text


def parse_number(text: str) -> int | Decimal:
    """Đọc số — read a Vietnamese-written number: int, or Decimal when it has a comma.

    ``.`` or spaces (NBSP, thin) group thousands by threes; ``,`` is the decimal
    mark and keeps its digits (``"18,0" -> Decimal("18.0")``). A lone ``.`` not
    followed by three digits is refused as ambiguous (it may be an English decimal).

    >>> parse_number("-1.234,5"), parse_number("0,5"), parse_number("03")
    (Decimal('-1234.5'), Decimal('0.5'), 3)
    """
    text = _require_str(text, "parse_number")
    start, end = _bounds(text)
    return _scan_number(text, start, end)


def parse_percent(text: str) -> Decimal:
    """Đọc tỷ lệ phần trăm — the number of percent: ``"24,1%" -> Decimal("24.1")``.

    The ``%`` sign may be absent (a table whose header says "(%)") or preceded by
    spaces. ``parse_percent(format_percent(x, decimals=k))`` is 100·x rounded to k.

    >>> parse_percent("42%"), parse_percent("100 %"), parse_percent("7,25")
    (Decimal('42'), Decimal('100'), Decimal('7.25'))
    """
    text = _require_str(text, "parse_percent")
    start, end = _bounds(text)
    if end > start and text[end - 1] == "%":
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end == start:
            raise ParseError(
                text, reason=ParseReason.INCOMPLETE, position=start, expected="a number before '%'"
            )
    return Decimal(_scan_number(text, start, end))


def _scale_of(unit: str) -> int:
    key = unicodedata.normalize("NFC", unit).strip().lower().translate(_FOLD_LOOKALIKE)
    key = key.removesuffix(" đồng").strip() or key
    if key not in SCALE_WORDS:
        raise InvalidValue(
            f"parse_money: unit {unit!r}; expected one of {sorted(SCALE_WORDS)} "
            f"(optionally followed by 'đồng')"
        )
    return SCALE_WORDS[key]


def parse_money(text: str, *, unit: str | None = None) -> int:
    """Đọc số tiền — an amount written in a report, as int đồng.

    Reads ``"5.000.000 đồng"``, ``"5.000.000đ"``, ``"18,46 tỷ đồng"``, ``"750 triệu"``,
    compounds in decreasing order (``"2 tỷ 500 triệu"``, ``"1 nghìn tỷ"``), and a bare
    number in the unit a table header gives (``unit="triệu"`` for "ĐVT: triệu đồng";
    a scale word in the text itself wins). The result must be a whole number of đồng.

    Positions in errors index the NFC form of ``text`` (the same string for NFC input).

    >>> parse_money("1,5 triệu"), parse_money("-300 nghìn VNĐ"), parse_money("1 nghìn tỷ")
    (1500000, -300000, 1000000000000)
    >>> parse_money("1,5 đồng")
    Traceback (most recent call last):
    ...
    vn_skt.errors.ParseError: cannot parse '1,5 đồng' at position 0 (fractional_dong): ...
    """
    original = _require_str(text, "parse_money")
    default_scale = 0 if unit is None else _scale_of(unit)
    text = unicodedata.normalize("NFC", original)
    folded = text.lower().translate(_FOLD_LOOKALIKE)
    start, end = _bounds(text)
    if start == end:
        raise ParseError(original, reason=ParseReason.EMPTY, expected="an amount of money")
    for suffix in _CURRENCY_SUFFIXES:
        if folded.endswith(suffix, start, end):
            end -= len(suffix)
            while end > start and text[end - 1].isspace():
                end -= 1
            break
    if start == end:
        raise ParseError(
            original,
            reason=ParseReason.INCOMPLETE,
            position=start,
            expected="a number before the currency",
        )
    try:
        parts = _money_parts(text, folded, start, end)
    except ParseError as exc:  # report against the text as received, not its NFC form
        raise ParseError(
            original, reason=exc.reason, position=exc.position, expected=exc.expected
        ) from None
    if len(parts) == 1 and parts[0][2] is None:
        parts = [(parts[0][0], parts[0][1], default_scale)]
    negative = parts[0][1] < 0
    total = Fraction(0)
    previous_scale: int | None = None
    for position, number, scale in parts:
        if scale is None:
            raise ParseError(
                original,
                reason=ParseReason.MISSING_UNIT,
                position=position,
                expected="a scale word (nghìn, triệu, tỷ) after this number",
            )
        if previous_scale is not None:
            if scale >= previous_scale:
                raise ParseError(
                    original,
                    reason=ParseReason.UNKNOWN_UNIT,
                    position=position,
                    expected="scale words in decreasing order (2 tỷ 500 triệu)",
                )
            if number < 0 or number >= Decimal(10) ** (previous_scale - scale):
                raise ParseError(
                    original,
                    reason=ParseReason.OUT_OF_RANGE,
                    position=position,
                    expected=f"a part below 10^{previous_scale - scale} here",
                )
        total += abs(Fraction(number)) * 10**scale
        previous_scale = scale
    if total.denominator != 1:
        raise ParseError(
            original,
            reason=ParseReason.FRACTIONAL_DONG,
            position=parts[0][0],
            expected="a whole number of đồng (VND has no minor unit)",
        )
    return -total.numerator if negative else total.numerator


def _money_parts(
    text: str, folded: str, start: int, end: int
) -> list[tuple[int, int | Decimal, int | None]]:
    """Split ``text[start:end]`` into (position, number, scale) parts."""
    parts: list[tuple[int, int | Decimal, int | None]] = []
    i = start
    while i < end:
        chunk_start = i
        while i < end and not text[i].isalpha():
            i += 1
        chunk_end = i
        while chunk_end > chunk_start and text[chunk_end - 1].isspace():
            chunk_end -= 1
        scale: int | None = None
        word_start = i
        while i < end and text[i].isalpha():  # one or more scale words: "nghìn tỷ"
            w = i
            while i < end and text[i].isalpha():
                i += 1
            word = folded[w:i]
            if word not in SCALE_WORDS or SCALE_WORDS[word] == 0:
                raise ParseError(
                    text,
                    reason=ParseReason.UNKNOWN_UNIT,
                    position=w,
                    expected="nghìn, ngàn, triệu, tỷ or tỉ, then đồng/đ/VNĐ at the end",
                )
            scale = (scale or 0) + SCALE_WORDS[word]
            while i < end and text[i].isspace():
                i += 1
        if chunk_end == chunk_start:
            raise ParseError(
                text,
                reason=ParseReason.INCOMPLETE,
                position=word_start,
                expected="a number before the scale word",
            )
        number = _scan_number(text, chunk_start, chunk_end)
        parts.append((chunk_start, number, scale))
    return parts
