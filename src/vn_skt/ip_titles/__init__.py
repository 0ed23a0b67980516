"""Văn bằng bảo hộ — industrial-property titles: terms, expiry, renewal, maintenance.

See :mod:`vn_skt.ip_titles.models` for the rules and a worked trademark renewal.
"""

from __future__ import annotations

from .enums import TitleStatus, TitleType
from .models import MaintenanceTerm, ProtectionTitle, RenewalWindow
from .numbers import ApplicationNumber
from .portfolio import TitlePortfolio

__all__ = [
    "ApplicationNumber",
    "MaintenanceTerm",
    "ProtectionTitle",
    "RenewalWindow",
    "TitlePortfolio",
    "TitleStatus",
    "TitleType",
]
