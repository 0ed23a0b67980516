"""Danh mục — the enumerations of S&T tasks, each member with its Vietnamese label."""

from __future__ import annotations

from enum import auto

from vn_skt.l10n import LabeledEnum

__all__ = ["Rating", "ResearchField", "SelectionMethod", "TaskLevel", "TaskStatus", "TaskType"]


class TaskType(LabeledEnum):
    """Loại nhiệm vụ — the form of a task (Law 29/2013, Decree 08/2014)."""

    RESEARCH_TOPIC = auto(), "Đề tài"
    PILOT_PRODUCTION_PROJECT = auto(), "Dự án sản xuất thử nghiệm"
    ST_PROJECT = auto(), "Dự án KH&CN"
    POLICY_STUDY = auto(), "Đề án khoa học"


class TaskLevel(LabeledEnum):
    """Cấp quản lý — the level that manages the task."""

    NATIONAL = auto(), "Cấp quốc gia"
    MINISTERIAL = auto(), "Cấp bộ"
    PROVINCIAL = auto(), "Cấp tỉnh"
    GRASSROOTS = auto(), "Cấp cơ sở"


class ResearchField(LabeledEnum):
    """Lĩnh vực nghiên cứu — the six fields of the national S&T classification."""

    NATURAL_SCIENCES = auto(), "Khoa học tự nhiên"
    ENGINEERING_AND_TECHNOLOGY = auto(), "Khoa học kỹ thuật và công nghệ"
    MEDICAL_AND_PHARMACEUTICAL = auto(), "Khoa học y, dược"
    AGRICULTURAL_SCIENCES = auto(), "Khoa học nông nghiệp"
    SOCIAL_SCIENCES = auto(), "Khoa học xã hội"
    HUMANITIES = auto(), "Khoa học nhân văn"


class SelectionMethod(LabeledEnum):
    """Phương thức giao nhiệm vụ — how the host was chosen.

    Tuyển chọn and giao trực tiếp under the 2013 law; xét tài trợ and đặt hàng under
    Law 93/2025/QH15 (from 01/10/2025).
    """

    OPEN_SELECTION = auto(), "Tuyển chọn"
    DIRECT_ASSIGNMENT = auto(), "Giao trực tiếp"
    FUNDING_REVIEW = auto(), "Xét tài trợ"
    COMMISSIONING = auto(), "Đặt hàng"


class TaskStatus(LabeledEnum):
    """Trạng thái — where a task is in its life, from approval to acceptance.

    APPROVED → CONTRACTED → IN_PROGRESS → AWAITING_ACCEPTANCE → ACCEPTED; TERMINATED
    from any state before ACCEPTED.
    """

    APPROVED = auto(), "Đã phê duyệt"
    CONTRACTED = auto(), "Đã ký hợp đồng"
    IN_PROGRESS = auto(), "Đang thực hiện"
    AWAITING_ACCEPTANCE = auto(), "Chờ nghiệm thu"
    ACCEPTED = auto(), "Đã nghiệm thu"
    TERMINATED = auto(), "Dừng thực hiện"

    @property
    def is_closed(self) -> bool:
        """Đã kết thúc — accepted or terminated: nothing more is due."""
        return self in (TaskStatus.ACCEPTED, TaskStatus.TERMINATED)

    def can_move_to(self, other: TaskStatus) -> bool:
        """Chuyển trạng thái — whether the lifecycle allows going from this status to ``other``."""
        if self.is_closed:
            return False
        if other is TaskStatus.TERMINATED:
            return True
        order = list(TaskStatus)
        return order.index(other) > order.index(self)


class Rating(LabeledEnum):
    """Kết quả đánh giá — an acceptance verdict (Circular 11/2014/TT-BKHCN)."""

    EXCELLENT = auto(), "Xuất sắc"
    PASSED = auto(), "Đạt"
    FAILED = auto(), "Không đạt"
