"""Hiệu lực kiểm định — how long a passing verification is valid.

A certificate or stamp is valid "đến" the last day of the cycle (Circular 24/2013/TT-BKHCN
Art. 41.10): the day before the same day of the month ``cycle`` months later or, when
that month has no such day, its last day (the arithmetic is our reading: U). The cycle
is the one of the group-2 list in force on the verification's date: a truck scale
verified on 20/05/2026 has the 2026 list's 24 months, one verified a year earlier the
2024 list's 12.

>>> from datetime import date
>>> valid_until("Cân ô tô", date(2026, 5, 20))
datetime.date(2028, 5, 19)
>>> valid_until("Cân ô tô", date(2025, 5, 20))
datetime.date(2026, 5, 19)
>>> valid_until("Nhiệt kế y học điện tử tiếp xúc có cơ cấu cực đại", date(2025, 8, 31))
datetime.date(2026, 2, 28)
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from vn_skt.l10n import add_months
from vn_skt.regulations import require_date

from ._instrument_types import InstrumentType, governing_type

__all__ = ["valid_until", "valid_until_months"]

_ONE_DAY = timedelta(days=1)


@lru_cache(maxsize=1 << 16)
def valid_until_months(verified_on: date, cycle_months: int) -> date:
    """Hạn hiệu lực theo chu kỳ — the last valid day of a ``cycle_months`` cycle started
    on ``verified_on`` (cached: registries repeat the same dates and cycles)."""
    end = add_months(verified_on, cycle_months)  # the month's last day when it is shorter
    return end if end.day != verified_on.day else end - _ONE_DAY


def valid_until(instrument_type: InstrumentType | str, verified_on: date) -> date | None:
    """Hiệu lực đến — the last day a passing verification done on ``verified_on`` is
    valid; None when only initial verification applies (no periodic cycle).

    ``instrument_type`` is a name or an :class:`InstrumentType`; the cycle is always the
    one of the list in force on ``verified_on`` (a type looked up for another date is
    looked up again by its name). Raises RegulationNotFound when the instrument is not
    on that list (removed, not yet listed, before the earliest list).
    """
    if type(verified_on) is not date:
        verified_on = require_date(verified_on, what="valid_until(..., verified_on)")
    cycle = governing_type(instrument_type, verified_on).cycle_months
    if cycle is None:
        return None
    return valid_until_months(verified_on, cycle)
