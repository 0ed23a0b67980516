"""Ngày tháng — dates written and read the way Vietnamese documents write them.

Decree 30/2020/NĐ-CP: in a document date, days below 10 and the months 1 and 2 take a
leading zero, other months do not ("ngày 05 tháng 01 năm 2023", "ngày 17 tháng 7 năm
2024"). The ``"inline"`` style applies the same padding to the numeric form (our house
convention for dates inside running text).

>>> d = date(2025, 2, 9)
>>> [format_date(d, s) for s in ("numeric", "document", "inline", "weekday")]
['09/02/2025', 'ngày 09 tháng 02 năm 2025', '09/02/2025', 'Chủ nhật, 09/02/2025']
>>> format_date(date(2024, 7, 17), "document"), format_date(date(2024, 7, 17), "inline")
('ngày 17 tháng 7 năm 2024', '17/7/2024')
>>> parse_date("ngày 05 tháng 01 năm 2023"), parse_date("10/12//2022")
(datetime.date(2023, 1, 5), datetime.date(2022, 12, 10))
"""

from __future__ import annotations

import calendar
import operator
import re
from datetime import date, datetime
from typing import Final, Literal

from vn_skt.errors import InvalidValue, ParseReason

from ._text import SPACES, NormalText, normal_text

__all__ = [
    "DATE_STYLES",
    "WEEKDAYS",
    "DateStyle",
    "add_months",
    "add_years",
    "format_date",
    "month_end",
    "months_between",
    "parse_date",
]

DateStyle = Literal["numeric", "document", "inline", "weekday"]
DATE_STYLES: Final = ("numeric", "document", "inline", "weekday")

WEEKDAYS: Final = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")
"""Weekday names, Monday first (``date.weekday()`` indexes them)."""

MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2100


def month_end(year: int, month: int) -> date:
    """Ngày cuối tháng — the last day of a month.

    >>> month_end(2024, 2), month_end(2025, 2), month_end(2025, 12)
    (datetime.date(2024, 2, 29), datetime.date(2025, 2, 28), datetime.date(2025, 12, 31))
    """
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: date, months: int) -> date:
    """Cộng tháng — the same day ``months`` later (earlier when negative); when that month
    has no such day, its last day (Civil Code 91/2015 Art. 148: 31/08 + 6 months → 28/02).

    The one month arithmetic of vn_skt: every term, deadline, validity and window that
    runs in months or years is built on it (and on :func:`add_years`, the same in steps
    of twelve). It is dateutil's ``d + relativedelta(months=months)`` (the tests check it
    against that), and, like it, not reversible at a month's end: 31/01 + 1 month is
    28/02, and 28/02 − 1 month is 28/01. A rule that ends "the day before" (a
    verification valid until the day before the same day, a term that ends the day
    before its anniversary) subtracts that day from the result; it does not clip months
    itself. A ``datetime`` gives a ``date``.

    >>> add_months(date(2025, 8, 31), 6), add_months(date(2024, 2, 29), -12)
    (datetime.date(2026, 2, 28), datetime.date(2023, 2, 28))
    >>> add_months(date(2025, 1, 31), 1), add_months(date(2025, 3, 31), -1)
    (datetime.date(2025, 2, 28), datetime.date(2025, 2, 28))
    """
    if type(months) is not int or not isinstance(d, date):
        months = _whole(months, d)
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise InvalidValue(
            f"add_months: {d.isoformat()} + {months} months falls in the year {year}; "
            f"expected a result in 1..9999"
        )
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(d.day, last))


def add_years(d: date, years: int) -> date:
    """Cộng năm — the same day and month ``years`` later; 29 February becomes the 28th
    in a year without it (Civil Code 91/2015 Art. 148). ``add_months(d, 12 * years)``.

    >>> add_years(date(2016, 2, 29), 10), add_years(date(2010, 5, 20), 20)
    (datetime.date(2026, 2, 28), datetime.date(2030, 5, 20))
    """
    if type(years) is not int:
        years = _whole(years, d, what="add_years")
    return add_months(d, 12 * years)


