"""Ngày tháng theo cột — month arithmetic on columns of day numbers, as add_months does it.

The private date arithmetic of :func:`title_deadlines` (module ``_bulk``): a day is an
Int32 day number since 1970-01-01 (a polars Date's physical value), split into a month
index ``m = (year − 1)·12 + month − 1`` and a day of the month; adding months clamps the
day to the target month's length (29/02 + 1 year is 28/02), as
:func:`vn_skt.l10n.add_months` does. Needs polars (the ``bulk`` extra), passed in.

>>> import polars as pl
>>> from datetime import date
>>> cal = _Calendar(pl)
>>> month, day = cal.split(pl.Series([date(2016, 2, 29), date(2020, 1, 31)]))
>>> _, _, number = cal.add(month, day, pl.Series([12, 1]))
>>> number.cast(pl.Date).to_list()
[datetime.date(2017, 2, 28), datetime.date(2020, 2, 29)]
"""

from __future__ import annotations

from datetime import date
from typing import Any, Final

_EPOCH: Final = date(1970, 1, 1)
_FIRST: Final = date(1, 1, 1)
_LAST: Final = date(9999, 12, 31)
_MONTHS: Final = 9999 * 12  # month index m = (year − 1)·12 + month − 1 runs 0 .. _MONTHS − 1

_tables: dict[str, Any] = {}


def _month_tables(pl: Any) -> tuple[Any, Any]:
    """The day number (since 1970-01-01) of the first day of every month of years
    1..9999, and the length of that month: indexed by month index."""
    if not _tables:
        firsts = pl.date_range(_FIRST, date(9999, 12, 1), "1mo", eager=True).cast(pl.Int32)
        ends = pl.concat([firsts.slice(1), pl.Series([(_LAST - _EPOCH).days + 1], dtype=pl.Int32)])
        _tables["first"] = firsts
        _tables["length"] = (ends - firsts).cast(pl.Int32)
    return _tables["first"], _tables["length"]


def _where(mask: Any, then: Any, otherwise: Any) -> Any:
    """``then`` where ``mask`` holds (a null mask: no), else ``otherwise`` (Series)."""
    return then.zip_with(mask.fill_null(False), otherwise)


class _Calendar:
    """Month arithmetic on columns of (month index, day of month), as add_months does it."""

    def __init__(self, pl: Any) -> None:
        self.pl = pl
        self.first, self.length = _month_tables(pl)

    def split(self, days: Any) -> tuple[Any, Any]:
        """(month index, day) of a Date column: worked out once per day of its range
        and gathered when the range is shorter than the column (a table's days, a
        registry's), else row by row."""
        pl = self.pl
        number = days.to_physical()
        low, high = number.min(), number.max()
        if low is None or (high - low + 1) * 2 > days.len():
            return self._split(days)
        span = pl.int_range(low, high + 1, dtype=pl.Int32, eager=True).cast(pl.Date)
        month, day = self._split(span)
        at = number - low
        return month.gather(at), day.gather(at)

    def _split(self, days: Any) -> tuple[Any, Any]:
        pl = self.pl
        frame = pl.DataFrame({"d": days}).select(
            m=(pl.col("d").dt.year().cast(pl.Int64) - 1) * 12 + pl.col("d").dt.month() - 1,
            day=pl.col("d").dt.day().cast(pl.Int64),
        )
        return frame.get_column("m"), frame.get_column("day")

    def _safe(self, month: Any) -> Any:
        return month.clip(0, _MONTHS - 1)  # a null stays null, and gathers a null

    def month_length(self, month: Any) -> Any:
        return self.length.gather(self._safe(month))

    def number(self, month: Any, day: Any) -> Any:
        return self.first.gather(self._safe(month)) + day - 1

    def add(self, month: Any, day: Any, months: Any) -> tuple[Any, Any, Any]:
        """``add_months``: (month index, day, day number), null where an input is; the
        index may fall outside the calendar (the caller checks: the day number is then
        meaningless)."""
        target = month + months
        safe = self._safe(target)
        length = self.length.gather(safe)
        clamped = _where(day > length, length, day)
        return target, clamped, self.first.gather(safe) + clamped - 1


def _days(d: date) -> int:
    return (d - _EPOCH).days


def _segment(pl: Any, bounds: list[date], days: Any) -> Any:
    """Which span between ``bounds`` each day number falls in: 0 before the first."""
    edges = pl.Series([_days(b) for b in bounds], dtype=pl.Int32)
    return edges.search_sorted(days.fill_null(0).cast(pl.Int32), side="right").cast(pl.Int32)
