"""Bảng quy định — dated, cited versions of a rule table, and their load-time checks.

A table's rows are typed: every version of a table holds instances of the table's
*row type* (a frozen attrs class, see :mod:`vn_skt.regulations._rows`), validated when
the table is built, so a consumer reads ``version.row("X").amount`` — never a string to
parse again.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Generic, TypeVar

import attrs

from vn_skt.errors import InvalidValue, RegulationNotFound

from ._rows import is_row_type, to_row

__all__ = ["Status", "Table", "Version"]

R = TypeVar("R")


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

    @property
    def verified(self) -> bool:
        """Đã kiểm chứng — V or V2: read in the text or in agreeing reproductions."""
        return self is not Status.U

    @staticmethod
    def weakest(statuses: Iterable[Status | str]) -> Status:
        """Mức yếu nhất — the least verified of ``statuses`` (V when there are none).

        >>> Status.weakest(["V", "U", "V2"])
        <Status.U: 'U'>
        """
        order = list(Status)
        return max((Status(s) for s in statuses), key=order.index, default=Status.V)


_STATUS_LABELS = {
    Status.V: "đã kiểm chứng trên văn bản",
    Status.V2: "kiểm chứng qua nguồn thứ cấp",
    Status.U: "chưa kiểm chứng",
}


def _frozen_rows(rows: Mapping[Any, Any]) -> Mapping[str, Any]:
    return MappingProxyType({str(k): v for k, v in rows.items()})


@attrs.frozen(repr=False)
class Version(Generic[R]):
    """Phiên bản quy định — one dated version of a rule table, with its source.

    ``effective_to`` is inclusive; ``None`` means still in force (open-ended). ``rows``
    map a key to a row of the table's row type; a version built in code may give plain
    mappings, which become typed (and are checked) when the version joins a table.
    ``patch=True`` marks a user's version that replaces only the rows it names, over
    whatever version is in force beneath it.

    >>> from vn_skt.regulations.rows import BaseSalary
    >>> v = Version("base_salary", date(2024, 7, 1), None, "Nghị định 73/2024/NĐ-CP", Status.V2,
    ...             {"monthly": BaseSalary(amount=2_340_000)})
    >>> v
    <Version base_salary 2024-07-01..(open) V2 source='Nghị định 73/2024/NĐ-CP'>
    >>> v.row("monthly").amount, v.covers(date(2030, 1, 1))
    (2340000, True)
    """

    table: str
    effective_from: date
    effective_to: date | None
    source: str
    status: Status = attrs.field(converter=Status)
    rows: Mapping[str, R] = attrs.field(converter=_frozen_rows, eq=False, hash=False)
    origin: str = "vn-skt"
    note: str = ""
    patch: bool = False

    def __attrs_post_init__(self) -> None:
        for name in ("effective_from", "effective_to"):
            value = getattr(self, name)
            if value is not None and (type(value) is not date):
                msg = (
                    f"version of table {self.table!r}: {name} is {value!r} "
                    f"({type(value).__name__}); expected a datetime.date"
                )
                raise InvalidValue(msg)
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

    def row(self, key: str) -> R:
        """Dòng — the row under ``key``; RegulationNotFound (with a suggestion) if absent."""
        try:
            return self.rows[key]
        except KeyError:
            close = difflib.get_close_matches(str(key), list(self.rows), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise RegulationNotFound(
                f"table {self.table!r} ({self.source}, from {self.effective_from}) "
                f"has no row {key!r}{hint}"
            ) from None

    @property
    def span(self) -> str:
        """Thời gian hiệu lực — ``"2024-07-01..2026-06-30"`` (``..`` open when in force)."""
        end = self.effective_to.isoformat() if self.effective_to else ""
        return f"{self.effective_from.isoformat()}..{end}"

    def row_status(self, key: str) -> Status:
        """Mức kiểm chứng của dòng — the row's own ``status`` when its row type has one,
        else the version's."""
        own = getattr(self.row(key), "status", None)
        return Status(own) if own is not None else self.status

    @property
    def unverified(self) -> tuple[str, ...]:
        """Dòng chưa kiểm chứng — the keys of the rows whose status is U."""
        return tuple(key for key in self.rows if self.row_status(key) is Status.U)

    def typed(self, row_type: type[Any]) -> Version[Any]:
        """Có kiểu — this version with every row as ``row_type`` (checked; errors name
        the table, the version, the row and the field)."""
        where = f"table {self.table!r}, version from {self.effective_from}"
        if all(isinstance(row, row_type) for row in self.rows.values()):
            return self
        rows = {
            key: to_row(row_type, row, where=f"{where}, row {key!r}")
            for key, row in self.rows.items()
        }
        return attrs.evolve(self, rows=rows)

    def __repr__(self) -> str:
        end = self.effective_to.isoformat() if self.effective_to else "(open)"
        origin = "" if self.origin == "vn-skt" else f" origin={self.origin!r}"
        patch = " patch" if self.patch else ""
        return (
            f"<Version {self.table} {self.effective_from.isoformat()}..{end} "
            f"{self.status.value}{patch} source={self.source!r}{origin}>"
        )


@attrs.frozen(repr=False)
class Table(Generic[R]):
    """Bảng quy định — a named series of versions that neither overlap nor leave gaps.

    Built with :meth:`Table.build`, which runs every load-time check: every row of the
    table's ``row_type``, versions sorted, no overlap, no gap, only the last version
    open-ended.
    """

    name: str
    description: str
    row_type: type[R]
    versions: tuple[Version[R], ...]

    @classmethod
    def build(
        cls,
        name: str,
        *,
        description: str,
        row_type: type[R],
        versions: Iterable[Version[Any]],
        contiguous: bool = True,
    ) -> Table[R]:
        """Lập bảng — check and assemble a table.

        ``contiguous=False`` allows gaps between versions (used for a user's overlay,
        which only covers the dates it names); overlaps are never allowed.
        """
        if not is_row_type(row_type):
            raise InvalidValue(f"table {name!r}: row type {row_type!r} is not an attrs class")
        ordered = sorted(versions, key=lambda v: v.effective_from)
        if not ordered:
            raise InvalidValue(f"table {name!r} has no versions")
        for version in ordered:
            if version.table != name:
                raise InvalidValue(f"table {name!r}: got a version of table {version.table!r}")
        typed = tuple(v.typed(row_type) for v in ordered)
        for before, after in itertools.pairwise(typed):
            check_sequence(name, before, after, contiguous=contiguous)
        return cls(name, description, row_type, typed)

    def version_on(self, on: date) -> Version[R] | None:
        """Phiên bản có hiệu lực — the version in force on ``on``, or None."""
        for version in reversed(self.versions):
            if version.effective_from <= on:
                return version if version.covers(on) else None
        return None

    @property
    def latest(self) -> Version[R]:
        """Phiên bản mới nhất — the version with the latest ``effective_from`` (for tooling:
        a calculation asks :meth:`version_on` its own date)."""
        return self.versions[-1]

    @property
    def status(self) -> Status:
        """Mức kiểm chứng — the weakest status of its versions."""
        return Status.weakest(v.status for v in self.versions)

    def __repr__(self) -> str:
        first, last = self.versions[0], self.versions[-1]
        end = last.effective_to.isoformat() if last.effective_to else "(open)"
        return (
            f"<Table {self.name} {len(self.versions)} versions "
            f"{first.effective_from.isoformat()}..{end}, latest source={last.source!r}>"
        )


def check_sequence(
    table: str, before: Version[Any], after: Version[Any], *, contiguous: bool
) -> None:
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
