"""Every IP-title test starts from the shipped tables; the fictional versions some tests
register (a shorter trademark term, shorter windows, a digit changed mid-year) are
fixtures here, dropped after the test."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from vn_skt.regulations import Status, Version, register_version, unregister

IP_TABLES = ("ip_terms", "ip_renewal", "ip_application_types")


@pytest.fixture(autouse=True)
def _shipped_tables_only() -> Iterator[None]:
    yield
    for name in IP_TABLES:
        unregister(name)


@pytest.fixture
def shorter_marks() -> None:
    """A (fictional) 7-year trademark term and renewal for filings from 01/04/2026."""
    register_version(
        Version(
            "ip_terms",
            date(2026, 4, 1),
            None,
            "Luật thử nghiệm",
            Status.U,
            {"TRADEMARK": {"term_years": 7, "renewal_years": 7}},
            patch=True,
        )
    )


@pytest.fixture
def shorter_windows() -> None:
    """A (fictional) 3-month window and grace, with 20% a month, from 23/08/2023."""
    rows = {"window_months": 3, "grace_months": 3, "surcharge_percent_per_month": 20}
    register_version(
        Version(
            "ip_renewal",
            date(2023, 8, 23),
            None,
            "Nghị định thử nghiệm",
            Status.U,
            {"renewal": rows, "maintenance": rows},
        )
    )


@pytest.fixture
def digit_changed_mid_2027() -> None:
    """A (fictional) notice mapping digit 3 to layout designs from 01/07/2027."""
    register_version(
        Version(
            "ip_application_types",
            date(2027, 7, 1),
            None,
            "Thông báo thử nghiệm",
            Status.U,
            {"3": {"title_type": "LAYOUT_DESIGN", "verified": False}},
            patch=True,
        )
    )
