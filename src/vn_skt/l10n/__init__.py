"""Bản địa hóa — Vietnamese text in and out.

Numbers, money, percentages and counts (:mod:`.formatting`, :mod:`.parsing`), dates
(:mod:`.dates`), number words (:mod:`.words`), reporting periods (:mod:`.periods`),
document references (:mod:`.docrefs`), the working-day calendar (:mod:`.workdays`) and
the one text module every comparison and every parser uses (:mod:`.text`: clean,
fold, and positions back in the caller's text). ``l10n`` knows nothing of
the domain.

>>> from vn_skt.l10n import format_money, parse_money
>>> parse_money(format_money(18_460_000_000, unit="tỷ"))
18460000000
"""

from __future__ import annotations

from .dates import (
    DATE_STYLES,
    WEEKDAYS,
    DateStyle,
    add_months,
    add_years,
    format_date,
    month_end,
    months_between,
    parse_date,
)
from .docrefs import DocumentRef, document_kind, find_document_refs
from .formatting import (
    MONEY_UNITS,
    MoneyUnit,
    format_count,
    format_money,
    format_number,
    format_percent,
    round_decimal,
)
from .parsing import (
    GROUP_SPACES,
    INLINE_GROUP_SPACES,
    SCALE_WORDS,
    number_regex,
    number_value,
    parse_money,
    parse_number,
    parse_percent,
)
from .periods import Period, PeriodKind
from .tables import frame, html_model, html_record, html_table
from .text import NormalText, clean_text, fold_text, normal_text
from .words import money_in_words, to_words
from .workdays import add_working_days, day_off_reason, is_working_day, working_days_between

__all__ = [
    "DATE_STYLES",
    "GROUP_SPACES",
    "INLINE_GROUP_SPACES",
    "MONEY_UNITS",
    "SCALE_WORDS",
    "WEEKDAYS",
    "DateStyle",
    "DocumentRef",
    "MoneyUnit",
    "NormalText",
    "Period",
    "PeriodKind",
    "add_months",
    "add_working_days",
    "add_years",
    "clean_text",
    "day_off_reason",
    "document_kind",
    "find_document_refs",
    "fold_text",
    "format_count",
    "format_date",
    "format_money",
    "format_number",
    "format_percent",
    "frame",
    "html_model",
    "html_record",
    "html_table",
    "is_working_day",
    "money_in_words",
    "month_end",
    "months_between",
    "normal_text",
    "number_regex",
    "number_value",
    "parse_date",
    "parse_money",
    "parse_number",
    "parse_percent",
    "round_decimal",
    "to_words",
    "working_days_between",
]
