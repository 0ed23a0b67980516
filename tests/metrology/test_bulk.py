"""Bulk (polars) due dates: per row the list in force on that row's verification date;
the same answers as the per-object API, across the lists' boundaries."""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.metrology import (
    InstrumentStatus,
    Verification,
    catalogue,
    due_dates,
    instrument_type,
    status_of,
    valid_until,
)
from vn_skt.metrology._instrument_types import segments
from vn_skt.metrology._names import ALIASES

S = InstrumentStatus
BOUNDARIES = [date(2020, 1, 1), date(2024, 10, 15), date(2026, 4, 15)]
NEAR = sorted({b + timedelta(days=d) for b in BOUNDARIES for d in (-1, 0)})
NAMES = sorted(
    {k.full_name for s in segments() for k in catalogue(on=s.start)}
    | {n for g in ALIASES.groups for n in g}
    | {s.name for s in ALIASES.splits}
    | {"Cân thần kỳ", "Đồng hồ đo khí dân dụng", "PTĐ điện tim"}
)


def per_object(name: str | None, verified: date | None, passed: bool | None, on: date, soon: int):
    """(valid_until, status name, cycle, rule status, issue) as the per-object API says: the
    row's rules are those of the list in force on its verification date, even when that
    date is after ``on`` (the verification then has not happened yet: NEVER_VERIFIED)."""
    history = [] if verified is None else [Verification(verified_on=verified, passed=bool(passed))]
    try:
        if name is None:
            raise RegulationNotFound("the row has no instrument type name")
        if verified is None:
            return None, status_of(name, [], on, due_soon_days=soon).name, None, None, None
        kind = instrument_type(name, on=verified)
    except RegulationNotFound as exc:
        return None, None, None, None, str(exc)
    status = status_of(kind, history, on, due_soon_days=soon)
    until = valid_until(kind, verified) if passed else None
    return until, status.name, kind.cycle_months, kind.status.value, None


@given(
    st.lists(
        st.tuples(
            st.sampled_from(NAMES),
            st.none()
            | st.sampled_from(NEAR)
            | st.dates(min_value=date(2019, 6, 1), max_value=date(2031, 12, 31)),
            st.booleans(),
        ),
        max_size=25,
    ),
    st.sampled_from(NEAR) | st.dates(min_value=date(2020, 1, 1), max_value=date(2032, 12, 31)),
    st.integers(min_value=0, max_value=60),
)
def test_bulk_equals_per_object(
    rows: list[tuple[str, date | None, bool]], on: date, soon: int
) -> None:
    registry = pl.DataFrame(
        {
            "type": [r[0] for r in rows],
            "verified_on": [r[1] for r in rows],
            "passed": [None if r[1] is None else r[2] for r in rows],
        },
        schema={"type": pl.String, "verified_on": pl.Date, "passed": pl.Boolean},
    )
    out = due_dates(registry, on=on, due_soon_days=soon)
    assert out.height == len(rows)  # nothing dropped
    for got, (name, verified, passed) in zip(out.iter_rows(named=True), rows, strict=True):
        until, status, cycle, rule, issue = per_object(
            name, verified, None if verified is None else passed, on, soon
        )
        assert got["issue"] == issue
        assert got["valid_until"] == until
        assert got["status"] == status
        assert got["cycle_months"] == (cycle if issue is None else None)
        assert got["rule_status"] == rule
        assert got["overdue"] == (status == "OVERDUE")


def test_the_issue_column_says_why() -> None:
    registry = pl.DataFrame(
        {
            "type": [
                "Cân bàn",
                "Cân thần kỳ",
                "Công tơ điện xoay chiều 1 pha kiểu cảm ứng",
                "Xi téc đường sắt",
                "Cân ô tô",
                None,
            ],
            "verified_on": [
                date(2025, 1, 1),
                None,
                date(2025, 1, 10),
                date(2026, 4, 14),
                date(2019, 12, 31),
                date(2025, 1, 1),
            ],
            "passed": [True, None, True, True, True, True],
        }
    )
    out = due_dates(registry, on=date(2025, 6, 1))
    issues = out["issue"].to_list()
    assert issues[0] is None and out["status"][0] == "VALID"
    assert "no instrument named 'Cân thần kỳ'" in issues[1]
    assert "removed from 15/10/2024" in issues[2]
    assert "not yet listed" in issues[3]
    assert "earliest" in issues[4]
    assert issues[5] == "the row has no instrument type name"
    assert out["status"].to_list()[1:] == [None] * 5
    assert out["cycle_months"].to_list()[1:] == [None] * 5
    with pytest.raises(RegulationNotFound, match=r"due_dates: 5 rows: .*Cân thần kỳ"):
        due_dates(registry, on=date(2025, 6, 1), strict=True)


