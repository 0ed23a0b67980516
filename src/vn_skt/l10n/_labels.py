"""Nhãn tiếng Việt — enums whose members carry a Vietnamese label.

A member's value is its name (a stable code: what JSON carries), its ``label`` the
Vietnamese text; ``str(member)`` is the label; the enum validates from the name or the
label in any case, spacing, Unicode form or tone placement (through :func:`fold_text`).

>>> from enum import auto
>>> class Colour(LabeledEnum):
...     RED = auto(), "Màu đỏ"
...     GREEN = auto(), "Màu xanh lá"
>>> Colour.RED.value, Colour.RED.label, str(Colour.GREEN)
('RED', 'Màu đỏ', 'Màu xanh lá')
>>> Colour("màu  ĐỎ"), Colour("GREEN"), Colour.parse("green")
(<Colour.RED: 'RED'>, <Colour.GREEN: 'GREEN'>, <Colour.GREEN: 'GREEN'>)
"""

from __future__ import annotations

import difflib
from enum import Enum
from typing import TYPE_CHECKING, Any, Self

from vn_skt.errors import ParseError, ParseReason

from ._text import fold_text

__all__ = ["LabeledEnum"]

_LOOKUPS: dict[type, dict[str, Any]] = {}
"""Each labelled enum's members by label and name, as written and folded (built on the
first look-up of a label)."""


class LabeledEnum(Enum):
    """Liệt kê có nhãn — base class: members are declared ``NAME = auto(), "Nhãn"``."""

    label: str

    @staticmethod
    def _generate_next_value_(name: str, start: int, count: int, last_values: list[Any]) -> str:
        return name

    if TYPE_CHECKING:  # to type checkers a member is looked up by one value, as any enum

        def __new__(cls, value: object) -> Self: ...

    else:

        def __new__(cls, value: str, label: str) -> Self:
            member = object.__new__(cls)
            member._value_ = value
            member.label = label
            return member

    def __str__(self) -> str:
        return self.label

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        if not isinstance(value, str):
            return None
        table: dict[str, Any] | None = _LOOKUPS.get(cls)
        if table is None:  # folded once per class, not once per look-up
            table = {}
            for member in cls:
                for text in (member.label, member.name):
                    table.setdefault(text, member)
                    table.setdefault(fold_text(text), member)
            _LOOKUPS[cls] = table
        found = table.get(value)
        if found is None:
            found = table.get(fold_text(value))
        return found

    @classmethod
    def labels(cls) -> list[str]:
        """Các nhãn — every member's label, in declaration order."""
        return [member.label for member in cls]

    @classmethod
    def parse(cls, text: str) -> Self:
        """Đọc nhãn — the member named by ``text`` (label or name, any case), else a
        ParseError that lists the labels and suggests the closest."""
        member = cls._missing_(text)
        if member is not None:
            return member
        choices = cls.labels()
        close = difflib.get_close_matches(str(text), choices, n=1, cutoff=0.5)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ParseError(
            str(text),
            reason=ParseReason.UNKNOWN_LABEL,
            position=None,
            expected=f"one of {', '.join(repr(c) for c in choices)}{hint}",
        )
