"""Hiệu lực kiểm định — how long a passing verification is valid.

A certificate or stamp is valid "đến" the last day of the cycle (Circular 24/2013/TT-BKHCN
Art. 41.10): the day before the same day of the month ``cycle`` months later or, when
that month has no such day, its last day (the arithmetic is our reading: U).

>>> from datetime import date
>>> from vn_skt.metrology import instrument_type
>>> valid_until(instrument_type("Cân bàn"), date(2025, 3, 15))
datetime.date(2026, 3, 14)
>>> valid_until(instrument_type("Nhiệt kế y học điện tử tiếp xúc có cơ cấu cực đại"),
...             date(2025, 8, 31))
datetime.date(2026, 2, 28)
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache

from vn_skt.errors import InvalidValue

from .instrument_types import InstrumentType

__all__ = ["valid_until", "valid_until_months"]

_ONE_DAY = timedelta(days=1)


@lru_cache(maxsize=1 << 16)
def valid_until_months(verified_on: date, cycle_months: int) -> date:
    """Hạn hiệu lực theo chu kỳ — the last valid day of a ``cycle_months`` cycle started
    on ``verified_on`` (cached: registries repeat the same dates and cycles)."""
    index = verified_on.year * 12 + verified_on.month - 1 + cycle_months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    if verified_on.day > last:
        return date(year, month, last)
    return date(year, month, verified_on.day) - _ONE_DAY


def valid_until(instrument_type: InstrumentType, verified_on: date) -> date | None:
    """Hiệu lực đến — the last day a passing verification of this type is valid; None
    when only initial verification applies (no periodic cycle)."""
    cycle = instrument_type.cycle_months
    if cycle is None:
        return None
    if type(verified_on) is not date:
        if not isinstance(verified_on, date):
            raise InvalidValue(f"valid_until: verified_on {verified_on!r}; expected a date")
        verified_on = date(verified_on.year, verified_on.month, verified_on.day)
    return valid_until_months(verified_on, cycle)
