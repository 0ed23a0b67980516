"""Tình trạng, việc cần làm — a title's status on a day, its lapse, its owner's next step."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.errors import InvalidValue
from vn_skt.ip_titles import ProtectionTitle, TitleStatus, TitleType
from vn_skt.l10n import format_date
from vn_skt.regulations import lookup
from vn_skt.testing.strategies import protection_titles

S = TitleStatus
D = date
ONE_DAY = timedelta(days=1)


def title(kind: str, filed: date, granted: date | None = None, **changes: Any) -> ProtectionTitle:
    owner = changes.pop("owner", "Công ty A")
    return ProtectionTitle(type=kind, filing_date=filed, grant_date=granted, owner=owner, **changes)


MARK = title("Nhãn hiệu", D(2014, 6, 1), D(2015, 9, 1), application_number="4-2014-12345")


# -- a trademark through its window and grace (Decree 65/2023 Art. 31) ------------------------


@pytest.mark.parametrize(
    ("on", "status", "action"),
    [
        (D(2015, 8, 31), S.PENDING, "Chờ cấp văn bằng (đơn số 4-2014-12345 nộp ngày 01/6/2014)"),
        (D(2015, 9, 1), S.IN_FORCE, "Nộp yêu cầu gia hạn từ ngày 01/12/2023 đến ngày 01/6/2024"),
        (D(2023, 11, 30), S.IN_FORCE, "Nộp yêu cầu gia hạn từ ngày 01/12/2023 đến ngày 01/6/2024"),
        (D(2023, 12, 1), S.IN_FORCE, "Nộp yêu cầu gia hạn chậm nhất ngày 01/6/2024"),
        (D(2024, 6, 1), S.IN_FORCE, "Nộp yêu cầu gia hạn chậm nhất ngày 01/6/2024"),
        (
            D(2024, 6, 2),
            S.GRACE,
            "Nộp yêu cầu gia hạn muộn chậm nhất ngày 01/12/2024 (nộp lệ "
            "phí gia hạn muộn cho 01 tháng, 10% mỗi tháng)",
        ),
        (
            D(2024, 12, 1),
            S.GRACE,
            "Nộp yêu cầu gia hạn muộn chậm nhất ngày 01/12/2024 (nộp lệ "
            "phí gia hạn muộn cho 06 tháng, 10% mỗi tháng)",
        ),
        (D(2024, 12, 2), S.EXPIRED, "Văn bằng đã hết hiệu lực từ ngày 02/6/2024"),
    ],
)
def test_each_edge_of_a_mark_expiring_01_06_2024(
    on: date, status: TitleStatus, action: str
) -> None:
    assert MARK.status_on(on) is status
    assert MARK.next_action(on) == action


@pytest.mark.parametrize(
    ("filed_on", "months"),
    [
        (D(2023, 12, 1), 0),
        (D(2024, 6, 1), 0),
        (D(2024, 6, 2), 1),
        (D(2024, 7, 1), 1),
        (D(2024, 7, 2), 2),
        (D(2024, 12, 1), 6),
    ],
)
def test_a_late_renewal_pays_10_percent_per_started_month(filed_on: date, months: int) -> None:
    assert MARK.late_surcharge_months(filed_on) == months


def test_the_started_months_after_31_january_count_from_the_end_of_february() -> None:
    mark = title("Nhãn hiệu", D(2015, 1, 31), D(2016, 1, 1))  # expires 31/01/2025
    assert [mark.late_surcharge_months(d) for d in (D(2025, 2, 28), D(2025, 3, 1))] == [1, 2]
    assert mark.late_surcharge_months(D(2025, 3, 31)) == 2
    assert mark.late_surcharge_months(D(2025, 4, 1)) == 3


def test_a_late_surcharge_outside_the_window() -> None:
    with pytest.raises(InvalidValue, match=r"outside 2023-12-01\.\.2024-12-01"):
        MARK.late_surcharge_months(D(2024, 12, 2))
    with pytest.raises(InvalidValue, match="outside"):
        MARK.late_surcharge_months(D(2023, 11, 30))
    with pytest.raises(InvalidValue, match="cannot be renewed"):
        title("Sáng chế", D(2010, 1, 1), D(2012, 1, 1)).late_surcharge_months(D(2029, 1, 1))


def test_a_renewed_mark_is_in_force_again() -> None:
    renewed = MARK.model_copy(update={"renewals": 1})
    assert renewed.status_on(D(2024, 12, 2)) is S.IN_FORCE
    assert renewed.lapsed_on(D(2024, 12, 2)) is None


# -- a patent's yearly terms (Decree 65/2023 Art. 30, IP Law Art. 95) --------------------------


def test_an_unpaid_term_lapses_from_its_first_day() -> None:
    patent = title("Sáng chế", D(2018, 3, 15), D(2021, 7, 1), maintenance_paid={2: D(2022, 6, 1)})
    assert patent.status_on(D(2023, 6, 30)) is S.IN_FORCE
    assert patent.next_action(D(2022, 12, 1)) == (
        "Nộp phí duy trì hiệu lực năm thứ 3 từ ngày 30/12/2022 đến ngày 30/6/2023"
    )
    assert patent.next_action(D(2023, 3, 1)) == (
        "Nộp phí duy trì hiệu lực năm thứ 3 chậm nhất ngày 30/6/2023"
    )
    assert patent.status_on(D(2023, 7, 1)) is S.GRACE  # term 3 unpaid, in grace
    assert patent.next_action(D(2023, 8, 15)) == (
        "Nộp phí duy trì hiệu lực năm thứ 3 muộn, chậm nhất ngày 30/12/2023 "
        "(nộp thêm lệ phí cho 02 tháng nộp muộn)"
    )
    assert patent.status_on(D(2023, 12, 30)) is S.GRACE
    assert patent.status_on(D(2023, 12, 31)) is S.EXPIRED
    assert patent.lapsed_on(D(2024, 1, 1)) == D(2023, 7, 1)
    assert patent.lapsed_on(D(2023, 12, 30)) is None
    assert patent.next_action(D(2024, 1, 1)) == "Văn bằng đã hết hiệu lực từ ngày 01/7/2023"


def test_a_fully_paid_utility_solution_runs_to_its_expiry() -> None:
    solution = title("Giải pháp hữu ích", D(2015, 3, 1), D(2017, 1, 10))
    paid = {t.number: t.window_closes for t in solution.maintenance_terms()[1:]}
    solution = solution.model_copy(update={"maintenance_paid": paid})
    assert solution.status_on(D(2025, 3, 1)) is S.IN_FORCE
    assert solution.status_on(D(2025, 3, 2)) is S.EXPIRED  # not renewable: no grace
    assert solution.lapsed_on(D(2025, 3, 2)) == D(2025, 3, 2)
    assert "không được gia hạn" in solution.next_action(D(2024, 12, 1))


@pytest.mark.usefixtures("shorter_windows")
def test_the_grace_and_surcharge_of_the_expiry_dates_version() -> None:
    old = title("Nhãn hiệu", D(2013, 8, 22), D(2014, 9, 1))
    new = title("Nhãn hiệu", D(2013, 8, 23), D(2014, 9, 1))
    assert new.status_on(D(2023, 11, 24)) is S.EXPIRED and old.status_on(D(2023, 11, 24)) is S.GRACE
    assert new.next_action(D(2023, 9, 1)).endswith("cho 01 tháng, 20% mỗi tháng)")
    assert old.next_action(D(2023, 9, 1)).endswith("cho 01 tháng, 10% mỗi tháng)")


# -- one way to pass the day -----------------------------------------------------------------


def test_the_day_is_the_first_argument_positional_or_on() -> None:
    day = D(2024, 7, 2)
    assert MARK.status_on(day) is MARK.status_on(on=day) is S.GRACE
    assert MARK.next_action(day) == MARK.next_action(on=day)
    assert MARK.lapsed_on(D(2025, 1, 1)) == MARK.lapsed_on(on=D(2025, 1, 1)) == D(2024, 6, 2)
    assert MARK.late_surcharge_months(day) == MARK.late_surcharge_months(filed_on=day) == 2


def test_the_old_keyword_d_warns_and_still_answers() -> None:
    with pytest.warns(DeprecationWarning, match=r"status_on\(d=\.\.\.\) is deprecated"):
        assert MARK.status_on(d=D(2024, 7, 2)) is S.GRACE  # type: ignore[call-arg]
    with pytest.warns(DeprecationWarning, match=r"lapsed_on\(d=\.\.\.\) is deprecated"):
        assert MARK.lapsed_on(d=D(2025, 1, 1)) == D(2024, 6, 2)  # type: ignore[call-arg]
    with pytest.raises(InvalidValue, match="twice"):
        MARK.status_on(D(2024, 7, 2), d=D(2024, 7, 2))  # type: ignore[call-arg]
    with pytest.raises(InvalidValue, match="twice"):
        MARK.lapsed_on(on=D(2024, 7, 2), d=D(2024, 7, 2))  # type: ignore[call-arg]


@pytest.mark.parametrize("bad", [datetime(2025, 1, 1, 8), "2025-01-01", 20250101, None])
def test_the_days_asked_about_are_dates(bad: object) -> None:
    for ask in (MARK.status_on, MARK.next_action, MARK.lapsed_on, MARK.late_surcharge_months):
        with pytest.raises(InvalidValue, match="expected"):
            ask(bad)  # type: ignore[arg-type]


# -- the status against an independent reading of the law --------------------------------------


def oracle_status(t: ProtectionTitle, on: date) -> TitleStatus:
    """Art. 93, 95 and Decree 65/2023 Art. 30–31 with relativedelta, rows read from the
    tables on the title's own dates."""
    if t.grant_date is None or on < t.grant_date:
        return S.PENDING
    rule = lookup("ip_terms", on=t.filing_date).row(t.type.name)
    if rule.term_years is None:
        return S.IN_FORCE
    ends = [t.filing_date + relativedelta(years=rule.term_years)]
    if t.first_exploited is not None:
        ends.append(t.first_exploited + relativedelta(years=rule.exploitation_years))
    if t.created is not None:
        ends.append(t.created + relativedelta(years=rule.creation_years))
    expiry = min(ends)
    for _ in range(t.renewals):
        expiry += relativedelta(years=rule.renewal_years)
    if rule.maintenance:
        k = 2
        while (starts := t.grant_date + relativedelta(years=k - 1)) <= min(on, expiry):
            if k not in t.maintenance_paid:
                closes = starts - ONE_DAY
                grace = lookup("ip_renewal", on=closes).row("maintenance").grace_months
                return S.GRACE if on <= closes + relativedelta(months=grace) else S.EXPIRED
            k += 1
    if on <= expiry:
        return S.IN_FORCE
    renewable = rule.renewal_years is not None and (
        rule.max_renewals is None or t.renewals < rule.max_renewals
    )
    grace = lookup("ip_renewal", on=expiry).row("renewal").grace_months
    if renewable and on <= expiry + relativedelta(months=grace):
        return S.GRACE
    return S.EXPIRED


