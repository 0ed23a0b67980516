"""Ngày làm việc — working days of state agencies, and deadlines counted in them.

State agencies work Monday to Friday. A day is decided in this order:

1. the ``workday_calendar`` regulation table: the version in force that day (one per
   year) lists the Government's swaps — a bridge day off (``"off"``) for a Saturday
   worked (``"work"``) — each row with its source; a row wins;
2. the statutory days off — the holidays of Labour Code 45/2019/QH14 Art. 112 and their
   substitute days (Art. 111.3) — as the pinned ``holidays`` package computes them,
   always with ``language="vi"``, but *without* that package's own list of swapped days:
   every swap applied is a row of our table, so a new ``holidays`` release cannot change
   a year behind our back;
3. Saturday and Sunday are off.

A year no version of ``workday_calendar`` covers (its swaps not announced, or not yet
registered) is answered from 2 and 3 alone, with a :class:`~vn_skt.errors.VnSktWarning`
naming the year and saying how to add it; ``strict=True`` raises
:class:`~vn_skt.errors.RegulationNotFound` instead. A ``datetime`` (or anything that is
not a ``datetime.date``) is refused with InvalidValue.

>>> from datetime import date
>>> is_working_day(date(2025, 4, 26)), is_working_day(date(2025, 5, 2))  # Sat worked, Fri off
(True, False)
>>> add_working_days(date(2025, 4, 29), 1)   # 30/4, 1/5 and the swapped 2/5 are off
datetime.date(2025, 5, 5)
>>> working_days_between(date(2025, 4, 25), date(2025, 5, 5))  # 26/4 (Sat), 28/4, 29/4, 5/5
4
>>> day_off_reason(date(2026, 1, 2)), is_working_day(date(2026, 1, 10))  # Công văn 12729/VPCP-KGVX
('Nghỉ thay cho thứ Bảy 10/01/2026 đi làm bù', True)
"""

from __future__ import annotations

import warnings
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from vn_skt.errors import InvalidValue, RegulationNotFound, VnSktWarning
from vn_skt.regulations import Version, lookup, require_date
from vn_skt.regulations.rows import DayChange

__all__ = [
    "add_working_days",
    "day_off_reason",
    "is_working_day",
    "working_days_between",
]

HOLIDAYS_LANGUAGE = "vi"
_TABLE = "workday_calendar"
_ONE_DAY = timedelta(days=1)
_SWAP_PREFIX = "Ngày nghỉ (thay cho"
"""How ``holidays`` (language "vi") names a swapped day off: left out of the statutory base."""


@lru_cache(maxsize=256)
def _statutory(year: int) -> dict[date, str]:
    """Ngày nghỉ theo luật — the statutory days off of ``year`` with their names: the
    ``holidays`` package's days without its own swapped days (ours are table rows)."""
    import holidays  # ~60 ms: loaded on first use only

    calendar = holidays.country_holidays("VN", years=year, language=HOLIDAYS_LANGUAGE)
    days_off: dict[date, str] = {}
    for day, names in calendar.items():
        kept = [n for n in str(names).split("; ") if not n.startswith(_SWAP_PREFIX)]
        if day.year == year and kept:
            days_off[day] = "; ".join(kept)
    return days_off


def _no_data_message(year: int) -> str:
    return (
        f"working days in {year}: no '{_TABLE}' version covers {year}, so the Government's "
        f"swaps of working days for {year} are not known; answering from the statutory days "
        f"off (Labour Code 45/2019/QH14 Art. 111-112) and weekends alone. When the swaps are "
        f"announced, register them: vn_skt.regulations.register_file(path) with a TOML "
        f"'{_TABLE}' version from {year}-01-01 to {year}-12-31 (docs: 'Quy định nào đã được "
        f"áp dụng?'); pass strict=True to raise instead"
    )


def _warn_no_data(year: int) -> None:
    # One place, one message per year: under Python's default filters it is shown once
    # per year per process; ``pytest.warns`` and ``simplefilter("always")`` see every one.
    warnings.warn(_no_data_message(year), VnSktWarning, stacklevel=1)


