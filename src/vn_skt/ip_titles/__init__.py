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
- ``_portfolio`` — :class:`TitlePortfolio`, figures for reports;
- ``_columnar`` — :func:`title_schema`, :func:`titles_frame`, :func:`titles_from_frame`:
  the one columnar schema of titles (polars, the ``bulk`` extra);
- ``_bulk`` — :func:`title_deadlines`: expiry, status and next deadline of a whole
  registry as columns (:class:`DeadlineKind` names what the deadline is), on two
  private helpers: ``_bulkrules`` (the rule tables of a batch, once per rule version)
  and ``_bulkdates`` (month arithmetic on columns of day numbers).

>>> from datetime import date
>>> mark = ProtectionTitle(type="Nhãn hiệu", filing_date=date(2016, 2, 29),
...                        grant_date=date(2017, 5, 10), owner="HTX Bưởi Phúc Trạch")
>>> mark.expiry_date(), mark.status_on(date(2026, 5, 1)).label
(datetime.date(2026, 2, 28), 'Trong thời hạn gia hạn muộn')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vn_skt._extras import lazy_attributes as _lazy_attributes

from ._enums import DeadlineKind, TitleStatus, TitleType
from ._numbers import ApplicationNumber
from ._portfolio import TitlePortfolio
from ._record import ProtectionTitle
from ._schedule import MaintenanceTerm, RenewalWindow

if TYPE_CHECKING:
    from ._bulk import title_deadlines
    from ._columnar import title_schema, titles_frame, titles_from_frame

__all__ = [
    "ApplicationNumber",
    "DeadlineKind",
    "MaintenanceTerm",
    "ProtectionTitle",
    "RenewalWindow",
    "TitlePortfolio",
    "TitleStatus",
    "TitleType",
    "title_deadlines",
    "title_schema",
    "titles_frame",
    "titles_from_frame",
]

__getattr__ = _lazy_attributes(  # polars is an optional extra: imported on first use only
    __name__,
    {
        "title_deadlines": "_bulk",
        "title_schema": "_columnar",
        "titles_frame": "_columnar",
        "titles_from_frame": "_columnar",
    },
)
