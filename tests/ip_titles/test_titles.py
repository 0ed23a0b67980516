from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.calendar import Period
from vn_skt.errors import InvalidValue, ParseError, RegulationNotFound
from vn_skt.ip_titles import (
    ApplicationNumber,
    ProtectionTitle,
    RenewalWindow,
    TitlePortfolio,
    TitleStatus,
    TitleType,
)
from vn_skt.regulations import Status, Version, lookup, register_version, unregister
from vn_skt.testing.strategies import protection_titles

S = TitleStatus
D = date


def title(kind: str, filed: date, granted: date | None = None, **changes: Any) -> ProtectionTitle:
    return ProtectionTitle(
        type=kind,
        filing_date=filed,
        grant_date=granted,
        owner=changes.pop("owner", "Công ty A"),
        **changes,
    )


# -- terms from Art. 93 ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "filed", "expiry"),
    [
        ("Sáng chế", D(2010, 5, 20), D(2030, 5, 20)),  # REGULATIONS.md's own example
        ("Giải pháp hữu ích", D(2015, 3, 1), D(2025, 3, 1)),
        ("Kiểu dáng công nghiệp", D(2020, 7, 31), D(2025, 7, 31)),
        ("Nhãn hiệu", D(2016, 2, 29), D(2026, 2, 28)),  # 29 February
        ("Sáng chế", D(2012, 2, 29), D(2032, 2, 29)),  # 2032 has a 29 February
        ("Thiết kế bố trí", D(2018, 4, 10), D(2028, 4, 10)),
    ],
)
def test_expiry_of_every_type(kind: str, filed: date, expiry: date) -> None:
    assert title(kind, filed, filed + timedelta(days=400)).expiry_date() == expiry


def test_geographical_indication_is_indefinite() -> None:
    gi = title("Chỉ dẫn địa lý", D(2010, 1, 1), D(2011, 1, 1), owner="UBND tỉnh")
    assert gi.expiry_date() is None and gi.renewal_window() is None
    assert gi.status_on(D(2100, 1, 1)) is S.IN_FORCE
    assert "vô thời hạn" in gi.next_action(on=D(2030, 1, 1))


def test_renewals_run_from_the_previous_expiry() -> None:
    mark = title("Nhãn hiệu", D(2016, 2, 29), D(2017, 1, 5))
    assert [mark.model_copy(update={"renewals": n}).expiry_date() for n in range(3)] == [
        D(2026, 2, 28),
        D(2036, 2, 28),
        D(2046, 2, 28),
    ]
    design = title("Kiểu dáng công nghiệp", D(2020, 8, 31), D(2021, 5, 1), renewals=2)
    assert design.expiry_date() == D(2035, 8, 31)  # 15 years at most


