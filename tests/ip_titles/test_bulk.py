"""Bulk title deadlines: per row the rule versions its own dates choose; the same answers
as the per-object API (expiry_date, status_on, lapsed_on, next_action), across the
ip_terms and ip_renewal boundaries, on polars, Arrow and pandas input."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

import polars as pl
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st

from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.ip_titles import (
    DeadlineKind,
    ProtectionTitle,
    TitleStatus,
    TitleType,
    title_deadlines,
    title_schema,
    titles_frame,
    titles_from_frame,
)
from vn_skt.ip_titles._bulk import ADDED_COLUMNS, _Calendar
from vn_skt.l10n import add_months
from vn_skt.regulations import lookup
from vn_skt.testing.strategies import protection_titles

_bulk = importlib.import_module("vn_skt.ip_titles._bulk")
K = DeadlineKind
DAYS = [date(2023, 8, 22), date(2023, 8, 23), date(2026, 3, 31), date(2026, 4, 1)]
ON = st.sampled_from(DAYS) | st.dates(min_value=date(2006, 7, 1), max_value=date(2060, 12, 31))
_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _dates(text: str) -> list[date]:
    return [date(int(y), int(m), int(d)) for d, m, y in _DATE.findall(text)]


def _deadline(title: ProtectionTitle, on: date) -> tuple[Any, ...]:
    """(kind, next deadline, window opens, term) read from next_action's own words, the
    window's first day taken from the schedule where the words no longer say it."""
    text = title.next_action(on)
    plan = title._schedule()
    days = _dates(text)
    term = re.search(r"năm thứ (\d+)", text)
    number = int(term.group(1)) if term else None
    if text.startswith("Chờ cấp văn bằng"):
        return K.AWAIT_GRANT, None, None, None
    if text.startswith("Văn bằng đã hết hiệu lực"):
        return K.LAPSED, None, None, None
    if "vô thời hạn" in text:
        return K.INDEFINITE, None, None, None
    if text.startswith("Nộp phí duy trì") and " muộn" in text:
        return K.MAINTENANCE_LATE, days[0], None, number
    if text.startswith("Nộp yêu cầu gia hạn muộn"):
        return K.RENEWAL_LATE, days[0], None, None
    if text.startswith("Nộp phí duy trì"):
        assert number is not None
        opens = plan.maintenance[number - 1].window_opens
        return K.MAINTENANCE, days[-1], opens, number
    if "không được gia hạn" in text:
        return K.TERM_ENDS, days[0], None, None
    assert text.startswith("Nộp yêu cầu gia hạn"), text
    assert plan.window is not None
    return K.RENEWAL, days[-1], plan.window.opens, None


def per_object(title: ProtectionTitle, on: date) -> dict[str, Any]:
    """The row title_deadlines must give, from the per-object API."""
    if title.grant_date is None and (title.renewals or title.maintenance_paid):
        return {"issue": True}  # the one thing the kernel refuses that the record takes
    kind, deadline, opens, term = _deadline(title, on)
    plan = title._schedule()
    terms = lookup("ip_terms", on=title.filing_date)
    source = status = None
    if kind in (K.MAINTENANCE, K.MAINTENANCE_LATE):
        assert term is not None
        source = plan.maintenance[term - 1].source
        status = lookup("ip_renewal", on=plan.maintenance[term - 2].ends).status.value
    elif kind in (K.RENEWAL, K.RENEWAL_LATE):
        assert plan.window is not None and plan.expiry is not None
        source = plan.window.source
        status = lookup("ip_renewal", on=plan.expiry).status.value
    return {
        "expiry": title.expiry_date(),
        "status": title.status_on(on).name,
        "lapsed_on": title.lapsed_on(on),
        "next_deadline": deadline,
        "deadline_kind": kind.name,
        "deadline_opens": opens,
        "maintenance_term": term,
        "term_rule_source": terms.source,
        "term_rule_status": terms.status.value,
        "deadline_rule_source": source,
        "deadline_rule_status": status,
        "issue": None,
    }


