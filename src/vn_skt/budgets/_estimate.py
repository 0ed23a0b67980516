"""Dự toán kinh phí — a task's budget estimate: lines with a category, quantity, unit
price and amount in whole đồng.

Money goes through the one money validator (:data:`vn_skt.tasks.Dong`, from
``vn_skt._money``): a float is refused with an error that names the line.

>>> line = BudgetLine(name="Công chủ nhiệm", category="Công lao động",
...                   role="Chủ nhiệm nhiệm vụ", unit="tháng công",
...                   quantity=10, unit_price=40_000_000, amount=400_000_000)
>>> BudgetEstimate(lines=[line]).total
400000000
>>> import pydantic
>>> try:
...     BudgetLine(name="Hóa chất", category="Nguyên vật liệu, năng lượng", quantity=1,
...                unit_price=1.5e6, amount=1_500_000)
... except pydantic.ValidationError as error:
...     print(error.errors()[0]["msg"][:70])
Value error, budget line 'Hóa chất': unit_price: 1500000.0 (float); ex
"""

from __future__ import annotations

from decimal import Decimal
from enum import auto
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from vn_skt._money import Dong, whole_dong
from vn_skt.l10n import LabeledEnum

__all__ = ["BudgetEstimate", "BudgetLine", "FeeRole", "LabourRole", "LabourUnit", "LineCategory"]


class LineCategory(LabeledEnum):
    """Nội dung chi — the category of a budget line."""

    LABOUR = auto(), "Công lao động"
    MATERIALS = auto(), "Nguyên vật liệu, năng lượng"
    EQUIPMENT = auto(), "Thiết bị, máy móc"
    COUNCIL_FEE = auto(), "Chi họp hội đồng"
    EXPERT_FEE = auto(), "Chi thuê chuyên gia"
    MANAGEMENT = auto(), "Chi quản lý chung"
    OTHER = auto(), "Chi khác"


class LabourRole(LabeledEnum):
    """Chức danh thực hiện — who a labour line pays (the keys of ``budget_norms``)."""

    PRINCIPAL_INVESTIGATOR = auto(), "Chủ nhiệm nhiệm vụ"
    SCIENTIFIC_SECRETARY = auto(), "Thư ký khoa học"
    MAIN_MEMBER = auto(), "Thành viên thực hiện chính"
    MEMBER = auto(), "Thành viên"
    TECHNICIAN = auto(), "Kỹ thuật viên, nhân viên hỗ trợ"


class LabourUnit(LabeledEnum):
    """Đơn vị công — person-days or person-months."""

    PERSON_DAY = auto(), "ngày công"
    PERSON_MONTH = auto(), "tháng công"


class FeeRole(LabeledEnum):
    """Mức chi họp — which fee of a council session (the ``council_fees`` columns)."""

    CHAIR = auto(), "Chủ tịch hội đồng"
    MEMBER = auto(), "Thành viên hội đồng"
    WRITTEN_REVIEW = auto(), "Nhận xét, phản biện bằng văn bản"


class BudgetLine(BaseModel):
    """Dòng dự toán — a line: name, category, quantity, unit price and amount (đồng).

    A labour line names its ``role`` and ``unit`` (person-days or person-months); a
    council-fee line its ``council_kind`` (a ``council_fees`` row key such as
    ``ACCEPTANCE``) and ``fee_role``. ``quantity`` is exact (int, Decimal or text such
    as "2.5"); floats are refused, in the quantity as in money.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, description="Nội dung chi")
    category: LineCategory = Field(description="Nội dung chi theo loại")
    quantity: Decimal = Field(gt=0, description="Khối lượng")
    unit_price: Dong = Field(description="Đơn giá (đồng)")
    amount: Dong = Field(description="Thành tiền (đồng)")
    role: LabourRole | None = Field(default=None, description="Chức danh (công lao động)")
    unit: LabourUnit | None = Field(default=None, description="Đơn vị công")
    council_kind: str | None = Field(default=None, description="Loại hội đồng (chi họp)")
    fee_role: FeeRole | None = Field(default=None, description="Mức chi họp")

    @model_validator(mode="before")
    @classmethod
    def _money_and_quantity(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        name = data.get("name", "?")
        for field in ("unit_price", "amount"):
            if field in data:
                whole_dong(data[field], what=f"budget line {name!r}: {field}")
        quantity = data.get("quantity")
        if isinstance(quantity, float | bool):
            msg = (
                f"budget line {name!r}: quantity {quantity!r} ({type(quantity).__name__}); "
                f"expected an exact number: an int, a Decimal or text such as '2.5'"
            )
            raise ValueError(msg)
        return data

    @field_validator("council_kind", mode="before")
    @classmethod
    def _kind_name(cls, value: Any) -> Any:
        return getattr(value, "name", value)  # a CouncilKind gives its row key

    @model_validator(mode="after")
    def _needs(self) -> BudgetLine:
        if self.category is LineCategory.LABOUR and (self.role is None or self.unit is None):
            msg = f"budget line {self.name!r}: a labour line needs role= and unit="
            raise ValueError(msg)
        if self.category is LineCategory.COUNCIL_FEE and (
            self.council_kind is None or self.fee_role is None
        ):
            msg = f"budget line {self.name!r}: a council-fee line needs council_kind= and fee_role="
            raise ValueError(msg)
        return self


class BudgetEstimate(BaseModel):
    """Dự toán kinh phí — the lines of a task's estimate; ``state_budget`` is its
    state-budget part (the base of the management cap), by default the total."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    lines: tuple[BudgetLine, ...] = Field(min_length=1)
    state_budget: Dong | None = Field(default=None, description="Kinh phí từ NSNN (đồng)")

    @property
    def total(self) -> int:
        """Tổng dự toán — the sum of the lines' amounts, in đồng."""
        return sum(line.amount for line in self.lines)

    @property
    def state_budget_base(self) -> int:
        """Phần ngân sách nhà nước — ``state_budget`` when given, else the total."""
        return self.total if self.state_budget is None else self.state_budget
