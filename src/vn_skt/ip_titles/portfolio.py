"""Danh mục văn bằng — figures for reports: titles granted, expiring, due for renewal.

>>> from datetime import date
>>> from vn_skt.calendar import Period
>>> titles = TitlePortfolio([
...     ProtectionTitle(type="Nhãn hiệu", filing_date=date(2015, 3, 2),
...                     grant_date=date(2016, 6, 1), owner="HTX Chè Tân Cương"),
...     ProtectionTitle(type="Chỉ dẫn địa lý", filing_date=date(2024, 1, 15),
...                     grant_date=date(2025, 4, 20), owner="UBND tỉnh"),
... ])
>>> titles.granted_in(Period.year(2025))
{<TitleType.GEOGRAPHICAL_INDICATION: 'GEOGRAPHICAL_INDICATION'>: 1}
>>> [t.owner for t in titles.expiring(on=date(2025, 1, 1), months=3)]
['HTX Chè Tân Cương']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any

from vn_skt.calendar import Period
from vn_skt.errors import InvalidValue
from vn_skt.l10n import add_months, frame, html_table
from vn_skt.regulations import require_date

from .enums import TitleStatus, TitleType
from .models import ProtectionTitle

__all__ = ["TitlePortfolio"]


class TitlePortfolio:
    """Danh mục văn bằng — a department's (or a province's) titles."""

    def __init__(self, titles: Iterable[ProtectionTitle]) -> None:
        self.titles: tuple[ProtectionTitle, ...] = tuple(titles)
        for i, title in enumerate(self.titles):
            if not isinstance(title, ProtectionTitle):
                raise InvalidValue(
                    f"TitlePortfolio: item {i} is {type(title).__name__}; expected ProtectionTitle"
                )

    def __len__(self) -> int:
        return len(self.titles)

    def granted(self, period: Period) -> list[ProtectionTitle]:
        """Được cấp trong kỳ — titles granted in ``period``."""
        return [
            t for t in self.titles if t.grant_date is not None and period.contains(t.grant_date)
        ]

    def granted_in(self, period: Period) -> dict[TitleType, int]:
        """Số văn bằng được cấp theo loại — count per title type granted in ``period``."""
        return dict(Counter(t.type for t in self.granted(period)))

    def granted_by_owner(self, period: Period) -> dict[str, int]:
        """Số văn bằng được cấp theo chủ sở hữu."""
        return dict(Counter(t.owner for t in self.granted(period)))

    def expiring(self, *, on: date, months: int) -> list[ProtectionTitle]:
        """Sắp hết hiệu lực — titles in force on ``on`` whose expiry falls within the next
        ``months`` months (renewable or not)."""
        on = require_date(on, what="expiring: on")
        until = add_months(on, months)
        out = []
        for title in self.titles:
            expiry = title.expiry_date()
            if (
                expiry is not None
                and on <= expiry <= until
                and title.status_on(on) is TitleStatus.IN_FORCE
            ):
                out.append(title)
        return sorted(out, key=lambda t: (t.expiry_date() or date.max, t.owner))

    def entering_renewal_window(self, *, on: date, months: int) -> list[ProtectionTitle]:
        """Đến kỳ gia hạn — renewable titles whose renewal window opens within the next
        ``months`` months, or is open on ``on`` (grace included)."""
        on = require_date(on, what="entering_renewal_window: on")
        until = add_months(on, months)
        out = []
        for title in self.titles:
            window = title.renewal_window()
            if window is None or title.grant_date is None:
                continue
            if window.opens <= until and on <= window.grace_ends:
                out.append(title)
        return sorted(out, key=lambda t: (t.expiry_date() or date.max, t.owner))

    def to_frame(self, on: date | None = None) -> Any:
        """Bảng pandas — one row per title, with its expiry and (given ``on``) status."""
        return frame(
            {
                "Loại": t.type.label,
                "Đối tượng": t.subject,
                "Chủ sở hữu": t.owner,
                "Số đơn": str(t.application_number or ""),
                "Ngày nộp": t.filing_date,
                "Ngày cấp": t.grant_date,
                "Hết hiệu lực": t.expiry_date(),
                "Tình trạng": t.status_on(on).label if on else None,
            }
            for t in self.titles
        )

    def _repr_html_(self) -> str:
        rows = [
            [t.type, t.subject, t.owner, t.filing_date, t.grant_date, t.expiry_date()]
            for t in self.titles
        ]
        return html_table(
            ["Loại", "Đối tượng", "Chủ sở hữu", "Ngày nộp", "Ngày cấp", "Hết hiệu lực"],
            rows,
            caption=f"{len(self.titles)} văn bằng",
        )

    def status_counts(self, on: date) -> dict[TitleStatus, int]:
        """Theo tình trạng — count per status on ``on``."""
        on = require_date(on, what="status_counts: on")
        return dict(Counter(t.status_on(on) for t in self.titles))
