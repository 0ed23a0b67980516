"""Thời hạn bảo hộ — how long a title lasts: IP Law Art. 93 (the ``ip_terms`` table).

Every title is valid from its grant date; its term counts from the filing date, by the
Civil Code's period rules (Art. 147–148): "until the end of N years" ends at the end of
the same day and month of the last year, or that month's last day when the day does not
exist (a mark filed 29/02/2016 runs through 28/02/2026). A layout design ends at the
earliest of its three terms. A renewal runs from the previous expiry, not from the
request. The ``ip_terms`` version is the one in force on the **filing date**.

>>> from datetime import date
>>> rule = term_rule(TitleType.TRADEMARK, on=date(2016, 2, 29))
>>> rule.term_years, rule.renewal_years, rule.max_renewals
(10, 10, None)
>>> first = first_expiry(rule, TitleType.TRADEMARK, date(2016, 2, 29))
>>> first, renewed_expiry(first, rule, renewals=1)
(datetime.date(2026, 2, 28), datetime.date(2036, 2, 28))
"""

from __future__ import annotations

from datetime import date

from vn_skt.l10n import add_years
from vn_skt.regulations import lookup
from vn_skt.regulations.rows import IpTerm

from ._enums import TitleType

__all__ = ["can_renew", "first_expiry", "renewed_expiry", "term_rule"]


def term_rule(kind: TitleType, *, on: date) -> IpTerm:
    """Quy định thời hạn — the ``ip_terms`` row of ``kind`` in force on ``on`` (the
    filing date)."""
    rule: IpTerm = lookup("ip_terms", on=on).row(kind.name)
    return rule


def first_expiry(
    rule: IpTerm,
    kind: TitleType,
    filed: date,
    *,
    first_exploited: date | None = None,
    created: date | None = None,
) -> date | None:
    """Hết hạn lần đầu — the last day of the first term (before renewals); None when
    the title is indefinite. A layout design's term is the earliest of ``term_years``
    from filing, ``exploitation_years`` from first exploitation and
    ``creation_years`` from creation."""
    if rule.term_years is None:
        return None
    ends = [add_years(filed, rule.term_years)]
    if kind is TitleType.LAYOUT_DESIGN:
        if first_exploited is not None and rule.exploitation_years is not None:
            ends.append(add_years(first_exploited, rule.exploitation_years))
        if created is not None and rule.creation_years is not None:
            ends.append(add_years(created, rule.creation_years))
    return min(ends)


def renewed_expiry(first: date, rule: IpTerm, *, renewals: int) -> date:
    """Hết hạn sau gia hạn — the expiry after ``renewals`` renewals, each running
    ``renewal_years`` from the previous expiry (so a 28 February stays the 28th)."""
    expiry = first
    for _ in range(renewals):
        expiry = add_years(expiry, rule.renewal_years or 0)
    return expiry


def can_renew(rule: IpTerm, *, renewals: int) -> bool:
    """Còn được gia hạn — the type is renewable and ``renewals`` has not reached its limit."""
    if rule.renewal_years is None or rule.term_years is None:
        return False
    return rule.max_renewals is None or renewals < rule.max_renewals
