"""Cầu nối pydantic — the one bridge that makes an attrs value class a pydantic field type.

A value class (``@attrs.frozen``) has a ``parse(text)`` classmethod and a ``__str__``
that round-trip. Decorating it with :func:`pydantic_value` lets records use it as a
field type:

- validation accepts an instance as is, or its string form through ``parse`` (our
  ``ParseError`` is a ``ValueError``, so pydantic reports it as a ``ValidationError``
  with our message and the field's location);
- JSON serialisation writes ``str(value)``; Python-mode ``model_dump()`` keeps the
  instance;
- the JSON Schema is a string with a description and, where the form has one, a
  pattern, in validation and in serialization mode alike (a web framework asks for
  both), so ``model_json_schema()`` works for every record.

>>> import attrs, pydantic
>>> @pydantic_value(description="Mã thử — a toy code like 'A-7'", pattern=r"^[A-Z]-\\d+$")
... @attrs.frozen
... class Code:
...     letter: str
...     number: int
...     @classmethod
...     def parse(cls, text: str) -> "Code":
...         letter, _, number = text.partition("-")
...         return cls(letter, int(number))
...     def __str__(self) -> str:
...         return f"{self.letter}-{self.number}"
>>> class Row(pydantic.BaseModel):
...     code: Code
>>> Row(code="A-7").code
Code(letter='A', number=7)
>>> Row(code=Code("B", 2)).model_dump_json()
'{"code":"B-2"}'
>>> Row.model_json_schema()["properties"]["code"]["pattern"]
'^[A-Z]-\\\\d+$'
>>> Row.model_json_schema(mode="serialization")["properties"]["code"]["type"]
'string'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, Self, TypeVar

if TYPE_CHECKING:  # pydantic loads only when a record first builds its schema
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema

__all__ = ["pydantic_value"]


class _Parsable(Protocol):
    @classmethod
    def parse(cls, text: str, /) -> Self: ...


V = TypeVar("V", bound=_Parsable)


def pydantic_value(
    *,
    description: str,
    pattern: str | None = None,
    examples: list[str] | None = None,
) -> Callable[[type[V]], type[V]]:
    """Giá trị pydantic — make an attrs value class usable as a pydantic field type.

    Args:
        description: the JSON Schema description (Vietnamese term first).
        pattern: a regular expression the string form always matches, if one exists.
        examples: string forms to show in the JSON Schema.

    Returns:
        A class decorator that returns the class itself, with
        ``__get_pydantic_core_schema__`` and ``__get_pydantic_json_schema__`` added.
    """

    def decorate(cls: type[V]) -> type[V]:
        def from_string(text: str) -> V:
            return cls.parse(text)

        def from_python(value: object) -> V:
            if isinstance(value, cls):
                return value
            if isinstance(value, str):
                return cls.parse(value)
            raise ValueError(
                f"expected {cls.__name__} or its text form (str), got {value!r} "
                f"({type(value).__name__})"
            )

        def get_core_schema(
            _cls: type[Any], _source: Any, _handler: GetCoreSchemaHandler
        ) -> CoreSchema:
            from pydantic_core import core_schema

            from_str = core_schema.chain_schema(
                [
                    core_schema.str_schema(),
                    core_schema.no_info_plain_validator_function(from_string),
                ]
            )
            return core_schema.json_or_python_schema(
                json_schema=from_str,
                python_schema=core_schema.no_info_plain_validator_function(from_python),
                serialization=core_schema.plain_serializer_function_ser_schema(
                    str, when_used="json"
                ),
            )

        def get_json_schema(
            _cls: type[Any], _schema: CoreSchema, _handler: GetJsonSchemaHandler
        ) -> JsonSchemaValue:
            # The same string in both modes: what validation reads from JSON is what
            # serialisation writes (asking pydantic would reach the plain validator
            # function in serialization mode, which has no schema).
            json_schema: JsonSchemaValue = {"type": "string", "description": description}
            if pattern is not None:
                json_schema["pattern"] = pattern
            if examples:
                json_schema["examples"] = list(examples)
            return json_schema

        # Plain class attributes: attrs' slots apply to instances, not to the class.
        setattr(cls, "__get_pydantic_core_schema__", classmethod(get_core_schema))  # noqa: B010
        setattr(cls, "__get_pydantic_json_schema__", classmethod(get_json_schema))  # noqa: B010
        return cls

    return decorate
