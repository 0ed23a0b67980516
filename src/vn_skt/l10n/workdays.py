"""Ngày làm việc — working days of state agencies, and deadlines counted in them.

State agencies work Monday to Friday. Days off are the statutory holidays with their
substitute days (Labour Code 45/2019/QH14 Art. 111–112, as computed by the pinned
``holidays`` package, always with ``language="vi"``) and the Government's yearly swaps
(a bridge day off for a Saturday worked), kept in the cited ``workday_calendar``
regulation table, which takes precedence. A year with no announced schedule raises
:class:`~vn_skt.errors.RegulationNotFound` unless the caller passes ``strict=False``
(then the statutory holidays alone are used: never a silent guess).

>>> from datetime import date
>>> is_working_day(date(2025, 4, 26)), is_working_day(date(2025, 5, 2))  # Sat worked, Fri off
(True, False)
>>> add_working_days(date(2025, 4, 29), 1)   # 30/4, 1/5 and the swapped 2/5 are off
datetime.date(2025, 5, 5)
>>> working_days_between(date(2025, 4, 25), date(2025, 5, 5))  # 26/4 (Sat), 28/4, 29/4, 5/5
4
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.regulations import Version, lookup

__all__ = [
    "HOLIDAYS_LANGUAGE",
    "add_working_days",
    "day_off_reason",
    "is_working_day",
    "working_days_between",
]

HOLIDAYS_LANGUAGE = "vi"
_TABLE = "workday_calendar"
_ONE_DAY = timedelta(days=1)


@lru_cache(maxsize=256)
def _statutory(year: int) -> tuple[dict[date, str], frozenset[date]]:
    """Days off (with their names) and make-up Saturdays the ``holidays`` package knows."""
    import holidays  # ~60 ms: loaded on first use only

    calendar = holidays.country_holidays("VN", years=year, language=HOLIDAYS_LANGUAGE)
    days_off = {d: str(name) for d, name in calendar.items() if d.year == year}
    workdays = frozenset(d for d in getattr(calendar, "weekend_workdays", ()) if d.year == year)
    return days_off, workdays


def _schedule(d: date, strict: bool) -> Version | None:
    try:
        return lookup(_TABLE, d)
    except RegulationNotFound:
        if not strict:
            return None
        raise RegulationNotFound(
            f"no announced schedule of days off for {d.year} (asked about {d.isoformat()}); "
            f"register a '{_TABLE}' version for it, or pass strict=False to use the "
            f"statutory holidays alone"
        ) from None


def _check_date(d: object, where: str) -> date:
    if not isinstance(d, date):
        raise InvalidValue(f"{where}: got {d!r} ({type(d).__name__}); expected a datetime.date")
    return d.date() if isinstance(d, datetime) else d


def day_off_reason(d: date, *, strict: bool = True) -> str | None:
    """Lý do nghỉ — why ``d`` is not a working day ("Chủ nhật", a holiday's name, a
    swap's note), or None when it is a working day."""
    d = _check_date(d, "day_off_reason")
    version = _schedule(d, strict)
    if version is not None:
        row = version.rows.get(d.isoformat())
        if row is not None:
            return None if row.change == "work" else str(row.note)
    days_off, workdays = _statutory(d.year)
    if d in days_off:
        return days_off[d]
    if d in workdays:
        return None
    if d.weekday() == 5:
        return "Thứ bảy"
    if d.weekday() == 6:
        return "Chủ nhật"
    return None


def is_working_day(d: date, *, strict: bool = True) -> bool:
    """Ngày làm việc — whether state agencies work on ``d``.

    Raises RegulationNotFound for a year with no announced schedule unless
    ``strict=False``.
    """
    return day_off_reason(d, strict=strict) is None


def add_working_days(d: date, n: int, *, strict: bool = True) -> date:
    """Cộng ngày làm việc — the ``n``-th working day after ``d`` (before it when n < 0).

    ``d`` itself is never counted (Civil Code Art. 147: the first day of a period is
    not counted); ``n == 0`` returns ``d`` unchanged, working day or not.

    >>> add_working_days(date(2024, 2, 7), 1)   # Tết Giáp Thìn: 8-14/2/2024 off
    datetime.date(2024, 2, 15)
    >>> add_working_days(date(2024, 2, 15), -1)
    datetime.date(2024, 2, 7)
    """
    d = _check_date(d, "add_working_days")
    if type(n) is not int:
        raise InvalidValue(f"add_working_days: n {n!r}; expected an int")
    step = _ONE_DAY if n > 0 else -_ONE_DAY
    remaining = abs(n)
    while remaining:
        d += step
        if is_working_day(d, strict=strict):
            remaining -= 1
    return d


def working_days_between(a: date, b: date, *, strict: bool = True) -> int:
    """Số ngày làm việc — the working days in (a, b]: after ``a``, up to and including ``b``.

    Negative when ``b < a`` (minus the working days in (b, a]), so
    ``working_days_between(a, add_working_days(a, n)) == n``.
    """
    a = _check_date(a, "working_days_between")
    b = _check_date(b, "working_days_between")
    if b < a:
        return -working_days_between(b, a, strict=strict)
    count = 0
    d = a
    while d < b:
        d += _ONE_DAY
        count += is_working_day(d, strict=strict)
    return count
