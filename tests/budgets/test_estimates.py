"""Budget estimates checked against the norms of the approval date: Joint Circular
55/2015 (to 25/02/2023), Circular 03/2023/TT-BTC (from 26/02/2023), and user-supplied
norms for the 2025 regime (from 01/10/2025)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

import pydantic
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vn_skt.budgets import (
    BudgetEstimate,
    BudgetLine,
    FindingCode,
    LabourRole,
    check_estimate,
)
from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.regulations import Status, register_file, unregister
from vn_skt.regulations.task_rules import BudgetNorm


def labour(
    name: str, role: str, unit: str, quantity: Any, price: int, amount: int | None = None
) -> BudgetLine:
    return BudgetLine(
        name=name,
        category="Công lao động",
        role=role,
        unit=unit,
        quantity=quantity,
        unit_price=price,
        amount=amount if amount is not None else int(quantity) * price,
    )


def line(name: str, category: str, price: int, quantity: int = 1, **extra: Any) -> BudgetLine:
    return BudgetLine(
        name=name, category=category, quantity=quantity, unit_price=price,
        amount=quantity * price, **extra,
    )  # fmt: skip


def one(*lines: BudgetLine, **extra: Any) -> BudgetEstimate:
    return BudgetEstimate(lines=lines, **extra)


PI_DAYS = one(labour("Công chủ nhiệm", "Chủ nhiệm nhiệm vụ", "ngày công", 100, 1_500_000))


# -- the record -----------------------------------------------------------------------


@pytest.mark.parametrize("field", ["unit_price", "amount"])
def test_floats_in_money_are_refused_naming_the_line(field: str) -> None:
    data: dict[str, Any] = {
        "name": "Thuê xe khảo sát", "category": "Chi khác", "quantity": 2,
        "unit_price": 1_000_000, "amount": 2_000_000,
    }  # fmt: skip
    data[field] = 2.5e6
    with pytest.raises(pydantic.ValidationError, match=rf"'Thuê xe khảo sát': {field}: 2500000.0"):
        BudgetLine(**data)


def test_float_quantity_and_missing_fields_are_refused() -> None:
    with pytest.raises(
        pydantic.ValidationError, match=r"'Công thành viên': quantity 2.5 \(float\)"
    ):
        labour("Công thành viên", "Thành viên", "tháng công", 2.5, 1)
    ok = labour("Công thành viên", "Thành viên", "tháng công", "2.5", 10_000_000, 25_000_000)
    assert ok.amount == 25_000_000
    with pytest.raises(pydantic.ValidationError, match="needs role= and unit="):
        BudgetLine(name="Công", category="Công lao động", quantity=1, unit_price=1, amount=1)
    with pytest.raises(pydantic.ValidationError, match="needs council_kind= and fee_role="):
        line("Họp", "Chi họp hội đồng", 1)
    with pytest.raises(pydantic.ValidationError, match="Trưởng nhóm"):
        labour("Công", "Trưởng nhóm", "ngày công", 1, 1)
    with pytest.raises(pydantic.ValidationError):
        BudgetEstimate(lines=())


# -- Joint Circular 55/2015 vs Circular 03/2023, the cut-over day ----------------------


def test_55_2015_on_25_february_2023() -> None:
    result = check_estimate(PI_DAYS, on=date(2023, 2, 25))
    (over,) = result.over_cap
    # 1.490.000 × 0,79 = 1.177.100 a day; 100 days
    assert (over.allowed, over.excess) == (117_710_000, 32_290_000)
    assert "55/2015" in over.source and "1.177.100" in over.message
    assert result.status is Status.U and not result.user_supplied


def test_03_2023_from_26_february_2023() -> None:
    result = check_estimate(PI_DAYS, on=date(2023, 2, 26))
    assert result.over_cap == () and result.ok
    assert result.norms_source == "Thông tư 03/2023/TT-BTC" and result.status is Status.V


def test_55_2015_follows_the_base_salary_of_the_day() -> None:
    member = one(labour("Công thành viên", "Thành viên", "ngày công", 10, 372_500))
    assert check_estimate(member, on=date(2019, 7, 1)).ok  # 1.490.000 × 0,25
    before = check_estimate(member, on=date(2019, 6, 30)).over_cap  # 1.390.000 × 0,25
    assert [f.excess for f in before] == [3_725_000 - 3_475_000]


@pytest.mark.parametrize(
    ("role", "coefficient"),
    [("Chủ nhiệm nhiệm vụ", "0.79"), ("Thư ký khoa học", "0.49"),
     ("Thành viên thực hiện chính", "0.49"), ("Thành viên", "0.25"),
     ("Kỹ thuật viên, nhân viên hỗ trợ", "0.16")],
)  # fmt: skip
def test_55_2015_coefficients(role: str, coefficient: str) -> None:
    cap = Fraction(1_490_000) * Fraction(coefficient)
    at_cap = one(labour("Công", role, "ngày công", 1, int(cap)))
    assert check_estimate(at_cap, on=date(2020, 1, 2)).ok
    above = one(labour("Công", role, "ngày công", 1, int(cap) + 1))
    assert [f.excess for f in check_estimate(above, on=date(2020, 1, 2)).over_cap] == [1]


def test_55_2015_counts_person_days_only() -> None:
    months = one(labour("Công chủ nhiệm", "Chủ nhiệm nhiệm vụ", "tháng công", 1, 1))
    (finding,) = check_estimate(months, on=date(2020, 1, 2)).findings
    assert finding.code is FindingCode.UNIT and "ngày công" in finding.message


def test_03_2023_caps_per_month_and_per_day() -> None:
    est = one(
        labour("Công chủ nhiệm", "Chủ nhiệm nhiệm vụ", "tháng công", 6, 40_000_001),
        labour("Công thư ký", "Thư ký khoa học", "tháng công", 6, 33_000_000),
        labour("Công thành viên", "Thành viên", "ngày công", 22, 1_454_546),
        labour("Công kỹ thuật", "Kỹ thuật viên, nhân viên hỗ trợ", "ngày công", 22, 1_454_545),
    )
    result = check_estimate(est, on=date(2025, 9, 30))
    assert [(f.line, f.excess) for f in result.over_cap] == [
        ("Công chủ nhiệm", 6),
        ("Công thư ký", 6_000_000),  # 0,8 × 40.000.000 = 32.000.000
        ("Công thành viên", 12),  # 32.000.000 ÷ 22 a day
    ]
    assert result.total_excess == 6_000_018


def test_management_at_most_5_percent_and_300_million() -> None:
    big = one(line("Quản lý chung", "Chi quản lý chung", 350_000_000), state_budget=10_000_000_000)
    (over,) = check_estimate(big, on=date(2024, 1, 2)).over_cap
    assert (over.allowed, over.excess) == (300_000_000, 50_000_000)
    small = one(
        line("Quản lý chung", "Chi quản lý chung", 60_000_000),
        line("Vật tư", "Nguyên vật liệu, năng lượng", 1_000_000_000),
    )
    (over,) = check_estimate(small, on=date(2024, 1, 2)).over_cap
    assert (over.allowed, over.excess) == (53_000_000, 7_000_000)  # 5% of 1.060.000.000
    assert "5% của 1.060.000.000 đồng" in over.message


def test_council_fees_per_session() -> None:
    fees = one(
        line("Chủ tịch HĐ nghiệm thu", "Chi họp hội đồng", 2_000_000,
             council_kind="ACCEPTANCE", fee_role="Chủ tịch hội đồng"),
        line("Phản biện", "Chi họp hội đồng", 1_000_000, quantity=2,
             council_kind="ACCEPTANCE", fee_role="Nhận xét, phản biện bằng văn bản"),
    )  # fmt: skip
    (over,) = check_estimate(fees, on=date(2024, 1, 2)).over_cap
    assert (over.line, over.excess) == ("Chủ tịch HĐ nghiệm thu", 200_000)
    before = check_estimate(fees, on=date(2023, 2, 25))
    assert {f.code for f in before.findings} == {FindingCode.NOT_CHECKED}


def test_nothing_is_dropped_and_amounts_are_checked() -> None:
    est = one(
        line("Hóa chất", "Nguyên vật liệu, năng lượng", 5_000_000),
        BudgetLine(name="Máy đo", category="Thiết bị, máy móc", quantity=2,
                   unit_price=10_000_000, amount=21_000_000),
    )  # fmt: skip
    result = check_estimate(est, on=date(2024, 1, 2))
    assert [(f.line, f.code.value) for f in result.findings] == [
        ("Hóa chất", "NOT_CHECKED"),
        ("Máy đo", "AMOUNT_MISMATCH"),
        ("Máy đo", "NOT_CHECKED"),
    ]
    assert not result.ok and "20.000.000" in str(result)


def test_on_is_required_and_typed() -> None:
    with pytest.raises(InvalidValue):
        check_estimate(PI_DAYS, on=None)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match="expected a BudgetEstimate"):
        check_estimate([], on=date(2024, 1, 2))  # type: ignore[arg-type]
    with pytest.raises(RegulationNotFound, match="06/06/2015"):
        check_estimate(PI_DAYS, on=date(2015, 6, 5))


# -- the 2025 regime: user-supplied norms ----------------------------------------------

OWN = {
    "PRINCIPAL_INVESTIGATOR": BudgetNorm(
        source="Quyết định 20/2026/QĐ-UBND", monthly_cap=30_000_000, days_per_month=22
    ),
    "MEMBER": BudgetNorm(source="Quyết định 20/2026/QĐ-UBND", share=Fraction(1, 2)),
    "COUNCIL_FEE_FUNDING_REVIEW_CHAIR": BudgetNorm(
        source="Quyết định 20/2026/QĐ-UBND", unit_cap=1_500_000
    ),
}


def test_new_regime_needs_user_norms_and_says_so() -> None:
    with pytest.raises(RegulationNotFound, match=r"38/2025 and 39/2025/TT-BKHCN.*norms="):
        check_estimate(PI_DAYS, on=date(2025, 10, 1))
    est = one(
        labour("Công chủ nhiệm", "Chủ nhiệm nhiệm vụ", "tháng công", 2, 31_000_000),
        labour("Công thành viên", "Thành viên", "tháng công", 2, 15_000_000),
        line("Chủ tịch HĐ xét tài trợ", "Chi họp hội đồng", 1_800_000,
             council_kind="FUNDING_REVIEW", fee_role="Chủ tịch hội đồng"),
        line("Thành viên HĐ", "Chi họp hội đồng", 1_500_000,
             council_kind="FUNDING_REVIEW", fee_role="Thành viên hội đồng"),
        line("Quản lý chung", "Chi quản lý chung", 1_000_000),
    )  # fmt: skip
    result = check_estimate(est, on=date(2025, 10, 1), norms=OWN)
    assert result.user_supplied and "38/2025" in result.note and "38/2025" in str(result)
    assert [(f.line, f.excess) for f in result.over_cap] == [
        ("Công chủ nhiệm", 2_000_000),
        ("Chủ tịch HĐ xét tài trợ", 300_000),
    ]
    not_checked = [f.line for f in result.findings if f.code is FindingCode.NOT_CHECKED]
    assert not_checked == ["Thành viên HĐ", "Quản lý chung"]  # no legacy fee table here


def test_legacy_dates_with_user_norms_say_user_supplied() -> None:
    result = check_estimate(PI_DAYS, on=date(2024, 1, 2), norms=OWN)
    assert result.user_supplied and result.note == "định mức do người dùng cung cấp"
    with pytest.raises(InvalidValue, match="expected a table name or a mapping"):
        check_estimate(PI_DAYS, on=date(2024, 1, 2), norms={"MEMBER": 1})  # type: ignore[dict-item]


PROVINCE = """
name = "budget_norms_tinh_mau"
description = "Định mức dự toán nhiệm vụ KH&CN của tỉnh (thử)"
row_type = "vn_skt.regulations.task_rules:BudgetNorm"

