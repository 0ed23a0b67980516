"""Lược đồ cột — the one columnar schema of industrial-property titles (Arrow types,
through polars).

One row per title. Scalar fields keep their :class:`ProtectionTitle` types (text,
dates, ``renewals`` an int32); ``type`` holds the member's name (the stable code JSON
carries) as a polars ``Enum``, an Arrow dictionary; ``application_number`` its text
(``4-2025-20619``); ``renewal_dates`` a list of dates; ``maintenance_paid`` a list of
``{term, paid_on}`` structs (one per yearly term paid, by term number); ``classes`` a
list of int16. ``titles_frame`` writes it, ``titles_from_frame`` reads it back (every
title validated, a null meaning "not given": the record's default); polars is the
``bulk`` extra.

>>> from datetime import date
>>> patent = ProtectionTitle(type="Sáng chế", filing_date=date(2015, 3, 2), owner="Viện X",
...                          grant_date=date(2018, 6, 1),
...                          maintenance_paid={2: date(2019, 5, 20), 3: date(2020, 5, 25)})
>>> frame = titles_frame([patent])
>>> frame["type"][0], [(m["term"], m["paid_on"]) for m in frame["maintenance_paid"][0]]
('PATENT', [(2, datetime.date(2019, 5, 20)), (3, datetime.date(2020, 5, 25))])
>>> titles_from_frame(frame) == [patent]
True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from vn_skt._columns import polars

from ._enums import TitleType
from ._record import ProtectionTitle

__all__ = ["title_schema", "titles_frame", "titles_from_frame"]

_TEXT = ("owner", "application_number", "grant_number", "subject")
_DATES = ("filing_date", "grant_date", "first_exploited", "created")
_ORDER = (
    "type",
    "filing_date",
    "owner",
    "application_number",
    "grant_number",
    "grant_date",
    "subject",
    "renewals",
    "renewal_dates",
    "maintenance_paid",
    "first_exploited",
    "created",
    "classes",
)


def _polars() -> Any:
    return polars("the columnar schema of IP titles")


def title_schema() -> Any:
    """Lược đồ — the polars Schema of the title table (its Arrow types are the canonical
    ones: dictionary<utf8> for ``type``, date32 for dates, large_utf8 for text, int32
    ``renewals``, list<date32> ``renewal_dates``, list<struct<term: int16, paid_on:
    date32>> ``maintenance_paid``, list<int16> ``classes``).

    >>> list(title_schema())[:3]
    ['type', 'filing_date', 'owner']
    """
    pl = _polars()
    columns: dict[str, Any] = {}
    for name in _ORDER:
        if name == "type":
            columns[name] = pl.Enum([m.name for m in TitleType])
        elif name in _DATES:
            columns[name] = pl.Date
        elif name in _TEXT:
            columns[name] = pl.String
        elif name == "renewals":
            columns[name] = pl.Int32
        elif name == "renewal_dates":
            columns[name] = pl.List(pl.Date)
        elif name == "maintenance_paid":
            columns[name] = pl.List(pl.Struct({"term": pl.Int16, "paid_on": pl.Date}))
        else:  # classes
            columns[name] = pl.List(pl.Int16)
    return pl.Schema(columns)


def _row(title: ProtectionTitle) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name in _ORDER:
        value = getattr(title, name)
        if name == "type":
            row[name] = value.name
        elif name == "application_number":
            row[name] = None if value is None else str(value)
        elif name == "maintenance_paid":
            row[name] = [{"term": k, "paid_on": v} for k, v in sorted(value.items())]
        elif name in ("renewal_dates", "classes"):
            row[name] = list(value)
        else:
            row[name] = value
    return row


def titles_frame(titles: Iterable[ProtectionTitle]) -> Any:
    """Bảng cột — the titles as a polars DataFrame of :func:`title_schema`."""
    pl = _polars()
    return pl.DataFrame([_row(t) for t in titles], schema=title_schema(), orient="row")


def titles_from_frame(frame: Any) -> list[ProtectionTitle]:
    """Đọc bảng cột — ProtectionTitles from a frame of :func:`title_schema` (each
    validated; a null or absent column is the record's default)."""
    titles = []
    for row in frame.iter_rows(named=True):
        data = {k: v for k, v in row.items() if k in _ORDER and v is not None}
        paid = data.pop("maintenance_paid", None)
        if paid:
            data["maintenance_paid"] = {item["term"]: item["paid_on"] for item in paid}
        for name in ("renewal_dates", "classes"):
            if name in data:
                data[name] = tuple(data[name])
        titles.append(ProtectionTitle.model_validate(data))
    return titles