# the kernel computes through a table of every (type, filing day, renewals) and (grant day,
# term) in the batch's range when that is small, else row by row: both ways are tested
WAYS = st.sampled_from([0.0, 1e12])


@contextmanager
def computed(way: float) -> Iterator[None]:
    kept = _bulk._DENSE_RATIO
    _bulk._DENSE_RATIO = way
    try:
        yield
    finally:
        _bulk._DENSE_RATIO = kept


def _check(titles: list[ProtectionTitle], out: pl.DataFrame, on: date) -> None:
    assert out.height == len(titles)
    for title, row in zip(titles, out.iter_rows(named=True), strict=True):
        expected = per_object(title, on)
        if expected["issue"] is True:
            assert row["issue"] is not None
            assert all(row[c] is None for c in ADDED_COLUMNS if c != "issue")
            if currently_in_test_context():
                event("refused: no grant date")
            continue
        assert {c: row[c] for c in ADDED_COLUMNS} == expected, (title, on)
        if currently_in_test_context():
            event(f"{row['status']} {row['deadline_kind']}")


def _days_of(titles: list[ProtectionTitle]) -> list[date]:
    """The days around which the titles' answers change: expiry, window and grace ends,
    yearly terms' starts and graces, each with the day before and after."""
    days: set[date] = set()
    for title in titles:
        plan = title._schedule()
        marks = [title.grant_date, plan.expiry]
        if plan.window is not None:
            marks += [plan.window.opens, plan.window.grace_ends]
        for term in plan.maintenance[1:]:
            marks += [term.starts, term.window_opens, term.grace_ends]
        days |= {m + timedelta(days=k) for m in marks if m is not None for k in (-1, 0, 1, 40)}
    return sorted(days)


@given(st.lists(protection_titles(), max_size=12), st.data(), WAYS)
def test_bulk_equals_per_object(
    titles: list[ProtectionTitle], data: st.DataObject, way: float
) -> None:
    near = _days_of(titles)
    on = data.draw(st.sampled_from(near) | ON if near else ON)
    with computed(way):
        out = title_deadlines(titles_frame(titles), on=on)
    _check(titles, out, on)


@given(st.lists(protection_titles(), min_size=1, max_size=8), ON, st.data())
def test_a_batch_split_in_two_gives_the_same_rows(
    titles: list[ProtectionTitle], on: date, data: st.DataObject
) -> None:
    frame = titles_frame(titles)
    cut = data.draw(st.integers(min_value=0, max_value=len(titles)))
    with computed(data.draw(WAYS)):
        whole = title_deadlines(frame, on=on)
    with computed(data.draw(WAYS)):
        first = title_deadlines(frame[:cut], on=on)
    with computed(data.draw(WAYS)):
        parts = pl.concat([first, title_deadlines(frame[cut:], on=on)])
    assert parts.equals(whole)


@given(st.lists(protection_titles(), min_size=1, max_size=6), ON)
def test_arrow_and_pandas_input_give_the_same_rows(titles: list[ProtectionTitle], on: date) -> None:
    frame = titles_frame(titles)
    expected = title_deadlines(frame, on=on).select(ADDED_COLUMNS)
    table = frame.to_arrow()
    batch = table.combine_chunks().to_batches()[0]
    out_batch = title_deadlines(batch, on=on)
    out_table = title_deadlines(table, on=on)
    out_pandas = title_deadlines(frame.to_pandas(use_pyarrow_extension_array=True), on=on)
    assert isinstance(out_batch, pa.RecordBatch) and isinstance(out_table, pa.Table)
    assert type(out_pandas).__name__ == "DataFrame" and type(out_pandas).__module__.startswith(
        "pandas"
    )
    for out in (out_batch, out_table):
        assert pl.from_arrow(out).select(ADDED_COLUMNS).equals(expected)
    assert pl.from_pandas(out_pandas).select(ADDED_COLUMNS).rows() == expected.rows()


