"""Danh mục hội đồng — roles and council kinds, with their Vietnamese labels.

Kinds of the 2013 law (selection, acceptance, non-state-budget) and of the 2025 law
(funding review, final evaluation, the budget appraisal team) sit side by side: which
rules a kind follows is the ``council_rules`` table's answer on the governing date.
"""

from __future__ import annotations

from enum import auto
from typing import Self

from vn_skt.l10n import LabeledEnum, fold_text
from vn_skt.tasks import Rating

__all__ = ["CouncilKind", "Rating", "Role"]


class Role(LabeledEnum):
    """Chức danh trong hội đồng — a member's role."""

    CHAIR = auto(), "Chủ tịch"
    VICE_CHAIR = auto(), "Phó Chủ tịch"
    REVIEWER = auto(), "Ủy viên phản biện"
    SECRETARY = auto(), "Ủy viên thư ký khoa học"
    MEMBER = auto(), "Ủy viên"
    LEADER = auto(), "Tổ trưởng"
    """The leader of a team (the budget appraisal team, "Tổ thẩm định kinh phí")."""

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        found = super()._missing_(value)
        if found is None and isinstance(value, str):
            name = _ROLE_ALIASES.get(fold_text(value))
            return None if name is None else cls[name]
        return found


_ROLE_ALIASES = {
    fold_text(text): name
    for text, name in (
        # the 2025-law circulars' words for the same roles
        ("Chuyên gia phản biện", "REVIEWER"),
        ("Thư ký khoa học", "SECRETARY"),
        ("Tổ trưởng tổ thẩm định", "LEADER"),
    )
}
"""Other words for a role, as the 2025-law circulars write them (folded text → member)."""


class CouncilKind(LabeledEnum):
    """Loại hội đồng — what a council is convened for."""

    TASK_IDENTIFICATION = auto(), "Tư vấn xác định nhiệm vụ"
    SELECTION = auto(), "Tuyển chọn, giao trực tiếp"
    FUNDING_REVIEW = auto(), "Xét tài trợ, đặt hàng"
    ACCEPTANCE = auto(), "Đánh giá nghiệm thu"
    NON_STATE_BUDGET = auto(), "Đánh giá nhiệm vụ không sử dụng ngân sách nhà nước"
    PROVINCIAL_COUNCIL = auto(), "Hội đồng KH&CN tỉnh"
    FINAL_EVALUATION = auto(), "Đánh giá cuối kỳ"
    """The 2025 regime's end-of-task evaluation (Law 93/2025/QH15), by a council."""
    BUDGET_APPRAISAL = auto(), "Tổ thẩm định kinh phí"
    """The 2025 regime's budget appraisal team (5 members under Circular 25/2026/TT-BCT)."""
