"""Final evaluations of the 2025 regime: grades are data, reports are inputs."""

from __future__ import annotations

from datetime import date

import pydantic
import pytest

from vn_skt.errors import InvalidValue
from vn_skt.regulations import Version, register_version, unregister
from vn_skt.regulations.task_rules import EvaluationGrade
from vn_skt.tasks import (
    EvaluationReport,
    EvaluationSource,
    FinalEvaluation,
    Rating,
    Task,
    evaluation_grades,
    final_evaluation,
    suggest_grade,
)

ON = date(2026, 11, 20)


def report(source: str, grade: str, by: str = "X", on: date = ON) -> EvaluationReport:
    return EvaluationReport(source=source, by=by, grade=grade, on=on)


def test_rating_stays_the_legacy_scale() -> None:
    assert [r.label for r in Rating] == ["Xuất sắc", "Đạt", "Không đạt"]


def test_default_grades_are_the_three_words_marked_u() -> None:
    version = evaluation_grades(on=ON)
    assert [r.label for r in version.rows.values()] == ["Xuất sắc", "Đạt", "Không đạt"]
    assert version.status.value == "U"


def test_no_grades_before_the_cut_off() -> None:
    with pytest.raises(InvalidValue, match="Rating"):
        evaluation_grades(on=date(2025, 9, 30))


def test_reports_of_every_source_are_inputs() -> None:
    reports = [
        report("Chuyên gia", "Xuất sắc", "PGS.TS A"),
        report("Chuyên gia", "Đạt", "TS. B"),
        report(EvaluationSource.CONSULTING_ORGANIZATION, "Xuất sắc", "Viện C"),
    ]
    result = FinalEvaluation(task_code="NV.1", on=ON, grade="xuất sắc", reports=reports)
    assert result.grade == "EXCELLENT" and result.passed and result.label == "Xuất sắc"
    assert "chuyên gia TS. B: Đạt" in str(result)
    assert suggest_grade(reports) == "EXCELLENT"  # the consulting organisation's
    assert suggest_grade(reports[:2]) == "PASS"  # the lowest expert's
    council = report("Hội đồng", "Không đạt", on=date(2026, 11, 15))
    assert suggest_grade([*reports, council]) == "FAIL"


def test_unknown_grade_names_the_value_and_the_choices() -> None:
    with pytest.raises(pydantic.ValidationError, match=r"'Khá'.*PASS \(Đạt\)"):
        report("Chuyên gia", "Khá")
    with pytest.raises(pydantic.ValidationError, match="reports"):
        FinalEvaluation(task_code="NV.1", on=ON, grade="Đạt", reports=[])
    with pytest.raises(pydantic.ValidationError, match="source"):
        report("Thầy bói", "Đạt")


def test_a_province_names_its_own_grades() -> None:
    own = Version(
        "evaluation_grades", date(2026, 1, 1), None, "Quyết định 7/2026/QĐ-UBND", "V",
        {
            "GOOD": EvaluationGrade(label="Khá", passed=True, rank=2, source="QĐ 7/2026 Điều 9"),
        },
        patch=True,
    )  # fmt: skip
    try:
        register_version(own)
        assert report("Chuyên gia", "Khá").grade == "GOOD"
        result = FinalEvaluation(
            task_code="NV.1", on=ON, grade="Khá", reports=[report("Hội đồng", "Khá")]
        )
        assert result.passed and result.status.value == "U"  # the patch sits over the U default
    finally:
        unregister("evaluation_grades")


def _task(approved: str) -> Task:
    return Task(
        code="NV.9", title="Nhiệm vụ", type="Đề tài", level="Cấp tỉnh",
        field="Khoa học nông nghiệp", principal_investigator="TS. A", host_organization="Viện B",
        start=date(2026, 1, 1), end=date(2026, 12, 31),
        approved_by=f"Quyết định số 5/QĐ-UBND ngày {approved}",
    )  # fmt: skip


def test_final_evaluation_follows_the_task_regime() -> None:
    reports = [report("Chuyên gia", "Đạt"), report("Chuyên gia", "Không đạt")]
    result = final_evaluation(_task("01/10/2025"), on=ON, reports=reports)
    assert result.grade == "FAIL" and not result.passed and result.task_code == "NV.9"
    given = final_evaluation(_task("01/10/2025"), on=ON, reports=reports, grade="Đạt")
    assert given.passed
    with pytest.raises(InvalidValue) as info:
        final_evaluation(_task("30/09/2025"), on=ON, reports=reports)
    assert "sti_2025" in str(info.value) and "legacy" in str(info.value)
    with pytest.raises(InvalidValue, match="before start"):
        final_evaluation(_task("01/10/2025"), on=date(2025, 12, 1), reports=reports)


def test_a_legacy_rating_is_refused_on_a_task_of_the_2025_law() -> None:
    rated = {"accepted_on": date(2026, 12, 20), "acceptance_rating": Rating.PASSED}
    legacy = _task("30/09/2025").model_copy(update=rated)
    assert Task.model_validate(legacy.model_dump()).acceptance_rating is Rating.PASSED
    new = _task("01/10/2025").model_dump()
    with pytest.raises(pydantic.ValidationError) as info:
        Task.model_validate({**new, **rated})
    text = str(info.value)
    assert "acceptance_rating" in text and "sti_2025" in text and "legacy" in text
