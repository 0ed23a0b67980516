"""Every public frozen value of vn_skt.tasks (and the label type of vn_skt.l10n) can be
hashed, and equal values hash equal (issue #20: frozen values that could not be hashed)."""

from __future__ import annotations

import copy
import inspect
from datetime import date
from types import ModuleType
from typing import Any

import attrs
import pydantic
import pytest

import vn_skt.l10n
import vn_skt.tasks
from vn_skt.l10n import ColumnLabel
from vn_skt.tasks import (
    EvaluationReport,
    FinalEvaluation,
    Funding,
    FundingProgress,
    FundingRelease,
    GoverningRegime,
    LoadResult,
    Portfolio,
    PortfolioProgress,
    ProgressCheck,
    RowError,
    Spending,
    Task,
    TaskEvent,
    TaskProgress,
    YearSummary,
    portfolio_progress,
    task_progress,
)

TASK = Task(
    code="NN.01/25",
    title="Giống bưởi",
    type="Đề tài",
    level="Cấp tỉnh",
    field="Khoa học nông nghiệp",
    principal_investigator="TS. A",
    host_organization="Viện B",
    start=date(2025, 1, 1),
    end=date(2026, 6, 30),
    funding={"state_budget": {2025: 500, 2026: 250}, "counterpart": 10},
)

REPORT = EvaluationReport(source="Chuyên gia", by="TS. A", grade="Đạt", on=date(2026, 5, 4))

LIVED = TASK.model_copy(
    update={
        "checks": (ProgressCheck(on=date(2025, 7, 1), done=40),),
        "releases": (FundingRelease(on=date(2025, 3, 1), year=2025, instalment=1, amount=300),),
        "spending": (Spending(on=date(2025, 6, 30), year=2025, amount=100),),
        "events": (TaskEvent(on=date(2025, 4, 1), kind="Điều chỉnh", note="đổi thành viên"),),
    }
)

EXAMPLES: dict[type[Any], Any] = {
    Task: TASK,
    Funding: TASK.funding,
    YearSummary: Portfolio([TASK]).year(2025),
    RowError: RowError(3, "Mã số", ["a", {"b": 1}], "expected a mapping of columns"),
    LoadResult: LoadResult((TASK,), (RowError(2, "Loại", "x", "unknown"),), ("w",)),
    ColumnLabel: ColumnLabel("code", "Mã số", "task code", aliases=["Mã"]),
    GoverningRegime: TASK.governing_regime(),
    EvaluationReport: REPORT,
    ProgressCheck: LIVED.checks[0],
    FundingRelease: LIVED.releases[0],
    Spending: LIVED.spending[0],
    TaskEvent: LIVED.events[0],
    TaskProgress: task_progress(LIVED, on=date(2026, 7, 1)),
    FundingProgress: task_progress(LIVED, on=date(2026, 7, 1)).funding,
    PortfolioProgress: portfolio_progress([LIVED], on=date(2026, 7, 1)),
    FinalEvaluation: FinalEvaluation(task_code="NV1", on=REPORT.on, grade="Đạt", reports=[REPORT]),
}


def frozen_value_types(module: ModuleType) -> set[type[Any]]:
    """The attrs classes and pydantic models a module exports (its ``__all__``)."""
    found = set()
    for name in module.__all__:
        value = getattr(module, name)
        if inspect.isclass(value) and (attrs.has(value) or issubclass(value, pydantic.BaseModel)):
            found.add(value)
    return found


@pytest.mark.parametrize("module", [vn_skt.tasks, vn_skt.l10n], ids=lambda m: m.__name__)
def test_every_public_value_type_has_an_example(module: ModuleType) -> None:
    missing = frozen_value_types(module) - set(EXAMPLES)
    assert not missing, f"add an example of {sorted(t.__name__ for t in missing)} to EXAMPLES"


@pytest.mark.parametrize("kind", list(EXAMPLES), ids=lambda t: t.__name__)
def test_frozen_and_hashable(kind: type[Any]) -> None:
    value = EXAMPLES[kind]
    assert type(value) is kind
    name = next(iter(attrs.fields_dict(kind) if attrs.has(kind) else kind.model_fields))
    with pytest.raises((attrs.exceptions.FrozenInstanceError, pydantic.ValidationError)):
        setattr(value, name, getattr(value, name))
    twin = copy.deepcopy(value)
    assert twin == value and hash(twin) == hash(value)
    assert {value: 1}[twin] == 1


def test_the_readers_know_every_date_and_enum_field_of_task() -> None:
    """One home: the loaders' field kinds are read from the model (filed_on included)."""
    from datetime import date
    from enum import Enum

    from vn_skt.tasks._models import DATE_FIELDS, ENUM_FIELDS

    dates = {"start", "end", "extended_to", "accepted_on", "terminated_on", "filed_on"}
    assert dates <= DATE_FIELDS
    assert all(issubclass(kind, Enum) for kind in ENUM_FIELDS.values())
    enums = {"type", "level", "field", "selection", "status", "acceptance_rating"}
    assert enums == set(ENUM_FIELDS)
    assert date not in ENUM_FIELDS.values()
