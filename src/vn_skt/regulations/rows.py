"""Kiểu dòng quy định — the row types of the tables vn-skt ships.

Each shipped data file names its row type (``row_type = "vn_skt.regulations.rows:…"``);
the row type's annotations are the table's schema, checked when the file loads. A
province's file for the same table uses the same row type. The council rules and the
group-2 metrology list have their own modules (:mod:`vn_skt.regulations.council_rules`,
:mod:`vn_skt.regulations.metrology_list`).

>>> from datetime import date
>>> from vn_skt.regulations import lookup
>>> term = lookup("ip_terms", on=date(2025, 1, 1)).row("TRADEMARK")
>>> term.term_years, term.renewal_years, term.max_renewals
(10, 10, None)
"""

from __future__ import annotations

from enum import StrEnum

import attrs

from vn_skt._money import Dong

from ._model import Status

__all__ = [
    "BaseSalary",
    "CouncilFee",
    "DayChange",
    "DocumentType",
    "IpApplicationType",
    "IpRenewal",
    "IpTerm",
    "WorkdayChange",
]


@attrs.frozen
class BaseSalary:
    """Mức lương cơ sở — the base salary, đồng per month (key ``monthly``)."""

    amount: Dong


@attrs.frozen
class CouncilFee:
    """Mức chi họp hội đồng — the most a council session pays per role, in đồng."""

    chair: Dong
    member: Dong
    written_review: Dong


@attrs.frozen
class DocumentType:
    """Loại văn bản — the full name behind an abbreviation (key: ``QĐ``, ``TT``, …)."""

    name: str
    legal: bool
    """Always a legal normative document: its symbol carries the year (``03/2023/TT-BTC``).
    ``NQ`` and ``QĐ`` are False: they are legal normative only for some issuers
    (``06/2022/NQ-HĐND``, ``14/2026/NQ-CP``, ``QĐ-TTg``), administrative otherwise."""
    party: bool = False
    """Used by Party bodies only."""
    status: Status | None = None
    """How well this row is verified when it differs from its version (None: as the
    version's ``status``)."""
    note: str = ""
    """What is uncertain or particular about this row."""


class DayChange(StrEnum):
    """Thay đổi ngày làm việc — a day off that would be worked, or the reverse."""

    OFF = "off"
    """Ngày nghỉ — a swapped bridge day or a holiday the statutory list lacks."""
    WORK = "work"
    """Ngày làm bù — a Saturday (or other day) worked in exchange."""


@attrs.frozen
class WorkdayChange:
    """Hoán đổi ngày làm việc — one day's change to the working calendar (key: ISO date).

    ``note`` is what :func:`vn_skt.calendar.day_off_reason` says for a day off; ``source``
    the document that decided this day and ``status`` how well it is verified, when they
    differ from the version's (empty / None: as the version).
    """

    change: DayChange
    note: str
    source: str = ""
    status: Status | None = None


@attrs.frozen
class IpApplicationType:
    """Chữ số loại đơn — the title type (a ``TitleType`` name) behind a digit."""

    title_type: str
    verified: bool


@attrs.frozen
class IpRenewal:
    """Gia hạn, duy trì — request window, grace and late surcharge (keys ``renewal``,
    ``maintenance``)."""

    window_months: int
    grace_months: int
    surcharge_percent_per_month: int


@attrs.frozen
class IpTerm:
    """Thời hạn bảo hộ — term and renewals of a title type (key: a ``TitleType`` name).

    ``term_years`` None: indefinite; ``renewal_years`` None: not renewable;
    ``max_renewals`` None with ``renewal_years`` set: unlimited.
    """

    term_years: int | None = None
    renewal_years: int | None = None
    max_renewals: int | None = None
    maintenance: bool = False
    exploitation_years: int | None = None
    creation_years: int | None = None
