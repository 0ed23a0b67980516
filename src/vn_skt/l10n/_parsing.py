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

import re
from decimal import Decimal
from fractions import Fraction
from typing import Final

from vn_skt.errors import InvalidValue, ParseError, ParseReason

from ._formatting import MAX_DIGITS
from ._text import SPACES, NormalText, normal_text

__all__ = [
    "GROUP_SPACES",
    "INLINE_GROUP_SPACES",
    "SCALE_WORDS",
    "number_regex",
    "number_value",
    "parse_money",
    "parse_number",
    "parse_percent",
]

GROUP_SPACES: Final = " " + SPACES
"""Spaces that may group thousands in a number read on its own (a cell, a form field)."""

INLINE_GROUP_SPACES: Final = "\u00a0\u202f\u2009"
"""Spaces that group thousands in running text (NBSP, narrow NBSP, thin), where an
ASCII space separates two figures ("36 nhiệm vụ, 22 ...")."""

_DIGITS: Final = frozenset("0123456789")
_MAX_DIGITS: Final = MAX_DIGITS
_MAX_CHARACTERS: Final = MAX_DIGITS + MAX_DIGITS // 3 + 2
"""The longest a number can be: MAX_DIGITS digits, a separator every three, a comma."""
_GROUP_SPACES: Final = frozenset(GROUP_SPACES)
_UNGROUP: Final = str.maketrans(dict.fromkeys("." + GROUP_SPACES))
_SIGNS: Final = {"-": -1, "\u2212": -1, "+": 1}

