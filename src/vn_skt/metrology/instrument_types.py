"""Danh mục phương tiện đo nhóm 2 — instrument types, their controls and cycles.

The list is the ``metrology_group2`` regulation table (Circular 23/2013/TT-BKHCN as
amended to 03/2024, in force from 15/10/2024). Names match in any case, NFC or NFD,
old or new tone placement, with or without their parenthesised qualifier.

>>> t = instrument_type("huyết áp kế")
>>> t.name, t.cycle_months, t.field, t.controls
('Huyết áp kế (thủy ngân, lò xo, điện tử)', 12, 'áp suất', ('initial', 'periodic', 'after_repair'))
>>> instrument_type("Nhiệt kế y học thủy tinh-thủy ngân có cơ cấu cực đại").cycle_months is None
True
"""

from __future__ import annotations

import difflib
import re
from datetime import date
from functools import lru_cache

import attrs

from vn_skt.errors import RegulationNotFound
from vn_skt.l10n import fold_text
from vn_skt.regulations import Version, lookup, table

__all__ = ["TABLE", "InstrumentType", "catalogue", "instrument_type"]

TABLE = "metrology_group2"
_QUALIFIER = re.compile(r"\s*\([^)]*\)\s*$")


@attrs.frozen
class InstrumentType:
    """Loại phương tiện đo — one row of the group-2 list.

    ``cycle_months`` is None when only initial verification applies; ``controls`` lists
    the controls that apply ("pattern_approval", "initial", "periodic", "after_repair");
    ``field`` is the practical grouping for reports; ``source`` the document.
    """

    name: str
    item: int
    cycle_months: int | None
    pattern_approval: bool
    initial: bool
    periodic: bool
    after_repair: bool
    field: str
    source: str

    @property
    def controls(self) -> tuple[str, ...]:
        """Các hình thức kiểm soát — which controls apply, in the list's order."""
        names = ("pattern_approval", "initial", "periodic", "after_repair")
        return tuple(n for n in names if getattr(self, n))

    @property
    def initial_only(self) -> bool:
        """Chỉ kiểm định ban đầu — no periodic verification."""
        return self.cycle_months is None

    def __str__(self) -> str:
        return self.name


@lru_cache(maxsize=16)
def _index(version: Version) -> tuple[dict[str, InstrumentType], dict[str, list[InstrumentType]]]:
    """Full-name and short-name (qualifier dropped) indexes of one version, folded."""
    full: dict[str, InstrumentType] = {}
    short: dict[str, list[InstrumentType]] = {}
    for name, row in version.rows.items():
        kind = InstrumentType(
            name,
            row.item,
            row.cycle_months,
            row.pattern_approval,
            row.initial,
            row.periodic,
            row.after_repair,
            row.field,
            version.source,
        )
        full[fold_text(name)] = kind
        short.setdefault(fold_text(_QUALIFIER.sub("", name)), []).append(kind)
    return full, short


def _version(on: date | None) -> Version:
    try:
        return lookup(TABLE, on=on)
    except RegulationNotFound:
        first = table(TABLE).versions[0]
        raise RegulationNotFound(
            f"no group-2 list known for {on}; the earliest vn-skt knows is in force from "
            f"{first.effective_from.isoformat()} ({first.source}); earlier lists are not "
            f"shipped (register a '{TABLE}' version to add one)"
        ) from None


def catalogue(on: date | None = None) -> list[InstrumentType]:
    """Danh mục — every instrument type of the list in force on ``on`` (None: latest)."""
    return list(_index(_version(on))[0].values())


def instrument_type(name: str, on: date | None = None) -> InstrumentType:
    """Tra loại phương tiện đo — the type named ``name`` in the list in force on ``on``.

    Matches the full name or the name without its parenthesised qualifier. An unknown
    or ambiguous name raises RegulationNotFound with the closest names.
    """
    full, short = _index(_version(on))
    key = fold_text(name)
    if key in full:
        return full[key]
    candidates = short.get(key, [])
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        names = "; ".join(c.name for c in candidates)
        raise RegulationNotFound(f"instrument name {name!r} is ambiguous: {names}")
    close = difflib.get_close_matches(key, list(full) + list(short), n=3, cutoff=0.6)
    suggestions = [full[c].name if c in full else short[c][0].name for c in close]
    hint = (
        f"; did you mean {' or '.join(repr(s) for s in dict.fromkeys(suggestions))}?"
        if close
        else ""
    )
    raise RegulationNotFound(f"no instrument named {name!r} in the group-2 list{hint}")
