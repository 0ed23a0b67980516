"""Tình trạng, việc cần làm — a title's status on a day, and what its owner must do next.

PENDING before the grant; IN_FORCE from the grant through the expiry; GRACE after the
expiry through ``grace_ends`` while one more renewal is allowed, or while an unpaid
maintenance term is in its grace; EXPIRED after. An unpaid yearly term makes the title
lapse from that term's first day (IP Law Art. 95). A late fee counts the *started*
months after the deadline (Decree 65/2023: 10% of the fee per month).

>>> from datetime import date
>>> started_months_late(date(2024, 6, 1), date(2024, 6, 2)), started_months_late(
...     date(2024, 6, 1), date(2024, 7, 1)), started_months_late(date(2024, 6, 1),
...     date(2024, 7, 2))
(1, 1, 2)
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING

from vn_skt.errors import InvalidValue
from vn_skt.l10n import add_months, format_count, format_date, months_between

from ._enums import TitleStatus
from ._schedule import MaintenanceTerm, Schedule

if TYPE_CHECKING:
    from ._record import ProtectionTitle

__all__ = ["lapsed_on", "late_surcharge_months", "next_action", "started_months_late", "status_on"]


def started_months_late(deadline: date, on: date) -> int:
    """Số tháng nộp muộn — the months after ``deadline`` that have started by ``on``
    (0 when ``on`` is not after it): the smallest n with ``on <= deadline + n months``."""
    if on <= deadline:
        return 0
    n = months_between(deadline, on)
    return n if add_months(deadline, n) == on else n + 1


def first_unpaid(plan: Schedule, paid: Mapping[int, date], on: date) -> MaintenanceTerm | None:
    """The first yearly term (after the first) not in ``paid`` that has started by ``on``."""
    for term in plan.maintenance[1:]:
        if term.starts > on:
            return None
        if term.number not in paid:
            return term
    return None


def status_on(title: ProtectionTitle, on: date) -> TitleStatus:
    """Tình trạng — the status of ``title`` on ``on`` (a checked date)."""
    return _status(title, title._schedule(), on)


def lapsed_on(title: ProtectionTitle, on: date) -> date | None:
    """Ngày mất hiệu lực — the first day out of force, if ``title`` has lapsed by ``on``."""
    return _lapsed(title, title._schedule(), on)


def _status(title: ProtectionTitle, plan: Schedule, on: date) -> TitleStatus:
    if title.grant_date is None or on < title.grant_date:
        return TitleStatus.PENDING
    unpaid = first_unpaid(plan, title.maintenance_paid, on)
    if unpaid is not None and unpaid.grace_ends is not None:
        return TitleStatus.GRACE if on <= unpaid.grace_ends else TitleStatus.EXPIRED
    if plan.expiry is None or on <= plan.expiry:
        return TitleStatus.IN_FORCE
    if plan.window is not None and on <= plan.window.grace_ends:
        return TitleStatus.GRACE
    return TitleStatus.EXPIRED


def _lapsed(title: ProtectionTitle, plan: Schedule, on: date) -> date | None:
    if _status(title, plan, on) is not TitleStatus.EXPIRED:
        return None
    unpaid = first_unpaid(plan, title.maintenance_paid, on)
    if unpaid is not None:
        return unpaid.starts
    assert plan.expiry is not None  # an indefinite title never expires
    return plan.expiry + timedelta(days=1)


def late_surcharge_months(title: ProtectionTitle, filed_on: date) -> int:
    """Số tháng nộp muộn — of a renewal request filed on ``filed_on`` (a checked date)."""
    window = title._schedule().window
    if window is None:
        raise InvalidValue(f"late_surcharge_months: this {title.type.label} cannot be renewed")
    if not window.opens <= filed_on <= window.grace_ends:
        raise InvalidValue(
            f"late_surcharge_months: {filed_on} is outside {window.opens}..{window.grace_ends}"
        )
    return started_months_late(window.closes, filed_on)


def _inline(d: date) -> str:
    return format_date(d, "inline")


def next_action(title: ProtectionTitle, on: date) -> str:
    """Việc cần làm — what the owner of ``title`` must do next, seen on ``on``."""
    plan = title._schedule()
    status = _status(title, plan, on)
    if status is TitleStatus.PENDING:
        number = f" số {title.application_number}" if title.application_number else ""
        return f"Chờ cấp văn bằng (đơn{number} nộp ngày {_inline(title.filing_date)})"
    if status is TitleStatus.EXPIRED:
        lapsed = _lapsed(title, plan, on)
        assert lapsed is not None
        return f"Văn bằng đã hết hiệu lực từ ngày {_inline(lapsed)}"
    if plan.expiry is None:
        return f"{title.type.label} được bảo hộ vô thời hạn: không cần gia hạn"
    unpaid = first_unpaid(plan, title.maintenance_paid, on)
    if unpaid is not None and unpaid.window_closes is not None:
        assert unpaid.grace_ends is not None
        months = started_months_late(unpaid.window_closes, on)
        return (
            f"Nộp phí duy trì hiệu lực năm thứ {unpaid.number} muộn, chậm nhất ngày "
            f"{_inline(unpaid.grace_ends)} (nộp thêm lệ phí cho "
            f"{format_count(months)} tháng nộp muộn)"
        )
    window = plan.window
    if status is TitleStatus.GRACE:
        assert window is not None
        months = started_months_late(window.closes, on)
        return (
            f"Nộp yêu cầu gia hạn muộn chậm nhất ngày {_inline(window.grace_ends)}"
            f" (nộp lệ phí gia hạn muộn cho {format_count(months)} tháng, "
            f"{plan.surcharge_percent}% mỗi tháng)"
        )
    term = next(
        (
            t
            for t in plan.maintenance
            if t.window_opens is not None
            and t.number not in title.maintenance_paid
            and t.starts > on
        ),
        None,
    )
    if term is not None:
        assert term.window_opens is not None and term.window_closes is not None
        if on < term.window_opens:
            return (
                f"Nộp phí duy trì hiệu lực năm thứ {term.number} từ ngày "
                f"{_inline(term.window_opens)} đến ngày {_inline(term.window_closes)}"
            )
        return (
            f"Nộp phí duy trì hiệu lực năm thứ {term.number} chậm nhất ngày "
            f"{_inline(term.window_closes)}"
        )
    if window is None:
        return f"Văn bằng hết hiệu lực ngày {_inline(plan.expiry)} và không được gia hạn"
    if on < window.opens:
        return (
            f"Nộp yêu cầu gia hạn từ ngày {_inline(window.opens)} đến ngày {_inline(window.closes)}"
        )
    return f"Nộp yêu cầu gia hạn chậm nhất ngày {_inline(window.closes)}"