SCALE_WORDS: Final = {"đồng": 0, "nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9}
"""Scale words of amounts and their power of ten (``unit=`` takes these too)."""

_CURRENCY_SUFFIXES: Final = ("đồng", "vnđ", "vnd", "đ", "₫")


# -- the one number tokenizer -----------------------------------------------------------


def number_regex(spaces: str = GROUP_SPACES) -> str:
    """Mẫu số — the regular expression of one unsigned number written the Vietnamese way.

    The one definition of what a number looks like, shared by :func:`parse_number` (a
    number on its own: ``spaces`` = :data:`GROUP_SPACES`) and the report audit
    (numbers in running text: :data:`INLINE_GROUP_SPACES`). Digits are grouped by
    threes with ``.`` or with the ``spaces`` (one kind in a number; one to three digits
    before the first separator), or not grouped at all; ``,`` then digits is the
    decimal part. A grouped number is not followed by a digit. Every alternative is
    linear: no catastrophic backtracking on any input. Read a match with
    :func:`number_value`.

    >>> pattern = re.compile(number_regex(INLINE_GROUP_SPACES))
    >>> tuple(number_value(m.group()) for m in pattern.finditer("12.418 PTĐ, 1.5 và 18,460"))
    (12418, 1, 5, Decimal('18.460'))
    """
    group = "".join(sorted({re.escape(char) for char in spaces}))
    return (
        rf"[0-9]{{1,3}}(?:(?:\.[0-9]{{3}})+|(?:[{group}][0-9]{{3}})+)(?![0-9])(?:,[0-9]+)?"
        r"|[0-9]+(?:,[0-9]+)?"
    )


def number_value(token: str) -> int | Decimal:
    """Giá trị số — the value of a token :func:`number_regex` matched: an int, or a
    Decimal that keeps its decimal places when there is a ``,``.

    >>> number_value("12.418"), number_value("1\u00a0234,50"), number_value("03")
    (12418, Decimal('1234.50'), 3)
    """
    digits = token if token.isdigit() else token.translate(_UNGROUP)
    if "," in digits:
        return Decimal(digits.replace(",", "."))
    return int(digits)


_NUMBER: Final = re.compile(number_regex(GROUP_SPACES))


def _read_number(src: NormalText, start: int, end: int) -> int | Decimal:
    """Read ``src.text[start:end]`` as one signed number; errors index ``src.source``."""
    text = src.text
    if start >= end:
        raise src.error(reason=ParseReason.EMPTY, expected="a number")
    i = start
    sign = _SIGNS.get(text[i], 0)
    if sign:
        i += 1
        if i >= end:
            raise src.error(
                reason=ParseReason.INCOMPLETE, position=i, expected="digits after the sign"
            )
    if end - i > _MAX_CHARACTERS:  # more than MAX_DIGITS digits, however it is written:
        raise src.error(  # refused before any scan, so a megabyte of junk costs nothing
            reason=ParseReason.OUT_OF_RANGE,
            position=start,
            expected=f"at most {_MAX_DIGITS} digits (a number of at most "
            f"{_MAX_CHARACTERS} characters with its separators)",
        )
    match = _NUMBER.fullmatch(text, i, end)
    if match is None:
        raise _diagnose(src, i, end)
    token = match.group()
    if len(token) > _MAX_DIGITS and sum(map(str.isdigit, token)) > _MAX_DIGITS:
        raise src.error(
            reason=ParseReason.OUT_OF_RANGE,
            position=start,
            expected=f"at most {_MAX_DIGITS} digits",
        )
    value = number_value(token)
    if sign < 0:
        return value.copy_negate() if isinstance(value, Decimal) else -value
    return value


def _diagnose(src: NormalText, start: int, end: int) -> ParseError:
    """Why ``src.text[start:end]`` is not a number (:func:`number_regex`), and where."""
    text = src.text
    i = start
    runs: list[tuple[int, int]] = []  # (start, end) of each digit run of the integer part
    separators: list[tuple[int, str]] = []  # (position, kind) between runs
    while i < end and text[i] in _DIGITS:
        i += 1
    if i == start:
        if text[i] == ",":
            return src.error(
                reason=ParseReason.INCOMPLETE,
                position=i,
                expected="a digit before the decimal comma",
            )
        return src.error(reason=ParseReason.INVALID_CHARACTER, position=i, expected="a digit")
    runs.append((start, i))
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
            return src.error(
                reason=ParseReason.BAD_GROUPING,
                position=run_start - 1,
                expected="three digits after a thousands separator",
            )
        runs.append((run_start, i))
    has_fraction = False
    if i < end and text[i] == ",":
        comma = i
        i += 1
        while i < end and text[i] in _DIGITS:
            i += 1
        if i == comma + 1:
            return src.error(
                reason=ParseReason.INCOMPLETE,
                position=comma + 1,
                expected="digits after the decimal comma",
            )
        has_fraction = True
    while i < end and text[i] in _GROUP_SPACES:
        i += 1
    if i < end:
        if text[i] in ".,":
            return src.error(
                reason=ParseReason.AMBIGUOUS_SEPARATOR,
                position=i,
                expected="one decimal comma after the '.'-grouped digits (English 1,234.5 "
                "style is not read)",
            )
        return src.error(
            reason=ParseReason.INVALID_CHARACTER,
            position=i,
            expected="digits, '.' or a space between thousands, ',' decimals",
        )
    found = _grouping_error(src, runs, separators, has_fraction=has_fraction)
    if found is not None:
        return found
    return src.error(  # not reached: what the checks above accept, number_regex accepts
        reason=ParseReason.INVALID_CHARACTER, position=start, expected="a number"
    )


def _grouping_error(
    src: NormalText,
    runs: list[tuple[int, int]],
    separators: list[tuple[int, str]],
    *,
    has_fraction: bool,
) -> ParseError | None:
    if not separators:
        return None
    kinds = {kind for _, kind in separators}
    if len(kinds) > 1:
        position = next(p for p, k in separators if k != separators[0][1])
        return src.error(
            reason=ParseReason.BAD_GROUPING,
            position=position,
            expected="one kind of thousands separator ('.' or space)",
        )
    lengths = [b - a for a, b in runs]
    if 1 <= lengths[0] <= 3 and all(n == 3 for n in lengths[1:]):
        return None
    lone_dot = kinds == {"."} and len(separators) == 1 and not has_fraction
    if lone_dot and lengths[1] != 3:
        return src.error(
            reason=ParseReason.AMBIGUOUS_SEPARATOR,
            position=separators[0][0],
            expected="'.' between groups of three digits (12.418) or ',' as the decimal "
            "mark (1,5); a lone '.' may be an English decimal point",
        )
    for (position, _), (a, b) in zip(separators, runs[1:], strict=True):
        if b - a != 3:
            return src.error(
                reason=ParseReason.BAD_GROUPING,
                position=position,
                expected="groups of exactly three digits after each separator",
            )
    return src.error(
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
    What is accepted is :func:`number_regex`, after an optional sign.

    >>> parse_number("-1.234,5"), parse_number("0,5"), parse_number("03")
    (Decimal('-1234.5'), Decimal('0.5'), 3)
    """
    src = normal_text(_require_str(text, "parse_number"))
    start, end = _bounds(src.text)
    return _read_number(src, start, end)


def parse_percent(text: str) -> Decimal:
    """Đọc tỷ lệ phần trăm — the number of percent: ``"24,1%" -> Decimal("24.1")``.

    The ``%`` sign may be absent (a table whose header says "(%)") or preceded by
    spaces. ``parse_percent(format_percent(x, decimals=k))`` is 100·x rounded to k.

    >>> parse_percent("42%"), parse_percent("100 %"), parse_percent("7,25")
    (Decimal('42'), Decimal('100'), Decimal('7.25'))
    """
    src = normal_text(_require_str(text, "parse_percent"))
    body = src.text
    start, end = _bounds(body)
    if end > start and body[end - 1] == "%":
        end -= 1
        while end > start and body[end - 1].isspace():
            end -= 1
        if end == start:
            raise src.error(
                reason=ParseReason.INCOMPLETE, position=start, expected="a number before '%'"
            )
    return Decimal(_read_number(src, start, end))


def _scale_of(unit: str) -> int:
    key = normal_text(_require_str(unit, "parse_money: unit"), lower=True).text.strip()
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

    Positions in errors index ``text`` as given (NFD text included).

    >>> parse_money("1,5 triệu"), parse_money("-300 nghìn VNĐ"), parse_money("1 nghìn tỷ")
    (1500000, -300000, 1000000000000)
    >>> parse_money("1,5 đồng")
    Traceback (most recent call last):
    ...
    vn_skt.errors.ParseError: cannot parse '1,5 đồng' at position 0 (fractional_dong): ...
    """
    src = normal_text(_require_str(text, "parse_money"), lower=True)
    default_scale = 0 if unit is None else _scale_of(unit)
    body = src.text
    start, end = _bounds(body)
    if start == end:
        raise src.error(reason=ParseReason.EMPTY, expected="an amount of money")
    for suffix in _CURRENCY_SUFFIXES:
        if body.endswith(suffix, start, end):
            end -= len(suffix)
            while end > start and body[end - 1].isspace():
                end -= 1
            break
    if start == end:
        raise src.error(
            reason=ParseReason.INCOMPLETE, position=start, expected="a number before the currency"
        )
    parts = _money_parts(src, start, end)
    if len(parts) == 1 and parts[0][2] is None:
        parts = [(parts[0][0], parts[0][1], default_scale)]
    negative = parts[0][1] < 0
    total = Fraction(0)
    previous_scale: int | None = None
    for position, number, scale in parts:
        if scale is None:
            raise src.error(
                reason=ParseReason.MISSING_UNIT,
                position=position,
                expected="a scale word (nghìn, triệu, tỷ) after this number",
            )
        if previous_scale is not None:
            if scale >= previous_scale:
                raise src.error(
                    reason=ParseReason.UNKNOWN_UNIT,
                    position=position,
                    expected="scale words in decreasing order (2 tỷ 500 triệu)",
                )
            if number < 0 or number >= Decimal(10) ** (previous_scale - scale):
                raise src.error(
                    reason=ParseReason.OUT_OF_RANGE,
                    position=position,
                    expected=f"a part below 10^{previous_scale - scale} here",
                )
        total += abs(Fraction(number)) * 10**scale
        previous_scale = scale
    if total.denominator != 1:
        raise src.error(
            reason=ParseReason.FRACTIONAL_DONG,
            position=parts[0][0],
            expected="a whole number of đồng (VND has no minor unit)",
        )
    return -total.numerator if negative else total.numerator


def _money_parts(
    src: NormalText, start: int, end: int
) -> list[tuple[int, int | Decimal, int | None]]:
    """Split ``src.text[start:end]`` into (position, number, scale) parts."""
    text = src.text
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
            word = text[w:i]
            if word not in SCALE_WORDS or SCALE_WORDS[word] == 0:
                raise src.error(
                    reason=ParseReason.UNKNOWN_UNIT,
                    position=w,
                    expected="nghìn, ngàn, triệu, tỷ or tỉ, then đồng/đ/VNĐ at the end",
                )
            scale = (scale or 0) + SCALE_WORDS[word]
            if scale > _MAX_DIGITS:  # "1 tỷ tỷ tỷ …": refuse before computing 10**scale
                raise src.error(
                    reason=ParseReason.OUT_OF_RANGE,
                    position=w,
                    expected=f"an amount below 10^{_MAX_DIGITS} đồng",
                )
            while i < end and text[i].isspace():
                i += 1
        if chunk_end == chunk_start:
            raise src.error(
                reason=ParseReason.INCOMPLETE,
                position=word_start,
                expected="a number before the scale word",
            )
        number = _read_number(src, chunk_start, chunk_end)
        parts.append((chunk_start, number, scale))
    return parts
