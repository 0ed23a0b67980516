"""Mức lương cơ sở — the base salary in force on a date, from the ``base_salary`` table."""

from __future__ import annotations

from datetime import date

from ._registry import default_registry

__all__ = ["base_salary"]


def base_salary(on: date) -> int:
    """Mức lương cơ sở — the base salary in force on ``on``, in đồng per month.

    The version (and so the decree) it came from is
    ``lookup("base_salary", on=on)``; a province or a test can register its own.

    >>> from datetime import date
    >>> base_salary(date(2024, 7, 1))
    2340000
    >>> base_salary(date(2024, 6, 30))
    1800000
    """
    amount: int = default_registry.lookup("base_salary", on=on).row("monthly").amount
    return amount