[[versions]]
effective_from = 2025-10-01
source = "Quyết định 20/2026/QĐ-UBND"
status = "V"

[versions.rows.PRINCIPAL_INVESTIGATOR]
source = "Quyết định 20/2026/QĐ-UBND Điều 5"
monthly_cap = 30_000_000
days_per_month = 22

[versions.rows]
MANAGEMENT = { source = "Quyết định 20/2026/QĐ-UBND Điều 9", share = "3/100", cap = 200_000_000 }
"""


def test_a_province_supplies_norms_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "dinh_muc.toml"
    path.write_text(PROVINCE, encoding="utf-8")
    register_file(path)
    try:
        est = one(
            labour("Công chủ nhiệm", "Chủ nhiệm nhiệm vụ", "tháng công", 1, 30_000_000),
            line("Quản lý chung", "Chi quản lý chung", 31_000_000),
        )
        result = check_estimate(est, on=date(2026, 3, 2), norms="budget_norms_tinh_mau")
        (over,) = result.over_cap
        assert (over.line, over.allowed, over.excess) == ("Quản lý chung", 1_830_000, 29_170_000)
        assert result.norms_source == "Quyết định 20/2026/QĐ-UBND" and result.status is Status.V
    finally:
        unregister("budget_norms_tinh_mau")


def test_every_labour_role_has_a_legacy_norm() -> None:
    for on in (date(2020, 1, 2), date(2024, 1, 2)):
        for role in LabourRole:
            est = one(labour("Công", role.label, "ngày công", 1, 1))
            assert check_estimate(est, on=on).findings == ()


@settings(max_examples=40, deadline=None)
@given(
    role=st.sampled_from(list(LabourRole)),
    unit=st.sampled_from(["ngày công", "tháng công"]),
    quantity=st.integers(1, 60),
    on=st.dates(min_value=date(2023, 2, 26), max_value=date(2025, 9, 30)),
)
def test_03_2023_at_the_cap_passes_and_one_dong_above_fails(
    role: LabourRole, unit: str, quantity: int, on: date
) -> None:
    monthly = Fraction(40_000_000) * (
        1 if role is LabourRole.PRINCIPAL_INVESTIGATOR else Fraction(4, 5)
    )
    cap = monthly if unit == "tháng công" else monthly / 22
    top = int(cap * quantity)  # the most whole đồng within the cap
    at_cap = one(labour("Công", role.label, unit, quantity, 1, top))
    findings = check_estimate(at_cap, on=on).findings
    assert [f.code for f in findings] in ([], [FindingCode.AMOUNT_MISMATCH])
    above = one(labour("Công", role.label, unit, quantity, 1, top + 1))
    over = check_estimate(above, on=on).over_cap
    assert [(f.allowed, f.excess) for f in over] == [(top, 1)]
