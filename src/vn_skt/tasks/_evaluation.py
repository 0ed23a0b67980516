"""Đánh giá cuối kỳ — the 2025 regime's final evaluation of a task: its grade, whose names
are data (the ``evaluation_grades`` table; default the 2013 scale's three words, U), and
the reports it rests on — a council's, expert reviewers', a consulting organisation's —
not only council votes. :class:`Rating` stays the 2013 law's acceptance scale.

>>> from datetime import date
>>> result = FinalEvaluation(
...     task_code="NV3", on=date(2026, 11, 20), grade="Đạt",
...     reports=[EvaluationReport(source="Tổ chức tư vấn", by="Viện A", grade="Đạt",
...                               on=date(2026, 11, 10))])
>>> result.grade, result.passed, result.status.value
('PASS', True, 'U')
>>> print(result)
Đánh giá cuối kỳ nhiệm vụ NV3 ngày 20/11/2026: Đạt (căn cứ: báo cáo của tổ chức tư vấn Viện A: Đạt)
"""

from __future__ import annotations

from datetime import date
from enum import auto
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from vn_skt.documents import DocumentRef
from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.l10n import LabeledEnum, fold_text, format_date
from vn_skt.regulations import Status, Version, lookup, require_date
from vn_skt.regulations.task_rules import EvaluationGrade

from ._dates import TaskDate
from ._dates import by_label as _by_label
from ._models import Task
from ._regime import Regime, require_regime

__all__ = [
    "EvaluationReport",
    "EvaluationSource",
    "FinalEvaluation",
    "evaluation_grades",
    "final_evaluation",
    "suggest_grade",
]

GRADE_TABLE = "evaluation_grades"


class EvaluationSource(LabeledEnum):
    """Nguồn đánh giá — who wrote an evaluation report."""

    COUNCIL = auto(), "Hội đồng"
    REVIEWER = auto(), "Chuyên gia"
    CONSULTING_ORGANIZATION = auto(), "Tổ chức tư vấn"


def evaluation_grades(*, on: date) -> Version[Any]:
    """Mức xếp loại — the grade table's version in force on ``on`` (its rows are
    :class:`~vn_skt.regulations.task_rules.EvaluationGrade`, keyed by name)."""
    on = require_date(on, what="evaluation_grades(on=...)")
    try:
        return lookup(GRADE_TABLE, on=on)
    except RegulationNotFound:
        raise InvalidValue(
            f"no final-evaluation grades on {on.isoformat()}: the final evaluation (đánh giá "
            f"cuối kỳ) is the 2025 regime's; a task of the 2013 law is accepted with Rating"
        ) from None


def _grade_key(value: object, on: date, where: str) -> str:
    """A grade's key from its key or its words, in the table of ``on``."""
    version = evaluation_grades(on=on)
    rows: dict[str, EvaluationGrade] = dict(version.rows)
    if isinstance(value, str):
        if value in rows:
            return value
        folded = fold_text(value)
        for key, row in rows.items():
            if fold_text(row.label) == folded or fold_text(key) == folded:
                return key
    known = ", ".join(f"{k} ({r.label})" for k, r in rows.items())
    raise ValueError(
        f"{where}: grade {value!r} is not in the evaluation_grades table on "
        f"{on.isoformat()}; expected one of {known}"
    )