def _whole(n: object, d: object, what: str = "add_months") -> int:
    """``n`` as an int (numpy integers included), after checking ``d`` is a date."""
    if isinstance(d, date) and not isinstance(n, bool):
        try:
            return operator.index(n)  # type: ignore[arg-type]
        except TypeError:
            pass
    raise InvalidValue(f"{what}: got ({d!r}, {n!r}); expected a datetime.date and an int")


def months_between(start: date, end: date) -> int:
    """Số tháng tròn — the whole months from ``start`` to ``end``: the largest ``n`` with
    ``add_months(start, n) <= end`` (negative when ``end`` is before ``start``).

    Computed at once, not by adding months one at a time. "Started months" after a
    deadline (a fee paid late) are ``n`` when ``add_months(start, n) == end``, else
    ``n + 1``.

    >>> start = date(2025, 3, 15)
    >>> months_between(start, date(2026, 3, 14)), months_between(start, date(2026, 3, 15))
    (11, 12)
    >>> end_of_january = date(2025, 1, 31)
    >>> months_between(start, date(2025, 3, 14)), months_between(end_of_january, date(2025, 2, 28))
    (-1, 1)
    """
    if not isinstance(start, date) or not isinstance(end, date):
        raise InvalidValue(
            f"months_between: got ({start!r}, {end!r}); expected two datetime.date values"
        )
    if isinstance(start, datetime):
        start = start.date()
    if isinstance(end, datetime):
        end = end.date()
    n = (end.year - start.year) * 12 + end.month - start.month
    return n - 1 if add_months(start, n) > end else n


def _decree30(d: date) -> tuple[str, str]:
    """Day and month as Decree 30/2020 writes them: day < 10 and months 1, 2 padded."""
    day = f"{d.day:02d}"
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return day, month


def format_date(d: date, style: DateStyle = "numeric") -> str:
    """Định dạng ngày — ``"numeric"`` 09/02/2025, ``"document"`` ngày 09 tháng 02 năm
    2025, ``"inline"`` 17/7/2024, ``"weekday"`` Chủ nhật, 09/02/2025.

    A ``datetime`` is written by its date.
    """
    if not isinstance(d, date):
        raise InvalidValue(f"format_date: got {d!r} ({type(d).__name__}); expected a datetime.date")
    if isinstance(d, datetime):
        d = d.date()
    if style == "numeric":
        return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"
    if style == "inline":
        day, month = _decree30(d)
        return f"{day}/{month}/{d.year:04d}"
    if style == "document":
        day, month = _decree30(d)
        return f"ngày {day} tháng {month} năm {d.year:04d}"
    if style == "weekday":
        return f"{WEEKDAYS[d.weekday()]}, {d.day:02d}/{d.month:02d}/{d.year:04d}"
    raise InvalidValue(f"format_date: style {style!r}; expected one of {', '.join(DATE_STYLES)}")


_WEEKDAY_WORDS: Final = {
    "hai": 0,
    "2": 0,
    "ba": 1,
    "3": 1,
    "tư": 2,
    "4": 2,
    "năm": 3,
    "5": 3,
    "sáu": 4,
    "6": 4,
    "bảy": 5,
    "7": 5,
}
# Strict forms, on the NFC, lower-cased text. Every pattern is anchored and linear.
_WEEKDAY = re.compile(r"(?:thứ (\w+)|chủ nhật), ")
_WEEKDAY_LENIENT = re.compile(r"(?:thứ (\w+)|chủ nhật|cn) ?,? ?")
_NUMERIC = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")
_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DOCUMENT = re.compile(r"([0-9]{1,2}) tháng ([0-9]{1,2}) năm ([0-9]{4})")
# Lenient mending: runs of spaces, spaces around separators, doubled separators.
_SPACE_RUN = re.compile(r"[ \t\n\r" + SPACES + r"]+")
_SEPARATOR_RUN = re.compile(r" ?([/.\-]) ?(?:\1 ?)*")