def test_rows_across_the_2026_boundary() -> None:
    registry = pl.DataFrame(
        {
            "type": ["Cân ô tô"] * 4,
            "verified_on": [
                date(2026, 4, 13),
                date(2026, 4, 14),
                date(2026, 4, 15),
                date(2026, 5, 20),
            ],
            "passed": [True] * 4,
        }
    )
    out = due_dates(registry, on=date(2026, 6, 1))
    assert out["cycle_months"].to_list() == [12, 12, 24, 24]
    assert out["valid_until"].to_list() == [
        date(2027, 4, 12),
        date(2027, 4, 13),
        date(2028, 4, 14),
        date(2028, 5, 19),
    ]


def test_bulk_refuses_bad_columns_and_arguments() -> None:
    frame = pl.DataFrame({"type": ["Cân bàn"], "verified_on": [date(2025, 1, 1)], "passed": [True]})
    with pytest.raises(InvalidValue, match="no column 'passed'"):
        due_dates(frame.drop("passed"), on=date(2025, 6, 1))
    with pytest.raises(InvalidValue, match="expected dates"):
        due_dates(frame.with_columns(pl.col("verified_on").cast(pl.String)), on=date(2025, 6, 1))
    with pytest.raises(InvalidValue, match="due_soon_days"):
        due_dates(frame, on=date(2025, 6, 1), due_soon_days=-1)
    with pytest.raises(InvalidValue, match=r"expected a datetime\.date"):
        due_dates(frame, on=None)  # type: ignore[arg-type]
    nothing = due_dates(
        {"type": ["Cân bàn"], "verified_on": [None], "passed": [None]}, on=date(2025, 6, 1)
    )
    assert nothing["status"].to_list() == ["NEVER_VERIFIED"]


def test_a_verification_with_no_result_is_not_valid() -> None:
    registry = pl.DataFrame(
        {
            "type": ["Cân bàn", None, "Cân bàn"],
            "verified_on": [date(2025, 1, 1), date(2025, 2, 3), None],
            "passed": [None, None, None],
        },
        schema={"type": pl.String, "verified_on": pl.Date, "passed": pl.Boolean},
    )
    out = due_dates(registry, on=date(2025, 6, 1))
    assert out["issue"].to_list() == [
        "no verification result for 'Cân bàn' verified on 01/01/2025 (passed is null); "
        "expected true or false",
        "no verification result for a row with no type verified on 03/02/2025 (passed is "
        "null); expected true or false",
        None,
    ]
    assert out["status"].to_list() == [None, None, "NEVER_VERIFIED"]
    assert out["valid_until"].to_list() == [None, None, None]
    with pytest.raises(InvalidValue, match="due_dates: 2 rows: no verification result"):
        due_dates(registry, on=date(2025, 6, 1), strict=True)


def test_dates_no_list_covers_say_the_date_and_the_range() -> None:
    days = [date(1850, 1, 1), date(1, 1, 1), date(9999, 3, 31)]
    registry = pl.DataFrame({"type": ["Cân bàn"] * 5, "passed": [True] * 5}).with_columns(
        verified_on=pl.Series([*days, None, None], dtype=pl.Date).scatter(
            [3, 4], [-800_000, 3_000_000]
        )  # before year 1, after 9999
    )
    out = due_dates(registry, on=date(2026, 6, 1))
    issues = out["issue"].to_list()
    for day, issue in zip(days[:2], issues, strict=False):
        with pytest.raises(RegulationNotFound) as per_object:
            valid_until("Cân bàn", day)
        assert issue == str(per_object.value)
        assert "the earliest vn-skt ships is in force from 01/01/2020" in issue
    with pytest.raises(InvalidValue) as overflow:
        valid_until("Cân bàn", days[2])
    assert issues[2] == str(overflow.value)
    assert issues[3].startswith("no group-2 list known for ")
    assert issues[4].startswith("add_months: +10183")
    assert out["status"].to_list() == [None] * 5
    assert out["valid_until"].null_count() == 5
