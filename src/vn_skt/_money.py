"""Tiền đồng — the one check that an amount is a whole number of đồng.

VND has no minor unit, so money is ``int`` đồng everywhere in vn_skt (ARCHITECTURE.md):
a float, a bool, NaN, text or a Decimal is refused with a message that says what was
received and what was expected. Two faces, one rule:

- :func:`whole_dong` — the plain function, for code (raises :class:`InvalidValue`);
- :data:`Dong` — ``Annotated[int, ...]`` for pydantic records (Funding, council fees,
  budget lines): the same check, reported by pydantic at the field's location, and
  ``{"type": "integer", "minimum": 0}`` in the JSON Schema.

>>> whole_dong(18_460_000_000)
18460000000
>>> whole_dong(18.46)
Traceback (most recent call last):
...
vn_skt.errors.InvalidValue: 18.46 (float); expected a whole number of đồng (int): ...
>>> whole_dong(-5, what="Funding.other")
Traceback (most recent call last):
...
vn_skt.errors.InvalidValue: Funding.other: -5 (int); expected a whole number of đồng >= 0 (int)
>>> whole_dong(-5, negative=True)
-5

>>> import pydantic
>>> class Line(pydantic.BaseModel):
...     amount: Dong
>>> Line(amount=750_000_000).amount
750000000
>>> Line(amount=True)
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Line
amount
  Value error, True (bool); expected a whole number of đồng (int), not a bool ...
"""

from __future__ import annotations

import math
import operator
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Annotated, Any

from vn_skt.errors import InvalidValue

if TYPE_CHECKING:  # pydantic loads only when a record first builds its schema
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema

__all__ = ["Dong", "WholeDong", "whole_dong"]


def _why(value: object) -> str:
    """The hint after "expected a whole number of đồng (int)" for a refused kind."""
    if isinstance(value, bool):
        return ", not a bool"
    if isinstance(value, float):
        if math.isnan(value):
            return ": NaN is not an amount (an empty spreadsheet cell reads as NaN: leave it out)"
        fix = "read the source text with parse_money"
        if value.is_integer():
            fix = f"use round({value!r}) (or {fix})"
        return f": VND has no minor unit and a float cannot hold an exact amount — {fix}"
    if isinstance(value, str):
        return ": read text with parse_money ('1.250 triệu', '18,46 tỷ đồng')"
    if isinstance(value, Decimal | Fraction):
        return ": convert it with int() once you have checked that it is whole"
    return ""


def whole_dong(value: object, *, what: str | None = None, negative: bool = False) -> int:
    """Số tiền đồng — ``value`` as int đồng, or :class:`InvalidValue` saying why not.

    Accepts an ``int`` (not a bool) or an integer type with ``__index__`` (numpy's
    ints); refuses floats (NaN included), bools, text, Decimal and Fraction, and
    negative amounts unless ``negative=True``. ``what`` names the value in the message
    ("Funding.counterpart").
    """
    where = f"{what}: " if what else ""
    amount: int | None = None
    if type(value) is int:
        amount = value
    elif not isinstance(value, bool | float | str | Decimal | Fraction) and hasattr(
        value, "__index__"
    ):
        amount = operator.index(value)
    if amount is None:
        kind = type(value).__name__
        raise InvalidValue(
            f"{where}{value!r} ({kind}); expected a whole number of đồng (int){_why(value)}"
        )
    if amount < 0 and not negative:
        raise InvalidValue(f"{where}{value!r} (int); expected a whole number of đồng >= 0 (int)")
    return amount


class WholeDong:
    """Kiểm tra tiền đồng — the pydantic marker behind :data:`Dong`.

    ``Annotated[int, WholeDong()]`` validates with :func:`whole_dong` before pydantic's
    own int check; ``WholeDong(negative=True)`` also takes negative amounts (an
    adjustment, a difference).
    """

    __slots__ = ("negative",)

    def __init__(self, *, negative: bool = False) -> None:
        self.negative = negative

    def __repr__(self) -> str:
        return f"WholeDong(negative={self.negative})"

    def _check(self, value: object) -> int:
        return whole_dong(value, negative=self.negative)

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(self._check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        if not self.negative:
            json_schema["minimum"] = 0
        return json_schema


Dong = Annotated[int, WholeDong()]
"""Số tiền — a non-negative whole number of đồng; floats, bools, NaN and text are refused."""
