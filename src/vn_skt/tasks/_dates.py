"""Dates and labels of task records — the before-validators every task record shares: a
date field refuses numbers (epoch values), digit-only texts and datetimes; a labelled enum
is read from its Vietnamese label."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator

from vn_skt.l10n import LabeledEnum

__all__ = ["TaskDate", "by_label"]


def by_label(kind: type[LabeledEnum]) -> BeforeValidator:
    """A label ("Đang thực hiện") to its member through the enum's cached table, before
    pydantic's own enum check (which would go through ``Enum.__call__`` each time)."""

    def lookup(value: Any) -> Any:
        if isinstance(value, str):
            member = kind._missing_(value)
            if member is not None:
                return member
        return value

    return BeforeValidator(lookup)


def _not_a_date(value: Any) -> Any:
    """Refuse what pydantic would turn into a date but is none: a number (epoch seconds:
    ``0`` would be 01/01/1970), a bool, a Decimal, a digit-only string, a datetime."""
    if isinstance(value, datetime):
        raise ValueError(f"expected a date, got the datetime {value.isoformat()!r}")
    if isinstance(value, (bool, int, float, Decimal)):
        raise ValueError(f"expected a date (YYYY-MM-DD), got the {type(value).__name__} {value!r}")
    if isinstance(value, (str, bytes)):
        text = value.decode("ascii", "replace") if isinstance(value, bytes) else value
        if re.fullmatch(r"\s*[+-]?\d+(?:\.\d*)?\s*", text):
            raise ValueError(f"expected a date (YYYY-MM-DD), got the number {text!r}")
    return value


TaskDate = Annotated[date, BeforeValidator(_not_a_date)]
"""A date field of a task: a date or an ISO/Vietnamese date text, never a number."""
