"""Lịch gia hạn, duy trì — a title's calendar: expiry, renewal window, maintenance terms.

Windows and grace follow Decree 65/2023 Art. 30–31 (the ``ip_renewal`` table): a
renewal may be requested in the ``window_months`` before expiry, or late, with a
surcharge, for ``grace_months`` after it; the fee of a patent's (utility solution's)
yearly term k is paid in the same window before term k−1 ends. The renewal window
follows the ``ip_renewal`` version in force on the expiry date; the window of term k,
the version in force on the day term k−1 ends. Each window carries the ``source`` it
followed. These are calendar dates: a deadline on a day off is a separate question.

A title's calendar depends only on its type and dates, and the title is frozen, so it is
computed once and kept (:func:`schedule`): asking a title its status is then a few
comparisons, not a fresh walk through twenty maintenance terms.

>>> from datetime import date
>>> plan = schedule(TitleType.TRADEMARK, date(2016, 2, 29), granted=date(2017, 5, 10))
>>> plan.expiry, plan.window
(datetime.date(2026, 2, 28), RenewalWindow(opens=datetime.date(2025, 8, 28),
    closes=datetime.date(2026, 2, 28), grace_ends=datetime.date(2026, 8, 28)))
>>> schedule(TitleType.TRADEMARK, date(2016, 2, 29), granted=date(2017, 5, 10)) is plan
True
"""

from __future__ import annotations

import threading
from datetime import date, timedelta
from typing import Any, Final

import attrs

from vn_skt.l10n import add_months, add_years
from vn_skt.regulations import Version, default_registry, lookup
from vn_skt.regulations.rows import IpRenewal, IpTerm

from ._enums import TitleType
from ._terms import can_renew, first_expiry, renewed_expiry, term_rule

__all__ = ["MaintenanceTerm", "RenewalWindow", "Schedule", "schedule"]

_ONE_DAY: Final = timedelta(days=1)


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


@attrs.frozen
class Schedule:
    """Lịch của văn bằng — what follows from a title's type and dates alone.

    ``rule`` is the ``ip_terms`` row of the filing date; ``first_expiry`` and ``expiry``
    (renewals included) are None for an indefinite title; ``renewable`` says whether
    one more renewal is allowed; ``window`` is None when it is not; ``surcharge_percent``
    is the late-renewal surcharge per month of the window's version; ``maintenance``
    holds the yearly terms (empty unless a granted patent or utility solution).
    """

    rule: IpTerm
    first_expiry: date | None
    expiry: date | None
    renewable: bool
    window: RenewalWindow | None
    surcharge_percent: int | None
    maintenance: tuple[MaintenanceTerm, ...]


def _renewal_rule(kind: str, on: date) -> tuple[IpRenewal, str]:
    version = lookup("ip_renewal", on=on)
    rule: IpRenewal = version.row(kind)
    return rule, version.source


def _maintenance_terms(granted: date, expiry: date) -> tuple[MaintenanceTerm, ...]:
    """Yearly terms from ``granted`` through ``expiry``; term k's window from the
    ``ip_renewal`` version in force the day term k−1 ends."""
    terms: list[MaintenanceTerm] = []
    start = granted
    number = 1
    while start <= expiry:
        end = min(add_years(granted, number) - _ONE_DAY, expiry)
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
        start = end + _ONE_DAY
        number += 1
    return tuple(terms)


def compute_schedule(
    kind: TitleType,
    filed: date,
    *,
    granted: date | None = None,
    renewals: int = 0,
    first_exploited: date | None = None,
    created: date | None = None,
) -> Schedule:
    """Tính lịch — the schedule, computed afresh (see :func:`schedule` for the kept one)."""
    rule = term_rule(kind, on=filed)
    first = first_expiry(rule, kind, filed, first_exploited=first_exploited, created=created)
    expiry = None if first is None else renewed_expiry(first, rule, renewals=renewals)
    renewable = expiry is not None and can_renew(rule, renewals=renewals)
    window = None
    surcharge = None
    if expiry is not None and renewable:
        renewal, source = _renewal_rule("renewal", expiry)
        window = RenewalWindow(
            add_months(expiry, -renewal.window_months),
            expiry,
            add_months(expiry, renewal.grace_months),
            source=source,
        )
        surcharge = renewal.surcharge_percent_per_month
    maintenance: tuple[MaintenanceTerm, ...] = ()
    if granted is not None and expiry is not None and rule.maintenance:
        maintenance = _maintenance_terms(granted, expiry)
    return Schedule(rule, first, expiry, renewable, window, surcharge, maintenance)


# -- kept schedules ------------------------------------------------------------------------

_TABLES: Final = ("ip_terms", "ip_renewal")
_MAX_KEPT: Final = 8192
_kept: dict[tuple[Any, ...], tuple[Schedule, tuple[Version[Any], ...]]] = {}
_lock = threading.Lock()


def _rules_state() -> tuple[Version[Any], ...]:
    """The versions the registry holds for the two tables now: a user's registration
    changes them, and with them every schedule."""
    return tuple(v for name in _TABLES for v in default_registry.versions(name))


def schedule(
    kind: TitleType,
    filed: date,
    *,
    granted: date | None = None,
    renewals: int = 0,
    first_exploited: date | None = None,
    created: date | None = None,
) -> Schedule:
    """Lịch của văn bằng — the schedule of a title with these dates, computed once.

    Kept per (type, dates, renewals) and per state of the rule registry: registering
    or unregistering a version of ``ip_terms`` or ``ip_renewal`` is seen on the next
    call. The versions are held with the answer, so the identities in the key stay
    theirs.
    """
    state = _rules_state()
    key = (kind, filed, granted, renewals, first_exploited, created, *map(id, state))
    kept = _kept.get(key)
    if kept is not None:
        return kept[0]
    plan = compute_schedule(
        kind,
        filed,
        granted=granted,
        renewals=renewals,
        first_exploited=first_exploited,
        created=created,
    )
    with _lock:
        if len(_kept) >= _MAX_KEPT:
            _kept.clear()
        _kept[key] = (plan, state)
    return plan
