"""Numbers, bools, digit-only texts and datetimes are not dates of a task; deeply
nested JSON is the library's error, not a RecursionError."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pydantic
import pytest

from vn_skt.errors import InvalidValue
from vn_skt.tasks import Task, read_tasks, read_tasks_json

BASE: dict[str, Any] = {
    "code": "ĐT.01/25",
    "title": "Nghiên cứu giống bưởi",
    "type": "Đề tài",
    "level": "Cấp tỉnh",
    "field": "Khoa học nông nghiệp",
    "principal_investigator": "TS. Nguyễn Văn An",
    "host_organization": "Viện Cây ăn quả",
    "start": date(2025, 1, 1),
    "end": date(2026, 12, 31),
}

NOT_DATES = [
    0,
    1,
    1735689600,
    0.0,
    1.5,
    Decimal("0"),
    True,
    False,
    "0",
    "1735689600",
    " 20250101 ",
    "-5",
    datetime(2025, 1, 1),
    datetime(2025, 1, 1, 8, 30),
]


@pytest.mark.parametrize("field", ["start", "end", "extended_to", "accepted_on", "terminated_on"])
@pytest.mark.parametrize("value", NOT_DATES, ids=repr)
def test_not_a_date(field: str, value: Any) -> None:
    with pytest.raises(pydantic.ValidationError) as info:
        Task(**{**BASE, field: value})
    errors = [e for e in info.value.errors() if e["loc"] == (field,)]
    assert errors, info.value
    assert "expected a date" in errors[0]["msg"]


def test_start_zero_is_not_1970() -> None:
    with pytest.raises(pydantic.ValidationError, match="int 0"):
        Task(**{**BASE, "start": 0})


@pytest.mark.parametrize("value", [date(2025, 1, 1), "2025-01-01"])
def test_real_dates_still_pass(value: Any) -> None:
    assert Task(**{**BASE, "start": value}).start == date(2025, 1, 1)


def test_json_round_trip_unchanged() -> None:
    task = Task(**BASE, extended_to=date(2027, 3, 31))
    assert Task.model_validate_json(task.model_dump_json()) == task


@pytest.mark.parametrize("text", ["[" * 100_000, '{"tasks": ' + "[" * 100_000])
def test_deep_json_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "deep.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidValue, match="nested too deeply"):
        read_tasks_json(path)


def test_deep_json_bytes() -> None:
    with pytest.raises(InvalidValue, match="nested too deeply"):
        read_tasks(("[" * 100_000).encode(), engine="rows")
