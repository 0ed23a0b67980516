"""Thời hạn bảo hộ — IP Law Art. 93 and the Civil Code's year periods, case by case."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pydantic
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given

from vn_skt.errors import RegulationNotFound
from vn_skt.ip_titles import ProtectionTitle, TitleStatus, TitleType
from vn_skt.regulations import Status, lookup
from vn_skt.testing.strategies import protection_titles

D = date


def title(kind: str, filed: date, granted: date | None = None, **changes: Any) -> ProtectionTitle:
    owner = changes.pop("owner", "Công ty A")
    return ProtectionTitle(type=kind, filing_date=filed, grant_date=granted, owner=owner, **changes)


# -- worked cases --------------------------------------------------------------------------


def test_a_patent_filed_20_05_2010_is_in_force_through_20_05_2030() -> None:
    """REGULATIONS.md §1: 20 years from filing, to the same day and month."""
    patent = title("Sáng chế", D(2010, 5, 20), D(2012, 1, 5))
    assert patent.expiry_date() == D(2030, 5, 20)
    paid = {term.number: term.starts for term in patent.maintenance_terms()[1:]}
    patent = patent.model_copy(update={"maintenance_paid": paid})  # every yearly fee paid
    assert patent.status_on(D(2030, 5, 20)) is TitleStatus.IN_FORCE
    assert patent.status_on(D(2030, 5, 21)) is TitleStatus.EXPIRED


def test_a_term_from_29_february_ends_on_28_february() -> None:
    """Civil Code Art. 148: the day does not exist, so the month's last day."""
    assert title("Nhãn hiệu", D(2016, 2, 29), D(2017, 5, 10)).expiry_date() == D(2026, 2, 28)
    # ... and stays 29 February where the last year has one
    assert title("Sáng chế", D(2012, 2, 29), D(2014, 1, 1)).expiry_date() == D(2032, 2, 29)


@pytest.mark.parametrize(
    ("kind", "filed", "expiry"),
    [
        ("Sáng chế", D(2010, 5, 20), D(2030, 5, 20)),
        ("Giải pháp hữu ích", D(2015, 3, 1), D(2025, 3, 1)),
        ("Kiểu dáng công nghiệp", D(2020, 7, 31), D(2025, 7, 31)),
        ("Nhãn hiệu", D(2016, 2, 29), D(2026, 2, 28)),
        ("Thiết kế bố trí", D(2018, 4, 10), D(2028, 4, 10)),
    ],
)
def test_the_term_of_every_type(kind: str, filed: date, expiry: date) -> None:
    assert title(kind, filed, filed + timedelta(days=400)).expiry_date() == expiry


def test_a_geographical_indication_is_indefinite() -> None:
    gi = title("Chỉ dẫn địa lý", D(2010, 1, 1), D(2011, 1, 1), owner="UBND tỉnh")
    assert gi.expiry_date() is None and gi.renewal_window() is None and not gi.can_be_renewed()
    assert gi.status_on(D(2100, 1, 1)) is TitleStatus.IN_FORCE
    assert "vô thời hạn" in gi.next_action(D(2030, 1, 1))


def test_a_mark_filed_29_02_2016_renewed_runs_to_28_02_2036() -> None:
    """API.md: a renewal runs from the previous expiry, not from the request."""
    mark = title("Nhãn hiệu", D(2016, 2, 29), D(2017, 1, 5))
    assert [mark.model_copy(update={"renewals": n}).expiry_date() for n in range(3)] == [
        D(2026, 2, 28),
        D(2036, 2, 28),
        D(2046, 2, 28),
    ]
    assert mark.model_copy(update={"renewals": 2}).base_expiry() == D(2026, 2, 28)


def test_an_industrial_design_lasts_15_years_at_most() -> None:
    design = title("Kiểu dáng công nghiệp", D(2020, 8, 31), D(2021, 5, 1), renewals=2)
    assert design.expiry_date() == D(2035, 8, 31)
    assert not design.can_be_renewed() and design.renewal_window() is None
    assert design.status_on(D(2035, 9, 1)) is TitleStatus.EXPIRED  # no grace: nothing to renew
    assert "không được gia hạn" in design.next_action(D(2035, 1, 1))
    with pytest.raises(pydantic.ValidationError, match="at most 2 times"):
        title("Kiểu dáng công nghiệp", D(2010, 3, 1), D(2011, 1, 1), renewals=3)


