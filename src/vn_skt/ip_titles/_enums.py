"""Danh mục văn bằng — title types and statuses, with their Vietnamese labels."""

from __future__ import annotations

from enum import auto

from vn_skt.l10n import LabeledEnum

__all__ = ["TitleStatus", "TitleType"]


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