@st.composite
def titles_and_days(draw: st.DrawFn) -> tuple[ProtectionTitle, date]:
    t = draw(protection_titles())
    expiry = t.expiry_date() or t.filing_date + timedelta(days=40 * 365)
    edges = [t.filing_date, expiry, expiry + ONE_DAY]
    if t.grant_date is not None:
        edges += [t.grant_date - ONE_DAY, t.grant_date]
    for term in t.maintenance_terms()[1:]:
        edges += [
            term.starts,
            term.grace_ends or term.starts,
            term.starts + relativedelta(months=6),
        ]
    window = t.renewal_window()
    if window is not None:
        edges += [window.grace_ends, window.grace_ends + ONE_DAY]
    any_day = st.dates(min_value=t.filing_date, max_value=expiry + timedelta(days=800))
    return t, draw(st.one_of(st.sampled_from(edges), any_day))


@given(titles_and_days())
def test_the_status_is_the_laws(case: tuple[ProtectionTitle, date]) -> None:
    t, on = case
    assert t.status_on(on) is oracle_status(t, on)


@given(titles_and_days())
def test_a_lapsed_title_says_when_it_lapsed(case: tuple[ProtectionTitle, date]) -> None:
    t, on = case
    lapsed = t.lapsed_on(on)
    assert (lapsed is not None) == (t.status_on(on) is S.EXPIRED)
    if lapsed is not None:
        assert t.status_on(lapsed - ONE_DAY) is not S.EXPIRED
        assert t.next_action(on).endswith(format_date(lapsed, "inline"))


@given(st.dates(min_value=D(2016, 7, 1), max_value=D(2040, 12, 31)), st.data())
def test_the_started_months_are_the_fewest_months_reaching_the_day(
    filed: date, data: st.DataObject
) -> None:
    mark = title("Nhãn hiệu", filed, filed + timedelta(days=300))
    window = mark.renewal_window()
    assert window is not None
    on = data.draw(st.dates(min_value=window.opens, max_value=window.grace_ends))
    months = 0
    while window.closes + relativedelta(months=months) < on:
        months += 1
    assert mark.late_surcharge_months(on) == months


def test_the_types_with_yearly_fees() -> None:
    rows = lookup("ip_terms", on=D(2025, 1, 1)).rows
    assert {k for k, row in rows.items() if row.maintenance} == {
        TitleType.PATENT.name,
        TitleType.UTILITY_SOLUTION.name,
    }
