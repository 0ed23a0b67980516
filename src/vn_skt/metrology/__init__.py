"""Phương tiện đo — measuring instruments: the group-2 list by version, verification
validity, statuses, campaigns, and registry-scale (columnar) computation.

Every answer follows the group-2 list in force on its own date (a verification's date),
says which row it rests on (its ``source`` and ``status``: V, V2 or U), and can be
overridden from a user's own file (a row, or a whole version).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vn_skt._extras import lazy_attributes as _lazy_attributes
from vn_skt.regulations.metrology_list import Control

from ._campaign import CampaignSummary
from ._fields import field_of, fields
from ._instrument_types import (
    InstrumentType,
    Segment,
    canonical_name,
    catalogue,
    instrument_type,
    segments,
)
from ._listing import render_list
from ._records import Instrument, InstrumentStatus, Verification, due_in, status_of
from ._user_files import load_group2_csv
from ._validity import valid_until, valid_until_months

if TYPE_CHECKING:
    from ._bulk import due_dates
    from ._bulk_campaign import campaign_figures, campaign_summary, combine_campaign_figures

__all__ = [
    "CampaignSummary",
    "Control",
    "Instrument",
    "InstrumentStatus",
    "InstrumentType",
    "Segment",
    "Verification",
    "campaign_figures",
    "campaign_summary",
    "canonical_name",
    "catalogue",
    "combine_campaign_figures",
    "due_dates",
    "due_in",
    "field_of",
    "fields",
    "instrument_type",
    "load_group2_csv",
    "render_list",
    "segments",
    "status_of",
    "valid_until",
    "valid_until_months",
]


__getattr__ = _lazy_attributes(  # polars is an optional extra: imported on first use only
    __name__,
    {
        "due_dates": "_bulk",
        "campaign_figures": "_bulk_campaign",
        "campaign_summary": "_bulk_campaign",
        "combine_campaign_figures": "_bulk_campaign",
    },
)
