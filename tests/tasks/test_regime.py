"""A task's regime from its own date, against the cut-off in the ``task_regimes`` table;
councils, deadlines and budget checks follow it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pydantic
import pytest

from vn_skt.budgets import BudgetEstimate, BudgetLine
from vn_skt.councils import Council, CouncilKind, Member, check_council_regime
from vn_skt.documents import DocumentRef
from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.regulations import Status, Version, register_version, unregister
from vn_skt.regulations.task_rules import RegimeRule
from vn_skt.tasks import Regime, RegimeBasis, Task, check_task_estimate, regime_on, task_deadline


def decision(day: date) -> DocumentRef:
    return DocumentRef(kind="Quyết định", number=12, code="QĐ-UBND", issued_on=day)


def task(approved: date | None = None, start: date = date(2026, 1, 1), **extra: Any) -> Task:
    return Task(
        code="NV.01", title="Nhiệm vụ thử", type="Đề tài", level="Cấp tỉnh",
        field="Khoa học nông nghiệp", principal_investigator="TS. A", host_organization="Viện B",
        start=start, end=date(2027, 12, 31),
        approved_by=decision(approved) if approved else None, **extra,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("day", "regime"),
    [(date(2025, 9, 30), Regime.LEGACY), (date(2025, 10, 1), Regime.STI_2025)],
)
def test_cut_off_day_by_approval(day: date, regime: Regime) -> None:
    found = task(approved=day).governing_regime()
    assert found.regime is regime and found.basis is RegimeBasis.APPROVAL and found.on == day
    assert task(approved=day).regime is regime


def test_approval_wins_over_start() -> None:
    # approved the day before the cut-off, started after it: the 2013 law
    old = task(approved=date(2025, 9, 30), start=date(2025, 11, 1))
    assert old.regime is Regime.LEGACY and old.governing_date == date(2025, 9, 30)


@pytest.mark.parametrize(
    ("start", "regime"),
    [(date(2025, 9, 30), Regime.LEGACY), (date(2025, 10, 1), Regime.STI_2025)],
)
def test_start_when_no_approval_date(start: date, regime: Regime) -> None:
    found = task(start=start).governing_regime()
    assert found.regime is regime and found.basis is RegimeBasis.START and found.on == start
    assert "ngày bắt đầu" in str(found)


def test_result_names_its_basis_source_and_status() -> None:
    found = task(approved=date(2025, 10, 1)).governing_regime()
    assert found.status is Status.U and not found.verified
    assert found.cutoff == date(2025, 10, 1)
    assert "93/2025/QH15" in str(found) and "ngày quyết định phê duyệt 01/10/2025" in str(found)


def test_cut_off_is_data_a_province_may_move_it_and_key_on_filing() -> None:
    own = Version(
        "task_regimes", date(2025, 10, 1), date(2025, 12, 31), "Quyết định 5/2025/QĐ-UBND", "V",
        {"REGIME": RegimeRule(regime="legacy", law="Luật 29/2013/QH13", source="QĐ 5/2025")},
    )  # fmt: skip
    later = Version(
        "task_regimes", date(2026, 1, 1), None, "Quyết định 5/2025/QĐ-UBND", "V",
        {"REGIME": RegimeRule(regime="sti_2025", law="Luật 93/2025/QH15", source="QĐ 5/2025",
                              date_basis="filing")},
    )  # fmt: skip
    try:
        register_version(own)
        register_version(later)
        assert regime_on(date(2025, 12, 31)).regime is Regime.LEGACY
        assert regime_on(date(2026, 1, 1)).regime is Regime.STI_2025
        filed = task(approved=date(2026, 2, 1), filed_on=date(2026, 1, 5)).governing_regime()
        assert filed.basis is RegimeBasis.FILING and filed.on == date(2026, 1, 5)
    finally:
        unregister("task_regimes")
    # without the province's file, filed_on is recorded but the approval date decides
    back = task(approved=date(2026, 2, 1), filed_on=date(2026, 1, 5)).governing_regime()
    assert back.basis is RegimeBasis.APPROVAL


def test_regime_on_refuses_non_dates() -> None:
    with pytest.raises(InvalidValue):
        regime_on("2025-10-01")  # type: ignore[arg-type]


CHAIR = Member(name="Trần Văn Bình", role="Chủ tịch")


@pytest.mark.parametrize(
    ("kind", "approved"),
    [
        (CouncilKind.ACCEPTANCE, date(2025, 10, 1)),
        (CouncilKind.SELECTION, date(2026, 3, 1)),
        (CouncilKind.FUNDING_REVIEW, date(2025, 9, 30)),
        (CouncilKind.FINAL_EVALUATION, date(2024, 5, 1)),
        (CouncilKind.BUDGET_APPRAISAL, date(2024, 5, 1)),
    ],
)
def test_council_of_the_other_regime_is_an_error_naming_both(
    kind: CouncilKind, approved: date
) -> None:
    t = task(approved=approved, start=max(approved, date(2024, 6, 1)))
    with pytest.raises(pydantic.ValidationError) as info:
        Council(kind=kind, members=[CHAIR], task=t)
    text = str(info.value)
    assert kind.label in text and "legacy" in text and "sti_2025" in text
    with pytest.raises(InvalidValue, match=kind.name):
        check_council_regime(kind, t)


@pytest.mark.parametrize(
    ("kind", "approved"),
    [
        (CouncilKind.ACCEPTANCE, date(2025, 9, 30)),
        (CouncilKind.FUNDING_REVIEW, date(2025, 10, 1)),
        (CouncilKind.FINAL_EVALUATION, date(2026, 1, 2)),
        (CouncilKind.PROVINCIAL_COUNCIL, date(2024, 1, 2)),
        (CouncilKind.PROVINCIAL_COUNCIL, date(2026, 1, 2)),
    ],
)
def test_council_of_the_task_regime_is_accepted(kind: CouncilKind, approved: date) -> None:
    Council(kind=kind, members=[CHAIR], task=task(approved=approved, start=approved))


def test_deadline_reads_the_task_date_and_refuses_a_legacy_task() -> None:
    new = task(approved=date(2026, 8, 1))
    due = task_deadline(new, "RESULT_NOTICE", date(2026, 8, 28))
    assert due.due == date(2026, 9, 7)
    with pytest.raises(InvalidValue, match="legacy"):
        task_deadline(task(approved=date(2025, 9, 30)), "RESULT_NOTICE", date(2026, 8, 28))


def test_budget_check_follows_the_task_date() -> None:
    line = BudgetLine(
        name="Công chủ nhiệm", category="Công lao động", role="Chủ nhiệm nhiệm vụ",
        unit="ngày công", quantity=10, unit_price=1_000_000, amount=10_000_000,
    )  # fmt: skip
    estimate = BudgetEstimate(lines=(line,))
    legacy = check_task_estimate(task(approved=date(2024, 3, 1), start=date(2024, 3, 1)), estimate)
    assert "03/2023" in str(legacy)
    with pytest.raises(RegulationNotFound, match="approved on 2026-03-01"):
        check_task_estimate(task(approved=date(2026, 3, 1)), estimate)
