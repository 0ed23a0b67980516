"""Bản địa hóa — Vietnamese text in and out: the language.

Numbers, money, percentages and counts (formatting and parsing, one number tokenizer,
exact rounding), number words, dates (the four date styles, parsing, and the month
arithmetic of the Civil Code), the one text module every comparison and every parser
uses (clean, fold, and positions back in the caller's text), enums with Vietnamese
labels, and report tables (HTML, data frames). ``l10n`` knows nothing of the domain.

Every name lives in a private module (``_formatting``, ``_parsing``, ``_dates``,
``_words``, ``_text``, ``_labels``, ``_tables``); this package's ``__all__`` is the one
list of what other code may import.

Reporting periods and the working-day calendar are in :mod:`vn_skt.calendar`, document
references and document types in :mod:`vn_skt.documents`. Their old names here
(``vn_skt.l10n.Period``, ``DocumentRef``, ``is_working_day``, ...) still work for now,
with a DeprecationWarning naming the new home.

>>> from vn_skt.l10n import format_money, parse_money
>>> parse_money(format_money(18_460_000_000, unit="tỷ"))
18460000000
"""

from __future__ import annotations

import warnings
from importlib import import_module
from typing import Any

from ._dates import (
    DATE_STYLES,
    MAX_YEAR,
    MIN_YEAR,
    WEEKDAYS,
    DateStyle,
    add_months,
    add_years,
    format_date,
    month_end,
    months_between,
    parse_date,
)
from ._formatting import (
    MAX_DIGITS,
    MONEY_UNITS,
    MoneyUnit,
    Number,
    format_count,
    format_money,
    format_number,
    format_percent,
    round_decimal,
    to_exact,
)
from ._labels import LabeledEnum
from ._parsing import (
    GROUP_SPACES,
    INLINE_GROUP_SPACES,
    SCALE_WORDS,
    number_regex,
    number_value,
    parse_money,
    parse_number,
    parse_percent,
)
from ._tables import (
    HTML_ROWS,
    ColumnLabel,
    ColumnLabels,
    SchemaText,
    frame,
    html_capped,
    html_model,
    html_record,
    html_table,
    read_labels,
)
from ._text import NormalText, clean_text, fold_text, normal_text
from ._words import Variant, money_in_words, to_words

__all__ = [
    "DATE_STYLES",
    "GROUP_SPACES",
    "HTML_ROWS",
    "INLINE_GROUP_SPACES",
    "MAX_DIGITS",
    "MAX_YEAR",
    "MIN_YEAR",
    "MONEY_UNITS",
    "SCALE_WORDS",
    "WEEKDAYS",
    "ColumnLabel",
    "ColumnLabels",
    "DateStyle",
    "LabeledEnum",
    "MoneyUnit",
    "NormalText",
    "Number",
    "SchemaText",
    "Variant",
    "add_months",
    "add_years",
    "clean_text",
    "fold_text",
    "format_count",
    "format_date",
    "format_money",
    "format_number",
    "format_percent",
    "frame",
    "html_capped",
    "html_model",
    "html_record",
    "html_table",
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
    "read_labels",
    "round_decimal",
    "to_exact",
    "to_words",
]

# Names that moved out of l10n (issue #20): old name -> the package that now owns it.
# Reached lazily, by name, so that l10n itself never imports the layer above it.
_MOVED: dict[str, str] = {
    "Period": "vn_skt.calendar",
    "PeriodKind": "vn_skt.calendar",
    "is_working_day": "vn_skt.calendar",
    "add_working_days": "vn_skt.calendar",
    "working_days_between": "vn_skt.calendar",
    "day_off_reason": "vn_skt.calendar",
    "DocumentRef": "vn_skt.documents",
    "find_document_refs": "vn_skt.documents",
    "document_kind": "vn_skt.documents",
}


def __getattr__(name: str) -> Any:
    """Tên cũ — a name that moved: the object from its new home, with a warning."""
    home = _MOVED.get(name)
    if home is None:
        raise AttributeError(f"module 'vn_skt.l10n' has no attribute {name!r}")
    warnings.warn(
        f"vn_skt.l10n.{name} is deprecated: import it from {home} "
        f"(from {home} import {name}); the alias in vn_skt.l10n will be removed",
        DeprecationWarning,
        stacklevel=2,
    )
    return getattr(import_module(home), name)