@given(st.lists(protection_titles(), max_size=8))
def test_the_schema_round_trips(titles: list[ProtectionTitle]) -> None:
    frame = titles_frame(titles)
    assert frame.schema == title_schema()
    assert titles_from_frame(frame) == titles


# -- month arithmetic: the columns' add_months is l10n's ---------------------------------------

MONTH_ENDS = [
    date(2024, 2, 29),
    date(2023, 2, 28),
    date(2025, 1, 31),
    date(2025, 8, 31),
    date(2024, 12, 31),
    date(2100, 2, 28),
    date(2000, 2, 29),
    date(2025, 4, 30),
]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(MONTH_ENDS)
            | st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
            st.integers(min_value=-1300, max_value=1300),
        ),
        min_size=1,
        max_size=20,
    )
)
def test_column_month_arithmetic_is_add_months(cases: list[tuple[date, int]]) -> None:
    cal = _Calendar(pl)
    month, day = cal.split(pl.Series([d for d, _ in cases], dtype=pl.Date))
    _, _, number = cal.add(month, day, pl.Series([n for _, n in cases], dtype=pl.Int64))
    got = number.cast(pl.Int32).cast(pl.Date).to_list()
    assert got == [add_months(d, n) for d, n in cases]


# -- worked cases --------------------------------------------------------------------------


def _one(on: date, **fields: Any) -> dict[str, Any]:
    frame = pl.DataFrame([fields], schema={k: title_schema()[k] for k in fields})
    row: dict[str, Any] = title_deadlines(frame, on=on).row(0, named=True)
    return row


def test_a_mark_filed_on_29_february_renewed_twice_keeps_the_28th() -> None:
    row = _one(
        date(2040, 1, 1),
        type="TRADEMARK",
        filing_date=date(2016, 2, 29),
        grant_date=date(2017, 5, 10),
        renewals=2,
    )
    assert row["expiry"] == date(2046, 2, 28)  # not 2036-02-29 nor 2046-02-29
    assert row["deadline_kind"] == "RENEWAL" and row["deadline_opens"] == date(2045, 8, 28)


def test_the_renewal_window_follows_the_version_of_the_expiry_date() -> None:
    old = _one(
        date(2023, 1, 1),
        type="TRADEMARK",
        filing_date=date(2013, 8, 22),
        grant_date=date(2014, 8, 22),
    )
    new = _one(
        date(2023, 1, 1),
        type="TRADEMARK",
        filing_date=date(2013, 8, 23),
        grant_date=date(2014, 8, 22),
    )
    assert old["deadline_rule_status"] == "U" and "103/2006" in old["deadline_rule_source"]
    assert new["deadline_rule_status"] == "V2" and "65/2023" in new["deadline_rule_source"]


def test_the_term_follows_the_version_of_the_filing_date(shorter_marks: None) -> None:
    before = _one(date(2027, 1, 1), type="TRADEMARK", filing_date=date(2026, 3, 31))
    after = _one(date(2027, 1, 1), type="TRADEMARK", filing_date=date(2026, 4, 1))
    assert before["expiry"] == date(2036, 3, 31) and after["expiry"] == date(2033, 4, 1)
    assert after["term_rule_status"] == "U"


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # registered once
@given(st.lists(protection_titles(), max_size=8), ON, WAYS)
def test_bulk_equals_per_object_with_a_user_version(
    shorter_windows: None, titles: list[ProtectionTitle], on: date, way: float
) -> None:
    with computed(way):
        out = title_deadlines(titles_frame(titles), on=on)
    _check(titles, out, on)


def test_a_patent_with_an_unpaid_term_lapses_from_its_first_day() -> None:
    paid = [{"term": 2, "paid_on": date(2019, 5, 1)}]
    late = _one(
        date(2020, 8, 1),
        type="PATENT",
        filing_date=date(2015, 3, 2),
        grant_date=date(2018, 6, 1),
        maintenance_paid=paid,
    )
    assert (late["status"], late["deadline_kind"], late["maintenance_term"]) == (
        "GRACE",
        "MAINTENANCE_LATE",
        3,
    )
    assert late["next_deadline"] == date(2020, 11, 30)
    gone = _one(
        date(2020, 12, 1),
        type="PATENT",
        filing_date=date(2015, 3, 2),
        grant_date=date(2018, 6, 1),
        maintenance_paid=paid,
    )
    assert (gone["status"], gone["lapsed_on"]) == ("EXPIRED", date(2020, 6, 1))


