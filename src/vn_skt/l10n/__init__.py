"""Bản địa hóa — Vietnamese text in and out.

Numbers, money, percentages and counts (:mod:`.formatting`, :mod:`.parsing`), dates
(:mod:`.dates`), number words (:mod:`.words`) and the text normalisation every
comparison uses (:mod:`.text`). ``l10n`` knows nothing of the domain.

>>> from vn_skt.l10n import format_money, parse_money
>>> parse_money(format_money(18_460_000_000, unit="tỷ"))
18460000000
"""

from __future__ import annotations

from .dates import DATE_STYLES, WEEKDAYS, DateStyle, format_date, parse_date
from .formatting import (
    MONEY_UNITS,
    MoneyUnit,
    format_count,
    format_money,
    format_number,
    format_percent,
)
from .parsing import SCALE_WORDS, parse_money, parse_number, parse_percent
from .text import clean_text, fold_text
from .words import money_in_words, to_words

__all__ = [
    "DATE_STYLES",
    "MONEY_UNITS",
    "SCALE_WORDS",
    "WEEKDAYS",
    "DateStyle",
    "MoneyUnit",
    "clean_text",
    "fold_text",
    "format_count",
    "format_date",
    "format_money",
    "format_number",
    "format_percent",
    "money_in_words",
    "parse_date",
    "parse_money",
    "parse_number",
    "parse_percent",
    "to_words",
]
