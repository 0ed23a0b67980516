"""Số đơn — application numbers ``T-YYYY-NNNNN``: type digit, filing year, serial.

>>> n = ApplicationNumber.parse("4-2025-20619")
>>> n.type_digit, n.year, n.serial, str(n), n.title_type
(4, 2025, 20619, '4-2025-20619', <TitleType.TRADEMARK: 'TRADEMARK'>)
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs

from vn_skt._pydantic import pydantic_value
from vn_skt.errors import InvalidValue, ParseReason, RegulationNotFound
from vn_skt.l10n import NormalText, normal_text
from vn_skt.regulations import Version, default_registry, lookup, require_date

from ._enums import TitleType

__all__ = ["ApplicationNumber"]

_TABLE = "ip_application_types"

_DASHES = "-\u2010\u2011\u2013"  # hyphen-minus, hyphen, non-breaking hyphen, en dash
_PARTS = ((1, "a type digit"), (4, "a four-digit filing year"), (5, "a five-digit serial"))
_RANGES = ((1, 9), (1900, 2100), (1, 99_999))
_SPANS = ("from 1 to 9", "from 1900 to 2100", "from 00001")


def _separator(src: NormalText, at: int, end: int, what: str) -> int:
    """Past the ``-`` (and the spaces around it) before ``what``; an error if absent."""
    body = src.text
    while at < end and body[at].isspace():
        at += 1
    if at == end or body[at] not in _DASHES:
        reason = ParseReason.INCOMPLETE if at == end else ParseReason.INVALID_CHARACTER
        raise src.error(reason=reason, position=at, expected=f"'-' before {what}")
    at += 1
    while at < end and body[at].isspace():
        at += 1
    return at


@pydantic_value(
    description="Số đơn sở hữu công nghiệp — an application number T-YYYY-NNNNN "
    "(type digit, filing year, serial)",
    pattern=r"^[1-9]-[0-9]{4}-[0-9]{5}$",
    examples=["4-2025-20619"],
)
@attrs.frozen(order=True)
class ApplicationNumber:
    """Số đơn — ``type_digit``-``year``-``serial`` as the IP Office writes it."""

    type_digit: int
    year: int
    serial: int

    def __attrs_post_init__(self) -> None:
        if type(self.type_digit) is not int or not 1 <= self.type_digit <= 9:
            raise InvalidValue(f"ApplicationNumber: type digit {self.type_digit!r}; expected 1..9")
        if type(self.year) is not int or not 1900 <= self.year <= 2100:
            raise InvalidValue(f"ApplicationNumber: year {self.year!r}; expected 1900..2100")
        if type(self.serial) is not int or not 1 <= self.serial <= 99_999:
            raise InvalidValue(f"ApplicationNumber: serial {self.serial!r}; expected 1..99999")

    @classmethod
    def parse(cls, text: str) -> ApplicationNumber:
        """Đọc số đơn — ``"4-2025-20619"``: a type digit 1–9, a four-digit year
        1900–2100 and a five-digit serial from 00001, joined by ``-`` (a Unicode hyphen
        or en dash, and spaces around it, are tolerated). An error's ``position`` is
        where the text as given (NFD included) stops being a number.
        """
        if not isinstance(text, str):
            raise InvalidValue(f"ApplicationNumber.parse: got {text!r}; expected str")
        src = normal_text(text)
        body = src.text
        at, end = 0, len(body)
        while at < end and body[at].isspace():
            at += 1
        while end > at and body[end - 1].isspace():
            end -= 1
        if at == end:
            raise src.error(reason=ParseReason.EMPTY, expected="T-YYYY-NNNNN, e.g. 4-2025-20619")
        values: list[int] = []
        for number, (width, what) in enumerate(_PARTS):
            if number:
                at = _separator(src, at, end, what)
            start = at
            while at < end and at - start < width and "0" <= body[at] <= "9":
                at += 1
            if at - start < width:
                reason = ParseReason.INCOMPLETE if at == end else ParseReason.INVALID_CHARACTER
                raise src.error(reason=reason, position=at, expected=what)
            value = int(body[start:at])
            low, high = _RANGES[number]
            if not low <= value <= high:
                raise src.error(
                    reason=ParseReason.OUT_OF_RANGE,
                    position=start,
                    expected=f"{what} {_SPANS[number]}",
                )
            values.append(value)
        if at != end:
            while body[at].isspace():  # the text is trimmed: something else follows
                at += 1
            raise src.error(
                reason=ParseReason.INVALID_CHARACTER,
                position=at,
                expected="the end of the number after its five-digit serial",
            )
        digit, year, serial = values
        return cls(digit, year, serial)

    def __str__(self) -> str:
        return f"{self.type_digit}-{self.year}-{self.serial:05d}"

    @property
    def title_type(self) -> TitleType:
        """Loại đơn — the title type the digit stands for, from the
        ``ip_application_types`` table (only 4 = trademark is verified).

        The number carries its year, not its day: the digit is read in every version in
        force during that year (1 January to 31 December), and they must agree. If the
        map changed during the year and the versions disagree on this digit, that is a
        RegulationNotFound naming them (the filing date would decide: pass it to
        :meth:`title_type_on`).
        """
        first, last = date(self.year, 1, 1), date(self.year, 12, 31)
        versions = _in_force_between(first, last)
        if not versions:
            return self.title_type_on(last)  # raises, saying which dates are covered
        found = [(version, self._type_in(version)) for version in versions]
        if len({kind for _, kind in found}) > 1:
            answers = "; ".join(
                f"{v.effective_from.isoformat()}: {t.name} ({v.source})" for v, t in found
            )
            raise RegulationNotFound(
                f"application number {self}: the 'ip_application_types' versions in force "
                f"in {self.year} disagree on digit {self.type_digit} ({answers}); use "
                f"title_type_on(filing_date)"
            )
        return found[0][1]

    def title_type_on(self, on: date) -> TitleType:
        """Loại đơn theo ngày nộp — the title type of the digit in the
        ``ip_application_types`` version in force on ``on`` (the filing date)."""
        on = require_date(on, what="ApplicationNumber.title_type_on: on")
        if on.year != self.year:
            raise InvalidValue(
                f"application number {self}: on={on.isoformat()} is not in its year {self.year}"
            )
        return self._type_in(lookup(_TABLE, on=on))

    def _type_in(self, version: Version[Any]) -> TitleType:
        try:
            name = version.row(str(self.type_digit)).title_type
        except RegulationNotFound:
            raise RegulationNotFound(
                f"application number {self}: type digit {self.type_digit} is not in the "
                f"'{_TABLE}' table ({version.source})"
            ) from None
        try:
            return TitleType[name]
        except KeyError:
            raise RegulationNotFound(
                f"'{_TABLE}' ({version.source}) maps digit {self.type_digit} to "
                f"{name!r}, which is not a TitleType ({', '.join(TitleType.__members__)})"
            ) from None


def _in_force_between(first: date, last: date) -> list[Version[Any]]:
    """The ``ip_application_types`` versions in force on some day of [first, last], as
    the registry applies them (a user's version or patch included), in time order."""
    starts = {first}
    for version in default_registry.versions(_TABLE):
        starts.add(version.effective_from)
        if version.effective_to is not None and version.effective_to < date.max:
            starts.add(version.effective_to + timedelta(days=1))
    found: list[Version[Any]] = []
    for day in sorted(d for d in starts if first <= d <= last):
        try:
            version = lookup(_TABLE, on=day)
        except RegulationNotFound:
            continue
        if not any(version is seen for seen in found):
            found.append(version)
    return found