def test_a_layout_design_ends_at_the_earliest_of_its_terms() -> None:
    row = _one(
        date(2020, 1, 1),
        type="LAYOUT_DESIGN",
        filing_date=date(2015, 6, 1),
        created=date(2005, 3, 1),
        first_exploited=date(2010, 1, 1),
    )
    title = ProtectionTitle(
        type="LAYOUT_DESIGN",
        filing_date=date(2015, 6, 1),
        owner="X",
        created=date(2005, 3, 1),
        first_exploited=date(2010, 1, 1),
    )
    assert row["expiry"] == title.expiry_date() == date(2020, 1, 1)


# -- bad rows: kept, null results, the record's words ---------------------------------------


def test_bad_rows_are_kept_with_their_reason() -> None:
    frame = pl.DataFrame(
        {
            "type": [
                "Nhãn hiệu",
                "Bằng lái",
                None,
                "PATENT",
                "INDUSTRIAL_DESIGN",
                "PATENT",
                "TRADEMARK",
                "LAYOUT_DESIGN",
                "TRADEMARK",
                "TRADEMARK",
            ],
            "filing_date": [
                date(2020, 1, 1),
                date(2020, 1, 1),
                date(2020, 1, 1),
                date(2005, 1, 1),
                date(2020, 1, 1),
                None,
                date(2020, 1, 1),
                date(2020, 1, 1),
                date(2020, 1, 1),
                date(9995, 1, 1),
            ],
            "grant_date": [
                date(2021, 1, 1),
                None,
                None,
                None,
                date(2021, 1, 1),
                date(2021, 1, 1),
                None,
                None,
                date(2019, 12, 31),
                date(9996, 1, 1),
            ],
            "renewals": [1, 0, 0, 0, 3, 0, 1, 0, 0, 0],
            "created": [None, None, None, None, None, None, None, date(2021, 1, 1), None, None],
        }
    )
    out = title_deadlines(frame, on=date(2026, 1, 1))
    issues = out.get_column("issue").to_list()
    assert issues[0] is None and out.item(0, "expiry") == date(2040, 1, 1)
    assert issues[1].startswith("type: 'Bằng lái' is not a title type")
    assert issues[2] == "type: missing; expected a title type"
    assert issues[3] == (
        "table 'ip_terms' has no version in force on 2005-01-01; known versions cover "
        "2006-07-01..open"
    )
    assert issues[4] == "renewals 3: a Kiểu dáng công nghiệp title can be renewed at most 2 times"
    assert issues[5] == "filing_date: missing; expected a date"
    assert issues[6].startswith("grant_date: missing, but renewals is 1")
    assert issues[7] == "created 2021-01-01 is after filing_date 2020-01-01"
    assert issues[8] == "grant_date 2019-12-31 is before filing_date 2020-01-01"
    assert issues[9] == (
        "add_months: 9995-01-01 + 120 months falls in the year 10005; expected a result in 1..9999"
    )
    for i, issue in enumerate(issues):
        if issue is not None:
            assert out.row(i, named=True)["status"] is None
    with pytest.raises(RegulationNotFound, match="9 rows cannot be answered"):
        title_deadlines(frame, on=date(2026, 1, 1), strict=True)


def test_the_record_refuses_the_same_rows() -> None:
    with pytest.raises(ValueError, match="is after filing_date"):
        ProtectionTitle(
            type="LAYOUT_DESIGN", filing_date=date(2020, 1, 1), owner="X", created=date(2021, 1, 1)
        )


