"""Every record and value has a JSON Schema in validation and serialization mode.

A web framework asks for both (request bodies are validated, responses serialised), so a
record whose serialization schema raises breaks ``/openapi.json`` of every app that
returns it. The models are found by walking each package's ``__all__``: a new record is
checked without anyone adding it here.
"""

from __future__ import annotations

import importlib
import inspect
import json
from datetime import date
from typing import Any

import pydantic
import pytest

from vn_skt.calendar import Period
from vn_skt.data import sample_province
from vn_skt.documents import DocumentRef
from vn_skt.ip_titles import ApplicationNumber
from vn_skt.tasks import (
    EvaluationReport,
    FinalEvaluation,
    FundingRelease,
    ProgressCheck,
    Spending,
    TaskEvent,
)

PACKAGES = [
    "regulations",
    "l10n",
    "calendar",
    "documents",
    "tasks",
    "councils",
    "ip_titles",
    "metrology",
    "reporting",
]


def _public_classes() -> dict[str, type]:
    found: dict[str, type] = {}
    for package in PACKAGES:
        module = importlib.import_module(f"vn_skt.{package}")
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isclass(value):
                found.setdefault(f"{value.__module__.split('.')[1]}.{name}", value)
    return found


CLASSES = _public_classes()
MODELS = {k: v for k, v in CLASSES.items() if issubclass(v, pydantic.BaseModel)}
VALUES = {
    k: v
    for k, v in CLASSES.items()
    if not issubclass(v, pydantic.BaseModel) and "__get_pydantic_core_schema__" in vars(v)
}


def test_the_walk_finds_the_records_and_values() -> None:
    names = {k.split(".")[1] for k in [*MODELS, *VALUES]}
    expected = {"Task", "Funding", "Council", "Member", "Meeting", "ProtectionTitle"}
    expected |= {"AnnualData", "Plan", "Instrument", "Verification"}
    expected |= {"Period", "DocumentRef", "ApplicationNumber"}
    assert expected <= names


@pytest.mark.parametrize("mode", ["validation", "serialization"])
@pytest.mark.parametrize("name", sorted(MODELS))
def test_every_record_has_a_json_schema(name: str, mode: Any) -> None:
    schema = MODELS[name].model_json_schema(mode=mode)
    json.dumps(schema)  # plain JSON all the way down
    if "$ref" in schema:  # a self-referencing record (a budget team serves a Council)
        schema = schema["$defs"][schema["$ref"].rsplit("/", 1)[1]]
    assert schema["type"] == "object" and schema["properties"]


@pytest.mark.parametrize("mode", ["validation", "serialization"])
@pytest.mark.parametrize("name", sorted(VALUES))
def test_every_value_is_a_string_in_both_modes(name: str, mode: Any) -> None:
    schema = pydantic.TypeAdapter(VALUES[name]).json_schema(mode=mode)
    assert schema["type"] == "string" and schema["description"]


DATA = sample_province()
SAMPLES: dict[str, Any] = {
    "Task": DATA.tasks[0],
    "Funding": DATA.tasks[0].funding,
    "Meeting": DATA.meetings[0],
    "Council": DATA.meetings[0].council,
    "Member": DATA.meetings[0].council.members[0],
    "ProtectionTitle": DATA.titles[-1],
    "Instrument": DATA.instruments[0],
    "Verification": DATA.instruments[0].verifications[0],
    "AnnualData": DATA,
    "Plan": next(iter(DATA.plans.values())),
    "EvaluationReport": EvaluationReport(
        source="Tổ chức tư vấn", by="Viện A", grade="Đạt", on=date(2026, 11, 2)
    ),
}
SAMPLES["ProgressCheck"] = ProgressCheck(on=date(2026, 7, 1), done=40, findings="Đạt yêu cầu")
SAMPLES["FundingRelease"] = FundingRelease(
    on=date(2026, 3, 1), year=2026, instalment=1, amount=200_000_000
)
SAMPLES["Spending"] = Spending(on=date(2026, 6, 30), year=2026, amount=150_000_000)
SAMPLES["TaskEvent"] = TaskEvent(
    on=date(2026, 12, 20), kind="Gia hạn", new_end=date(2027, 6, 30), note="Gia hạn 6 tháng"
)
SAMPLES["FinalEvaluation"] = FinalEvaluation(
    task_code="NV1", on=date(2026, 11, 20), grade="Đạt", reports=[SAMPLES["EvaluationReport"]]
)


def test_every_record_has_a_sample() -> None:
    assert {k.split(".")[1] for k in MODELS} == set(SAMPLES)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_record_round_trips_through_json(name: str) -> None:
    record = SAMPLES[name]
    text = record.model_dump_json()
    assert type(record).model_validate_json(text) == record
    assert type(record).model_validate(json.loads(text)) == record


def test_values_round_trip_inside_records() -> None:
    title = next(t for t in DATA.titles if t.application_number is not None)
    raw = json.loads(title.model_dump_json())
    assert raw["application_number"] == str(title.application_number)


class _WithValues(pydantic.BaseModel):
    period: Period
    reference: DocumentRef
    number: ApplicationNumber
    maybe: Period | None = None


def test_values_round_trip_as_fields_of_a_model() -> None:
    model = _WithValues(
        period="quý I/2025", reference="Quyết định số 12/2025/QĐ-UBND", number="4-2024-01259"
    )
    text = model.model_dump_json()
    assert json.loads(text)["number"] == "4-2024-01259"
    assert _WithValues.model_validate_json(text) == model
    for mode in ("validation", "serialization"):
        props = _WithValues.model_json_schema(mode=mode)["properties"]  # type: ignore[arg-type]
        assert props["period"]["type"] == "string"
