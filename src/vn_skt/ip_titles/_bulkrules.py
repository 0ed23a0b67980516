"""Bảng quy tắc hàng loạt — the rule tables of a batch, resolved once per rule version.

The private rule side of :func:`title_deadlines` (module ``_bulk``): every day an
``ip_terms`` or ``ip_renewal`` version starts or stops cuts time into spans; the rules of
each (type, span) are asked once of the per-object functions (:func:`term_rule`,
:func:`lookup`) and kept as small polars Series a row then gathers from by index.
Needs polars (the ``bulk`` extra), passed in.

>>> import polars as pl
>>> bounds = _bounds("ip_terms")
>>> rules, labels = _resolve_terms(pl, bounds)
>>> width = len(bounds) + 1
>>> patent = _KINDS.index(TitleType.PATENT)
>>> rules["term_years"][patent * width + len(bounds)], labels[patent]
(20, 'Sáng chế')
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Final

from vn_skt.errors import RegulationNotFound
from vn_skt.regulations import Status, default_registry, lookup

from ._bulkdates import _LAST
from ._enums import TitleType
from ._terms import term_rule

_KINDS: Final = list(TitleType)


def _bounds(table: str) -> list[date]:
    """Every day a version of ``table`` (a user's included) starts or stops."""
    days: set[date] = set()
    for version in default_registry.versions(table):
        days.add(version.effective_from)
        if version.effective_to is not None and version.effective_to < _LAST:
            days.add(version.effective_to + timedelta(days=1))
    return sorted(days)


def _resolve_terms(pl: Any, bounds: list[date]) -> tuple[dict[str, Any], list[str]]:
    """The ``ip_terms`` row of every (type, span) key = type·(spans + 1) + span, through
    :func:`term_rule` itself (``failing`` where it has none: explained later, per date),
    and the labels of the types."""
    width = len(bounds) + 1
    fields: dict[str, list[Any]] = {
        "term_years": [],
        "renewal_years": [],
        "max_renewals": [],
        "maintenance": [],
        "exploitation_years": [],
        "creation_years": [],
        "source": [],
        "status": [],
        "failing": [],
    }
    for kind in _KINDS:
        for span in range(width):
            rule = version = None
            if span:
                try:
                    rule = term_rule(kind, on=bounds[span - 1])
                    version = lookup("ip_terms", on=bounds[span - 1])
                except RegulationNotFound:
                    rule = None
            for name, values in fields.items():
                if name == "failing":
                    values.append(rule is None)
                elif rule is None or version is None:
                    values.append(None)
                elif name == "source":
                    values.append(version.source)
                elif name == "status":
                    values.append(version.status.value)
                else:
                    values.append(getattr(rule, name))
    types = {"maintenance": pl.Boolean, "failing": pl.Boolean, "source": pl.String}
    out = {
        name: pl.Series(values, dtype=types.get(name, pl.Int64))
        for name, values in fields.items()
        if name != "status"
    }
    out["status"] = pl.Series(fields["status"], dtype=pl.Enum([s.value for s in Status]))
    return out, [kind.label for kind in _KINDS]


def _resolve_windows(pl: Any, bounds: list[date], key: str) -> dict[str, Any]:
    """The ``ip_renewal`` row ``key`` of every span (0: before the first version)."""
    rows: list[tuple[Any, ...]] = [(None, None, None, None)]
    for start in bounds:
        try:
            version = lookup("ip_renewal", on=start)
            row = version.row(key)
            rows.append((row.window_months, row.grace_months, version.source, version.status.value))
        except RegulationNotFound:
            rows.append((None, None, None, None))
    statuses = pl.Enum([s.value for s in Status])
    return {
        "window": pl.Series([r[0] for r in rows], dtype=pl.Int32),
        "grace": pl.Series([r[1] for r in rows], dtype=pl.Int32),
        "source": pl.Series([r[2] for r in rows], dtype=pl.String),
        "status": pl.Series([r[3] for r in rows], dtype=statuses),
        "failing": pl.Series([r[0] is None for r in rows], dtype=pl.Boolean),
    }


def _as_sources(pl: Any, *tables: dict[str, Any]) -> Any:
    """Make the ``source`` of every table one polars Enum of the sources they name (a
    row then carries a code, not a copy of the text)."""
    names: list[str] = []
    for table in tables:
        for source in table["source"].to_list():
            if source is not None and source not in names:
                names.append(source)
    sources = pl.Enum(names)
    for table in tables:
        table["source"] = table["source"].cast(sources)
    return sources