def test_wrong_columns_are_refused() -> None:
    with pytest.raises(InvalidValue, match="no column 'filing_date'"):
        title_deadlines(pl.DataFrame({"type": ["PATENT"]}), on=date(2026, 1, 1))
    with pytest.raises(InvalidValue, match="column 'filing_date' is String"):
        title_deadlines(
            pl.DataFrame({"type": ["PATENT"], "filing_date": ["2020-01-01"]}), on=date(2026, 1, 1)
        )
    with pytest.raises(InvalidValue, match=r"expected a datetime\.date"):
        title_deadlines(
            pl.DataFrame({"type": ["PATENT"], "filing_date": [date(2020, 1, 1)]}), on="2026-01-01"
        )  # type: ignore[arg-type]


def test_statuses_and_kinds_are_enums_of_member_names() -> None:
    out = title_deadlines(titles_frame([]), on=date(2026, 1, 1))
    assert out.height == 0
    assert out.schema["status"] == pl.Enum([s.name for s in TitleStatus])
    assert out.schema["deadline_kind"] == pl.Enum([k.name for k in DeadlineKind])
    assert out.schema["expiry"] == pl.Date and out.schema["maintenance_term"] == pl.Int16
    assert [t.name for t in TitleType] == list(title_schema()["type"].categories)


def test_an_out_of_range_date_is_an_issue() -> None:
    frame = pl.DataFrame({"type": ["PATENT"], "filing_date": [date(2020, 1, 1)]}).with_columns(
        grant_date=pl.lit(date(9999, 12, 31)) + pl.duration(days=400)
    )
    assert (
        title_deadlines(frame, on=date(2026, 1, 1))
        .item(0, "issue")
        .endswith("is out of range; expected 0001-01-01..9999-12-31")
    )


def test_a_day_out_of_a_short_month_in_the_next_year() -> None:
    # granted 29/02/2024: the yearly terms start 28/02 in common years, 29/02 in leap ones
    title = ProtectionTitle(
        type="PATENT",
        filing_date=date(2023, 1, 10),
        owner="X",
        grant_date=date(2024, 2, 29),
        maintenance_paid={k: date(2024, 1, 1) for k in range(2, 5)},
    )
    for on in (date(2027, 2, 27), date(2027, 2, 28), date(2028, 2, 28), date(2028, 2, 29)):
        _check([title], title_deadlines(titles_frame([title]), on=on), on)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # registered once
@given(st.lists(protection_titles(), max_size=8), ON, WAYS)
def test_bulk_equals_per_object_with_a_user_patch(
    shorter_marks: None, titles: list[ProtectionTitle], on: date, way: float
) -> None:
    with computed(way):
        out = title_deadlines(titles_frame(titles), on=on)
    _check(titles, out, on)


@pytest.mark.parametrize(
    "paid",
    [
        # a term listed twice, or outside 2..62, counts once / not at all
        pl.Series([[2, 3], [3, 2, 3, 2], [1, 2, 3, 99]]),
        # unsigned terms past the Int64 range are terms outside the terms
        pl.Series([[2, 3], [2, 3, 2**64 - 1]], dtype=pl.List(pl.UInt64)),
    ],
    ids=["repeated-or-outside", "past-int64"],
)
def test_odd_paid_term_lists_read_as_the_terms_they_name(paid: pl.Series) -> None:
    title = ProtectionTitle(
        type="PATENT",
        filing_date=date(2015, 3, 2),
        owner="X",
        grant_date=date(2018, 6, 1),
        maintenance_paid={2: date(2019, 5, 1), 3: date(2020, 5, 1)},
    )
    n = paid.len()
    frame = pl.DataFrame(
        {
            "type": ["PATENT"] * n,
            "filing_date": [date(2015, 3, 2)] * n,
            "grant_date": [date(2018, 6, 1)] * n,
            "maintenance_paid": paid,
        }
    )
    on = date(2021, 8, 1)
    out = title_deadlines(frame, on=on)
    expected = per_object(title, on)
    for row in out.iter_rows(named=True):
        assert {c: row[c] for c in ADDED_COLUMNS} == expected
