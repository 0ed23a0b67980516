"""Văn bằng bảo hộ — the record of an industrial-property title, and the questions it answers.

A title's term, renewal window and maintenance terms depend on its type and dates alone
(:mod:`._terms`, :mod:`._schedule`: computed once per title); its status and the next
thing its owner must do depend on the day asked about too (:mod:`._status`). Which
version of a rule table applies is read from the title's own dates, never "the latest":
the term from the ``ip_terms`` version in force on the **filing date**; a renewal window
from the ``ip_renewal`` version in force on the day the term it renews **ends**; a
maintenance window from the version in force on the day the previous yearly term ends.

The day a question is about is the first argument of every method that takes one,
named ``on``: ``title.status_on(d)`` and ``title.status_on(on=d)`` are the same call, as
are ``title.next_action(d)`` and ``title.next_action(on=d)``. That day never chooses the
rules (the title's own dates do). ``status_on(d=...)`` and ``lapsed_on(d=...)``, the
keyword of the first versions, still work and warn (DeprecationWarning).

>>> from datetime import date
>>> mark = ProtectionTitle(type="Nhãn hiệu", filing_date=date(2016, 2, 29),
...                        grant_date=date(2017, 5, 10), owner="HTX Bưởi Phúc Trạch")
>>> mark.expiry_date()
datetime.date(2026, 2, 28)
>>> mark.renewal_window()
RenewalWindow(opens=datetime.date(2025, 8, 28), closes=datetime.date(2026, 2, 28),
              grace_ends=datetime.date(2026, 8, 28))
>>> mark.status_on(date(2026, 5, 1))
<TitleStatus.GRACE: 'GRACE'>
>>> print(mark.next_action(date(2026, 5, 1)))
Nộp yêu cầu gia hạn muộn chậm nhất ngày 28/8/2026
(nộp lệ phí gia hạn muộn cho 03 tháng, 10% mỗi tháng)
>>> mark.model_copy(update={"renewals": 1}).expiry_date()
datetime.date(2036, 2, 28)
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from datetime import date
from typing import Any, ParamSpec, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from vn_skt.errors import InvalidValue
from vn_skt.l10n import format_date, html_record
from vn_skt.regulations import require_date

from . import _status
from ._enums import TitleStatus, TitleType
from ._numbers import ApplicationNumber
from ._schedule import MaintenanceTerm, RenewalWindow, Schedule, schedule
from ._terms import term_rule

__all__ = ["ProtectionTitle"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _day_was_d(method: Callable[_P, _R]) -> Callable[_P, _R]:
    """Accept the old keyword ``d=`` for ``on``, with a DeprecationWarning."""

    @functools.wraps(method)
    def accept(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if "d" in kwargs:
            name = f"ProtectionTitle.{method.__name__}"
            if "on" in kwargs or len(args) > 1:
                raise InvalidValue(f"{name}: got the day twice (d= and on); pass it once")
            warnings.warn(
                f"{name}(d=...) is deprecated; pass the day as {method.__name__}(day) or "
                f"{method.__name__}(on=day)",
                DeprecationWarning,
                stacklevel=2,
            )
            kwargs["on"] = kwargs.pop("d")
        return method(*args, **kwargs)

    return accept


class ProtectionTitle(BaseModel):
    """Văn bằng bảo hộ — a granted (or pending) industrial-property title.

    ``renewals`` counts the renewals granted (``renewal_dates`` optionally their
    dates); ``maintenance_paid`` maps a patent's or utility solution's term number
    (2, 3, ...) to the date its fee was paid; ``first_exploited`` and ``created`` are for
    layout designs only; ``classes`` the Nice or Locarno classes.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    type: TitleType
    filing_date: date = Field(description="Ngày nộp đơn")
    owner: str = Field(min_length=1, description="Chủ văn bằng")
    application_number: ApplicationNumber | None = Field(default=None, description="Số đơn")
    grant_number: str | None = Field(default=None, description="Số văn bằng")
    grant_date: date | None = Field(default=None, description="Ngày cấp (None khi chưa cấp)")
    subject: str = Field(default="", description="Đối tượng: nhãn hiệu, sáng chế, sản phẩm")
    renewals: int = Field(default=0, ge=0, description="Số lần đã gia hạn")
    renewal_dates: tuple[date, ...] = ()
    maintenance_paid: dict[int, date] = Field(default_factory=dict)
    first_exploited: date | None = Field(
        default=None, description="Ngày khai thác thương mại đầu tiên"
    )
    created: date | None = Field(default=None, description="Ngày tạo ra thiết kế bố trí")
    classes: tuple[int, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> ProtectionTitle:
        if self.grant_date is not None and self.grant_date < self.filing_date:
            raise ValueError(
                f"grant_date {self.grant_date} is before filing_date {self.filing_date}"
            )
        rule = term_rule(self.type, on=self.filing_date)
        renewable = rule.renewal_years is not None
        limit = rule.max_renewals
        if self.renewals and not renewable:
            raise ValueError(
                f"renewals {self.renewals}: a {self.type.label} title cannot be renewed"
            )
        if limit is not None and self.renewals > limit:
            raise ValueError(
                f"renewals {self.renewals}: a {self.type.label} title can be renewed at most "
                f"{limit} times"
            )
        if self.renewal_dates and len(self.renewal_dates) != self.renewals:
            raise ValueError(
                f"renewal_dates has {len(self.renewal_dates)} dates but renewals is {self.renewals}"
            )
        is_layout = self.type is TitleType.LAYOUT_DESIGN
        for name in ("first_exploited", "created"):
            value = getattr(self, name)
            if value is not None and not is_layout:
                raise ValueError(f"{name} applies to layout designs only, not {self.type.label}")
            if value is not None and value > self.filing_date and name == "created":
                raise ValueError(f"created {value} is after filing_date {self.filing_date}")
        if self.created and self.first_exploited and self.first_exploited < self.created:
            raise ValueError(
                f"first_exploited {self.first_exploited} is before created {self.created}"
            )
        if self.maintenance_paid and not rule.maintenance:
            raise ValueError(f"maintenance_paid: a {self.type.label} title has no maintenance fees")
        if (
            self.application_number is not None
            and self.application_number.year != self.filing_date.year
        ):
            raise ValueError(
                f"application_number {self.application_number} is of year "
                f"{self.application_number.year}, but filing_date is {self.filing_date}"
            )
        return self

    def _repr_html_(self) -> str:
        window = self.renewal_window() if self.grant_date else None
        fields: dict[str, object] = {
            "Loại văn bằng": self.type.label,
            "Đối tượng": self.subject,
            "Chủ văn bằng": self.owner,
            "Số đơn": self.application_number,
            "Ngày nộp đơn": self.filing_date,
            "Số văn bằng": self.grant_number,
            "Ngày cấp": self.grant_date or "chưa cấp",
            "Hết hiệu lực": self.expiry_date() or ("vô thời hạn" if self.grant_date else None),
            "Số lần đã gia hạn": self.renewals,
            "Ngày gia hạn": self.renewal_dates,
            "Thời hạn nộp yêu cầu gia hạn": (
                f"từ {format_date(window.opens)} đến {format_date(window.closes)} (nộp muộn "
                f"đến {format_date(window.grace_ends)})"
                if window
                else None
            ),
            "Phí duy trì đã nộp": {f"năm thứ {k}": v for k, v in self.maintenance_paid.items()},
            "Ngày khai thác thương mại đầu tiên": self.first_exploited,
            "Ngày tạo ra thiết kế bố trí": self.created,
            "Nhóm phân loại": ", ".join(str(c) for c in self.classes),
        }
        shown = {k: v for k, v in fields.items() if v not in (None, "", (), {})}
        return html_record(f"{self.type.label}: {self.subject or self.owner}", shown)

    def _schedule(self) -> Schedule:
        """The title's schedule, computed once for its type and dates (see _schedule)."""
        return schedule(
            self.type,
            self.filing_date,
            granted=self.grant_date,
            renewals=self.renewals,
            first_exploited=self.first_exploited,
            created=self.created,
        )

    # -- term --------------------------------------------------------------------------
    def base_expiry(self) -> date | None:
        """Hết hạn lần đầu — the end of the first term (before renewals); None if indefinite."""
        return self._schedule().first_expiry

    def expiry_date(self) -> date | None:
        """Ngày hết hiệu lực — the last day in force, renewals included; None if indefinite.

        Each renewal runs from the previous expiry.
        """
        return self._schedule().expiry

    def can_be_renewed(self) -> bool:
        """Còn được gia hạn — the type is renewable and the renewals are not exhausted."""
        return self._schedule().renewable

    def renewal_window(self) -> RenewalWindow | None:
        """Thời hạn nộp yêu cầu gia hạn — None when the title cannot be renewed."""
        return self._schedule().window

    def late_surcharge_months(self, filed_on: date) -> int:
        """Số tháng nộp muộn — the started months after expiry at ``filed_on`` (0 if on
        time); the surcharge is ``surcharge_percent_per_month`` of the fee per month.

        Raises InvalidValue when the title cannot be renewed or ``filed_on`` is outside
        the window and the grace period.
        """
        filed_on = require_date(filed_on, what="late_surcharge_months: filed_on")
        return _status.late_surcharge_months(self, filed_on)

    # -- maintenance ----------------------------------------------------------------------
    def maintenance_terms(self) -> list[MaintenanceTerm]:
        """Các năm hiệu lực — yearly terms from grant to expiry (patents, utility solutions)."""
        return list(self._schedule().maintenance)

    # -- status on a day ---------------------------------------------------------------
    @_day_was_d
    def status_on(self, on: date) -> TitleStatus:
        """Tình trạng — PENDING before grant, IN_FORCE from grant to expiry, GRACE after
        expiry through ``grace_ends`` while the title can still be renewed (or while an
        unpaid maintenance term is in its grace), EXPIRED after."""
        return _status.status_on(self, require_date(on, what="status_on: on"))

    @_day_was_d
    def lapsed_on(self, on: date) -> date | None:
        """Ngày mất hiệu lực — on ``on``, the first day the title is no longer in force
        (the start of an unpaid maintenance term, or the day after expiry), if it has lapsed."""
        return _status.lapsed_on(self, require_date(on, what="lapsed_on: on"))

    def next_action(self, on: date) -> str:
        """Việc cần làm — what the owner must do next, seen on ``on``, in plain Vietnamese."""
        return _status.next_action(self, require_date(on, what="next_action: on"))

    def row(self, on: date | None = None) -> dict[str, Any]:
        """Dòng bảng — the title as a flat row for tables and pandas; the status column
        holds its status on ``on``, or None without a day."""
        status = None if on is None else self.status_on(on).label
        return {
            "Loại": self.type.label,
            "Đối tượng": self.subject,
            "Chủ sở hữu": self.owner,
            "Số đơn": str(self.application_number or ""),
            "Ngày nộp": self.filing_date,
            "Ngày cấp": self.grant_date,
            "Hết hiệu lực": self.expiry_date(),
            "Tình trạng": status,
        }
