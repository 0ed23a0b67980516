"""Lịch — the calendar of a state agency: reporting periods and working days.

- Reporting periods (kỳ báo cáo): :class:`Period` — năm, n tháng đầu/cuối năm, quý,
  tháng, giai đoạn, nhiệm kỳ — with its :class:`PeriodKind`, parsed from and written as
  the labels reports use.
- The working-day calendar (ngày làm việc): :func:`is_working_day`,
  :func:`add_working_days`, :func:`working_days_between` and :func:`day_off_reason`,
  from the statutory days off and the ``workday_calendar`` regulation table (the
  Government's swapped days, one version per year, each row citing its source).

The calendar speaks Vietnamese through :mod:`vn_skt.l10n` and reads its rules from
:mod:`vn_skt.regulations`; the domain packages use it. Every name lives in a private
module (``_periods``, ``_workdays``); this package's ``__all__`` is the one list of what
other code may import.

>>> from datetime import date
>>> from vn_skt.calendar import Period, add_working_days
>>> str(Period.parse("Quý 3/2025")), add_working_days(date(2025, 4, 29), 1)
('quý III/2025', datetime.date(2025, 5, 5))
"""

from __future__ import annotations

from ._periods import Period, PeriodKind
from ._workdays import add_working_days, day_off_reason, is_working_day, working_days_between

__all__ = [
    "Period",
    "PeriodKind",
    "add_working_days",
    "day_off_reason",
    "is_working_day",
    "working_days_between",
]
