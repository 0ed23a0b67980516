"""Chiến lược kiểm thử — Hypothesis strategies for vn_skt's values.

>>> from hypothesis import given
>>> from vn_skt.l10n import format_money, parse_money
>>> @given(amounts())
... def test_money_round_trip(amount: int) -> None:
...     assert parse_money(format_money(amount)) == amount
>>> test_money_round_trip()
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from vn_skt.l10n.dates import MAX_YEAR, MIN_YEAR
from vn_skt.regulations import Status, Version

__all__ = [
    "amounts",
    "decimals",
    "register_type_strategies",
    "report_dates",
    "versions",
]


def amounts(*, min_value: int = -(10**15), max_value: int = 10**15) -> st.SearchStrategy[int]:
    """Số tiền — int đồng, by default within ±10^15 (a thousand trillion đồng)."""
    return st.integers(min_value=min_value, max_value=max_value)


def decimals(*, max_places: int = 6, max_abs: int = 10**12) -> st.SearchStrategy[Decimal]:
    """Số thập phân — finite Decimals with at most ``max_places`` fraction digits."""
    return st.builds(
        lambda n, places: Decimal(n).scaleb(-places),
        st.integers(min_value=-max_abs, max_value=max_abs),
        st.integers(min_value=0, max_value=max_places),
    )


def report_dates(
    *, min_value: date = date(MIN_YEAR, 1, 1), max_value: date = date(MAX_YEAR, 12, 31)
) -> st.SearchStrategy[date]:
    """Ngày báo cáo — dates in the range the parsers accept (1900–2100)."""
    return st.dates(min_value=min_value, max_value=max_value)


def versions(table: str = "demo") -> st.SearchStrategy[Version]:
    """Phiên bản quy định — a valid one-row version of a table with an int column."""

    def build(start: date, days: int | None, status: Status, amount: int) -> Version:
        end = None if days is None else date.fromordinal(start.toordinal() + days)
        return Version(
            table,
            start,
            end,
            f"Quyết định số {amount % 100 + 1:02d}/QĐ-UBND",
            status,
            {"row": {"amount": amount}},
        )

    return st.builds(
        build,
        report_dates(max_value=date(2090, 1, 1)),
        st.none() | st.integers(min_value=0, max_value=3650),
        st.sampled_from(Status),
        st.integers(min_value=0, max_value=10**9),
    )


def register_type_strategies() -> None:
    """Đăng ký — make ``st.from_type`` find a strategy for every vn_skt value type."""
    st.register_type_strategy(Version, versions())
