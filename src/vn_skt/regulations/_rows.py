"""Dòng quy định có kiểu — typed rule rows, validated once when a table loads.

A table's rows are instances of one *row type*: a frozen ``attrs`` class whose field
annotations are the schema (``Fraction``, ``tuple[...]``, enums, ``date``, ``int | None``).
Raw rows from a file (TOML tables, CSV cells) are validated against those annotations
through pydantic, so the data file carries no column list of its own and nothing is
copied by hand. A failure names the row and the field and says what was received.

>>> from vn_skt.regulations.council_rules import CouncilRules
>>> rules = to_row(CouncilRules, {"source": "QĐ 01", "quorum": "2/3",
...                               "quorum_roles": ["chair"]}, where="row 'X'")
>>> rules.quorum, rules.quorum_roles
(Fraction(2, 3), (<QuorumRole.CHAIR: 'chair'>,))
>>> to_row(CouncilRules, {"source": "QĐ 01", "quorum": "two thirds"}, where="row 'X'")
Traceback (most recent call last):
...
vn_skt.errors.InvalidValue: row 'X', field 'quorum': 'two thirds' is not valid (expected ...
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

import attrs

from vn_skt.errors import InvalidValue

__all__ = ["is_row_type", "row_fields", "to_row"]

R = TypeVar("R")


def is_row_type(cls: object) -> bool:
    """Có phải kiểu dòng — whether ``cls`` can type a table's rows (an attrs class)."""
    return isinstance(cls, type) and attrs.has(cls)


def row_fields(row_type: type[Any]) -> tuple[str, ...]:
    """Các cột — the field names of a row type, in declaration order."""
    return tuple(f.name for f in attrs.fields(row_type))


def to_row(row_type: type[R], raw: object, *, where: str) -> R:
    """Dòng có kiểu — ``raw`` (a mapping of column → value, or a row) as a ``row_type``.

    Raises InvalidValue naming ``where``, the field and the value: an unknown column, a
    missing required one, or a value of the wrong type (``True`` is not an int here).
    """
    if isinstance(raw, row_type):
        return raw
    if not isinstance(raw, Mapping):
        msg = f"{where}: expected a table of columns, got {raw!r} ({type(raw).__name__})"
        raise InvalidValue(msg)
    validator = _validator(row_type)
    unknown = sorted(str(k) for k in raw if k not in validator.fields)
    if unknown:
        msg = f"{where}: unknown column(s) {unknown}; expected only {list(validator.fields)}"
        raise InvalidValue(msg)
    values = validator.validate(dict(raw), where)
    try:
        return row_type(**values)
    except (TypeError, ValueError) as exc:
        raise InvalidValue(f"{where}: {exc}") from None


@attrs.frozen
class _Validator:
    fields: tuple[str, ...]
    model: Any  # a pydantic model generated from the row type's annotations

    def validate(self, raw: dict[str, Any], where: str) -> dict[str, Any]:
        import pydantic

        try:
            model = self.model.model_validate(raw)
        except pydantic.ValidationError as exc:
            error = exc.errors()[0]
            loc = error["loc"]
            field = str(loc[0]) if loc else "?"
            inner = "".join(f"[{part!r}]" for part in loc[1:])
            if error["type"] == "missing":
                raise InvalidValue(f"{where}: required field {field!r} is missing") from None
            if error["type"] == "value_error":  # our own validators say it all already
                ours = str(error["msg"]).removeprefix("Value error, ")
                raise InvalidValue(f"{where}, field {field!r}{inner}: {ours}") from None
            value = raw.get(field, error.get("input"))
            msg = (
                f"{where}, field {field!r}{inner}: {value!r} is not valid "
                f"(expected {_expected(error)})"
            )
            raise InvalidValue(msg) from None
        # only the fields the file gives: the others keep the row type's own defaults
        return {name: getattr(model, name) for name in model.model_fields_set}


def _expected(error: Any) -> str:
    kind = error["type"]
    if kind.startswith("fraction") or "fraction" in error.get("msg", "").lower():
        return "a fraction like '2/3' or a number"
    return str(error["msg"]).removeprefix("Input should be ").removeprefix("Value error, ")


_VALIDATORS: dict[type[Any], _Validator] = {}


def _validator(row_type: type[Any]) -> _Validator:
    """A pydantic model of the row type's fields (built once per type)."""
    found = _VALIDATORS.get(row_type)
    if found is None:
        found = _VALIDATORS[row_type] = _build_validator(row_type)
    return found


def _build_validator(row_type: type[Any]) -> _Validator:
    import pydantic

    if not attrs.has(row_type):
        raise InvalidValue(f"{row_type!r} is not a row type: expected an attrs class")
    hints = typing.get_type_hints(row_type, include_extras=True)
    spec: dict[str, Any] = {}
    for field in attrs.fields(row_type):
        required = field.default is attrs.NOTHING
        spec[field.name] = (_strict_kind(hints[field.name]), ... if required else None)
    config = pydantic.ConfigDict(extra="forbid", arbitrary_types_allowed=True)
    model = pydantic.create_model(f"{row_type.__name__}Row", __config__=config, **spec)
    return _Validator(tuple(spec), model)


_STRICT = {int: "int", bool: "bool", str: "str"}


def _strict_kind(kind: Any) -> Any:
    """The annotation with ``int``/``bool``/``str`` made strict (no ``True`` as 1, no
    ``"12"`` as 12: a data file says what it means), other types as pydantic reads them
    (``Fraction`` from ``"2/3"``, enums from their value, tuples from lists)."""
    import pydantic

    if kind in _STRICT:
        return typing.Annotated[kind, pydantic.Strict()]
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin is None or not args:
        return kind
    if origin in (typing.Union, types.UnionType):
        return typing.Union[tuple(_strict_kind(a) for a in args)]  # noqa: UP007
    if origin is tuple:
        return tuple[tuple(_strict_kind(a) if a is not Ellipsis else a for a in args)]  # type: ignore[misc]
    return kind

