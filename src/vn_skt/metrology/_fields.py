"""Lĩnh vực báo cáo — the report grouping of the group-2 list by field (khối lượng,
điện – điện từ, …).

The grouping is not in the legal list (REGULATIONS.md §2): it is our own table,
``metrology_fields``, marked U, keyed by the list's item number so that every version of
the list groups, with its own versions where an item number changed meaning. A province
with another grouping registers its own version (``patch = true`` to move a few items).

>>> from datetime import date
>>> field_of(10, on=date(2026, 5, 1))
'khối lượng'
>>> field_of(50, on=date(2025, 1, 1)), field_of(50, on=date(2026, 5, 1))  # ECG, then concrete
('điện – điện từ', 'lực – mô men')
"""

from __future__ import annotations

from datetime import date

from vn_skt.errors import InvalidValue
from vn_skt.regulations import lookup, require_date

__all__ = ["FIELDS_TABLE", "field_of", "fields"]

FIELDS_TABLE = "metrology_fields"


def field_of(item: int, *, on: date) -> str | None:
    """Lĩnh vực của mục — the report field of item ``item`` in the grouping in force on
    ``on``; None when the grouping has no row for it (a user's new item)."""
    on = require_date(on, what="field_of(..., on=...)")
    if type(item) is not int:
        raise InvalidValue(f"field_of: item {item!r}; expected the list's item number (an int)")
    row = lookup(FIELDS_TABLE, on=on).rows.get(str(item))
    return None if row is None else str(row.field)


def fields(*, on: date) -> list[str]:
    """Các lĩnh vực — every field of the grouping in force on ``on``, sorted."""
    on = require_date(on, what="fields(on=...)")
    return sorted({str(row.field) for row in lookup(FIELDS_TABLE, on=on).rows.values()})
