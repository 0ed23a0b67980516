from __future__ import annotations

import copy
import inspect
from decimal import Decimal
from fractions import Fraction
from types import ModuleType
from typing import Any

import attrs
import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st

import vn_skt.reporting
import vn_skt.reporting._annual
from vn_skt.errors import InvalidValue
from vn_skt.reporting import Finding, Indicator, IndicatorGroup, audit_text, compare, round_half_up
from vn_skt.reporting._annual import AnnualData, Plan


@pytest.mark.parametrize(
    ("indicator", "text"),
    [
        (Indicator("Khối lượng", 600, 250, unit="PTĐ"), "250/600 PTĐ (đạt 42%)"),
        (Indicator("Công tơ điện", 5000, 1200, unit="công tơ"), "1.200/5.000 công tơ (đạt 24%)"),
        (Indicator("Nhiệm vụ", 7, 7, unit="nhiệm vụ"), "07/07 nhiệm vụ (đạt 100%)"),
        (Indicator("Sáng chế", 25, 28, unit="văn bằng"), "28/25 văn bằng (vượt 12%)"),
        (Indicator("Hội thảo", 0, 3, unit="cuộc"), "03 cuộc (không giao chỉ tiêu)"),
        (Indicator("Hồ sơ", 440, 0), "00/440 (đạt 0%)"),
    ],
)
def test_text(indicator: Indicator, text: str) -> None:
    assert str(indicator) == text


def test_progress_and_percent() -> None:
    ind = Indicator("Khối lượng", 600, 250, unit="PTĐ")
    assert ind.progress == Fraction(5, 12)
    assert ind.percent() == Decimal("42") and ind.percent(1) == Decimal("41.7")
    assert ind.text(1) == "250/600 PTĐ (đạt 41,7%)"
    zero = Indicator("x", 0, 5)
    assert zero.progress is None and zero.percent() is None and not zero.exceeded


def test_refuses() -> None:
    with pytest.raises(InvalidValue):
        Indicator("x", -1, 5)
    with pytest.raises(InvalidValue):
        Indicator("x", 1.5, 5)  # type: ignore[arg-type]


def test_group_total() -> None:
    group = IndicatorGroup(
        "kiểm định",
        [Indicator("Khối lượng", 600, 250, unit="PTĐ"), Indicator("Áp suất", 400, 410, unit="PTĐ")],
    )
    total = group.total
    assert total is not None and total.target == 1000 and total.actual == 660
    assert group.lines() == [
        "Khối lượng: 250/600 PTĐ (đạt 42%)",
        "Áp suất: 410/400 PTĐ (vượt 3%)",
        "Tổng kiểm định: 660/1.000 PTĐ (đạt 66%)",
    ]
    mixed = IndicatorGroup("hỗn hợp", [Indicator("a", 1, 1, unit="PTĐ"), Indicator("b", 1, 1)])
    assert mixed.total is None


@pytest.mark.parametrize(
    ("current", "previous", "text"),
    [
        (Decimal("108.5"), 100, "tăng 8,5% so với cùng kỳ"),
        (97, 100, "giảm 3,0% so với cùng kỳ"),
        (5, 5, "bằng cùng kỳ"),
        (5, 0, "cùng kỳ năm trước không có"),
    ],
)
def test_compare(current: object, previous: object, text: str) -> None:
    assert compare(current, previous) == text


@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=1, max_value=10**9),
    st.integers(min_value=0, max_value=3),
)
def test_percent_is_the_fraction_rounded_half_up(actual: int, target: int, places: int) -> None:
    exact = Fraction(actual * 100, target)
    scaled = exact * 10**places
    floor = scaled.numerator // scaled.denominator
    expected = Fraction(floor + (1 if scaled - floor >= Fraction(1, 2) else 0), 10**places)
    percent = Indicator("x", target, actual).percent(places)
    assert percent is not None and Fraction(percent) == expected


def test_round_half_up() -> None:
    assert round_half_up(Fraction(3705, 100), 0) == Decimal("37")
    assert round_half_up(Fraction(1425, 100), 1) == Decimal("14.3")
    assert round_half_up(Fraction(-5, 2), 0) == Decimal("-3")


# -- every public frozen value of vn_skt.reporting hashes (issue #20) -------------------

VALUES: dict[type[Any], Any] = {
    Indicator: Indicator("Khối lượng", 600, Decimal("250.5"), unit="PTĐ"),
    IndicatorGroup: IndicatorGroup("kiểm định", [Indicator("a", 1, Fraction(1, 3))]),
    Finding: audit_text("kiểm định 250/600 PTĐ (đạt 42%)")[0],
    Plan: Plan(new_tasks=3, verifications_by_field={"khối lượng": 600}),
}
NOT_HASHABLE = {AnnualData: "a data set, not a value: compared with ==, never a key"}


@pytest.mark.parametrize("module", [vn_skt.reporting, vn_skt.reporting._annual])
def test_every_public_value_type_is_covered(module: ModuleType) -> None:
    kinds = {
        value
        for value in (getattr(module, name) for name in module.__all__)
        if inspect.isclass(value) and (attrs.has(value) or issubclass(value, pydantic.BaseModel))
    }
    missing = kinds - set(VALUES) - set(NOT_HASHABLE)
    assert not missing, f"add {sorted(k.__name__ for k in missing)} to VALUES or NOT_HASHABLE"


@pytest.mark.parametrize("kind", list(VALUES), ids=lambda k: k.__name__)
def test_values_are_frozen_and_hashable(kind: type[Any]) -> None:
    value = VALUES[kind]
    assert type(value) is kind
    twin = copy.deepcopy(value)
    assert twin == value and hash(twin) == hash(value) and {value: 1}[twin] == 1
    name = next(iter(attrs.fields_dict(kind) if attrs.has(kind) else kind.model_fields))
    with pytest.raises((attrs.exceptions.FrozenInstanceError, pydantic.ValidationError)):
        setattr(value, name, getattr(value, name))


@pytest.mark.parametrize("mode", ["validation", "serialization"])
def test_the_annual_data_schema_renders_in_both_modes(mode: Any) -> None:
    schema = AnnualData.model_json_schema(mode=mode)
    assert {"Task", "Plan", "Funding"} <= set(schema["$defs"])


def test_annual_data_is_frozen_and_says_it_is_not_a_value() -> None:
    data = AnnualData(province="Tỉnh Minh Sơn")
    assert data == AnnualData(province="Tỉnh Minh Sơn")
    with pytest.raises(TypeError, match="unhashable type: 'AnnualData'"):
        hash(data)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [(Fraction(1, 8), 2, "0.13"), (Fraction(1425, 100), 1, "14.3"), (Fraction(-5, 2), 0, "-3"),
     (Fraction(250, 6), 0, "42"), (Fraction(2, 3), 3, "0.667")],
)  # fmt: skip
def test_round_half_up_rounds_once_exactly(value: Fraction, decimals: int, expected: str) -> None:
    assert round_half_up(value, decimals) == Decimal(expected)
    assert str(round_half_up(value, decimals)) == expected  # exactly ``decimals`` places
