"""Danh mục hội đồng — roles and council kinds, with their Vietnamese labels."""

from __future__ import annotations

from enum import auto

from vn_skt.l10n import LabeledEnum
from vn_skt.tasks import Rating

__all__ = ["CouncilKind", "Rating", "Role"]


class Role(LabeledEnum):
    """Chức danh trong hội đồng — a member's role."""

    CHAIR = auto(), "Chủ tịch"
    VICE_CHAIR = auto(), "Phó Chủ tịch"
    REVIEWER = auto(), "Ủy viên phản biện"
    SECRETARY = auto(), "Ủy viên thư ký khoa học"
    MEMBER = auto(), "Ủy viên"


class CouncilKind(LabeledEnum):
    """Loại hội đồng — what a council is convened for."""

    TASK_IDENTIFICATION = auto(), "Tư vấn xác định nhiệm vụ"
    SELECTION = auto(), "Tuyển chọn, giao trực tiếp"
    FUNDING_REVIEW = auto(), "Xét tài trợ, đặt hàng"
    ACCEPTANCE = auto(), "Đánh giá nghiệm thu"
    NON_STATE_BUDGET = auto(), "Đánh giá nhiệm vụ không sử dụng ngân sách nhà nước"
    PROVINCIAL_COUNCIL = auto(), "Hội đồng KH&CN tỉnh"
