"""Hội đồng theo chế độ — which regime each council kind belongs to, and the check that a
council convened for a task is of a kind its regime has.

Selection ("tuyển chọn, giao trực tiếp") and acceptance ("đánh giá nghiệm thu") councils
are the 2013 law's; funding review ("xét tài trợ, đặt hàng"), final evaluation ("đánh giá
cuối kỳ") and the budget appraisal team ("Tổ thẩm định kinh phí") the 2025 law's; the
other kinds (task identification, non-state-budget evaluation, the provincial council)
exist under both.
"""

from __future__ import annotations

from vn_skt.errors import InvalidValue
from vn_skt.tasks import Regime, Task

from ._enums import CouncilKind

__all__ = ["KIND_REGIMES", "check_council_regime"]

KIND_REGIMES: dict[CouncilKind, Regime] = {
    CouncilKind.SELECTION: Regime.LEGACY,
    CouncilKind.ACCEPTANCE: Regime.LEGACY,
    CouncilKind.FUNDING_REVIEW: Regime.STI_2025,
    CouncilKind.FINAL_EVALUATION: Regime.STI_2025,
    CouncilKind.BUDGET_APPRAISAL: Regime.STI_2025,
}
"""The regime of each kind that belongs to one; kinds not listed exist under both."""


def check_council_regime(kind: CouncilKind, task: Task) -> None:
    """Kiểm tra chế độ — raise InvalidValue when a council of ``kind`` belongs to the
    other regime than ``task``'s, naming the kind, both regimes and the task's basis."""
    wanted = KIND_REGIMES.get(kind)
    if wanted is None:
        return
    found = task.governing_regime()
    if found.regime is not wanted:
        raise InvalidValue(
            f"hội đồng '{kind.label}' ({kind.name}) thuộc chế độ {wanted.label} "
            f"({wanted.value}), nhưng nhiệm vụ {task.code} thuộc chế độ {found.regime.label} "
            f"({found.regime.value}: {found}); dùng hội đồng '{_other(kind, found.regime)}'"
        )


def _other(kind: CouncilKind, regime: Regime) -> str:
    pairs = {
        (CouncilKind.SELECTION, Regime.STI_2025): CouncilKind.FUNDING_REVIEW,
        (CouncilKind.ACCEPTANCE, Regime.STI_2025): CouncilKind.FINAL_EVALUATION,
        (CouncilKind.FUNDING_REVIEW, Regime.LEGACY): CouncilKind.SELECTION,
        (CouncilKind.FINAL_EVALUATION, Regime.LEGACY): CouncilKind.ACCEPTANCE,
        (CouncilKind.BUDGET_APPRAISAL, Regime.LEGACY): CouncilKind.SELECTION,
    }
    return pairs[(kind, regime)].label
