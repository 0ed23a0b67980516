from __future__ import annotations

from datetime import date
from typing import Any

import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.documents import DocumentRef
from vn_skt.errors import ParseError
from vn_skt.tasks import (
    Funding,
    Rating,
    ResearchField,
    SelectionMethod,
    Task,
    TaskLevel,
    TaskStatus,
    TaskType,
)
from vn_skt.testing.strategies import tasks


def base(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
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
    data.update(changes)
    return data


# -- enums -----------------------------------------------------------------------------

LABELS = {
    TaskType: ["Đề tài", "Dự án sản xuất thử nghiệm", "Dự án KH&CN", "Đề án khoa học"],
    TaskLevel: ["Cấp quốc gia", "Cấp bộ", "Cấp tỉnh", "Cấp cơ sở"],
    ResearchField: [
        "Khoa học tự nhiên",
        "Khoa học kỹ thuật và công nghệ",
        "Khoa học y, dược",
        "Khoa học nông nghiệp",
        "Khoa học xã hội",
        "Khoa học nhân văn",
    ],
    SelectionMethod: ["Tuyển chọn", "Giao trực tiếp", "Xét tài trợ", "Đặt hàng"],
    Rating: ["Xuất sắc", "Đạt", "Không đạt"],
}


@pytest.mark.parametrize(
    ("enum", "labels"), LABELS.items(), ids=lambda x: getattr(x, "__name__", "")
)
def test_labels_exactly(enum: Any, labels: list[str]) -> None:
    assert enum.labels() == labels
    for member, label in zip(enum, labels, strict=True):
        assert member.value == member.name  # JSON carries the stable code
        assert str(member) == member.label == label
        assert enum(label) is member
        assert enum(label.upper()) is member
        assert enum(member.name.lower()) is member


def test_glossary_names() -> None:
    assert TaskType.RESEARCH_TOPIC.label == "Đề tài"
    assert SelectionMethod.OPEN_SELECTION.label == "Tuyển chọn"
    assert SelectionMethod.DIRECT_ASSIGNMENT.label == "Giao trực tiếp"
    assert SelectionMethod.FUNDING_REVIEW.label == "Xét tài trợ"
    assert SelectionMethod.COMMISSIONING.label == "Đặt hàng"


def test_unknown_label_suggests() -> None:
    with pytest.raises(ParseError, match="did you mean 'Cấp tỉnh'") as info:
        TaskLevel.parse("Cấp tinh")
    assert info.value.reason == "unknown_label"


def test_status_lifecycle() -> None:
    assert TaskStatus.APPROVED.can_move_to(TaskStatus.IN_PROGRESS)
    assert not TaskStatus.IN_PROGRESS.can_move_to(TaskStatus.APPROVED)
    assert TaskStatus.IN_PROGRESS.can_move_to(TaskStatus.TERMINATED)
    assert not TaskStatus.ACCEPTED.can_move_to(TaskStatus.TERMINATED)
    assert TaskStatus.ACCEPTED.is_closed and not TaskStatus.AWAITING_ACCEPTANCE.is_closed


# -- Task validation -----------------------------------------------------------------


def test_valid_task_from_labels() -> None:
    task = Task(
        **base(
            selection="giao trực tiếp",
            status="Chờ nghiệm thu",
            approved_by="Quyết định số 88/QĐ-UBND ngày 09/01/2025",
        )
    )
    assert task.type is TaskType.RESEARCH_TOPIC and task.level is TaskLevel.PROVINCIAL
    assert task.selection is SelectionMethod.DIRECT_ASSIGNMENT
    assert task.approved_by == DocumentRef("Quyết định", 88, None, "QĐ-UBND", date(2025, 1, 9))
    assert task.status is TaskStatus.AWAITING_ACCEPTANCE


def test_defaults() -> None:
    task = Task(**base())
    assert task.status is TaskStatus.IN_PROGRESS
    assert task.selection is None and task.extended_to is None
    assert task.funding == Funding() and task.funding.counterpart == 0 and task.funding.other == 0


@pytest.mark.parametrize(
    ("changes", "loc", "text"),
    [
        ({"end": date(2024, 12, 31)}, ("end",), "end 2024-12-31 is before start 2025-01-01"),
        ({"extended_to": date(2026, 12, 31)}, ("extended_to",), "is not after end"),
        ({"funding": {"state_budget": {2024: 1}}}, ("funding",), "state_budget year 2024"),
        ({"funding": {"state_budget": {2028: 1}}}, ("funding",), "state_budget year 2028"),
        (
            {"funding": {"counterpart": 18.46}},
            ("funding", "counterpart"),
            "18.46 (float); expected a whole number of đồng (int)",
        ),
        (
            {"funding": {"counterpart": -5}},
            ("funding", "counterpart"),
            "-5 (int); expected a whole number of đồng >= 0",
        ),
        ({"funding": {"other": True}}, ("funding", "other"), "True (bool); expected"),
        ({"funding": {"other": "1.000"}}, ("funding", "other"), "parse_money"),
        ({"funding": {"other": float("nan")}}, ("funding", "other"), "nan (float)"),
        (
            {"funding": {"state_budget": {2025: 2.0}}},
            ("funding", "state_budget", 2025),
            "2.0 (float)",
        ),
        ({"code": "  "}, ("code",), "at least 1 character"),
        ({"type": "Đề tài x"}, ("type",), "RESEARCH_TOPIC"),
        ({"accepted_on": date(2024, 1, 1)}, (), "accepted_on 2024-01-01 is before start"),
        ({"acceptance_rating": "Đạt"}, (), "accepted_on is missing"),
        ({"colour": "đỏ"}, ("colour",), "Extra inputs"),
    ],
)
def test_invalid(changes: dict[str, Any], loc: tuple[Any, ...], text: str) -> None:
    with pytest.raises(pydantic.ValidationError) as info:
        Task(**base(**changes))
    errors = info.value.errors()
    assert any(e["loc"] == loc and text in e["msg"] for e in errors), errors


def test_budget_may_fall_in_the_year_after_the_extension() -> None:
    task = Task(**base(extended_to=date(2027, 6, 30), funding={"state_budget": {2028: 10}}))
    assert task.funding.for_year(2028) == 10 and task.funding.for_year(2030) == 0


def test_funding_totals() -> None:
    funding = Funding(state_budget={2025: 600, 2026: 400}, counterpart=50, other=7)
    assert funding.state_budget_total == 1000 and funding.total == 1057
    assert funding.for_year(2025) == 600


def test_frozen() -> None:
    task = Task(**base())
    with pytest.raises(pydantic.ValidationError):
        task.code = "X"  # type: ignore[misc]


def test_funding_and_task_are_hashable_values() -> None:
    a = Funding(state_budget={2025: 600, 2026: 400}, counterpart=50)
    b = Funding(state_budget={2026: 400, 2025: 600}, counterpart=50)  # same, other order
    assert a == b and hash(a) == hash(b)
    assert len({a, b, Funding()}) == 2
    task = Task(**base(funding=a))
    assert hash(task) == hash(Task(**base(funding=b)))
    assert {task: "x"}[Task(**base(funding=b))] == "x"


@given(tasks())
def test_equal_tasks_hash_equal(task: Task) -> None:
    copy = Task.model_validate_json(task.model_dump_json())
    assert copy == task and hash(copy) == hash(task)


def test_effective_end_and_running() -> None:
    task = Task(**base(extended_to=date(2027, 3, 31)))
    assert task.planned_end == date(2027, 3, 31) and task.is_running_in(2027)
    stopped = Task(**base(terminated_on=date(2026, 1, 1), status="Dừng thực hiện"))
    assert stopped.effective_end == date(2025, 12, 31)
    assert stopped.is_running_in(2025) and not stopped.is_running_in(2026)


@pytest.mark.parametrize("mode", ["validation", "serialization"])
def test_json_schema_for_apps(mode: Any) -> None:
    schema = Task.model_json_schema(mode=mode)  # a web framework asks for both modes
    assert schema["properties"]["type"]["$ref"].endswith("TaskType")
    assert schema["$defs"]["TaskType"]["enum"] == [m.name for m in TaskType]
    assert schema["properties"]["approved_by"]["anyOf"][0]["type"] == "string"
    assert schema["properties"]["approved_by"]["title"] == "Quyết định phê duyệt"
    budget = schema["$defs"]["Funding"]["properties"]["state_budget"]
    assert budget["additionalProperties"] == {"minimum": 0, "type": "integer"}


@given(tasks())
def test_json_round_trip(task: Task) -> None:
    assert Task.model_validate_json(task.model_dump_json()) == task
    assert Task.model_validate(task.model_dump()) == task


@given(st.from_type(Task))
def test_from_type(task: Task) -> None:
    assert task.end >= task.start
