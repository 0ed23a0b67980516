"""Số đơn — application numbers ``T-YYYY-NNNNN``: type digit, filing year, serial.

>>> n = ApplicationNumber.parse("4-2025-20619")
>>> n.type_digit, n.year, n.serial, str(n), n.title_type
(4, 2025, 20619, '4-2025-20619', <TitleType.TRADEMARK: 'TRADEMARK'>)
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import attrs

from vn_skt._pydantic import pydantic_value
from vn_skt.errors import InvalidValue, ParseError, ParseReason, RegulationNotFound
from vn_skt.regulations import lookup

from .enums import TitleType

__all__ = ["ApplicationNumber"]

_FORM = re.compile(r"([1-9])\s*[-‐‑–]\s*([0-9]{4})\s*[-‐‑–]\s*([0-9]{1,5})")


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
        """Đọc số đơn — ``"4-2025-20619"`` (en dashes and stray spaces tolerated)."""
        if not isinstance(text, str):
            raise InvalidValue(f"ApplicationNumber.parse: got {text!r}; expected str")
        body = unicodedata.normalize("NFC", text).strip()
        if not body:
            raise ParseError(text, reason=ParseReason.EMPTY, expected="T-YYYY-NNNNN")
        match = _FORM.fullmatch(body)
        if match is None:
            raise ParseError(
                text,
                reason=ParseReason.INVALID_REFERENCE,
                position=None,
                expected="an application number T-YYYY-NNNNN, e.g. 4-2025-20619",
            )
        digit, year, serial = (int(g) for g in match.groups())
        if not 1900 <= year <= 2100:
            raise ParseError(
                text,
                reason=ParseReason.OUT_OF_RANGE,
                position=None,
                expected="a filing year from 1900 to 2100",
            )
        if serial == 0:
            raise ParseError(
                text, reason=ParseReason.OUT_OF_RANGE, position=None, expected="a serial from 00001"
            )
        return cls(digit, year, serial)

    def __str__(self) -> str:
        return f"{self.type_digit}-{self.year}-{self.serial:05d}"

    @property
    def title_type(self) -> TitleType:
        """Loại đơn — the title type the digit stands for, from the
        ``ip_application_types`` table (only 4 = trademark is verified)."""
        version = lookup("ip_application_types", on=date(self.year, 12, 31))
        try:
            name = version.row(str(self.type_digit)).title_type
        except RegulationNotFound:
            raise RegulationNotFound(
                f"application number {self}: type digit {self.type_digit} is not in the "
                f"'ip_application_types' table ({version.source})"
            ) from None
        try:
            return TitleType[name]
        except KeyError:
            raise RegulationNotFound(
                f"'ip_application_types' ({version.source}) maps digit {self.type_digit} to "
                f"{name!r}, which is not a TitleType ({', '.join(TitleType.__members__)})"
            ) from None
