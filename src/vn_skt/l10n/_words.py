"""Đọc số thành chữ — numbers and amounts in Vietnamese words (the "bằng chữ" lines).

Northern convention by default (DOMAIN.md): "mươi" from 20, "mười" for 10–19; a units 1
after "mươi" is "mốt", a units 4 after "mươi" is "tư", a units 5 after "mười"/"mươi" is
"lăm"; a zero tens digit before a non-zero unit is "linh"; every group after the leading
one reads all three digits ("không trăm"), an inner all-zero group is read ("không
nghìn"), trailing all-zero groups are not. From 10^12 up the number of tỷ is read as a
number ("hai nghìn năm trăm tỷ", 10^18 "một tỷ tỷ"). ``variant="south"`` says "ngàn"
and "lẻ".

>>> to_words(105), to_words(21), to_words(-21), to_words(1_005)
('một trăm linh năm', 'hai mươi mốt', 'âm hai mươi mốt', 'một nghìn không trăm linh năm')
>>> to_words(1_000_001)
'một triệu không nghìn không trăm linh một'
>>> to_words(2_500_000_000_000), to_words(10**18)
('hai nghìn năm trăm tỷ', 'một tỷ tỷ')
>>> to_words(1_015, variant="south")
'một ngàn không trăm mười lăm'
>>> money_in_words(18_460_000_000)
'Mười tám tỷ bốn trăm sáu mươi triệu đồng'
"""

from __future__ import annotations

from typing import Final, Literal, SupportsIndex

from vn_skt._money import whole_dong
from vn_skt.errors import InvalidValue

from ._formatting import MAX_DIGITS, to_exact

_BIGGEST: Final = 10**MAX_DIGITS

__all__ = ["Variant", "money_in_words", "to_words"]

Variant = Literal["north", "south"]

_DIGITS: Final = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION: Final = 10**9


def _tens_units(tens: int, units: int, *, after_hundreds: bool, odd: str) -> list[str]:
    """Words for the last two digits of a group (``odd`` is "linh" or "lẻ")."""
    if tens == 0:
        if units == 0:
            return []
        return [odd, _DIGITS[units]] if after_hundreds else [_DIGITS[units]]
    words = ["mười"] if tens == 1 else [_DIGITS[tens], "mươi"]
    if units == 0:
        return words
    if units == 5:
        return [*words, "lăm"]
    if tens >= 2 and units == 1:
        return [*words, "mốt"]
    if tens >= 2 and units == 4:
        return [*words, "tư"]
    return [*words, _DIGITS[units]]


def _group(value: int, *, full: bool, odd: str) -> list[str]:
    """Words for a group of three digits; ``full`` reads the hundreds even when zero."""
    hundreds, rest = divmod(value, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if full or hundreds:
        words += [_DIGITS[hundreds], "trăm"]
    return words + _tens_units(tens, units, after_hundreds=bool(words), odd=odd)


def _below_billion(n: int, *, leading: bool, thousand: str, odd: str) -> list[str]:
    """Words for 0 < n < 10^9; ``leading`` when nothing is read before it."""
    groups = [(n // 1_000_000, "triệu"), (n // 1000 % 1000, thousand), (n % 1000, "")]
    last = max(i for i, (value, _) in enumerate(groups) if value)
    words: list[str] = []
    started = not leading
    for value, name in groups[: last + 1]:
        if not started and value == 0:
            continue
        if value == 0:
            words.append("không")
        else:
            words += _group(value, full=started, odd=odd)
        started = True
        if name:
            words.append(name)
    return words


def _words(n: int, *, leading: bool, thousand: str, odd: str) -> list[str]:
    """Words for n > 0: groups of nine digits, most significant first, each followed by
    one "tỷ" per group below it (10^18 is "một tỷ tỷ"); a loop, not a recursion."""
    groups: list[int] = []
    while n:
        n, low = divmod(n, _BILLION)
        groups.append(low)
    words: list[str] = []
    started = False
    for power in range(len(groups) - 1, -1, -1):
        value = groups[power]
        if value:
            words += _below_billion(
                value, leading=leading and not started, thousand=thousand, odd=odd
            )
            started = True
        if power and started:
            words.append("tỷ")
    return words


def to_words(n: SupportsIndex, *, variant: Variant = "north") -> str:
    """Đọc số — an integer in Vietnamese words (``"âm"`` before a negative).

    Any size: groups of tỷ repeat (10^18 is "một tỷ tỷ"). ``variant="south"`` uses
    "ngàn" and "lẻ" instead of "nghìn" and "linh".
    """
    value = to_exact(n, what="to_words", allow_float=False)
    if not isinstance(value, int):
        raise InvalidValue(f"to_words: got {n!r}; expected an int")
    if variant not in ("north", "south"):
        raise InvalidValue(f"to_words: variant {variant!r}; expected 'north' or 'south'")
    if abs(value) >= _BIGGEST:
        raise InvalidValue(
            f"to_words: got a number of more than {MAX_DIGITS} digits; expected at most "
            f"{MAX_DIGITS} digits (the limit of vn_skt.l10n.MAX_DIGITS)"
        )
    thousand, odd = ("nghìn", "linh") if variant == "north" else ("ngàn", "lẻ")
    if value == 0:
        return "không"
    words = _words(abs(value), leading=True, thousand=thousand, odd=odd)
    return " ".join(["âm", *words] if value < 0 else words)


def money_in_words(amount: SupportsIndex, *, variant: Variant = "north") -> str:
    """Số tiền bằng chữ — an int amount of đồng in words, capitalised, ending in "đồng".

    >>> money_in_words(0), money_in_words(1_500_000)
    ('Không đồng', 'Một triệu năm trăm nghìn đồng')
    """
    text = to_words(whole_dong(amount, what="money_in_words", negative=True), variant=variant)
    return f"{text[0].upper()}{text[1:]} đồng"