@pytest.mark.parametrize(
    ("first_exploited", "created", "expiry"),
    [
        (None, None, D(2030, 6, 1)),  # 10 years from filing
        (D(2019, 1, 15), None, D(2029, 1, 15)),  # 10 years from first exploitation
        (None, D(2014, 9, 9), D(2029, 9, 9)),  # 15 years from creation
        (D(2020, 1, 1), D(2014, 9, 9), D(2029, 9, 9)),  # creation earliest of three
        (D(2019, 6, 1), D(2016, 1, 1), D(2029, 6, 1)),  # exploitation earliest
        (D(2021, 1, 1), D(2019, 1, 1), D(2030, 6, 1)),  # filing earliest
    ],
)
def test_a_layout_design_ends_at_the_earliest_of_three_terms(
    first_exploited: date | None, created: date | None, expiry: date
) -> None:
    layout = title(
        "Thiết kế bố trí",
        D(2020, 6, 1),
        D(2021, 1, 1),
        first_exploited=first_exploited,
        created=created,
    )
    assert layout.expiry_date() == expiry


# -- the ip_terms version of the filing date -------------------------------------------------


def test_a_filing_before_the_ip_law_is_not_guessed() -> None:
    with pytest.raises(RegulationNotFound, match="2006-07-01"):
        title("Nhãn hiệu", D(2006, 6, 30), D(2007, 1, 1))
    assert title("Nhãn hiệu", D(2006, 7, 1), D(2007, 1, 1)).expiry_date() == D(2016, 7, 1)


def test_terms_follow_the_filing_date_across_01_04_2026() -> None:
    assert lookup("ip_terms", on=D(2026, 3, 31)).status is Status.V2
    assert lookup("ip_terms", on=D(2026, 4, 1)).status is Status.U  # Law 131/2025: unchecked
    assert "131/2025/QH15" in lookup("ip_terms", on=D(2026, 4, 1)).source
    # the shipped rows agree on both sides of 01/04/2026
    assert title("Nhãn hiệu", D(2026, 3, 31)).expiry_date() == D(2036, 3, 31)
    assert title("Nhãn hiệu", D(2026, 4, 1)).expiry_date() == D(2036, 4, 1)


@pytest.mark.usefixtures("shorter_marks")
def test_a_changed_term_applies_from_its_filing_date() -> None:
    before = title("Nhãn hiệu", D(2026, 3, 31), D(2026, 12, 1))
    after = title("Nhãn hiệu", D(2026, 4, 1), D(2026, 12, 1))
    assert before.expiry_date() == D(2036, 3, 31)
    assert after.expiry_date() == D(2033, 4, 1)
    assert after.model_copy(update={"renewals": 1}).expiry_date() == D(2040, 4, 1)
    # the grant date and the day asked about do not choose the rules: the filing does
    assert after.status_on(D(2040, 1, 1)) is TitleStatus.EXPIRED
    assert before.status_on(D(2036, 3, 31)) is TitleStatus.IN_FORCE


# -- the arithmetic against dateutil --------------------------------------------------------


def oracle_expiry(t: ProtectionTitle) -> date | None:
    """Art. 93 with relativedelta and the row of the filing date."""
    rule = lookup("ip_terms", on=t.filing_date).row(t.type.name)
    if rule.term_years is None:
        return None
    ends = [t.filing_date + relativedelta(years=rule.term_years)]
    if t.first_exploited is not None:
        ends.append(t.first_exploited + relativedelta(years=rule.exploitation_years))
    if t.created is not None:
        ends.append(t.created + relativedelta(years=rule.creation_years))
    expiry = min(ends)
    for _ in range(t.renewals):
        expiry += relativedelta(years=rule.renewal_years)
    return expiry


@given(protection_titles())
def test_expiry_is_relativedelta_from_the_filing_date(t: ProtectionTitle) -> None:
    assert t.expiry_date() == oracle_expiry(t)


@given(protection_titles())
def test_renewing_moves_the_expiry_by_the_renewal_term(t: ProtectionTitle) -> None:
    if not t.can_be_renewed():
        return
    before = t.expiry_date()
    after = t.model_copy(update={"renewals": t.renewals + 1}).expiry_date()
    years = lookup("ip_terms", on=t.filing_date).row(t.type.name).renewal_years
    assert before is not None and after == before + relativedelta(years=years)


def test_every_type_has_a_row_in_every_version() -> None:
    for version in (lookup("ip_terms", on=D(2006, 7, 1)), lookup("ip_terms", on=D(2026, 4, 1))):
        assert set(version.rows) == {kind.name for kind in TitleType}
