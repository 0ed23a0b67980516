"""The one money validator (vn_skt._money): int đồng, never float, bool, NaN or text."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Any

import numpy as np
import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_skt._money import Dong, WholeDong, whole_dong
from vn_skt.errors import InvalidValue
from vn_skt.tasks import Dong as TasksDong
from vn_skt.tasks import whole_dong as tasks_whole_dong


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (18.46, "18.46 (float); expected a whole number of đồng (int): VND has no minor unit"),
        (5.0, "5.0 (float); expected a whole number of đồng (int)"),
        (float("nan"), "nan (float); expected a whole number of đồng (int): NaN is not an amount"),
        (float("inf"), "inf (float); expected a whole number of đồng (int)"),
        (np.float64(2.5), "(float64); expected a whole number of đồng (int): VND has no minor"),
        (True, "True (bool); expected a whole number of đồng (int), not a bool"),
        ("1.000", "'1.000' (str); expected a whole number of đồng (int): read text with parse_"),
        (Decimal("5"), "Decimal('5') (Decimal); expected a whole number of đồng (int): convert"),
        (Fraction(1, 2), "Fraction(1, 2) (Fraction); expected a whole number of đồng (int)"),
        (None, "None (NoneType); expected a whole number of đồng (int)"),
        ([5], "[5] (list); expected a whole number of đồng (int)"),
        (-1, "-1 (int); expected a whole number of đồng >= 0 (int)"),
    ],
)
def test_refused_with_what_was_received_and_what_was_expected(value: Any, message: str) -> None:
    with pytest.raises(InvalidValue, match=re.escape(message)):
        whole_dong(value)
    with pytest.raises(InvalidValue, match=r"^Funding\.other: "):
        whole_dong(value, what="Funding.other")


@given(st.integers(min_value=0, max_value=10**18))
def test_whole_non_negative_amounts_pass_unchanged(amount: int) -> None:
    assert whole_dong(amount) == amount and type(whole_dong(amount)) is int
    assert whole_dong(np.int64(min(amount, 2**62))) == min(amount, 2**62)


@given(st.integers(max_value=-1))
def test_negative_amounts_only_when_asked(amount: int) -> None:
    assert whole_dong(amount, negative=True) == amount
    with pytest.raises(InvalidValue):
        whole_dong(amount)


def test_pydantic_type_reports_the_same_message_at_the_field() -> None:
    class Budget(pydantic.BaseModel):
        amount: Dong
        by_year: dict[int, Dong] = {}

    assert Budget(amount=750_000_000).amount == 750_000_000
    with pytest.raises(pydantic.ValidationError) as info:
        Budget(amount=1, by_year={2025: 18.46})
    (error,) = info.value.errors()
    assert error["loc"] == ("by_year", 2025)
    assert "18.46 (float); expected a whole number of đồng (int)" in error["msg"]
    with pytest.raises(pydantic.ValidationError, match=re.escape("5.0 (float)")):
        Budget.model_validate_json('{"amount": 5.0}')
    assert Budget.model_validate_json('{"amount": 5}').amount == 5
    schema = Budget.model_json_schema()["properties"]
    assert schema["amount"] == {"minimum": 0, "title": "Amount", "type": "integer"}


def test_signed_marker_and_the_tasks_reexport() -> None:
    class Adjustment(pydantic.BaseModel):
        delta: Annotated[int, WholeDong(negative=True)]

    assert Adjustment(delta=-5).delta == -5
    assert "minimum" not in Adjustment.model_json_schema()["properties"]["delta"]
    assert TasksDong is Dong and tasks_whole_dong is whole_dong
