"""Gia hạn, duy trì — Decree 65/2023 Art. 30–31: windows, grace, yearly terms; kept once."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given

from vn_skt.ip_titles import ProtectionTitle, RenewalWindow
from vn_skt.regulations import Status, Version, lookup, register_version, unregister
from vn_skt.regulations.rows import IpRenewal
from vn_skt.testing.strategies import protection_titles

D = date
ONE_DAY = timedelta(days=1)


def title(kind: str, filed: date, granted: date | None = None, **changes: Any) -> ProtectionTitle:
    owner = changes.pop("owner", "Công ty A")
    return ProtectionTitle(type=kind, filing_date=filed, grant_date=granted, owner=owner, **changes)


def rule(kind: str, on: date) -> IpRenewal:
    found: IpRenewal = lookup("ip_renewal", on=on).row(kind)
    return found


# -- worked cases ------------------------------------------------------------------------


def test_a_mark_expiring_01_06_2024_may_be_renewed_from_01_12_2023_to_01_12_2024() -> None:
    """Art. 31: 6 months before expiry, 6 months of grace after it."""
    mark = title("Nhãn hiệu", D(2014, 6, 1), D(2015, 9, 1))
    assert mark.renewal_window() == RenewalWindow(D(2023, 12, 1), D(2024, 6, 1), D(2024, 12, 1))


def test_a_window_from_31_august_ends_on_the_last_day_of_february() -> None:
    mark = title("Nhãn hiệu", D(2015, 8, 31), D(2016, 3, 1))
    window = mark.renewal_window()
    assert window is not None and window.grace_ends == D(2026, 2, 28)
    assert window.opens == D(2025, 2, 28)


def test_yearly_terms_of_a_patent_granted_01_07_2021() -> None:
    """Art. 30: term k's fee in the 6 months before term k−1 ends, 6 months of grace."""
    patent = title("Sáng chế", D(2018, 3, 15), D(2021, 7, 1))
    terms = patent.maintenance_terms()
    first, second = terms[0], terms[1]
    assert (first.number, first.starts, first.window_opens) == (1, D(2021, 7, 1), None)
    assert (second.starts, second.ends) == (D(2022, 7, 1), D(2023, 6, 30))
    assert (second.window_opens, second.window_closes, second.grace_ends) == (
        D(2021, 12, 30),
        D(2022, 6, 30),
        D(2022, 12, 30),
    )
    assert terms[-1].ends == D(2038, 3, 15)  # the last term stops at expiry
    assert len(terms) == 17


def test_marks_and_designs_have_no_yearly_terms() -> None:
    assert title("Nhãn hiệu", D(2014, 6, 1), D(2015, 9, 1)).maintenance_terms() == []
    assert title("Sáng chế", D(2018, 3, 15)).maintenance_terms() == []  # not granted yet


def test_the_terms_returned_are_a_copy() -> None:
    patent = title("Sáng chế", D(2018, 3, 15), D(2021, 7, 1))
    patent.maintenance_terms().clear()
    assert len(patent.maintenance_terms()) == 17


# -- the ip_renewal version of the day the term ends ----------------------------------------


def test_renewal_rules_follow_the_expiry_date_across_23_08_2023() -> None:
    old = title("Nhãn hiệu", D(2013, 8, 22), D(2014, 9, 1)).renewal_window()
    new = title("Nhãn hiệu", D(2013, 8, 23), D(2014, 9, 1)).renewal_window()
    assert old is not None and new is not None
    assert old.closes == D(2023, 8, 22) and new.closes == D(2023, 8, 23)
    assert "103/2006/NĐ-CP" in old.source and "65/2023/NĐ-CP" in new.source
    assert (old.opens, old.grace_ends) == (D(2023, 2, 22), D(2024, 2, 22))
    assert lookup("ip_renewal", on=D(2023, 8, 22)).status is Status.U
    assert lookup("ip_renewal", on=D(2023, 8, 23)).status is Status.V2


@pytest.mark.usefixtures("shorter_windows")
def test_a_changed_window_applies_from_the_expiry_date() -> None:
    old = title("Nhãn hiệu", D(2013, 8, 22), D(2014, 9, 1))
    new = title("Nhãn hiệu", D(2013, 8, 23), D(2014, 9, 1))
    assert old.renewal_window() == RenewalWindow(D(2023, 2, 22), D(2023, 8, 22), D(2024, 2, 22))
    assert new.renewal_window() == RenewalWindow(D(2023, 5, 23), D(2023, 8, 23), D(2023, 11, 23))