class EvaluationReport(BaseModel):
    """Báo cáo đánh giá — one input of a final evaluation: a council's conclusion, an expert
    reviewer's or a consulting organisation's report, with its grade (a name of the grade
    table in force on the report's date)."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    source: Annotated[EvaluationSource, _by_label(EvaluationSource)]
    by: str = Field(min_length=1, description="Người hoặc tổ chức đánh giá")
    grade: str = Field(description="Mức xếp loại đề xuất")
    on: TaskDate = Field(description="Ngày báo cáo")
    document: DocumentRef | None = Field(default=None, description="Văn bản")
    findings: str = Field(default="", description="Nhận xét")

    @model_validator(mode="after")
    def _known_grade(self) -> EvaluationReport:
        key = _grade_key(self.grade, self.on, f"report by {self.by!r}")
        if key != self.grade:
            object.__setattr__(self, "grade", key)
        return self

    def __str__(self) -> str:
        label = evaluation_grades(on=self.on).row(self.grade).label
        return f"báo cáo của {self.source.label.lower()} {self.by}: {label}"


class FinalEvaluation(BaseModel):
    """Kết quả đánh giá cuối kỳ — a task's final-evaluation result under the 2025 regime:
    the grade decided on ``on`` (a name of the grade table then in force; the words are
    accepted too), the reports it rests on (at least one), the decision."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    task_code: str = Field(min_length=1, description="Mã số nhiệm vụ")
    on: TaskDate = Field(description="Ngày kết luận đánh giá")
    grade: str = Field(description="Mức xếp loại")
    reports: tuple[EvaluationReport, ...] = Field(min_length=1, description="Báo cáo căn cứ")
    decided_by: DocumentRef | None = Field(default=None, description="Quyết định công nhận")

    @model_validator(mode="after")
    def _known_grade(self) -> FinalEvaluation:
        key = _grade_key(self.grade, self.on, f"task {self.task_code}")
        if key != self.grade:
            object.__setattr__(self, "grade", key)
        return self

    @property
    def row(self) -> EvaluationGrade:
        """Mức xếp loại — the grade's row (label, passed, rank, source)."""
        grade: EvaluationGrade = evaluation_grades(on=self.on).row(self.grade)
        return grade

    @property
    def label(self) -> str:
        """Nhãn — the grade's words ("Đạt")."""
        return self.row.label

    @property
    def passed(self) -> bool:
        """Đạt — whether the grade accepts the task."""
        return self.row.passed

    @property
    def status(self) -> Status:
        """Mức kiểm chứng — how well the grade table of ``on`` is verified."""
        version = evaluation_grades(on=self.on)
        return Status.weakest([version.status, self.row.status or version.status])

    def __str__(self) -> str:
        basis = "; ".join(str(r) for r in self.reports)
        return (
            f"Đánh giá cuối kỳ nhiệm vụ {self.task_code} ngày {format_date(self.on)}: "
            f"{self.label} (căn cứ: {basis})"
        )


_ORDER = (
    EvaluationSource.COUNCIL,
    EvaluationSource.CONSULTING_ORGANIZATION,
    EvaluationSource.REVIEWER,
)


def suggest_grade(reports: list[EvaluationReport] | tuple[EvaluationReport, ...]) -> str:
    """Mức đề xuất — a grade the reports suggest, for the Sở to confirm: a council's (the
    latest), else a consulting organisation's, else the lowest of the experts'. This order
    rests on no text found (U): the decision's grade is what counts."""
    if not reports:
        raise InvalidValue("suggest_grade: no reports; expected at least one EvaluationReport")
    for source in _ORDER:
        chosen = [r for r in reports if r.source is source]
        if not chosen:
            continue
        if source is EvaluationSource.REVIEWER:
            return min(chosen, key=lambda r: evaluation_grades(on=r.on).row(r.grade).rank).grade
        return max(chosen, key=lambda r: r.on).grade
    raise InvalidValue("suggest_grade: no report has a known source")  # pragma: no cover


def final_evaluation(
    task: Task,
    *,
    on: date,
    reports: list[EvaluationReport] | tuple[EvaluationReport, ...],
    grade: str | None = None,
    decided_by: DocumentRef | None = None,
) -> FinalEvaluation:
    """Đánh giá cuối kỳ của nhiệm vụ — ``task``'s final evaluation on ``on``: the grade
    given, or the one the reports suggest (:func:`suggest_grade`). Only a task of the 2025
    law has one: a task of the 2013 law is accepted with ``Rating``, and asking for its
    final evaluation is an InvalidValue naming both regimes."""
    if not isinstance(task, Task):
        raise InvalidValue(f"final_evaluation: {task!r}; expected a Task")
    on = require_date(on, what="final_evaluation(on=...)")
    require_regime(
        task.governing_regime(), Regime.STI_2025, what=f"đánh giá cuối kỳ nhiệm vụ {task.code}"
    )
    if on < task.start:
        raise InvalidValue(f"final_evaluation: {on.isoformat()} is before start {task.start}")
    return FinalEvaluation(
        task_code=task.code,
        on=on,
        grade=grade if grade is not None else suggest_grade(reports),
        reports=tuple(reports),
        decided_by=decided_by,
    )