def parse_date(text: str, *, strict: bool = False) -> date:
    """Đọc ngày — a date in any of the four styles of :func:`format_date`, or ISO.

    Numeric dates are day/month/year (never month first); years 1900–2100. A leading
    weekday must match the date. Lenient mode (the default) also mends what slips into
    real text: a doubled separator (``10/12//2022``), stray spaces, ``-`` or ``.`` as
    separators; ``strict=True`` refuses them with reason ``not_strict``.

    >>> parse_date("Thứ tư, 09/04/2025"), parse_date("2025-04-09"), parse_date("ngày 9/4/2025")
    (datetime.date(2025, 4, 9), datetime.date(2025, 4, 9), datetime.date(2025, 4, 9))
    >>> parse_date("Thứ năm, 09/04/2025")
    Traceback (most recent call last):
    ...
    vn_skt.errors.ParseError: cannot parse 'Thứ năm, 09/04/2025' at position 0 (weekday_mismatch)...
    """
    if not isinstance(text, str):
        raise InvalidValue(f"parse_date: got {text!r} ({type(text).__name__}); expected str")
    src = normal_text(text, lower=True)
    body = src.text.strip()
    if not body:
        raise src.error(reason=ParseReason.EMPTY, expected="a date")
    found = _match(src, body, len(src.text) - len(src.text.lstrip()))
    if found is None:
        mended = _SEPARATOR_RUN.sub(r"\1", _SPACE_RUN.sub(" ", body))
        found = _match(src, mended, None, lenient=True)
        if found is None:
            raise src.error(
                reason=ParseReason.INVALID_DATE,
                expected="dd/mm/yyyy, d/m/yyyy, 'ngày dd tháng mm năm yyyy', "
                "'Thứ hai, dd/mm/yyyy' or yyyy-mm-dd",
            )
        if strict:
            raise src.error(
                reason=ParseReason.NOT_STRICT,
                expected="the date without doubled separators or stray spaces",
            )
    return found


def _match(src: NormalText, body: str, offset: int | None, *, lenient: bool = False) -> date | None:
    """Match the forms on ``body`` (strict, or lenient); None when no form matches.

    ``offset`` is where ``body`` starts in ``src.text`` (None for mended text, whose
    positions mean nothing to the caller)."""
    weekday: int | None = None
    weekday_at = offset
    head = (_WEEKDAY_LENIENT if lenient else _WEEKDAY).match(body)
    if head is not None:
        if head.group(1) is None:
            weekday = 6
        elif head.group(1) in _WEEKDAY_WORDS:
            weekday = _WEEKDAY_WORDS[head.group(1)]
        else:
            return None
        body = body[head.end() :]
        offset = None if offset is None else offset + head.end()
    if body.startswith("ngày "):
        body = body[5:]
        offset = None if offset is None else offset + 5
    if lenient and _ISO.fullmatch(body) is None:
        body = body.replace("-", "/").replace(".", "/")
    numeric = _NUMERIC.fullmatch(body) or _DOCUMENT.fullmatch(body)
    if numeric is not None:
        day, month, year = numeric.groups()
        groups = (1, 2, 3)
    else:
        iso = _ISO.fullmatch(body)
        if iso is None:
            return None
        year, month, day = iso.groups()
        groups = (3, 2, 1)
        numeric = iso
    result = _build(src, int(year), int(month), int(day), numeric, groups, offset)
    if weekday is not None and result.weekday() != weekday:
        raise src.error(
            reason=ParseReason.WEEKDAY_MISMATCH,
            position=weekday_at,
            expected=f"{WEEKDAYS[result.weekday()]} (the weekday of {format_date(result)})",
        )
    return result


def _build(
    src: NormalText,
    year: int,
    month: int,
    day: int,
    match: re.Match[str],
    groups: tuple[int, int, int],
    offset: int | None,
) -> date:
    def at(group: int) -> int | None:
        return None if offset is None else offset + match.start(group)

    if not MIN_YEAR <= year <= MAX_YEAR:
        raise src.error(
            reason=ParseReason.OUT_OF_RANGE,
            position=at(groups[2]),
            expected=f"a year from {MIN_YEAR} to {MAX_YEAR}",
        )
    if not 1 <= month <= 12:
        raise src.error(
            reason=ParseReason.OUT_OF_RANGE,
            position=at(groups[1]),
            expected="a month from 1 to 12",
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise src.error(
            reason=ParseReason.INVALID_DATE,
            position=at(groups[0]),
            expected=f"a day that exists in {month:02d}/{year}",
        ) from None