@pytest.mark.usefixtures("shorter_windows")
def test_maintenance_windows_follow_the_end_of_the_previous_term() -> None:
    patent = title("Sáng chế", D(2018, 3, 15), D(2021, 8, 23))
    terms = {t.number: t for t in patent.maintenance_terms()}
    # term 2 is paid before term 1 ends on 22/08/2022: the old rules, 6 months
    assert (terms[2].window_opens, terms[2].grace_ends) == (D(2022, 2, 22), D(2023, 2, 22))
    assert "103/2006" in terms[2].source
    # term 3 is paid before term 2 ends on 22/08/2023: still the old rules (the day before)
    assert terms[3].window_closes == D(2023, 8, 22) and "103/2006" in terms[3].source
    # term 4 before 22/08/2024: the new (test) rules, 3 months
    assert (terms[4].window_opens, terms[4].grace_ends) == (D(2024, 5, 22), D(2024, 11, 22))
    assert terms[4].source == "Nghị định thử nghiệm"


# -- computed once, and still right when the rules change -------------------------------------


def test_a_version_registered_after_the_title_was_asked_is_seen() -> None:
    mark = title("Nhãn hiệu", D(2013, 8, 23), D(2014, 9, 1))
    shipped = RenewalWindow(D(2023, 2, 23), D(2023, 8, 23), D(2024, 2, 23))
    assert mark.renewal_window() == shipped
    rows = {"window_months": 3, "grace_months": 3, "surcharge_percent_per_month": 20}
    register_version(
        Version("ip_renewal", D(2023, 8, 23), None, "Thử", Status.U, {"renewal": rows}, patch=True)
    )
    assert mark.renewal_window() == RenewalWindow(D(2023, 5, 23), D(2023, 8, 23), D(2023, 11, 23))
    unregister("ip_renewal")
    assert mark.renewal_window() == shipped


def test_a_copy_with_other_dates_has_its_own_schedule() -> None:
    patent = title("Sáng chế", D(2018, 3, 15), D(2021, 7, 1))
    assert patent.maintenance_terms()[1].starts == D(2022, 7, 1)
    later = patent.model_copy(update={"grant_date": D(2021, 9, 1)})
    assert later.maintenance_terms()[1].starts == D(2022, 9, 1)
    assert patent.maintenance_terms()[1].starts == D(2022, 7, 1)


# -- the arithmetic against dateutil --------------------------------------------------------


@given(protection_titles())
def test_the_window_is_relativedelta_around_the_expiry(t: ProtectionTitle) -> None:
    window, expiry = t.renewal_window(), t.expiry_date()
    if window is None:
        assert not t.can_be_renewed()
        return
    assert expiry is not None and window.closes == expiry
    renewal = rule("renewal", expiry)
    assert window.opens == expiry - relativedelta(months=renewal.window_months)
    assert window.grace_ends == expiry + relativedelta(months=renewal.grace_months)
    assert window.source == lookup("ip_renewal", on=expiry).source


@given(protection_titles())
def test_yearly_terms_run_from_the_grant_anniversaries_to_the_expiry(t: ProtectionTitle) -> None:
    terms, expiry = t.maintenance_terms(), t.expiry_date()
    if not terms:
        return
    assert t.grant_date is not None and expiry is not None
    assert terms[0].starts == t.grant_date and terms[-1].ends == expiry
    for k, term in enumerate(terms, start=1):
        assert term.number == k
        assert term.starts == t.grant_date + relativedelta(years=k - 1)
        assert term.ends == min(t.grant_date + relativedelta(years=k) - ONE_DAY, expiry)
        if k == 1:
            assert term.window_opens is term.window_closes is term.grace_ends is None
            continue
        closes = terms[k - 2].ends
        maintenance = rule("maintenance", closes)
        assert term.window_closes == closes
        assert term.window_opens == closes - relativedelta(months=maintenance.window_months)
        assert term.grace_ends == closes + relativedelta(months=maintenance.grace_months)
    assert expiry < t.grant_date + relativedelta(years=len(terms))
