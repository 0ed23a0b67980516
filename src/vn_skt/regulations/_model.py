"""Bảng quy định — dated, cited versions of a rule table, and their load-time checks."""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Any

import attrs

from vn_skt.errors import InvalidValue, RegulationNotFound

__all__ = ["COLUMN_TYPES", "Row", "Status", "Table", "Version"]

Row = Mapping[str, Any]
"""One keyed row of a version: column name → value."""


class Status(StrEnum):
    """Mức kiểm chứng — how well a version is verified (REGULATIONS.md tags)."""

    V = "V"
    """Read in the legal text or the official codification."""
    V2 = "V2"
    """Read in a secondary reproduction (Q&A site, press): probably right."""
    U = "U"
    """Unverified, from memory: shipped so it can be overridden, never trusted blindly."""

    @property
    def label(self) -> str:
        """Nhãn — the Vietnamese description of the status."""
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    Status.V: "đã kiểm chứng trên văn bản",
    Status.V2: "kiểm chứng qua nguồn thứ cấp",
    Status.U: "chưa kiểm chứng",
}

COLUMN_TYPES: Mapping[str, tuple[type, ...]] = MappingProxyType(
    {
        "int": (int,),
        "str": (str,),
        "bool": (bool,),
        "date": (date,),
    }
)
"""Column types a table may declare; append ``?`` (``"int?"``) for an optional column."""


def _frozen_rows(rows: Mapping[str, Row]) -> Mapping[str, Row]:
    return MappingProxyType({str(k): MappingProxyType(dict(v)) for k, v in rows.items()})


