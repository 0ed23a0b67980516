"""Số, ký hiệu văn bản — document references in the forms of Decree 30/2020/NĐ-CP.

- administrative: ``105/QĐ-UBND`` (number / type-issuer);
- legal normative: ``06/2022/NQ-HĐND``, ``30/2020/NĐ-CP``, ``55/2015/TTLT-BTC-BKHCN``;
  laws and National Assembly resolutions ``50/2005/QH11``;
- Công văn, with no type code: ``4577/BKHCN-CĐSQG``;
- Party documents, with a hyphen: ``24-CT/TU``, ``52-NQ/TW``.

When the text names no kind, it comes from the code's type abbreviation, read in the
``document_types`` regulation table as it stood on the reference's own date
(``issued_on``), else during the year in its symbol, else in any version (a code known
in any version is accepted; one no version knows is a Công văn, or a Party "Văn bản").
Since 01/04/2025 the table cites Law 64/2025/QH15 and Decree 78/2025/NĐ-CP, under which
a Government resolution may be a legal normative document (``14/2026/NQ-CP``).

>>> ref = DocumentRef.parse("Quyết định số 88/QĐ-UBND ngày 09/01/2025")
>>> ref.kind, ref.number, ref.year, ref.code, ref.issued_on
('Quyết định', 88, None, 'QĐ-UBND', datetime.date(2025, 1, 9))
>>> str(DocumentRef.parse("Chỉ thị số 5-CT/TU")), DocumentRef.parse("30/2020/NĐ-CP").kind
('Chỉ thị số 05-CT/TU', 'Nghị định')
>>> [r.symbol for r in find_document_refs(
...     "Căn cứ Nghị quyết số 12/2024/NQ-HĐND; đạt 163/440 hồ sơ (37%) đến 15/01/2024.")]
['12/2024/NQ-HĐND']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from typing import Any

import attrs

from vn_skt._pydantic import pydantic_value
from vn_skt.errors import InvalidValue, ParseError, ParseReason, RegulationNotFound
from vn_skt.regulations import Version, default_registry, lookup, require_date
from vn_skt.regulations.rows import DocumentType

from .dates import MAX_YEAR, MIN_YEAR, format_date, parse_date
from .text import fold_text

__all__ = ["DocumentRef", "document_kind", "find_document_refs"]

_LOOKALIKES = str.maketrans({"\u00d0": "\u0110"})  # Ð → Đ

_LETTER = "A-Za-zĐđ"
_CODE = rf"(?:[A-ZĐ][{_LETTER}]*(?:\s?-\s?[A-ZĐ][{_LETTER}0-9]*)+|QH[0-9]{{1,2}})"
_STATE = re.compile(
    rf"(?<![0-9/.,\-])(?P<number>[0-9]{{1,5}})\s*/+\s*(?:(?P<year>[0-9]{{4}})\s*/+\s*)?"
    rf"(?P<code>{_CODE})(?![{_LETTER}0-9])"
)
_PARTY = re.compile(
    rf"(?<![0-9/.,\-])(?P<number>[0-9]{{1,5}})\s?-\s?"
    rf"(?P<code>[A-ZĐ][{_LETTER}]*\s?/\s?[A-ZĐ][{_LETTER}0-9]*)(?![{_LETTER}0-9])"
)
_DATE_AFTER = re.compile(
    r"\s*,?\s*(?:(?i:ban hành)\s+)?(?i:ngày)\s*"
    r"(?P<date>[0-9]{1,2}\s*/+\s*[0-9]{1,2}\s*/+\s*[0-9]{4}"
    r"|[0-9]{1,2}\s+(?i:tháng)\s+[0-9]{1,2}\s+(?i:năm)\s+[0-9]{4})"
)
_SPACES = re.compile(r"\s+")
_TABLE = "document_types"


class _TypeIndex:
    """Các loại văn bản — the ``document_types`` versions as the parser reads them.

    ``union`` holds every abbreviation known in any version (the row of the version in
    force last wins); :meth:`row` prefers the version in force on a reference's date,
    then the versions in force during its year, then the union.
    """

    __slots__ = ("by_year", "kinds", "union", "versions")

    def __init__(self, versions: tuple[Version[Any], ...]) -> None:
        self.versions = versions
        self.by_year: dict[int, Mapping[str, DocumentType]] = {}
        self.union = self._rows_between(date.min, date.max)
        names = {row.name for row in self.union.values()} | {"Công văn", "Luật", "Văn bản"}
        self.kinds = sorted(names, key=len, reverse=True)

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


def _kind_names() -> list[str]:
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
    code = code.translate(_LOOKALIKES)
    if "/" in code:
        row = index.row(code.split("/", 1)[0], on, year)
        return row.name if row is not None else "Văn bản"
    head = code.split("-", 1)[0]
    if re.fullmatch(r"QH[0-9]{1,2}", code):
        row = index.row("QH", on, year)
        return row.name if row is not None else "Luật"
    row = index.row(head, on, year) if "-" in code else None
    return row.name if row is not None else "Công văn"


def _canonical_kind(name: object) -> str:
    folded = fold_text(str(name))
    for kind in _kind_names():
        if fold_text(kind) == folded:
            return kind
    return str(name)


def _clean_code(code: object) -> str:
    return _SPACES.sub("", str(code).translate(_LOOKALIKES))


@pydantic_value(
    description="Số, ký hiệu văn bản — a document reference as Decree 30/2020/NĐ-CP writes "
    "it, e.g. 'Quyết định số 88/QĐ-UBND ngày 09/01/2025'",
    examples=["Quyết định số 88/QĐ-UBND ngày 09/01/2025", "Chỉ thị số 24-CT/TU"],
)
@attrs.frozen(repr=False)
class DocumentRef:
    """Số, ký hiệu văn bản — a reference to a document.

    ``kind`` is the full Vietnamese type name ("Quyết định"), ``number`` the number,
    ``year`` the year in the symbol of a legal normative document (None otherwise),
    ``code`` the part after the number and year ("QĐ-UBND"; "CT/TU" for a Party
    document), ``issued_on`` the date when known.
    """

    kind: str = attrs.field(converter=_canonical_kind)
    number: int
    year: int | None = None
    code: str = attrs.field(default="", converter=_clean_code)
    issued_on: date | None = None

    def __attrs_post_init__(self) -> None:
        if type(self.number) is not int or self.number < 1:
            raise InvalidValue(f"DocumentRef: number {self.number!r}; expected an int >= 1")
        year = self.year
        if year is not None and (type(year) is not int or not MIN_YEAR <= year <= MAX_YEAR):
            raise InvalidValue(
                f"DocumentRef: year {year!r}; expected None or {MIN_YEAR}..{MAX_YEAR}"
            )
        if not self.code:
            raise InvalidValue("DocumentRef: code is empty; expected e.g. 'QĐ-UBND' or 'CT/TU'")
        if self.year is not None and "/" in self.code:
            raise InvalidValue(f"DocumentRef: a Party code ({self.code}) has no year in its symbol")
        if self.issued_on is not None and not isinstance(self.issued_on, date):
            raise InvalidValue(f"DocumentRef: issued_on {self.issued_on!r}; expected a date")

    @classmethod
    def parse(cls, text: str) -> DocumentRef:
        """Đọc số, ký hiệu — exactly one reference: with or without its kind and "số",
        with or without "ngày ..." (either date style)."""
        if not isinstance(text, str):
            raise InvalidValue(f"DocumentRef.parse: got {text!r}; expected str")
        body = unicodedata.normalize("NFC", text).translate(_LOOKALIKES).strip()
        if not body:
            raise ParseError(text, reason=ParseReason.EMPTY, expected="a document reference")
        found = list(_scan(body))
        if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(body):
            return found[0][2]
        raise ParseError(
            text,
            reason=ParseReason.INVALID_REFERENCE,
            position=None if not found else found[0][0],
            expected="one reference such as 'Quyết định số 88/QĐ-UBND ngày 09/01/2025', "
            "'30/2020/NĐ-CP' or 'Chỉ thị số 24-CT/TU'",
        )

    @property
    def symbol(self) -> str:
        """Số, ký hiệu — ``06/2022/NQ-HĐND``, ``105/QĐ-UBND``, ``24-CT/TU``."""
        if "/" in self.code:
            return f"{self.number:02d}-{self.code}"
        if self.year is not None:
            return f"{self.number:02d}/{self.year}/{self.code}"
        return f"{self.number:02d}/{self.code}"

    def __str__(self) -> str:
        text = f"{self.kind} số {self.symbol}"
        if self.issued_on is not None:
            text += f" ngày {format_date(self.issued_on, 'inline')}"
        return text

    def __repr__(self) -> str:
        return f"DocumentRef.parse({str(self)!r})"


def _scan(text: str) -> Iterator[tuple[int, int, DocumentRef]]:
    """Every reference in ``text`` (NFC, look-alikes mended) as (start, end, ref)."""
    kinds = "|".join(re.escape(k) for k in _kind_names())
    before = re.compile(rf"(?:(?<![{_LETTER}])(?P<kind>(?i:{kinds}))\s*)?(?:(?i:số)\s*)?\Z")
    hits = sorted(
        [(m, False) for m in _STATE.finditer(text)] + [(m, True) for m in _PARTY.finditer(text)],
        key=lambda item: item[0].start(),
    )
    last_end = 0
    for match, party in hits:
        if match.start() < last_end:
            continue
        code = _SPACES.sub("", match["code"])
        end = match.end()
        if code.endswith(("ngày", "Ngày")):  # "QĐ-UBNDngày": a missing space
            code = code[:-4]
            end -= 4
        year = None if party or match["year"] is None else int(match["year"])
        if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
            continue
        window_start = max(last_end, match.start() - 40)
        head = before.search(text, window_start, match.start())
        start = match.start()
        kind = None
        if head is not None and head.group(0):
            start = head.start() if head["kind"] is None else head.start("kind")
            kind = head["kind"]
        issued_on = None
        tail = _DATE_AFTER.match(text, end)
        if tail is not None:
            try:
                issued_on = parse_date(tail["date"])
                end = tail.end()
            except ParseError:
                issued_on = None
        number = int(match["number"])
        if number < 1:
            continue
        kind = kind or document_kind(code, on=issued_on, year=year)
        ref = DocumentRef(kind, number, year, code, issued_on)
        last_end = end
        yield start, end, ref


def find_document_refs(text: str) -> list[DocumentRef]:
    """Tìm số, ký hiệu văn bản — every document reference in ``text``, in reading order.

    Finds references with or without their kind and "số", with the date written
    either way or absent, and tolerates the slips real text has (a doubled slash, a
    missing space, NFD Unicode, the look-alike ``Ð``). Never takes a bare fraction
    ("163/440") or a date ("15/01/2024") for a reference. Linear in the text's length.
    """
    if not isinstance(text, str):
        raise InvalidValue(f"find_document_refs: got {text!r}; expected str")
    body = unicodedata.normalize("NFC", text).translate(_LOOKALIKES)
    return [ref for _, _, ref in _scan(body)]
