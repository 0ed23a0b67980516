"""Văn bằng bảo hộ — the record: what it refuses, and how it travels (JSON, rows, HTML)."""

from __future__ import annotations

from datetime import date
from types import ModuleType
from typing import Any

import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st

import vn_skt.ip_titles
from vn_skt.ip_titles import ProtectionTitle

D = date
MARK = ProtectionTitle(
    type="Nhãn hiệu",
    filing_date=D(2014, 6, 1),
    grant_date=D(2015, 9, 1),
    owner="Công ty A",
    application_number="4-2014-12345",
)


@pytest.mark.parametrize(
    ("changes", "text"),
    [
        ({"type": "Nhãn hiệu", "grant_date": D(2019, 1, 1)}, "before filing_date"),
        ({"type": "Sáng chế", "renewals": 1}, "cannot be renewed"),
        ({"type": "Nhãn hiệu", "created": D(2019, 1, 1)}, "layout designs only"),
        ({"type": "Thiết kế bố trí", "created": D(2021, 1, 1)}, "after filing_date"),
        (
            {"type": "Thiết kế bố trí", "created": D(2019, 1, 1), "first_exploited": D(2018, 1, 1)},
            "before created",
        ),
        ({"type": "Nhãn hiệu", "renewals": 1, "renewal_dates": ()}, None),
        (
            {"type": "Nhãn hiệu", "renewals": 1, "renewal_dates": (D(2030, 1, 1), D(2040, 1, 1))},
            "renewal_dates has 2",
        ),
        ({"type": "Nhãn hiệu", "maintenance_paid": {2: D(2021, 1, 1)}}, "no maintenance"),
        ({"type": "Nhãn hiệu", "application_number": "4-2019-00001"}, "is of year 2019"),
        ({"type": "Nhãn hiệu", "application_number": "4-2020-2061"}, "incomplete"),
        ({"type": "Nhãn hiệu", "renewals": 1.5}, "integer"),
        ({"type": "Nhãn hiệu", "owner": " "}, "at least 1 character"),
    ],
)
def test_validation_names_the_field(changes: dict[str, Any], text: str | None) -> None:
    data: dict[str, Any] = {"filing_date": D(2020, 1, 1), "owner": "A", **changes}
    if text is None:
        ProtectionTitle(**data)
        return
    with pytest.raises(pydantic.ValidationError, match=text):
        ProtectionTitle(**data)


def test_json_round_trip() -> None:
    assert ProtectionTitle.model_validate_json(MARK.model_dump_json()) == MARK
    assert '"application_number":"4-2014-12345"' in MARK.model_dump_json()


@given(st.from_type(ProtectionTitle))
def test_any_title_travels_as_json(t: ProtectionTitle) -> None:
    again = ProtectionTitle.model_validate_json(t.model_dump_json())
    assert again == t and again.expiry_date() == t.expiry_date()


def test_the_schema_gives_the_number_its_pattern() -> None:
    schema = ProtectionTitle.model_json_schema()
    number = schema["properties"]["application_number"]["anyOf"][0]
    assert number["pattern"] == r"^[1-9]-[0-9]{4}-[0-9]{5}$"
    assert number["description"].startswith("Số đơn")


def test_a_row_for_tables() -> None:
    row = MARK.row(D(2024, 7, 1))
    assert row["Số đơn"] == "4-2014-12345" and row["Hết hiệu lực"] == D(2024, 6, 1)
    assert row["Tình trạng"] == "Trong thời hạn gia hạn muộn"
    assert MARK.row()["Tình trạng"] is None
    assert "Nhãn hiệu: Công ty A" in MARK._repr_html_()


def test_one_export_list_over_private_modules() -> None:
    package = vn_skt.ip_titles
    classes = {name for name, value in vars(package).items() if isinstance(value, type)}
    assert classes == {name for name in package.__all__ if name[0].isupper()}
    # the functions of the columnar schema and the bulk kernel come lazily (polars)
    lazy = {name for name in package.__all__ if name[0].islower()}
    assert lazy and not lazy & set(vars(package))
    assert all(callable(getattr(package, name)) for name in lazy)
    modules = {name for name, value in vars(package).items() if isinstance(value, ModuleType)}
    assert modules and all(name.startswith("_") for name in modules)
    assert all(
        getattr(package, name).__module__.startswith(f"{package.__name__}._") for name in classes
    )
