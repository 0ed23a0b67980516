"""Số, ký hiệu văn bản — document references in the forms of Decree 30/2020/NĐ-CP.

- administrative: ``105/QĐ-UBND`` (number / type-issuer);
- legal normative: ``06/2022/NQ-HĐND``, ``30/2020/NĐ-CP``, ``55/2015/TTLT-BTC-BKHCN``;
  laws and National Assembly resolutions ``50/2005/QH11``;
- Công văn, with no type code: ``4577/BKHCN-CĐSQG``;
- Party documents, with a hyphen: ``24-CT/TU``, ``52-NQ/TW``.

When the text names no kind, it comes from the code's type abbreviation, read in the
``document_types`` regulation table as it stood on the reference's own date (see
:func:`~vn_skt.documents.document_kind`).

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

import functools
import re
import unicodedata
from collections.abc import Iterator
from datetime import date

import attrs

from vn_skt._pydantic import pydantic_value
from vn_skt.errors import InvalidValue, ParseError, ParseReason
from vn_skt.l10n import MAX_YEAR, MIN_YEAR, format_date, parse_date

from ._types import canonical_kind, document_kind, kind_names

__all__ = ["DocumentRef", "find_document_refs"]

_LETTER = "A-Za-zĐđ"
# One segment of a code: capitals first ("QĐ", "UBND", "TTg", "BKHCN"); it ends where no
# letter or digit follows, or right before a glued "ngày" ("QĐ-UBNDngày 05/01/2024"). The
# lazy quantifier with a one-character look-ahead keeps every match linear.
_END = r"(?=[Nn]gày|[^\w]|_|\Z)"
_SEG = rf"[A-ZĐ][{_LETTER}0-9]*?{_END}"
_CODE = (
    rf"(?:[A-ZĐ][{_LETTER}]*?(?:\s?-\s?|/)(?:[A-ZĐ][{_LETTER}0-9]*?(?:\s?-\s?|/))*{_SEG}"
    rf"|QH[0-9]{{1,2}}{_END})"
)
# Party documents "24-CT/TU", and the older state symbols "216-CP", "388-HĐBT" (before
# 2000 the number was joined to the code with a hyphen), else a state symbol
# "105/QĐ-UBND", "30/2020/NĐ-CP", "129/2007/TTLT/BTC-BKHCN": one pass, no second scan.
# The pattern opens with its first digit (the checks on the character before it are
# look-behinds after it), so the regex engine skips ahead to digits at C speed instead
# of trying every position; "lead" + "prest"/"rest" is the number.
_ANY = re.compile(
    rf"(?P<lead>[0-9])(?<![0-9/.,\-][0-9])"
    rf"(?:(?<![{_LETTER}][0-9])(?P<prest>[0-9]{{0,4}}) ?- ?"
    rf"(?P<pcode>[A-ZĐ][{_LETTER}]*? ?/ ?{_SEG}|[A-ZĐ]{{2}}[{_LETTER}]*?(?=[^\w/]|_|\Z))"
    rf"|(?P<rest>[0-9]{{0,4}})[ \t]*/[/ \t]*(?:(?P<year>[0-9]{{4}})[ \t]*/[/ \t]*)?"
    rf"(?P<code>{_CODE}))"
)
_DATE_AFTER = re.compile(
    r"[ \t]*(?:,[ \t]*)?(?:(?i:ban hành)[ \t]+)?(?i:ngày)[ \t]*"
    r"(?P<date>[0-9]{1,2}[ \t]*/+[ \t]*[0-9]{1,2}[ \t]*/+[ \t]*[0-9]{4}"
    r"|[0-9]{1,2}[ \t]+(?i:tháng)[ \t]+[0-9]{1,2}[ \t]+(?i:năm)[ \t]+[0-9]{4})"
)
_CODE_ONLY = re.compile(_CODE)
_DASH_CODE_ONLY = re.compile(rf"[A-ZĐ][{_LETTER}]*?/{_SEG}|[A-ZĐ]{{2}}[{_LETTER}]*")
_MAX_NUMBER = 99_999
# "theo mẫu số 04-NH": a form's number, not a pre-2000 symbol (a dash code with no "/").
_FORM_BEFORE = re.compile(r"(?<![\w])(?i:mẫu)\s*(?:(?i:số)\s*)?\Z")


@functools.lru_cache(maxsize=256)
def _is_kind_name(kind: str) -> bool:
    """A type name is letters, spaces and parentheses (remembered: a scan meets the same
    few names again and again)."""
    return bool(kind) and all(ch.isalpha() or ch in " ()" for ch in kind)


def _clean_code(code: object) -> str:
    return "".join(str(code).replace("\u00d0", "\u0110").split())  # drops every \s


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
    document; "TTLT/BTC-BKHCN" for a joint circular written with a slash),
    ``issued_on`` the date when known. ``dash`` says the number is joined to the code
    with a hyphen: a Party document ("24-CT/TU") or a symbol from before 2000
    ("216-CP"); by default, a code with a "/" and no year is a Party code.

    Anything the constructor accepts, :meth:`parse` reads back from ``str(ref)``: the
    kind must be a type name (one the ``document_types`` table knows, for the parser
    to find it), the code one the parser reads, the number
    1..99999, a date a real day between the years vn_skt reads.
    """

    kind: str = attrs.field(converter=canonical_kind)
    number: int
    year: int | None = None
    code: str = attrs.field(default="", converter=_clean_code)
    issued_on: date | None = None
    dash: bool = attrs.field(
        default=attrs.Factory(lambda self: self.year is None and "/" in self.code, takes_self=True),
        kw_only=True,
    )

    def __attrs_post_init__(self) -> None:
        if type(self.number) is not int or not 1 <= self.number <= _MAX_NUMBER:
            raise InvalidValue(
                f"DocumentRef: number {self.number!r}; expected an int 1..{_MAX_NUMBER}"
            )
        year = self.year
        if year is not None and (type(year) is not int or not MIN_YEAR <= year <= MAX_YEAR):
            raise InvalidValue(
                f"DocumentRef: year {year!r}; expected None or {MIN_YEAR}..{MAX_YEAR}"
            )
        if not self.code:
            raise InvalidValue("DocumentRef: code is empty; expected e.g. 'QĐ-UBND' or 'CT/TU'")
        if type(self.dash) is not bool:
            raise InvalidValue(f"DocumentRef: dash {self.dash!r}; expected True or False")
        if self.year is not None and self.dash:
            raise InvalidValue(
                f"DocumentRef: a hyphenated symbol ({self.number}-{self.code}) has no year"
            )
        shape = _DASH_CODE_ONLY if self.dash else _CODE_ONLY
        if shape.fullmatch(self.code) is None or self.code.endswith(("ngày", "Ngày")):
            expected = "'CT/TU' or 'CP'" if self.dash else "'QĐ-UBND', 'NĐ-CP' or 'QH15'"
            raise InvalidValue(
                f"DocumentRef: code {self.code!r}; expected a code such as {expected}"
            )
        if not _is_kind_name(self.kind):
            raise InvalidValue(
                f"DocumentRef: kind {self.kind!r}; expected a type name such as 'Quyết định'"
            )
        issued = self.issued_on
        if issued is not None and (
            type(issued) is not date or not MIN_YEAR <= issued.year <= MAX_YEAR
        ):
            raise InvalidValue(
                f"DocumentRef: issued_on {issued!r}; expected a date (not a datetime) "
                f"in {MIN_YEAR}..{MAX_YEAR}"
            )

    @classmethod
    def parse(cls, text: str) -> DocumentRef:
        """Đọc số, ký hiệu — exactly one reference: with or without its kind and "số",
        with or without "ngày ..." (either date style)."""
        if not isinstance(text, str):
            raise InvalidValue(f"DocumentRef.parse: got {text!r}; expected str")
        body = unicodedata.normalize("NFC", text).replace("\u00d0", "\u0110").strip()
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
        if self.dash:
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
    kinds = "|".join(re.escape(k) for k in kind_names())
    before = re.compile(rf"(?:(?<![{_LETTER}])(?P<kind>(?i:{kinds}))\s*)?(?:(?i:số)\s*)?\Z")
    # The same phrase read backwards from the number: one anchored match instead of a
    # search that tries every start in the window (longest kind first, as above).
    backwards = "|".join(re.escape(k[::-1]) for k in sorted(kind_names(), key=len, reverse=True))
    before_reversed = re.compile(
        rf"(?:\s*(?i:ốs))?(?:\s*(?P<kind>(?i:{backwards}))(?![{_LETTER}]))?"
    )
    last_end = 0
    for match in _ANY.finditer(text):
        party = match["pcode"] is not None
        code = "".join((match["pcode"] if party else match["code"]).split())
        end = match.end()
        if (
            party
            and "/" not in code
            and _FORM_BEFORE.search(text, max(0, match.start() - 12), match.start())
        ):
            continue
        year = None if party or match["year"] is None else int(match["year"])
        if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
            continue
        window_start = max(last_end, match.start() - 40)
        start = match.start()
        kind = None
        back = before_reversed.match(text[window_start:start][::-1])
        if back is not None and back["kind"] is not None and back.end() == start - window_start:
            # the kind reaches the window's start: its look-behind needs the text before
            head = before.search(text, window_start, start)
            if head is not None and head.group(0):
                kind = head["kind"]
                start = head.start() if kind is None else head.start("kind")
        elif back is not None and back.end():
            kind = None if back["kind"] is None else back["kind"][::-1]
            start -= back.end()
        issued_on = None
        tail = _DATE_AFTER.match(text, end)
        if tail is not None:
            issued_on = _date_of(tail["date"])
            if issued_on is not None:
                end = tail.end()
        number = int(match["lead"] + (match["prest"] if party else match["rest"]))
        if number < 1:
            continue
        kind = kind or document_kind(code, on=issued_on, year=year)
        ref = DocumentRef(kind, number, year, code, issued_on, dash=party)
        last_end = end
        yield start, end, ref


