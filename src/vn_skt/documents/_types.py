"""Loại văn bản — document types: the full name a symbol's type abbreviation stands for.

The abbreviation (``QĐ``, ``NQ``, ``TTLT``, ``CT`` ...) is read in the ``document_types``
regulation table as it stood on the reference's own date (``issued_on``), else during
the year in its symbol, else in any version (a code known in any version is accepted;
one no version knows is a Công văn, or a Party "Văn bản"). Since 01/04/2025 the table
cites Law 64/2025/QH15 and Decree 78/2025/NĐ-CP, under which a Government resolution may
be a legal normative document (``14/2026/NQ-CP``).

>>> document_kind("QĐ-UBND"), canonical_kind("quyết  định")
('Quyết định', 'Quyết định')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.l10n import MAX_YEAR, MIN_YEAR, fold_text
from vn_skt.regulations import Version, default_registry, lookup, require_date
from vn_skt.regulations.rows import DocumentType

__all__ = ["LOOKALIKES", "canonical_kind", "document_kind", "kind_names"]

LOOKALIKES = str.maketrans({"\u00d0": "\u0110"})  # Ð → Đ
"""Look-alike letters real text carries in symbols, mended before reading them."""

_TABLE = "document_types"


class _TypeIndex:
    """Các loại văn bản — the ``document_types`` versions as the parser reads them.

    ``union`` holds every abbreviation known in any version (the row of the version in
    force last wins); :meth:`row` prefers the version in force on a reference's date,
    then the versions in force during its year, then the union.
    """

    __slots__ = ("by_fold", "by_year", "kinds", "union", "versions")

    def __init__(self, versions: tuple[Version[Any], ...]) -> None:
        self.versions = versions
        self.by_year: dict[int, Mapping[str, DocumentType]] = {}
        self.union = self._rows_between(date.min, date.max)
        names = {row.name for row in self.union.values()} | {"Công văn", "Luật", "Văn bản"}
        self.kinds = sorted(names, key=len, reverse=True)
        self.by_fold: dict[str, str] = {}  # folded spelling -> the first kind that has it
        for kind in self.kinds:
            self.by_fold.setdefault(fold_text(kind), kind)

    def _rows_between(self, first: date, last: date) -> dict[str, DocumentType]:
        """The rows of every version in force on some day of [first, last], merged in
        time order (a user's version or patch as the registry applies it)."""
        starts = {first}
        for version in self.versions:
            starts.add(version.effective_from)
            if version.effective_to is not None and version.effective_to < date.max:
                starts.add(version.effective_to + timedelta(days=1))
        rows: dict[str, DocumentType] = {}
        for day in sorted(d for d in starts if first <= d <= last):
            try:
                rows.update(lookup(_TABLE, on=day).rows)
            except RegulationNotFound:
                continue  # a gap (before the first version): nothing in force that day
        return rows

    def rows_on(self, on: date | None, year: int | None) -> Mapping[str, DocumentType]:
        if on is not None:
            try:
                found: Mapping[str, DocumentType] = lookup(_TABLE, on=on).rows
            except RegulationNotFound:
                pass  # a date before the first version: its year, else every version
            else:
                return found
        if year is not None:
            rows = self.by_year.get(year)
            if rows is None:
                rows = self._rows_between(date(year, 1, 1), date(year, 12, 31))
                self.by_year[year] = rows
            if rows:
                return rows
        return self.union

    def row(self, head: str, on: date | None, year: int | None) -> DocumentType | None:
        found = self.rows_on(on, year).get(head)
        return found if found is not None else self.union.get(head)


_INDEX: list[_TypeIndex] = []


def _index() -> _TypeIndex:
    """The index of the registry's current ``document_types`` versions (rebuilt when a
    user registers or drops a version)."""
    versions = tuple(default_registry.versions(_TABLE))
    if _INDEX:
        cached = _INDEX[0]
        if len(cached.versions) == len(versions) and all(
            a is b for a, b in zip(cached.versions, versions, strict=True)
        ):
            return cached
    index = _TypeIndex(versions)
    _INDEX[:] = [index]
    return index


def kind_names() -> list[str]:
    """Tên các loại văn bản — every full type name the parser recognises, longest first."""
    return _index().kinds


def document_kind(code: str, *, on: date | None = None, year: int | None = None) -> str:
    """Loại văn bản — the full type name a code implies (``"QĐ-UBND"`` → ``"Quyết định"``).

    The abbreviation is read in the ``document_types`` version in force on ``on`` (a
    reference's date), else in the versions of ``year`` (the year in its symbol), else
    in every version: a code known in any version is accepted. ``QH..`` codes give
    "Luật" (a National Assembly resolution shares them: pass the kind when the text
    names it); a code with no known type abbreviation is a "Công văn"; a Party code
    with an unknown type is a "Văn bản".

    >>> document_kind("NQ-HĐND"), document_kind("CT/TU"), document_kind("BKHCN-CĐSQG")
    ('Nghị quyết', 'Chỉ thị', 'Công văn')
    >>> document_kind("TTLT-BTC-BKHCN", year=2015), document_kind("NQ-CP", on=date(2026, 3, 2))
    ('Thông tư liên tịch', 'Nghị quyết')
    """
    if on is not None:
        on = require_date(on, what="document_kind: on")
    if year is not None and (type(year) is not int or not MIN_YEAR <= year <= MAX_YEAR):
        raise InvalidValue(f"document_kind: year={year!r}; expected None or {MIN_YEAR}..{MAX_YEAR}")
    index = _index()
    code = code.replace("\u00d0", "\u0110")
    if "/" in code:
        row = index.row(code.split("/", 1)[0], on, year)
        return row.name if row is not None else "Văn bản"
    head = code.split("-", 1)[0]
    if re.fullmatch(r"QH[0-9]{1,2}", code):
        row = index.row("QH", on, year)
        return row.name if row is not None else "Luật"
    row = index.row(head, on, year) if "-" in code else None
    return row.name if row is not None else "Công văn"


def canonical_kind(name: object) -> str:
    """Tên loại chuẩn — ``name`` spelt as the table spells it (any case, Unicode form or
    spacing), else ``name`` unchanged."""
    return _index().by_fold.get(fold_text(str(name)), str(name))