class _Calendar:
    """One public call's view of the calendar: warns at most once per year per call."""

    __slots__ = ("strict", "warned")

    def __init__(self, strict: object, where: str) -> None:
        if type(strict) is not bool:
            raise InvalidValue(f"{where}: strict={strict!r}; expected True or False")
        self.strict = strict
        self.warned: set[int] = set()

    def schedule(self, d: date) -> Version[Any] | None:
        try:
            return lookup(_TABLE, on=d)
        except RegulationNotFound:
            if self.strict:
                msg = (
                    f"no swaps of working days are known for {d.year} (asked about "
                    f"{d.isoformat()}): the '{_TABLE}' table has no version for that year; "
                    f"register one when the Government announces them "
                    f"(vn_skt.regulations.register_file), or pass strict=False to answer "
                    f"from the statutory days off with a warning"
                )
                raise RegulationNotFound(msg) from None
            if d.year not in self.warned:
                self.warned.add(d.year)
                _warn_no_data(d.year)
            return None

    def reason(self, d: date) -> str | None:
        version = self.schedule(d)
        if version is not None:
            row = version.rows.get(d.isoformat())
            if row is not None:
                return None if row.change is DayChange.WORK else str(row.note)
        days_off = _statutory(d.year)
        if d in days_off:
            return days_off[d]
        if d.weekday() == 5:
            return "Thứ bảy"
        if d.weekday() == 6:
            return "Chủ nhật"
        return None

    def is_working_day(self, d: date) -> bool:
        return self.reason(d) is None


def day_off_reason(d: date, *, strict: bool = False) -> str | None:
    """Lý do nghỉ — why ``d`` is not a working day ("Chủ nhật", a holiday's name, a
    swap's note), or None when it is a working day.

    >>> day_off_reason(date(2026, 11, 24)), day_off_reason(date(2026, 11, 25))
    ('Ngày Văn hóa Việt Nam', None)
    """
    d = require_date(d, what="day_off_reason: d")
    return _Calendar(strict, "day_off_reason").reason(d)


def is_working_day(d: date, *, strict: bool = False) -> bool:
    """Ngày làm việc — whether state agencies work on ``d``.

    For a year with no ``workday_calendar`` version, answers from the statutory days off
    with a VnSktWarning; ``strict=True`` raises RegulationNotFound instead.
    """
    d = require_date(d, what="is_working_day: d")
    return _Calendar(strict, "is_working_day").is_working_day(d)


def add_working_days(d: date, n: int, *, strict: bool = False) -> date:
    """Cộng ngày làm việc — the ``n``-th working day after ``d`` (before it when n < 0).

    ``d`` itself is never counted (Civil Code Art. 147: the first day of a period is
    not counted); ``n == 0`` returns ``d`` unchanged, working day or not.

    >>> add_working_days(date(2024, 2, 7), 1)   # Tết Giáp Thìn: 8-14/2/2024 off
    datetime.date(2024, 2, 15)
    >>> add_working_days(date(2024, 2, 15), -1)
    datetime.date(2024, 2, 7)
    >>> add_working_days(date(2025, 12, 31), 1)  # 1/1 and the swapped 2/1/2026 are off
    datetime.date(2026, 1, 5)
    """
    d = require_date(d, what="add_working_days: d")
    if type(n) is not int:
        raise InvalidValue(f"add_working_days: n={n!r} ({type(n).__name__}); expected an int")
    calendar = _Calendar(strict, "add_working_days")
    step = _ONE_DAY if n > 0 else -_ONE_DAY
    remaining = abs(n)
    while remaining:
        d += step
        if calendar.is_working_day(d):
            remaining -= 1
    return d


def working_days_between(a: date, b: date, *, strict: bool = False) -> int:
    """Số ngày làm việc — the working days in (a, b]: after ``a``, up to and including ``b``.

    Negative when ``b < a`` (minus the working days in (b, a]), so
    ``working_days_between(a, add_working_days(a, n)) == n``.
    """
    a = require_date(a, what="working_days_between: a")
    b = require_date(b, what="working_days_between: b")
    calendar = _Calendar(strict, "working_days_between")
    sign = 1
    if b < a:
        a, b, sign = b, a, -1
    count = 0
    d = a
    while d < b:
        d += _ONE_DAY
        count += calendar.is_working_day(d)
    return sign * count
