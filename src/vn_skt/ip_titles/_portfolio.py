"""Danh mục văn bằng — figures for reports: titles granted, expiring, due for renewal.

Its face follows :class:`vn_skt.tasks.Portfolio` where the verbs mean the same:
``len()``, ``filter(predicate)``, ``to_frame()``, ``status_counts()`` and a table in a
notebook. Where they differ, it is because a title's status is not recorded but
follows from its dates: ``status_counts(on)`` and ``to_frame(on)`` take the day asked
about (a task's status is a field, so ``Portfolio.status_counts()`` takes none); titles
are counted by the period they were granted in (``granted_in(period)``), not
summarised by plan year (``Portfolio.year(y)``); and the same title may appear twice
(there is no code every title must have, unlike a task's), so nothing is refused for it.

>>> from datetime import date
>>> from vn_skt.calendar import Period
>>> titles = TitlePortfolio([
...     ProtectionTitle(type="Nhãn hiệu", filing_date=date(2015, 3, 2),
...                     grant_date=date(2016, 6, 1), owner="HTX Chè Tân Cương"),
...     ProtectionTitle(type="Chỉ dẫn địa lý", filing_date=date(2024, 1, 15),
...                     grant_date=date(2025, 4, 20), owner="UBND tỉnh"),
... ])
>>> titles
TitlePortfolio(2 titles)
>>> titles.granted_in(Period.year(2025))
{<TitleType.GEOGRAPHICAL_INDICATION: 'GEOGRAPHICAL_INDICATION'>: 1}
>>> [t.owner for t in titles.expiring(date(2025, 1, 1), months=3)]
['HTX Chè Tân Cương']
>>> {s.name: n for s, n in titles.status_counts(date(2025, 9, 3)).items()}
{'EXPIRED': 1, 'IN_FORCE': 1}
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from vn_skt.calendar import Period
from vn_skt.errors import InvalidValue
from vn_skt.l10n import HTML_ROWS, add_months, format_count, frame, html_table
from vn_skt.regulations import require_date

from ._enums import TitleStatus, TitleType
from ._record import ProtectionTitle

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

    def __repr__(self) -> str:
        return f"TitlePortfolio({len(self.titles)} titles)"

    def filter(self, predicate: Callable[[ProtectionTitle], bool]) -> TitlePortfolio:
        """Lọc — a portfolio of the titles for which ``predicate`` is true."""
        return TitlePortfolio(t for t in self.titles if predicate(t))

    # -- counted by the period of grant ---------------------------------------------------
    def granted(self, period: Period) -> list[ProtectionTitle]:
        """Được cấp trong kỳ — titles granted in ``period``."""
        return [
            t for t in self.titles if t.grant_date is not None and period.contains(t.grant_date)
        ]

    def granted_in(self, period: Period) -> dict[TitleType, int]:
        """Số văn bằng được cấp theo loại — count per title type granted in ``period``."""
        return dict(Counter(t.type for t in self.granted(period)))

    def granted_by_owner(self, period: Period) -> dict[str, int]:
        """Số văn bằng được cấp theo chủ sở hữu — count per owner granted in ``period``."""
        return dict(Counter(t.owner for t in self.granted(period)))

    # -- seen on a day -----------------------------------------------------------------
    def status_counts(self, on: date) -> dict[TitleStatus, int]:
        """Theo tình trạng — count per status on ``on``."""
        on = require_date(on, what="status_counts: on")
        return dict(Counter(t.status_on(on) for t in self.titles))

    def expiring(self, on: date, *, months: int) -> list[ProtectionTitle]:
        """Sắp hết hiệu lực — titles in force on ``on`` whose expiry falls within the next
        ``months`` months (renewable or not), soonest first."""
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
        return sorted(out, key=_by_expiry)

    def entering_renewal_window(self, on: date, *, months: int) -> list[ProtectionTitle]:
        """Đến kỳ gia hạn — renewable titles whose renewal window opens within the next
        ``months`` months, or is open on ``on`` (grace included), soonest first."""
        on = require_date(on, what="entering_renewal_window: on")
        until = add_months(on, months)
        out = []
        for title in self.titles:
            window = title.renewal_window()
            if window is None or title.grant_date is None:
                continue
            if window.opens <= until and on <= window.grace_ends:
                out.append(title)
        return sorted(out, key=_by_expiry)

    # -- tables ------------------------------------------------------------------------
    def to_frame(self, on: date | None = None) -> Any:
        """Bảng pandas — one row per title (:meth:`ProtectionTitle.row`), with its status
        on ``on`` when given (pandas is the ``notebook`` extra)."""
        return frame(t.row(on) for t in self.titles)

    def _repr_html_(self) -> str:
        rows = [t.row() for t in self.titles[:HTML_ROWS]]
        headers = [h for h in (rows[0] if rows else {"Loại": None}) if h != "Tình trạng"]
        return html_table(
            headers,
            [[row[h] for h in headers] for row in rows],
            caption=f"Danh mục {format_count(len(self.titles))} văn bằng",
            total=len(self.titles),
            noun="văn bằng",
        )


def _by_expiry(title: ProtectionTitle) -> tuple[date, str]:
    return title.expiry_date() or date.max, title.owner
