"""Danh mục phương tiện đo nhóm 2 — the row type of the ``metrology_group2`` table."""

from __future__ import annotations

import attrs

__all__ = ["Group2Row"]


@attrs.frozen
class Group2Row:
    """Một dòng danh mục PTĐ nhóm 2 — controls and cycle of one instrument (key: its name)."""

    item: int
    pattern_approval: bool
    initial: bool
    periodic: bool
    after_repair: bool
    field: str
    cycle_months: int | None = None
