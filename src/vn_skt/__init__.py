"""vn_skt — the domain kernel for Vietnamese science-and-technology administration.

Typed entities, the calculations that reports and regulations ask for, and Vietnamese
formatting of every number and date they print. The everyday names are importable
from here; they load on first use, so ``import vn_skt`` stays cheap.

>>> import vn_skt
>>> vn_skt.format_number(12418), vn_skt.to_words(105)
('12.418', 'một trăm linh năm')
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name -> submodule that defines it (the curated, ★ names of API.md)
_EXPORTS: dict[str, str] = {
    "VnSktError": "vn_skt.errors",
    "ParseError": "vn_skt.errors",
    "InvalidValue": "vn_skt.errors",
    "RegulationNotFound": "vn_skt.errors",
    "format_number": "vn_skt.l10n",
    "format_count": "vn_skt.l10n",
    "format_percent": "vn_skt.l10n",
    "format_money": "vn_skt.l10n",
    "format_date": "vn_skt.l10n",
    "parse_number": "vn_skt.l10n",
    "parse_money": "vn_skt.l10n",
    "parse_percent": "vn_skt.l10n",
    "parse_date": "vn_skt.l10n",
    "to_words": "vn_skt.l10n",
    "money_in_words": "vn_skt.l10n",
    "Period": "vn_skt.calendar",
    "DocumentRef": "vn_skt.documents",
    "find_document_refs": "vn_skt.documents",
    "is_working_day": "vn_skt.calendar",
    "add_working_days": "vn_skt.calendar",
    "working_days_between": "vn_skt.calendar",
    "Task": "vn_skt.tasks",
    "Funding": "vn_skt.tasks",
    "Portfolio": "vn_skt.tasks",
    "Indicator": "vn_skt.reporting",
    "ProtectionTitle": "vn_skt.ip_titles",
    "ApplicationNumber": "vn_skt.ip_titles",
    "TitleType": "vn_skt.ip_titles",
    "TitleStatus": "vn_skt.ip_titles",
    "instrument_type": "vn_skt.metrology",
    "Role": "vn_skt.councils",
    "Member": "vn_skt.councils",
    "Council": "vn_skt.councils",
    "CouncilKind": "vn_skt.councils",
    "Rating": "vn_skt.councils",
    "CouncilRules": "vn_skt.councils",
    "check_composition": "vn_skt.councils",
    "quorum_met": "vn_skt.councils",
    "acceptance_verdict": "vn_skt.councils",
    "score_selection": "vn_skt.councils",
    "province": "vn_skt.provinces",
    "successor": "vn_skt.provinces",
    "valid_until": "vn_skt.metrology",
    "Instrument": "vn_skt.metrology",
    "Verification": "vn_skt.metrology",
    "CampaignSummary": "vn_skt.metrology",
    "audit_text": "vn_skt.reporting",
}

__all__ = [
    "ApplicationNumber",
    "CampaignSummary",
    "Council",
    "CouncilKind",
    "CouncilRules",
    "DocumentRef",
    "Funding",
    "Indicator",
    "Instrument",
    "InvalidValue",
    "Member",
    "ParseError",
    "Period",
    "Portfolio",
    "ProtectionTitle",
    "Rating",
    "RegulationNotFound",
    "Role",
    "Task",
    "TitleStatus",
    "TitleType",
    "Verification",
    "VnSktError",
    "__version__",
    "acceptance_verdict",
    "add_working_days",
    "audit_text",
    "check_composition",
    "find_document_refs",
    "format_count",
    "format_date",
    "format_money",
    "format_number",
    "format_percent",
    "instrument_type",
    "is_working_day",
    "money_in_words",
    "parse_date",
    "parse_money",
    "parse_number",
    "parse_percent",
    "province",
    "quorum_met",
    "score_selection",
    "successor",
    "to_words",
    "valid_until",
    "working_days_between",
]

if TYPE_CHECKING:
    from vn_skt.calendar import Period, add_working_days, is_working_day, working_days_between
    from vn_skt.councils import (
        Council,
        CouncilKind,
        CouncilRules,
        Member,
        Rating,
        Role,
        acceptance_verdict,
        check_composition,
        quorum_met,
        score_selection,
    )
    from vn_skt.documents import DocumentRef, find_document_refs
    from vn_skt.errors import InvalidValue, ParseError, RegulationNotFound, VnSktError
    from vn_skt.ip_titles import ApplicationNumber, ProtectionTitle, TitleStatus, TitleType
    from vn_skt.l10n import (
        format_count,
        format_date,
        format_money,
        format_number,
        format_percent,
        money_in_words,
        parse_date,
        parse_money,
        parse_number,
        parse_percent,
        to_words,
    )
    from vn_skt.metrology import (
        CampaignSummary,
        Instrument,
        Verification,
        instrument_type,
        valid_until,
    )
    from vn_skt.provinces import province, successor
    from vn_skt.reporting import Indicator, audit_text
    from vn_skt.tasks import Funding, Portfolio, Task


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'vn_skt' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # cache: later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
