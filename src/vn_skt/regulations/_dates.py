"""Ngày áp dụng — the governing date every rule lookup needs, checked once."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from vn_skt.errors import InvalidValue

__all__ = ["require_date"]


def require_date(value: Any, *, what: str = "on") -> date:
    """Ngày áp dụng — ``value`` if it is a ``datetime.date``; else a clear InvalidValue.

    A ``datetime`` is refused (a rule is in force on a day, not at an instant: pass
    ``value.date()``), and so are ``None``, strings and numbers: a rule is never applied
    "as of the latest" because a date is missing.

    >>> require_date(date(2026, 5, 1))
    datetime.date(2026, 5, 1)
    >>> require_date(datetime(2026, 5, 1, 8, 30))
    Traceback (most recent call last):
    ...
    vn_skt.errors.InvalidValue: on=datetime.datetime(2026, 5, 1, 8, 30) is a datetime; ...
    """
    if isinstance(value, datetime):
        msg = f"{what}={value!r} is a datetime; expected a datetime.date (use .date())"
        raise InvalidValue(msg)
    if not isinstance(value, date):
        msg = (
            f"{what}={value!r} ({type(value).__name__}); expected a datetime.date: the day "
            f"whose rules apply (rules are never taken 'as of the latest' by default)"
        )
        raise InvalidValue(msg)
    return value