_PLAIN_DATE = re.compile(
    r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})|([0-9]{1,2}) (?i:tháng) ([0-9]{1,2}) (?i:năm) ([0-9]{4})"
)


def _date_of(written: str) -> date | None:
    """The date ``parse_date`` reads in ``written``, None where it refuses it; the plain
    "d/m/yyyy" and "d tháng m năm yyyy" of nearly every reference are read here
    directly (the same checks)."""
    plain = _PLAIN_DATE.fullmatch(written)
    if plain is None:
        try:
            return parse_date(written)
        except ParseError:
            return None
    groups = plain.groups()
    day, month, year = map(int, groups[:3] if groups[0] is not None else groups[3:])
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return None
    try:
        return date(year, month, day)
    except ValueError:  # no such day in that month
        return None


def find_document_refs(text: str) -> list[DocumentRef]:
    """Tìm số, ký hiệu văn bản — every document reference in ``text``, in reading order.

    Finds references with or without their kind and "số", with the date written
    either way or absent, and tolerates the slips real text has (a doubled slash, a
    missing space, NFD Unicode, the look-alike ``Ð``). Never takes a bare fraction
    ("163/440") or a date ("15/01/2024") for a reference. Linear in the text's length.
    """
    if not isinstance(text, str):
        raise InvalidValue(f"find_document_refs: got {text!r}; expected str")
    body = unicodedata.normalize("NFC", text).replace("\u00d0", "\u0110")
    return [ref for _, _, ref in _scan(body)]
