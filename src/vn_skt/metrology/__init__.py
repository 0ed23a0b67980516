"""Phương tiện đo — measuring instruments: the group-2 list, verification validity,
statuses, campaigns, and registry-scale (columnar) computation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .campaign import CampaignSummary
from .instrument_types import InstrumentType, catalogue, instrument_type
from .records import Instrument, InstrumentStatus, Verification, due_in, status_of
from .validity import valid_until, valid_until_months

if TYPE_CHECKING:
    from .bulk import due_dates

__all__ = [
    "CampaignSummary",
    "Instrument",
    "InstrumentStatus",
    "InstrumentType",
    "Verification",
    "catalogue",
    "due_dates",
    "due_in",
    "instrument_type",
    "status_of",
    "valid_until",
    "valid_until_months",
]


def __getattr__(name: str) -> Any:
    if name == "due_dates":  # polars is an optional extra: import it on first use only
        from .bulk import due_dates

        return due_dates
    raise AttributeError(f"module 'vn_skt.metrology' has no attribute {name!r}")
