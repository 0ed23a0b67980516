"""Văn bằng bảo hộ — industrial-property titles: terms, expiry, renewal, maintenance.

One job per private module, one export list here:

- ``_enums`` — :class:`TitleType`, :class:`TitleStatus`;
- ``_numbers`` — :class:`ApplicationNumber` (số đơn ``T-YYYY-NNNNN``);
- ``_terms`` — the term of each type (IP Law Art. 93, the ``ip_terms`` table);
- ``_schedule`` — expiry, renewal window and maintenance terms (Decree 65/2023
  Art. 30–31, the ``ip_renewal`` table), computed once per title:
  :class:`RenewalWindow`, :class:`MaintenanceTerm`;
- ``_status`` — the status on a day, the lapse, the next action;
- ``_record`` — :class:`ProtectionTitle`, the record that asks them;
- ``_portfolio`` — :class:`TitlePortfolio`, figures for reports.

>>> from datetime import date
>>> mark = ProtectionTitle(type="Nhãn hiệu", filing_date=date(2016, 2, 29),
...                        grant_date=date(2017, 5, 10), owner="HTX Bưởi Phúc Trạch")
>>> mark.expiry_date(), mark.status_on(date(2026, 5, 1)).label
(datetime.date(2026, 2, 28), 'Trong thời hạn gia hạn muộn')
"""

from __future__ import annotations

from ._enums import TitleStatus, TitleType
from ._numbers import ApplicationNumber
from ._portfolio import TitlePortfolio
from ._record import ProtectionTitle
from ._schedule import MaintenanceTerm, RenewalWindow

__all__ = [
    "ApplicationNumber",
    "MaintenanceTerm",
    "ProtectionTitle",
    "RenewalWindow",
    "TitlePortfolio",
    "TitleStatus",
    "TitleType",
]
