"""The attrs -> pydantic bridge, tested with a toy value."""

from __future__ import annotations

import json
import re

import attrs
import pydantic
import pytest

from vn_skt._pydantic import pydantic_value
from vn_skt.errors import ParseError, ParseReason


@pydantic_value(description="Mã thử — a toy code", pattern=r"^[A-Z]-[0-9]+$", examples=["A-1"])
@attrs.frozen
class Toy:
    letter: str
    number: int

    @classmethod
    def parse(cls, text: str) -> Toy:
        match = re.fullmatch(r"([A-Z])-([0-9]+)", text.strip())
        if match is None:
            raise ParseError(
                text,
                reason=ParseReason.INVALID_CHARACTER,
                position=0,
                expected="a letter, '-', digits",
            )
        return cls(match[1], int(match[2]))

    def __str__(self) -> str:
        return f"{self.letter}-{self.number}"


class Record(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(frozen=True)
    toy: Toy
    maybe: Toy | None = None
    many: list[Toy] = []


def test_validates_from_string_and_instance() -> None:
    assert Record(toy="A-7").toy == Toy("A", 7)
    assert Record(toy=Toy("B", 2)).toy == Toy("B", 2)


def test_json_round_trip() -> None:
    record = Record(toy=Toy("A", 7), maybe="C-3", many=["D-4", Toy("E", 5)])
    text = record.model_dump_json()
    assert json.loads(text) == {"toy": "A-7", "maybe": "C-3", "many": ["D-4", "E-5"]}
    assert Record.model_validate_json(text) == record
    # Python mode keeps the value object
    assert record.model_dump()["toy"] == Toy("A", 7)


def test_error_names_the_field_and_carries_our_message() -> None:
    with pytest.raises(pydantic.ValidationError) as info:
        Record(toy="a7")
    error = info.value.errors()[0]
    assert error["loc"] == ("toy",)
    assert "cannot parse 'a7'" in error["msg"]


def test_wrong_type_is_refused() -> None:
    with pytest.raises(pydantic.ValidationError):
        Record(toy=17)


def test_json_schema() -> None:
    schema = Record.model_json_schema()
    toy = schema["properties"]["toy"]
    assert toy["type"] == "string"
    assert toy["pattern"] == r"^[A-Z]-[0-9]+$"
    assert toy["description"].startswith("Mã thử")
    assert toy["examples"] == ["A-1"]
    assert re.fullmatch(toy["pattern"], str(Toy("Q", 12)))


@pytest.mark.parametrize("mode", ["validation", "serialization"])
def test_json_schema_in_both_modes_is_the_same_string(mode: str) -> None:
    schema = Record.model_json_schema(mode=mode)  # type: ignore[arg-type]
    toy = schema["properties"]["toy"]
    assert toy == {
        "title": "Toy",
        "type": "string",
        "description": "Mã thử — a toy code",
        "pattern": r"^[A-Z]-[0-9]+$",
        "examples": ["A-1"],
    }
    many = schema["properties"]["many"]["items"]
    assert many["type"] == "string" and many["pattern"] == toy["pattern"]
