"""Danh mục văn bằng — title types and statuses, with their Vietnamese labels."""

from __future__ import annotations

from enum import auto

from vn_skt.l10n import LabeledEnum

__all__ = ["DeadlineKind", "TitleStatus", "TitleType"]


class TitleType(LabeledEnum):
    """Loại văn bằng bảo hộ — the kind of industrial-property title."""

    PATENT = auto(), "Sáng chế"
    UTILITY_SOLUTION = auto(), "Giải pháp hữu ích"
    INDUSTRIAL_DESIGN = auto(), "Kiểu dáng công nghiệp"
    TRADEMARK = auto(), "Nhãn hiệu"
    LAYOUT_DESIGN = auto(), "Thiết kế bố trí"
    GEOGRAPHICAL_INDICATION = auto(), "Chỉ dẫn địa lý"


class TitleStatus(LabeledEnum):
    """Tình trạng hiệu lực — a title's status on a given day."""

    PENDING = auto(), "Chưa được cấp"
    IN_FORCE = auto(), "Còn hiệu lực"
    GRACE = auto(), "Trong thời hạn gia hạn muộn"
    EXPIRED = auto(), "Hết hiệu lực"


class DeadlineKind(LabeledEnum):
    """Loại hạn kế tiếp — what a title's next deadline is (the bulk ``deadline_kind``).

    The same cases as :meth:`ProtectionTitle.next_action`: awaiting the grant, a yearly
    maintenance fee (on time or late), a renewal request (on time or late), the end of a
    term that cannot be renewed, an indefinite title, a title no longer in force.
    """

    AWAIT_GRANT = auto(), "Chờ cấp văn bằng"
    MAINTENANCE = auto(), "Nộp phí duy trì hiệu lực"
    MAINTENANCE_LATE = auto(), "Nộp phí duy trì hiệu lực muộn"
    RENEWAL = auto(), "Nộp yêu cầu gia hạn"
    RENEWAL_LATE = auto(), "Nộp yêu cầu gia hạn muộn"
    TERM_ENDS = auto(), "Hết thời hạn bảo hộ, không được gia hạn"
    INDEFINITE = auto(), "Bảo hộ vô thời hạn"
    LAPSED = auto(), "Đã hết hiệu lực"