def test_exhausted_design_renewals() -> None:
    design = title("Kiểu dáng công nghiệp", D(2010, 3, 1), D(2011, 1, 1), renewals=2)
    assert not design.can_be_renewed() and design.renewal_window() is None
    assert design.status_on(D(2025, 3, 2)) is S.EXPIRED  # no grace: nothing to renew
    assert "không được gia hạn" in design.next_action(on=D(2025, 1, 1))
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
def test_layout_design_earliest_of_three(
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


@pytest.mark.parametrize(
    ("changes", "text"),
    [
        ({"type": "Nhãn hiệu", "grant_date": D(2019, 1, 1)}, "before filing_date"),
        ({"type": "Sáng chế", "renewals": 1}, "cannot be renewed"),
        ({"type": "Nhãn hiệu", "created": D(2019, 1, 1)}, "layout designs only"),
        ({"type": "Thiết kế bố trí", "created": D(2021, 1, 1)}, "after filing_date"),
        (
            {"type": "Thiết kế bố trí", "created": D(2019, 1, 1), "first_exploited": D(2018, 1, 1)},
            "before created",
        ),
        ({"type": "Nhãn hiệu", "renewals": 1, "renewal_dates": ()}, None),
        (
            {"type": "Nhãn hiệu", "renewals": 1, "renewal_dates": (D(2030, 1, 1), D(2040, 1, 1))},
            "renewal_dates has 2",
        ),
        ({"type": "Nhãn hiệu", "maintenance_paid": {2: D(2021, 1, 1)}}, "no maintenance"),
        ({"type": "Nhãn hiệu", "application_number": "4-2019-00001"}, "is of year 2019"),
        ({"type": "Nhãn hiệu", "renewals": 1.5}, "integer"),
        ({"type": "Nhãn hiệu", "owner": " "}, "at least 1 character"),
    ],
)
def test_validation_names_the_field(changes: dict[str, Any], text: str | None) -> None:
    data: dict[str, Any] = {"filing_date": D(2020, 1, 1), "owner": "A", **changes}
    if text is None:
        ProtectionTitle(**data)
        return
    with pytest.raises(pydantic.ValidationError, match=text):
        ProtectionTitle(**data)


# -- renewal window and grace (Decree 65/2023 Art. 31) -------------------------------------

MARK = title("Nhãn hiệu", D(2014, 6, 1), D(2015, 9, 1), application_number="4-2014-12345")


def test_window() -> None:
    assert MARK.expiry_date() == D(2024, 6, 1)
    assert MARK.renewal_window() == RenewalWindow(D(2023, 12, 1), D(2024, 6, 1), D(2024, 12, 1))


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
def test_each_edge(on: date, status: TitleStatus, action: str) -> None:
    assert MARK.status_on(on) is status
    assert MARK.next_action(on=on) == action


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
def test_late_surcharge_months(filed_on: date, months: int) -> None:
    assert MARK.late_surcharge_months(filed_on) == months


def test_late_surcharge_outside_the_window() -> None:
    with pytest.raises(InvalidValue):
        MARK.late_surcharge_months(D(2024, 12, 2))
    with pytest.raises(InvalidValue):
        title("Sáng chế", D(2010, 1, 1), D(2012, 1, 1)).late_surcharge_months(D(2029, 1, 1))


# -- maintenance of patents (Decree 65/2023 Art. 30) -------------------------------------


def test_maintenance_terms() -> None:
    patent = title("Sáng chế", D(2018, 3, 15), D(2021, 7, 1))
    terms = patent.maintenance_terms()
    assert (
        terms[0].number == 1 and terms[0].starts == D(2021, 7, 1) and terms[0].window_opens is None
    )
    second = terms[1]
    assert (second.starts, second.ends) == (D(2022, 7, 1), D(2023, 6, 30))
    assert (second.window_opens, second.window_closes, second.grace_ends) == (
        D(2021, 12, 30),
        D(2022, 6, 30),
        D(2022, 12, 30),
    )
    assert terms[-1].ends == D(2038, 3, 15)  # the last term stops at expiry


def test_unpaid_term_lapses_from_its_start() -> None:
    patent = title("Sáng chế", D(2018, 3, 15), D(2021, 7, 1), maintenance_paid={2: D(2022, 6, 1)})
    assert patent.status_on(D(2023, 6, 30)) is S.IN_FORCE
    assert patent.next_action(on=D(2023, 3, 1)) == (
        "Nộp phí duy trì hiệu lực năm thứ 3 chậm nhất ngày 30/6/2023"
    )
    assert patent.status_on(D(2023, 7, 1)) is S.GRACE  # term 3 unpaid, in grace
    assert patent.status_on(D(2023, 12, 30)) is S.GRACE
    assert patent.status_on(D(2023, 12, 31)) is S.EXPIRED
    assert patent.lapsed_on(D(2024, 1, 1)) == D(2023, 7, 1)
    assert patent.next_action(on=D(2024, 1, 1)) == "Văn bằng đã hết hiệu lực từ ngày 01/7/2023"


def test_fully_paid_patent_runs_to_expiry() -> None:
    patent = title("Giải pháp hữu ích", D(2015, 3, 1), D(2017, 1, 10))
    paid = {t.number: t.window_closes for t in patent.maintenance_terms()[1:]}
    patent = patent.model_copy(update={"maintenance_paid": paid})
    assert patent.status_on(D(2025, 3, 1)) is S.IN_FORCE
    assert patent.status_on(D(2025, 3, 2)) is S.EXPIRED


# -- application numbers ------------------------------------------------------------------


def test_application_number() -> None:
    number = ApplicationNumber.parse("4-2025-20619")
    assert (number.type_digit, number.year, number.serial) == (4, 2025, 20619)
    assert number.title_type is TitleType.TRADEMARK
    assert str(ApplicationNumber.parse(" 1 – 2024 – 00123 ")) == "1-2024-00123"
    assert ApplicationNumber(1, 2024, 5) < ApplicationNumber(4, 2020, 1)


@pytest.mark.parametrize(
    "text",
    ["", "4-25-20619", "0-2025-00001", "4-2025-123456", "4/2025/1", "4-2025-00000", "4-1800-00001"],
)
def test_application_number_refuses(text: str) -> None:
    with pytest.raises(ParseError):
        ApplicationNumber.parse(text)


@given(
    st.integers(min_value=1, max_value=9),
    st.integers(min_value=1900, max_value=2100),
    st.integers(min_value=1, max_value=99_999),
)
def test_application_number_round_trip(digit: int, year: int, serial: int) -> None:
    number = ApplicationNumber(digit, year, serial)
    assert ApplicationNumber.parse(str(number)) == number


@given(st.text(max_size=20))
def test_application_number_junk(text: str) -> None:
    with contextlib.suppress(ParseError):
        ApplicationNumber.parse(text)


# -- portfolio figures --------------------------------------------------------------------


def test_portfolio_figures() -> None:
    titles = TitlePortfolio(
        [
            MARK,
            title("Nhãn hiệu", D(2023, 1, 5), D(2025, 2, 1), owner="HTX Bưởi"),
            title("Sáng chế", D(2022, 1, 5), D(2025, 3, 1), owner="Viện B"),
            title("Chỉ dẫn địa lý", D(2023, 1, 5), D(2025, 8, 1), owner="UBND tỉnh"),
            title("Kiểu dáng công nghiệp", D(2021, 1, 10), None),
        ]
    )
    assert titles.granted_in(Period.year(2025)) == {
        TitleType.TRADEMARK: 1,
        TitleType.PATENT: 1,
        TitleType.GEOGRAPHICAL_INDICATION: 1,
    }
    assert titles.granted_by_owner(Period.first_months(2025, 6)) == {"HTX Bưởi": 1, "Viện B": 1}
    assert titles.expiring(on=D(2024, 1, 1), months=6) == [MARK]
    assert titles.entering_renewal_window(on=D(2023, 10, 1), months=3) == [MARK]
    assert titles.entering_renewal_window(on=D(2024, 12, 2), months=3) == []
    assert titles.status_counts(D(2025, 9, 1))[TitleStatus.IN_FORCE] == 3


def test_json_round_trip() -> None:
    assert ProtectionTitle.model_validate_json(MARK.model_dump_json()) == MARK
    assert '"application_number":"4-2014-12345"' in MARK.model_dump_json()


# -- properties ---------------------------------------------------------------------------


@given(protection_titles())
def test_expiry_is_monotone_in_renewals(t: ProtectionTitle) -> None:
    if not t.can_be_renewed():
        return
    more = t.model_copy(update={"renewals": t.renewals + 1})
    before, after = t.expiry_date(), more.expiry_date()
    assert before is not None and after is not None and after > before


@given(protection_titles(), st.data())
def test_in_force_exactly_between_grant_and_expiry(t: ProtectionTitle, data: st.DataObject) -> None:
    if t.grant_date is None or t.maintenance_terms():
        return  # maintenance titles are covered by the explicit tests above
    expiry = t.expiry_date()
    last = (expiry or D(2150, 1, 1)) + timedelta(days=800)
    d = data.draw(st.dates(min_value=t.filing_date, max_value=last))
    in_term = t.grant_date <= d and (expiry is None or d <= expiry)  # None: indefinite
    assert (t.status_on(d) is S.IN_FORCE) == in_term


@given(protection_titles())
def test_window_closes_on_the_expiry_date(t: ProtectionTitle) -> None:
    window = t.renewal_window()
    if window is not None:
        assert window.closes == t.expiry_date()
        assert window.opens < window.closes < window.grace_ends


@given(st.from_type(ProtectionTitle))
def test_from_type(t: ProtectionTitle) -> None:
    assert ProtectionTitle.model_validate_json(t.model_dump_json()) == t


def test_a_filing_before_the_ip_law_is_not_guessed() -> None:
    from vn_skt.errors import RegulationNotFound

    with pytest.raises(RegulationNotFound, match="2006-07-01"):
        title("Nhãn hiệu", D(2005, 1, 1), D(2006, 1, 1))


# -- versions by the title's own dates ------------------------------------------------------


def test_terms_follow_the_filing_date() -> None:
    assert lookup("ip_terms", on=D(2026, 3, 31)).status is Status.V2
    assert lookup("ip_terms", on=D(2026, 4, 1)).status is Status.U  # Law 131/2025: unchecked
    assert "131/2025/QH15" in lookup("ip_terms", on=D(2026, 4, 1)).source
    # the shipped rows agree on both sides of 01/04/2026
    assert title("Nhãn hiệu", D(2026, 3, 31)).expiry_date() == D(2036, 3, 31)
    assert title("Nhãn hiệu", D(2026, 4, 1)).expiry_date() == D(2036, 4, 1)


@pytest.fixture
def shorter_marks() -> Iterator[None]:
    """A (fictional) change of the trademark term for filings from 01/04/2026."""
    register_version(
        Version(
            "ip_terms",
            D(2026, 4, 1),
            None,
            "Luật thử nghiệm",
            Status.U,
            {"TRADEMARK": {"term_years": 7, "renewal_years": 7}},
            patch=True,
        )
    )
    try:
        yield
    finally:
        unregister("ip_terms")


@pytest.mark.usefixtures("shorter_marks")
def test_a_changed_term_applies_from_its_filing_date() -> None:
    before = title("Nhãn hiệu", D(2026, 3, 31), D(2026, 12, 1))
    after = title("Nhãn hiệu", D(2026, 4, 1), D(2026, 12, 1))
    assert before.expiry_date() == D(2036, 3, 31)
    assert after.expiry_date() == D(2033, 4, 1)
    # the grant date and the day asked about do not choose the rules: the filing does
    assert after.status_on(D(2040, 1, 1)) is S.EXPIRED
    assert before.status_on(D(2036, 3, 31)) is S.IN_FORCE


def test_renewal_rules_follow_the_expiry_date() -> None:
    old = title("Nhãn hiệu", D(2013, 8, 22), D(2014, 9, 1)).renewal_window()
    new = title("Nhãn hiệu", D(2013, 8, 23), D(2014, 9, 1)).renewal_window()
    assert old is not None and new is not None
    assert old.closes == D(2023, 8, 22) and new.closes == D(2023, 8, 23)
    assert "103/2006/NĐ-CP" in old.source and "65/2023/NĐ-CP" in new.source
    assert (old.opens, old.grace_ends) == (D(2023, 2, 22), D(2024, 2, 22))
    assert lookup("ip_renewal", on=D(2023, 8, 22)).status is Status.U
    assert lookup("ip_renewal", on=D(2023, 8, 23)).status is Status.V2


@pytest.fixture
def shorter_windows() -> Iterator[None]:
    """A (fictional) 3-month window and grace, with 20% a month, from 23/08/2023."""
    rows = {"window_months": 3, "grace_months": 3, "surcharge_percent_per_month": 20}
    register_version(
        Version(
            "ip_renewal",
            D(2023, 8, 23),
            None,
            "Nghị định thử nghiệm",
            Status.U,
            {"renewal": rows, "maintenance": rows},
        )
    )
    try:
        yield
    finally:
        unregister("ip_renewal")


@pytest.mark.usefixtures("shorter_windows")
def test_a_changed_window_applies_from_the_expiry_date() -> None:
    old = title("Nhãn hiệu", D(2013, 8, 22), D(2014, 9, 1))
    new = title("Nhãn hiệu", D(2013, 8, 23), D(2014, 9, 1))
    assert old.renewal_window() == RenewalWindow(D(2023, 2, 22), D(2023, 8, 22), D(2024, 2, 22))
    assert new.renewal_window() == RenewalWindow(D(2023, 5, 23), D(2023, 8, 23), D(2023, 11, 23))
    assert new.status_on(D(2023, 11, 24)) is S.EXPIRED and old.status_on(D(2023, 11, 24)) is S.GRACE
    assert new.next_action(on=D(2023, 9, 1)).endswith("cho 01 tháng, 20% mỗi tháng)")
    assert old.next_action(on=D(2023, 9, 1)).endswith("cho 01 tháng, 10% mỗi tháng)")


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


def test_application_type_by_the_year_of_the_number() -> None:
    assert ApplicationNumber.parse("4-2006-00001").title_type is TitleType.TRADEMARK
    assert ApplicationNumber.parse("1-2026-00001").title_type is TitleType.PATENT
    assert ApplicationNumber.parse("4-2025-20619").title_type_on(D(2025, 3, 1)) is (
        TitleType.TRADEMARK
    )
    with pytest.raises(RegulationNotFound, match="2006-07-01"):
        _ = ApplicationNumber.parse("4-2005-00001").title_type


@pytest.fixture
def digit_changed_mid_2027() -> Iterator[None]:
    register_version(
        Version(
            "ip_application_types",
            D(2027, 7, 1),
            None,
            "Thông báo thử nghiệm",
            Status.U,
            {"3": {"title_type": "LAYOUT_DESIGN", "verified": False}},
            patch=True,
        )
    )
    try:
        yield
    finally:
        unregister("ip_application_types")


@pytest.mark.usefixtures("digit_changed_mid_2027")
def test_a_digit_changed_during_the_year_needs_the_filing_date() -> None:
    number = ApplicationNumber.parse("3-2027-00042")
    with pytest.raises(RegulationNotFound, match="disagree on digit 3"):
        _ = number.title_type
    assert number.title_type_on(D(2027, 6, 30)) is TitleType.INDUSTRIAL_DESIGN
    assert number.title_type_on(D(2027, 7, 1)) is TitleType.LAYOUT_DESIGN
    # the other digits agree all year, and the years on either side are unambiguous
    assert ApplicationNumber.parse("4-2027-00042").title_type is TitleType.TRADEMARK
    assert ApplicationNumber.parse("3-2026-00042").title_type is TitleType.INDUSTRIAL_DESIGN
    assert ApplicationNumber.parse("3-2028-00042").title_type is TitleType.LAYOUT_DESIGN


def test_title_type_on_refuses_another_year_and_datetimes() -> None:
    number = ApplicationNumber.parse("4-2025-20619")
    with pytest.raises(InvalidValue, match="not in its year 2025"):
        number.title_type_on(D(2026, 1, 1))
    with pytest.raises(InvalidValue, match="datetime"):
        number.title_type_on(datetime(2025, 3, 1, 9))  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [datetime(2025, 1, 1, 8), "2025-01-01", 20250101, None])
def test_dates_asked_about_are_dates(bad: object) -> None:
    with pytest.raises(InvalidValue):
        MARK.status_on(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        MARK.next_action(on=bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        TitlePortfolio([MARK]).expiring(on=bad, months=3)  # type: ignore[arg-type]