@attrs.frozen(repr=False)
class Version:
    """Phiên bản quy định — one dated version of a rule table, with its source.

    ``effective_to`` is inclusive; ``None`` means still in force (open-ended).

    >>> v = Version("demo", date(2024, 7, 1), None, "Nghị định 73/2024/NĐ-CP", Status.V2,
    ...             {"monthly": {"amount": 2_340_000}})
    >>> v
    <Version demo 2024-07-01..(open) V2 source='Nghị định 73/2024/NĐ-CP'>
    >>> v.row("monthly")["amount"], v.covers(date(2030, 1, 1))
    (2340000, True)
    """

    table: str
    effective_from: date
    effective_to: date | None
    source: str
    status: Status = attrs.field(converter=Status)
    rows: Mapping[str, Row] = attrs.field(converter=_frozen_rows, hash=False)
    origin: str = "vn-skt"
    note: str = ""

    def __attrs_post_init__(self) -> None:
        if not self.source.strip():
            raise InvalidValue(f"version of table {self.table!r}: source is empty; cite a document")
        if self.effective_to is not None and self.effective_to < self.effective_from:
            raise InvalidValue(
                f"version of table {self.table!r}: effective_to {self.effective_to} is before "
                f"effective_from {self.effective_from}"
            )

    def covers(self, on: date) -> bool:
        """Có hiệu lực — whether this version is in force on ``on``."""
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    def row(self, key: str) -> Row:
        """Dòng — the row under ``key``; RegulationNotFound (with a suggestion) if absent."""
        try:
            return self.rows[key]
        except KeyError:
            close = difflib.get_close_matches(key, list(self.rows), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise RegulationNotFound(
                f"table {self.table!r} ({self.source}, from {self.effective_from}) "
                f"has no row {key!r}{hint}"
            ) from None

    def __repr__(self) -> str:
        end = self.effective_to.isoformat() if self.effective_to else "(open)"
        origin = "" if self.origin == "vn-skt" else f" origin={self.origin!r}"
        return (
            f"<Version {self.table} {self.effective_from.isoformat()}..{end} "
            f"{self.status.value} source={self.source!r}{origin}>"
        )


@attrs.frozen(repr=False)
class Table:
    """Bảng quy định — a named series of versions that neither overlap nor leave gaps.

    Built with :meth:`Table.build`, which runs every load-time check: required
    fields, rows of the declared column shape, versions sorted, no overlap, no gap,
    only the last version open-ended.
    """

    name: str
    description: str
    columns: Mapping[str, str]
    versions: tuple[Version, ...]

    @classmethod
    def build(
        cls,
        name: str,
        *,
        description: str,
        columns: Mapping[str, str],
        versions: Iterable[Version],
        contiguous: bool = True,
    ) -> Table:
        """Lập bảng — check and assemble a table.

        ``contiguous=False`` allows gaps between versions (used for a user's overlay,
        which only covers the dates it names); overlaps are never allowed.
        """
        for column, kind in columns.items():
            if kind.rstrip("?") not in COLUMN_TYPES:
                raise InvalidValue(
                    f"table {name!r}: column {column!r} has type {kind!r}; "
                    f"expected one of {sorted(COLUMN_TYPES)} (optionally with '?')"
                )
        ordered = tuple(sorted(versions, key=lambda v: v.effective_from))
        if not ordered:
            raise InvalidValue(f"table {name!r} has no versions")
        for version in ordered:
            if version.table != name:
                raise InvalidValue(f"table {name!r}: got a version of table {version.table!r}")
            check_rows(name, columns, version)
        ordered = tuple(_with_optional_columns(v, columns) for v in ordered)
        for before, after in itertools.pairwise(ordered):
            check_sequence(name, before, after, contiguous=contiguous)
        return cls(name, description, MappingProxyType(dict(columns)), ordered)

    def version_on(self, on: date) -> Version | None:
        """Phiên bản có hiệu lực — the version in force on ``on``, or None."""
        for version in reversed(self.versions):
            if version.effective_from <= on:
                return version if version.covers(on) else None
        return None

    @property
    def latest(self) -> Version:
        """Phiên bản mới nhất — the version with the latest ``effective_from``."""
        return self.versions[-1]

    def __repr__(self) -> str:
        first, last = self.versions[0], self.versions[-1]
        end = last.effective_to.isoformat() if last.effective_to else "(open)"
        return (
            f"<Table {self.name} {len(self.versions)} versions "
            f"{first.effective_from.isoformat()}..{end}, latest source={last.source!r}>"
        )


def _with_optional_columns(version: Version, columns: Mapping[str, str]) -> Version:
    """The version with every optional column present in every row (None when absent)."""
    optional = [c for c, kind in columns.items() if kind.endswith("?")]
    if all(c in row for row in version.rows.values() for c in optional):
        return version
    rows = {key: {**dict.fromkeys(optional), **row} for key, row in version.rows.items()}
    return attrs.evolve(version, rows=rows)


def check_rows(table: str, columns: Mapping[str, str], version: Version) -> None:
    """Kiểm tra dòng — every row has the declared columns with the declared types."""
    where = f"table {table!r}, version from {version.effective_from}"
    for key, row in version.rows.items():
        extra = set(row) - set(columns)
        if extra:
            raise InvalidValue(
                f"{where}, row {key!r}: unknown column(s) {sorted(extra)}; "
                f"expected only {sorted(columns)}"
            )
        for column, kind in columns.items():
            optional = kind.endswith("?")
            value = row.get(column)
            if value is None:
                if not optional:
                    raise InvalidValue(f"{where}, row {key!r}: column {column!r} is missing")
                continue
            expected = COLUMN_TYPES[kind.rstrip("?")]
            wrong_bool = isinstance(value, bool) and bool not in expected
            if wrong_bool or not isinstance(value, expected):
                raise InvalidValue(
                    f"{where}, row {key!r}: column {column!r} is {value!r} "
                    f"({type(value).__name__}); expected {kind.rstrip('?')}"
                )


def check_sequence(table: str, before: Version, after: Version, *, contiguous: bool) -> None:
    """Kiểm tra nối tiếp — two consecutive versions neither overlap nor (if asked) gap."""
    if before.effective_to is None:
        raise InvalidValue(
            f"table {table!r}: version from {before.effective_from} is open-ended but "
            f"a later version starts {after.effective_from}; give it an effective_to"
        )
    if before.effective_to >= after.effective_from:
        raise InvalidValue(
            f"table {table!r}: versions overlap: {before!r} ends {before.effective_to}, "
            f"{after!r} starts {after.effective_from}"
        )
    if contiguous and before.effective_to + timedelta(days=1) != after.effective_from:
        raise InvalidValue(
            f"table {table!r}: gap between {before.effective_to} and {after.effective_from}; "
            f"expected the next version to start {before.effective_to + timedelta(days=1)}"
        )
