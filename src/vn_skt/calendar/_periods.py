"""Kỳ báo cáo — reporting periods: năm, n tháng đầu/cuối năm, quý, tháng, giai đoạn, nhiệm kỳ.

A :class:`Period` is a frozen value with ``start`` and ``end`` (inclusive dates) and a
:class:`PeriodKind`. Equality is (kind, start, end); ordering is (start, end).
``str()`` gives the canonical Vietnamese label and ``Period.parse(str(p)) == p``.

>>> p = Period.parse("9 tháng đầu năm 2025")
>>> p.start, p.end, str(p)
(datetime.date(2025, 1, 1), datetime.date(2025, 9, 30), '9 tháng đầu năm 2025')
>>> str(Period.parse("Quý 3/2025")), str(Period.parse("giai đoạn 2021 – 2025"))
('quý III/2025', 'giai đoạn 2021-2025')
>>> str(Period.quarter(2025, 1).previous()), str(p.same_period_last_year())
('quý IV/2024', '9 tháng đầu năm 2024')
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from enum import StrEnum
from typing import Final

import attrs

from vn_skt._pydantic import pydantic_value
from vn_skt.errors import InvalidValue, ParseError, ParseReason
from vn_skt.l10n import (
    MAX_YEAR,
    MIN_YEAR,
    add_years,
    format_date,
    month_end,
    normal_text,
    parse_date,
)
from vn_skt.regulations import require_date

__all__ = ["Period", "PeriodKind"]

ROMAN: Final = ("I", "II", "III", "IV")


class PeriodKind(StrEnum):
    """Loại kỳ — the kind of a reporting period."""

    YEAR = "year"
    FIRST_MONTHS = "first_months"
    LAST_MONTHS = "last_months"
    QUARTER = "quarter"
    MONTH = "month"
    SPAN = "span"
    TERM = "term"

    @property
    def label(self) -> str:
        """Nhãn — the Vietnamese name of the kind."""
        return _KIND_LABELS[self]

    def __str__(self) -> str:
        return self.label


_KIND_LABELS: Final = {
    PeriodKind.YEAR: "năm",
    PeriodKind.FIRST_MONTHS: "n tháng đầu năm",
    PeriodKind.LAST_MONTHS: "n tháng cuối năm",
    PeriodKind.QUARTER: "quý",
    PeriodKind.MONTH: "tháng",
    PeriodKind.SPAN: "giai đoạn",
    PeriodKind.TERM: "nhiệm kỳ",
}


def _check_year(year: int, what: str = "year") -> None:
    if type(year) is not int or not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidValue(f"{what}: got {year!r}; expected an int from {MIN_YEAR} to {MAX_YEAR}")


@pydantic_value(
    description="Kỳ báo cáo — a reporting period as its Vietnamese label, e.g. "
    "'năm 2025', '9 tháng đầu năm 2025', 'quý III/2025', 'tháng 3/2025', "
    "'giai đoạn 2021-2025', 'nhiệm kỳ 2021-2026'",
    examples=["9 tháng đầu năm 2025", "quý III/2025", "giai đoạn 2021-2025"],
)
@attrs.frozen(order=True, repr=False)
class Period:
    """Kỳ báo cáo — a reporting period from ``start`` to ``end`` (both inclusive).

    Build one with a constructor (:meth:`year`, :meth:`quarter`, :meth:`month`,
    :meth:`first_months`, :meth:`last_months`, :meth:`span`, :meth:`term`) or
    :meth:`parse`; direct construction checks that the dates fit the kind.
    """

    start: date
    end: date
    kind: PeriodKind = attrs.field(converter=PeriodKind, order=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.start, date) or not isinstance(self.end, date):
            raise InvalidValue(
                f"Period: start and end must be dates, got {self.start!r}, {self.end!r}"
            )
        if self.end < self.start:
            raise InvalidValue(f"Period: end {self.end} is before start {self.start}")
        _check_year(self.start.year, "Period start year")
        _check_year(self.end.year, "Period end year")
        if self.kind is PeriodKind.TERM:
            return
        expected = _canonical_bounds(self.kind, self.start, self.end)
        if expected != (self.start, self.end):
            raise InvalidValue(
                f"Period: {self.start}..{self.end} is not a {self.kind.value} period; "
                f"the nearest is {expected[0]}..{expected[1]}"
            )

    # -- constructors ------------------------------------------------------------------
    @classmethod
    def year(cls, year: int) -> Period:
        """Năm — the calendar year."""
        _check_year(year)
        return cls(date(year, 1, 1), date(year, 12, 31), PeriodKind.YEAR)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """Quý — quarter 1..4 of a year (``"quý III/2025"``)."""
        _check_year(year)
        if type(quarter) is not int or not 1 <= quarter <= 4:
            raise InvalidValue(f"Period.quarter: quarter {quarter!r}; expected 1, 2, 3 or 4")
        first = 3 * quarter - 2
        return cls(date(year, first, 1), month_end(year, first + 2), PeriodKind.QUARTER)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """Tháng — one calendar month (``"tháng 3/2025"``)."""
        _check_year(year)
        if type(month) is not int or not 1 <= month <= 12:
            raise InvalidValue(f"Period.month: month {month!r}; expected 1..12")
        return cls(date(year, month, 1), month_end(year, month), PeriodKind.MONTH)

    @classmethod
    def first_months(cls, year: int, n: int) -> Period:
        """n tháng đầu năm — the first ``n`` months (1..12) of a year."""
        _check_year(year)
        if type(n) is not int or not 1 <= n <= 12:
            raise InvalidValue(f"Period.first_months: n {n!r}; expected 1..12")
        return cls(date(year, 1, 1), month_end(year, n), PeriodKind.FIRST_MONTHS)

    @classmethod
    def last_months(cls, year: int, n: int) -> Period:
        """n tháng cuối năm — the last ``n`` months (1..12) of a year."""
        _check_year(year)
        if type(n) is not int or not 1 <= n <= 12:
            raise InvalidValue(f"Period.last_months: n {n!r}; expected 1..12")
        return cls(date(year, 13 - n, 1), date(year, 12, 31), PeriodKind.LAST_MONTHS)

    @classmethod
    def span(cls, first_year: int, last_year: int) -> Period:
        """Giai đoạn — whole years ``first_year`` to ``last_year`` (``"giai đoạn 2021-2025"``)."""
        _check_year(first_year, "first_year")
        _check_year(last_year, "last_year")
        if last_year < first_year:
            raise InvalidValue(f"Period.span: {first_year}-{last_year} runs backwards")
        return cls(date(first_year, 1, 1), date(last_year, 12, 31), PeriodKind.SPAN)

    @classmethod
    def term(
        cls, first_year: int, last_year: int, *, start: date | None = None, end: date | None = None
    ) -> Period:
        """Nhiệm kỳ — a council's or plan's term (``"nhiệm kỳ 2021-2026"``).

        By default it covers the whole years; pass the exact ``start`` and ``end`` from
        the decision that set it when known (consecutive terms share their handover
        year, so only the exact dates tell them apart inside that year).
        """
        _check_year(first_year, "first_year")
        _check_year(last_year, "last_year")
        if last_year < first_year:
            raise InvalidValue(f"Period.term: {first_year}-{last_year} runs backwards")
        start = start or date(first_year, 1, 1)
        end = end or date(last_year, 12, 31)
        if start.year != first_year or end.year != last_year:
            raise InvalidValue(
                f"Period.term: dates {start}..{end} do not match the years {first_year}-{last_year}"
            )
        return cls(start, end, PeriodKind.TERM)

    # -- reading and writing ---------------------------------------------------------
    @classmethod
    def parse(cls, text: str) -> Period:
        """Đọc kỳ — a period from its Vietnamese label, in any case and usual spacing.

        Reads "năm 2025", "6 tháng đầu năm 2025", "3 tháng cuối năm 2025", "quý III/2025"
        (or "quý 3/2025", "quý III năm 2025"), "tháng 3/2025" (or "tháng 3 năm 2025"),
        "giai đoạn 2021-2025" (hyphen or en dash), "nhiệm kỳ 2021-2026" with optionally
        "(từ dd/mm/yyyy đến dd/mm/yyyy)".
        """
        return _parse(text)

    def __str__(self) -> str:
        kind, start, end = self.kind, self.start, self.end
        if kind is PeriodKind.YEAR:
            return f"năm {start.year}"
        if kind is PeriodKind.FIRST_MONTHS:
            return f"{end.month} tháng đầu năm {start.year}"
        if kind is PeriodKind.LAST_MONTHS:
            return f"{13 - start.month} tháng cuối năm {start.year}"
        if kind is PeriodKind.QUARTER:
            return f"quý {ROMAN[(start.month - 1) // 3]}/{start.year}"
        if kind is PeriodKind.MONTH:
            return f"tháng {start.month}/{start.year}"
        if kind is PeriodKind.SPAN:
            return f"giai đoạn {start.year}-{end.year}"
        label = f"nhiệm kỳ {start.year}-{end.year}"
        if (start, end) != (date(start.year, 1, 1), date(end.year, 12, 31)):
            label += f" (từ {format_date(start)} đến {format_date(end)})"
        return label

    def __repr__(self) -> str:
        return f"Period.parse({str(self)!r})"

    # -- calculations ------------------------------------------------------------------
    def contains(self, d: date) -> bool:
        """Thuộc kỳ — whether ``d`` falls inside the period (both ends included); a
        ``datetime`` or a non-date is an InvalidValue."""
        if type(d) is not date:
            d = require_date(d, what="Period.contains: d")
        return self.start <= d <= self.end

    @property
    def months(self) -> int:
        """Số tháng — the number of calendar months the period touches."""
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    @property
    def days(self) -> int:
        """Số ngày — the number of days in the period."""
        return (self.end - self.start).days + 1

    def same_period_last_year(self) -> Period:
        """Cùng kỳ năm trước — the same period one year earlier."""
        start, end = add_years(self.start, -1), add_years(self.end, -1)
        if self.kind is not PeriodKind.TERM:
            end = _canonical_bounds(self.kind, start, end)[1]
        return Period(start, end, self.kind)

    def previous(self) -> Period:
        """Kỳ trước — the period of the same kind just before this one.

        A quarter or month steps back one; a year, or n months of a year, step back a
        year; a span steps back its own length; a term's predecessor ends in this
        term's first year (terms share their handover year).
        """
        kind, start, end = self.kind, self.start, self.end
        if kind is PeriodKind.QUARTER:
            before = start - timedelta(days=1)
            return Period.quarter(before.year, (before.month - 1) // 3 + 1)
        if kind is PeriodKind.MONTH:
            before = start - timedelta(days=1)
            return Period.month(before.year, before.month)
        if kind is PeriodKind.SPAN:
            length = end.year - start.year + 1
            return Period.span(start.year - length, start.year - 1)
        if kind is PeriodKind.TERM:
            length = end.year - start.year
            return Period.term(start.year - length, start.year)
        return self.same_period_last_year()


def _canonical_bounds(kind: PeriodKind, start: date, end: date) -> tuple[date, date]:
    """The (start, end) a period of ``kind`` must have, given roughly where it lies."""
    y = start.year
    if kind is PeriodKind.YEAR:
        return date(y, 1, 1), date(y, 12, 31)
    if kind is PeriodKind.FIRST_MONTHS:
        return date(y, 1, 1), month_end(y, end.month if end.year == y else 12)
    if kind is PeriodKind.LAST_MONTHS:
        return date(y, start.month, 1), date(y, 12, 31)
    if kind is PeriodKind.QUARTER:
        first = (start.month - 1) // 3 * 3 + 1
        return date(y, first, 1), month_end(y, first + 2)
    if kind is PeriodKind.MONTH:
        return date(y, start.month, 1), month_end(y, start.month)
    return date(y, 1, 1), date(end.year, 12, 31)  # SPAN


# -- the parser ------------------------------------------------------------------------

_DASH = r"\s*[-–—]\s*"
_YEAR = r"([0-9]{4})"
_FORMS: Final = [
    ("year", re.compile(rf"năm {_YEAR}")),
    ("months", re.compile(rf"([0-9]{{1,2}}) tháng (đầu|cuối) năm {_YEAR}")),
    ("quarter", re.compile(rf"quý ([ivx]+|[0-9]{{1,2}})\s*(?:/|năm )\s*{_YEAR}")),
    ("month", re.compile(rf"tháng ([0-9]{{1,2}})\s*(?:/|năm )\s*{_YEAR}")),
    ("span", re.compile(rf"giai đoạn {_YEAR}{_DASH}{_YEAR}")),
    (
        "term",
        re.compile(
            rf"nhiệm kỳ {_YEAR}{_DASH}{_YEAR}"
            r"(?:\s*\(\s*(?:từ\s+)?([0-9/]+)\s*(?:đến|[-–—])\s*([0-9/]+)\s*\))?"
        ),
    ),
]
_ROMAN_VALUES: Final = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}


def _parse(text: str) -> Period:
    if not isinstance(text, str):
        raise InvalidValue(f"Period.parse: got {text!r} ({type(text).__name__}); expected str")
    body = " ".join(normal_text(text, lower=True).text.split())
    if not body:
        raise ParseError(text, reason=ParseReason.EMPTY, expected="a reporting period")
    for name, pattern in _FORMS:
        match = pattern.fullmatch(body)
        if match is not None:
            return _build(text, name, match)
    if body in {"năm", "quý", "tháng", "giai đoạn", "nhiệm kỳ"} or body.endswith(" năm"):
        raise ParseError(
            text,
            reason=ParseReason.INCOMPLETE,
            position=len(text.rstrip()),
            expected="a year after the label (năm 2025)",
        )
    raise ParseError(
        text,
        reason=ParseReason.INVALID_PERIOD,
        position=None,
        expected="năm Y, n tháng đầu/cuối năm Y, quý I..IV/Y, tháng m/Y, "
        "giai đoạn Y1-Y2 or nhiệm kỳ Y1-Y2",
    )


def _year(text: str, value: str) -> int:
    year = int(value)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ParseError(
            text,
            reason=ParseReason.OUT_OF_RANGE,
            position=None,
            expected=f"a year from {MIN_YEAR} to {MAX_YEAR}",
        )
    return year


def _build(text: str, form: str, match: re.Match[str]) -> Period:
    groups = match.groups()
    if form == "year":
        return Period.year(_year(text, groups[0]))
    if form == "months":
        n = int(groups[0])
        if not 1 <= n <= 12:
            raise ParseError(
                text, reason=ParseReason.OUT_OF_RANGE, position=None, expected="from 1 to 12 months"
            )
        year = _year(text, groups[2])
        return Period.first_months(year, n) if groups[1] == "đầu" else Period.last_months(year, n)
    if form == "quarter":
        raw = groups[0]
        quarter = int(raw) if raw.isdigit() else _ROMAN_VALUES.get(raw, 0)
        if not 1 <= quarter <= 4:
            raise ParseError(
                text,
                reason=ParseReason.OUT_OF_RANGE,
                position=None,
                expected="quý I, II, III or IV (1 to 4)",
            )
        return Period.quarter(_year(text, groups[1]), quarter)
    if form == "month":
        month = int(groups[0])
        if not 1 <= month <= 12:
            raise ParseError(
                text,
                reason=ParseReason.OUT_OF_RANGE,
                position=None,
                expected="a month from 1 to 12",
            )
        return Period.month(_year(text, groups[1]), month)
    first, last = _year(text, groups[0]), _year(text, groups[1])
    if last < first:
        raise ParseError(
            text,
            reason=ParseReason.INVALID_PERIOD,
            position=None,
            expected=f"a span that runs forwards ({last}-{first}?)",
        )
    if form == "span":
        return Period.span(first, last)
    start = end = None
    if groups[2] is not None:
        try:
            start, end = parse_date(groups[2]), parse_date(groups[3])
        except ParseError as exc:
            raise ParseError(
                text,
                reason=exc.reason,
                position=None,
                expected=f"exact term dates as dd/mm/yyyy ({exc.expected})",
            ) from None
        if start.year != first or end.year != last or end < start:
            raise ParseError(
                text,
                reason=ParseReason.INVALID_PERIOD,
                position=None,
                expected=f"exact dates inside the years {first}-{last}",
            )
    return Period.term(first, last, start=start, end=end)
