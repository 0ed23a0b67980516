"""Văn bằng bảo hộ — an industrial-property title, its term, renewal and maintenance.

Terms follow IP Law Art. 93 (the ``ip_terms`` table) and count from the filing date by
the Civil Code's period rules: "until the end of N years" ends at the end of the same
day and month of the last year, or that month's last day when the day does not exist
(a mark filed 29/02/2016 runs through 28/02/2026). A renewal runs from the previous
expiry. Windows and grace follow Decree 65/2023 (the ``ip_renewal`` table). These are
calendar dates: whether a deadline on a day off moves to the next working day is a
separate question (see :func:`vn_skt.l10n.add_working_days`).

Which version of a table applies is read from the title's own dates, never "the
latest": the term from the ``ip_terms`` version in force on the **filing date**; a
renewal window from the ``ip_renewal`` version in force on the day the term it renews
**ends** (the expiry); a maintenance window from the version in force on the day the
previous yearly term ends. Each window carries the ``source`` it followed.

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
>>> print(mark.next_action(on=date(2026, 5, 1)))
Nộp yêu cầu gia hạn muộn chậm nhất ngày 28/8/2026
(nộp lệ phí gia hạn muộn cho 03 tháng, 10% mỗi tháng)
>>> mark.model_copy(update={"renewals": 1}).expiry_date()
datetime.date(2036, 2, 28)
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs
from pydantic import BaseModel, ConfigDict, Field, model_validator

from vn_skt.errors import InvalidValue
from vn_skt.l10n import add_months, add_years, format_count, format_date, html_model
from vn_skt.regulations import lookup, require_date
from vn_skt.regulations.rows import IpRenewal, IpTerm

from .enums import TitleStatus, TitleType
from .numbers import ApplicationNumber

__all__ = ["MaintenanceTerm", "ProtectionTitle", "RenewalWindow"]


@attrs.frozen
class RenewalWindow:
    """Thời hạn gia hạn — when a renewal request may be filed.

    ``opens`` = expiry − 6 months; ``closes`` = the expiry date; ``grace_ends`` = expiry
    + 6 months (late filing with a surcharge), all inclusive. ``source`` is the
    ``ip_renewal`` version followed (the one in force on the expiry date).
    """

    opens: date
    closes: date
    grace_ends: date
    source: str = attrs.field(default="", eq=False, repr=False)


@attrs.frozen
class MaintenanceTerm:
    """Năm hiệu lực — one yearly maintenance term of a patent or utility solution.

    Term 1 starts on the grant date and is paid with the grant. The fee for term k is
    paid from ``window_opens`` (6 months before term k−1 ends) to ``window_closes`` (the
    day term k−1 ends), or until ``grace_ends`` with a surcharge. ``source`` is the
    ``ip_renewal`` version followed (the one in force the day term k−1 ends).
    """

    number: int
    starts: date
    ends: date
    window_opens: date | None
    window_closes: date | None
    grace_ends: date | None
    source: str = attrs.field(default="", eq=False, repr=False)


def _rule(title_type: TitleType, on: date) -> IpTerm:
    rule: IpTerm = lookup("ip_terms", on=on).row(title_type.name)
    return rule


def _renewal_rule(kind: str, on: date) -> tuple[IpRenewal, str]:
    version = lookup("ip_renewal", on=on)
    rule: IpRenewal = version.row(kind)
    return rule, version.source


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
        rule = _rule(self.type, self.filing_date)
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
        return html_model(self, f"{self.type.label}: {self.subject or self.owner}")

    # -- term --------------------------------------------------------------------------
    def _rule(self) -> IpTerm:
        return _rule(self.type, self.filing_date)

    def base_expiry(self) -> date | None:
        """Hết hạn lần đầu — the end of the first term (before renewals); None if indefinite."""
        rule = self._rule()
        if rule.term_years is None:
            return None
        ends = [add_years(self.filing_date, rule.term_years)]
        if self.type is TitleType.LAYOUT_DESIGN:
            if self.first_exploited is not None and rule.exploitation_years is not None:
                ends.append(add_years(self.first_exploited, rule.exploitation_years))
            if self.created is not None and rule.creation_years is not None:
                ends.append(add_years(self.created, rule.creation_years))
        return min(ends)

    def expiry_date(self) -> date | None:
        """Ngày hết hiệu lực — the last day in force, renewals included; None if indefinite.

        Each renewal runs from the previous expiry.
        """
        expiry = self.base_expiry()
        if expiry is None:
            return None
        years = self._rule().renewal_years or 0
        for _ in range(self.renewals):
            expiry = add_years(expiry, years)
        return expiry

    def can_be_renewed(self) -> bool:
        """Còn được gia hạn — the type is renewable and the renewals are not exhausted."""
        rule = self._rule()
        if rule.renewal_years is None or rule.term_years is None:
            return False
        return rule.max_renewals is None or self.renewals < rule.max_renewals

    def renewal_window(self) -> RenewalWindow | None:
        """Thời hạn nộp yêu cầu gia hạn — None when the title cannot be renewed."""
        expiry = self.expiry_date()
        if expiry is None or not self.can_be_renewed():
            return None
        rule, source = _renewal_rule("renewal", expiry)
        return RenewalWindow(
            add_months(expiry, -rule.window_months),
            expiry,
            add_months(expiry, rule.grace_months),
            source=source,
        )

    def late_surcharge_months(self, filed_on: date) -> int:
        """Số tháng nộp muộn — the started months after expiry at ``filed_on`` (0 if on
        time); the surcharge is ``surcharge_percent_per_month`` of the fee per month.

        Raises InvalidValue when the title cannot be renewed or ``filed_on`` is outside
        the window and the grace period.
        """
        filed_on = require_date(filed_on, what="late_surcharge_months: filed_on")
        window = self.renewal_window()
        if window is None:
            raise InvalidValue(f"late_surcharge_months: this {self.type.label} cannot be renewed")
        if not window.opens <= filed_on <= window.grace_ends:
            raise InvalidValue(
                f"late_surcharge_months: {filed_on} is outside {window.opens}..{window.grace_ends}"
            )
        return _months_late(window.closes, filed_on)

    # -- maintenance ----------------------------------------------------------------------
    def maintenance_terms(self) -> list[MaintenanceTerm]:
        """Các năm hiệu lực — yearly terms from grant to expiry (patents, utility solutions)."""
        expiry = self.expiry_date()
        if self.grant_date is None or expiry is None or not self._rule().maintenance:
            return []
        terms: list[MaintenanceTerm] = []
        start = self.grant_date
        number = 1
        while start <= expiry:
            end = min(add_years(self.grant_date, number) - timedelta(days=1), expiry)
            if number == 1:
                terms.append(MaintenanceTerm(1, start, end, None, None, None))
            else:
                previous_end = terms[-1].ends
                rule, source = _renewal_rule("maintenance", previous_end)
                terms.append(
                    MaintenanceTerm(
                        number,
                        start,
                        end,
                        add_months(previous_end, -rule.window_months),
                        previous_end,
                        add_months(previous_end, rule.grace_months),
                        source=source,
                    )
                )
            start = end + timedelta(days=1)
            number += 1
        return terms

    def _first_unpaid(self, on: date) -> MaintenanceTerm | None:
        for term in self.maintenance_terms()[1:]:
            if term.starts > on:
                return None
            if term.number not in self.maintenance_paid:
                return term
        return None

    # -- status ---------------------------------------------------------------------------
    def status_on(self, d: date) -> TitleStatus:
        """Tình trạng — PENDING before grant, IN_FORCE from grant to expiry, GRACE after
        expiry through ``grace_ends`` while the title can still be renewed (or while an
        unpaid maintenance term is in its grace), EXPIRED after."""
        d = require_date(d, what="status_on: d")
        if self.grant_date is None or d < self.grant_date:
            return TitleStatus.PENDING
        expiry = self.expiry_date()
        unpaid = self._first_unpaid(d)
        if unpaid is not None and unpaid.grace_ends is not None:
            return TitleStatus.GRACE if d <= unpaid.grace_ends else TitleStatus.EXPIRED
        if expiry is None or d <= expiry:
            return TitleStatus.IN_FORCE
        window = self.renewal_window()
        if window is not None and d <= window.grace_ends:
            return TitleStatus.GRACE
        return TitleStatus.EXPIRED

    def lapsed_on(self, d: date) -> date | None:
        """Ngày mất hiệu lực — on ``d``, the first day the title is no longer in force
        (the start of an unpaid maintenance term, or the day after expiry), if it has lapsed."""
        d = require_date(d, what="lapsed_on: d")
        if self.status_on(d) is not TitleStatus.EXPIRED:
            return None
        unpaid = self._first_unpaid(d)
        if unpaid is not None:
            return unpaid.starts
        expiry = self.expiry_date()
        assert expiry is not None
        return expiry + timedelta(days=1)

    def next_action(self, *, on: date) -> str:
        """Việc cần làm — what the owner must do next, in plain Vietnamese."""
        on = require_date(on, what="next_action: on")
        status = self.status_on(on)
        if status is TitleStatus.PENDING:
            number = f" số {self.application_number}" if self.application_number else ""
            return (
                f"Chờ cấp văn bằng (đơn{number} nộp ngày {format_date(self.filing_date, 'inline')})"
            )
        if status is TitleStatus.EXPIRED:
            lapsed = self.lapsed_on(on)
            assert lapsed is not None
            return f"Văn bằng đã hết hiệu lực từ ngày {format_date(lapsed, 'inline')}"
        expiry = self.expiry_date()
        if expiry is None:
            return f"{self.type.label} được bảo hộ vô thời hạn: không cần gia hạn"
        unpaid = self._first_unpaid(on)
        if unpaid is not None and unpaid.window_closes is not None:
            assert unpaid.grace_ends is not None
            months = _months_late(unpaid.window_closes, on)
            return (
                f"Nộp phí duy trì hiệu lực năm thứ {unpaid.number} muộn, chậm nhất ngày "
                f"{format_date(unpaid.grace_ends, 'inline')} (nộp thêm lệ phí cho "
                f"{format_count(months)} tháng nộp muộn)"
            )
        if status is TitleStatus.GRACE:
            window = self.renewal_window()
            assert window is not None
            months = _months_late(window.closes, on)
            rule, _ = _renewal_rule("renewal", window.closes)
            return (
                "Nộp yêu cầu gia hạn muộn chậm nhất ngày "
                f"{format_date(window.grace_ends, 'inline')}"
                f" (nộp lệ phí gia hạn muộn cho {format_count(months)} tháng, "
                f"{rule.surcharge_percent_per_month}% mỗi tháng)"
            )
        terms = [
            t
            for t in self.maintenance_terms()
            if t.window_opens is not None
            and t.number not in self.maintenance_paid
            and t.starts > on
        ]
        if terms:
            term = terms[0]
            assert term.window_opens is not None and term.window_closes is not None
            if on < term.window_opens:
                return (
                    f"Nộp phí duy trì hiệu lực năm thứ {term.number} từ ngày "
                    f"{format_date(term.window_opens, 'inline')} đến ngày "
                    f"{format_date(term.window_closes, 'inline')}"
                )
            return (
                f"Nộp phí duy trì hiệu lực năm thứ {term.number} chậm nhất ngày "
                f"{format_date(term.window_closes, 'inline')}"
            )
        window = self.renewal_window()
        if window is None:
            return (
                f"Văn bằng hết hiệu lực ngày {format_date(expiry, 'inline')} và không được gia hạn"
            )
        if on < window.opens:
            return (
                f"Nộp yêu cầu gia hạn từ ngày {format_date(window.opens, 'inline')} đến "
                f"ngày {format_date(window.closes, 'inline')}"
            )
        return f"Nộp yêu cầu gia hạn chậm nhất ngày {format_date(window.closes, 'inline')}"


def _months_late(deadline: date, filed_on: date) -> int:
    """Started months after ``deadline`` at ``filed_on`` (0 when not late)."""
    months = 0
    while filed_on > add_months(deadline, months):
        months += 1
    return months
