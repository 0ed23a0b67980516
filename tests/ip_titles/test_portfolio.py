"""Danh mục văn bằng — figures for reports, with the face of tasks.Portfolio."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.calendar import Period
from vn_skt.errors import InvalidValue
from vn_skt.ip_titles import ProtectionTitle, TitlePortfolio, TitleStatus, TitleType
from vn_skt.testing.strategies import protection_titles

D = date


def title(kind: str, filed: date, granted: date | None = None, **changes: Any) -> ProtectionTitle:
    owner = changes.pop("owner", "Công ty A")
    return ProtectionTitle(type=kind, filing_date=filed, grant_date=granted, owner=owner, **changes)


MARK = title("Nhãn hiệu", D(2014, 6, 1), D(2015, 9, 1), application_number="4-2014-12345")
TITLES = TitlePortfolio(
    [
        MARK,
        title("Nhãn hiệu", D(2023, 1, 5), D(2025, 2, 1), owner="HTX Bưởi"),
        title("Sáng chế", D(2022, 1, 5), D(2025, 3, 1), owner="Viện B"),
        title("Chỉ dẫn địa lý", D(2023, 1, 5), D(2025, 8, 1), owner="UBND tỉnh"),
        title("Kiểu dáng công nghiệp", D(2021, 1, 10), None),
    ]
)


def test_titles_granted_in_a_period() -> None:
    assert TITLES.granted_in(Period.year(2025)) == {
        TitleType.TRADEMARK: 1,
        TitleType.PATENT: 1,
        TitleType.GEOGRAPHICAL_INDICATION: 1,
    }
    assert TITLES.granted_by_owner(Period.first_months(2025, 6)) == {"HTX Bưởi": 1, "Viện B": 1}
    assert [t.owner for t in TITLES.granted(Period.year(2015))] == ["Công ty A"]


def test_titles_expiring_and_due_for_renewal() -> None:
    assert TITLES.expiring(D(2024, 1, 1), months=6) == [MARK]
    assert TITLES.expiring(D(2024, 6, 2), months=6) == []  # in grace: no longer in force
    assert TITLES.entering_renewal_window(D(2023, 10, 1), months=3) == [MARK]
    assert TITLES.entering_renewal_window(D(2023, 8, 31), months=3) == []  # opens 01/12/2023
    assert TITLES.entering_renewal_window(D(2024, 12, 1), months=3) == [MARK]  # grace
    assert TITLES.entering_renewal_window(D(2024, 12, 2), months=3) == []


def test_status_counts_on_a_day() -> None:
    assert TITLES.status_counts(D(2025, 9, 1)) == {
        TitleStatus.EXPIRED: 1,
        TitleStatus.IN_FORCE: 3,
        TitleStatus.PENDING: 1,
    }


def test_the_day_is_the_first_argument_positional_or_on() -> None:
    day = D(2024, 1, 1)
    assert TITLES.status_counts(day) == TITLES.status_counts(on=day)
    assert TITLES.expiring(day, months=6) == TITLES.expiring(on=day, months=6)
    assert TITLES.entering_renewal_window(day, months=3) == TITLES.entering_renewal_window(
        on=day, months=3
    )


@pytest.mark.parametrize("bad", [datetime(2025, 1, 1, 8), "2025-01-01", None])
def test_the_days_asked_about_are_dates(bad: Any) -> None:
    with pytest.raises(InvalidValue):
        TITLES.status_counts(bad)
    with pytest.raises(InvalidValue):
        TITLES.expiring(bad, months=3)
    with pytest.raises(InvalidValue):
        TITLES.entering_renewal_window(bad, months=3)


def test_the_face_of_tasks_portfolio() -> None:
    assert len(TITLES) == 5 and repr(TITLES) == "TitlePortfolio(5 titles)"
    marks = TITLES.filter(lambda t: t.type is TitleType.TRADEMARK)
    assert isinstance(marks, TitlePortfolio) and [t.owner for t in marks.titles] == [
        "Công ty A",
        "HTX Bưởi",
    ]
    html = TITLES._repr_html_()
    assert "5 văn bằng" in html and "4-2014-12345" in html and "Tình trạng" not in html


def test_only_titles() -> None:
    with pytest.raises(InvalidValue, match="item 1 is str; expected ProtectionTitle"):
        TitlePortfolio([MARK, "4-2014-12345"])  # type: ignore[list-item]


def test_a_frame_with_the_status_of_the_day() -> None:
    pytest.importorskip("pandas")
    frame = TITLES.to_frame(D(2025, 9, 1))
    assert list(frame["Tình trạng"]) == [t.status_on(D(2025, 9, 1)).label for t in TITLES.titles]
    assert TITLES.to_frame()["Tình trạng"].isna().all()


@given(
    st.lists(protection_titles(), max_size=8),
    st.dates(D(2006, 7, 1), D(2060, 12, 31)),
    st.integers(min_value=0, max_value=24),
)
def test_expiring_within_months_soonest_first(
    titles: list[ProtectionTitle], on: date, months: int
) -> None:
    until = on + relativedelta(months=months)
    found = TitlePortfolio(titles).expiring(on, months=months)
    expiries = [t.expiry_date() for t in found]
    assert all(e is not None and on <= e <= until for e in expiries)
    assert expiries == sorted(expiries)  # type: ignore[type-var]
    missed = [t for t in titles if t not in found and t.status_on(on) is TitleStatus.IN_FORCE]
    assert not [t for t in missed if (e := t.expiry_date()) is not None and on <= e <= until]
