"""The task kernels: year_classes and budget_by_year agree with Portfolio.year and Funding."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from vn_skt.errors import InvalidValue
from vn_skt.tasks import (
    BUDGET_COLUMNS,
    YEAR_COLUMNS,
    Portfolio,
    Task,
    budget_by_year,
    task_schema,
    tasks_frame,
    tasks_from_frame,
    year_classes,
)
from vn_skt.testing.strategies import tasks

pl = pytest.importorskip("polars")
pa = pytest.importorskip("pyarrow")

SOURCES = ("state_budget", "counterpart", "other")
TASK_LISTS = st.lists(
    tasks(min_year=2018, max_year=2026, sources=True), max_size=8, unique_by=lambda t: t.code
)


def task(code: str = "A", **changes: Any) -> Task:
    data: dict[str, Any] = {
        "code": code,
        "title": "T",
        "type": "Đề tài",
        "level": "Cấp tỉnh",
        "field": "Khoa học xã hội",
        "principal_investigator": "X",
        "host_organization": "Y",
        "start": date(2024, 3, 1),
        "end": date(2025, 6, 30),
        "funding": {"state_budget": {2024: 300, 2025: 200}, "counterpart": 50},
    }
    return Task(**(data | changes))


def years_of(items: list[Task]) -> range:
    if not items:
        return range(2024, 2025)
    first = min(t.start.year for t in items) - 1
    last = max(t.planned_end.year for t in items) + 2
    return range(first, last + 1)


# -- year_classes against Portfolio.year ------------------------------------------------


@settings(deadline=None)
@given(TASK_LISTS)
def test_year_classes_agree_with_the_portfolio_row_by_row_and_in_sum(items: list[Task]) -> None:
    frame = tasks_frame(items)
    for year in years_of(items):
        out = year_classes(frame, year=year)
        assert out.columns == [*frame.columns, *YEAR_COLUMNS]
        assert out.get_column("issue").null_count() == len(items)
        for item, row in zip(items, out.iter_rows(named=True), strict=True):
            summary = Portfolio([item]).year(year)
            assert row["running"] == (summary.total == 1)
            assert row["carried_over"] == bool(summary.carried_over)
            assert row["new"] == bool(summary.new)
            assert row["completed"] == bool(summary.completed)
            assert row["settlement"] == bool(summary.settlement)
            assert row["budget_in_year"] == item.funding.for_year(year) == summary.state_budget
        whole = Portfolio(items).year(year)
        sums = out.select(pl.col(YEAR_COLUMNS[:-1]).sum()).row(0, named=True)
        assert sums["running"] == whole.total
        assert sums["carried_over"] == len(whole.carried_over)
        assert sums["new"] == len(whole.new)
        assert sums["completed"] == len(whole.completed)
        assert sums["settlement"] == len(whole.settlement)
        assert sums["budget_in_year"] == whole.state_budget


def test_the_added_columns_are_typed() -> None:
    out = year_classes(tasks_frame([task()]), year=2025)
    types = dict(zip(out.columns, out.dtypes, strict=True))
    assert [types[c] for c in YEAR_COLUMNS] == [pl.Boolean] * 5 + [pl.Int64, pl.String]


def test_a_termination_on_1_january_ends_the_task_in_the_year_before() -> None:
    stopped = task(terminated_on=date(2025, 1, 1), status="Dừng thực hiện")
    out = year_classes(tasks_frame([stopped]), year=2025).row(0, named=True)
    assert not out["running"] and out["settlement"] and out["budget_in_year"] == 200
    assert not Portfolio([stopped]).year(2025).tasks


# -- budget_by_year against Funding ------------------------------------------------------


def combine(parts: list[Any]) -> Any:
    """The documented way to add up the tables of several batches."""
    return (
        pl.concat(parts)
        .group_by("year", "source", "issue")
        .agg(pl.col("amount").cast(pl.Int128).sum().cast(pl.Int64), pl.col("tasks").sum())
        .sort("year", "source", "issue", nulls_last=True)
    )


@settings(deadline=None)
@given(TASK_LISTS, st.integers(min_value=0, max_value=8))
def test_budget_by_year_adds_up_funding_by_year_and_source(items: list[Task], cut: int) -> None:
    frame = tasks_frame(items)
    table = budget_by_year(frame)
    assert table.columns == list(BUDGET_COLUMNS)
    assert table.dtypes[0] == pl.Int16 and table.dtypes[3:] == [pl.Int64, pl.UInt32]
    figures = table.filter(pl.col("source").is_not_null())
    assert figures.get_column("issue").null_count() == len(figures)
    expected_amount: Counter[tuple[int | None, str]] = Counter()
    expected_tasks: Counter[tuple[int | None, str]] = Counter()
    for item in items:
        f = item.funding
        for source, years in (
            ("state_budget", f.state_budget),
            ("counterpart", f.counterpart_by_year),
            ("other", f.other_by_year),
        ):
            for year, amount in years.items():
                expected_amount[year, source] += amount
                expected_tasks[year, source] += amount > 0
        for source, total, years in (
            ("counterpart", f.counterpart, f.counterpart_by_year),
            ("other", f.other, f.other_by_year),
        ):
            if total and not years:
                expected_amount[None, source] += total
                expected_tasks[None, source] += 1
    got = {(r["year"], r["source"]): r for r in figures.iter_rows(named=True)}
    assert {k: r["amount"] for k, r in got.items()} == dict(expected_amount)
    assert {k: r["tasks"] for k, r in got.items()} == dict(expected_tasks)
    # every source's total is the Funding totals'
    per_source = dict(figures.group_by("source").agg(pl.col("amount").sum()).iter_rows())
    assert per_source.get("state_budget", 0) == sum(t.funding.state_budget_total for t in items)
    assert per_source.get("counterpart", 0) == sum(t.funding.counterpart for t in items)
    assert per_source.get("other", 0) == sum(t.funding.other for t in items)
    # the rows are accounted for, and two halves add up to the whole
    assert table.filter(pl.col("source").is_null()).get_column("tasks").sum() == len(items)
    halves = [budget_by_year(frame.slice(0, cut)), budget_by_year(frame.slice(cut))]
    assert combine(halves).equals(combine([table]))
    # sources as text take the full path (a clean batch of the schema, a lazy one)
    as_text = pl.List(pl.Struct({"year": pl.Int16, "source": pl.String, "amount": pl.Int64}))
    assert budget_by_year(frame.with_columns(pl.col("budget").cast(as_text))).equals(table)
    # so do entries in another order than tasks_frame's (by source, then year)
    assert budget_by_year(frame.with_columns(pl.col("budget").list.reverse())).equals(table)


def test_budget_by_year_worked_case() -> None:
    items = [
        task("A"),
        task(
            "B",
            start=date(2025, 1, 1),
            end=date(2025, 12, 31),
            funding={"state_budget": {2025: 70}, "other_by_year": {2025: 5, 2026: 0}},
        ),
    ]
    assert budget_by_year(tasks_frame(items)).rows() == [
        (2024, "state_budget", None, 300, 1),
        (2025, "state_budget", None, 270, 2),
        (2025, "other", None, 5, 1),
        (2026, "other", None, 0, 0),
        (None, "counterpart", None, 50, 1),
        (None, None, None, 0, 2),
    ]


def test_a_sum_past_int64_is_an_issue_not_a_wrap() -> None:
    big = 2**62
    rows = [{"year": 2025, "source": "state_budget", "amount": big}]
    batch = _batch(budget=[rows, rows, rows], n=3)
    table = budget_by_year(batch)
    row = table.row(0, named=True)
    assert row["amount"] is None and row["tasks"] == 3
    assert "9223372036854775807" in row["issue"]
    # one row is one Int64: year_classes has nothing to add up
    assert year_classes(batch, year=2025).get_column("budget_in_year").to_list() == [big] * 3


# -- bad rows ---------------------------------------------------------------------------


def _batch(n: int = 1, **columns: Any) -> Any:
    """A polars batch of ``n`` rows of the task schema: task()'s values unless given."""
    frame = tasks_frame([task(f"T{i}") for i in range(n)])
    for name, values in columns.items():
        frame = frame.with_columns(pl.Series(name, values, dtype=frame.schema[name]))
    return frame


def _entry(year: Any, amount: Any, source: Any = "state_budget") -> dict[str, Any]:
    return {"year": year, "source": source, "amount": amount}


BAD = {
    "no start": ({"start": [None]}, "start: Field required; expected a date"),
    "no end": ({"end": [None]}, "end: Field required; expected a date"),
    "end before start": ({"end": [date(2024, 1, 31)]}, "end 2024-01-31 is before start 2024-03-01"),
    "extension not after end": (
        {"extended_to": [date(2025, 6, 30)]},
        "extended_to 2025-06-30 is not after end 2025-06-30",
    ),
    "negative amount": (
        {"budget": [[_entry(2024, -5)]]},
        "funding.state_budget[2024]: -5 (int); expected a whole number of đồng >= 0 (int)",
    ),
    "no amount": (
        {"budget": [[_entry(2025, None)]]},
        "funding.state_budget[2025]: None (NoneType); expected a whole number of đồng (int)",
    ),
    "no year": (
        {"budget": [[_entry(None, 5)]]},
        "funding: a budget year is missing (null); expected an int year",
    ),
    "no source": (
        {"budget": [[_entry(2025, 5, None)]]},
        "funding: a budget entry has no source; expected one of state_budget, counterpart, other",
    ),
    "year outside": (
        {"budget": [[_entry(2027, 5)]]},
        "state_budget year 2027 is outside 2024..2026 (the implementation "
        "period, extension included, and the year after it)",
    ),
    "year repeated": (
        {"budget": [[_entry(2025, 5), _entry(2024, 1), _entry(2025, 6)]]},
        "funding.state_budget: year 2025 is given more than once",
    ),
    "negative total": (
        {"other": [-3]},
        "funding.other: -3 (int); expected a whole number of đồng >= 0 (int)",
    ),
    "totals disagree": (
        {"budget": [[_entry(2025, 30, "counterpart")]]},
        "counterpart = 50 but counterpart_by_year adds up to 30",
    ),
    "accepted before start": (
        {"accepted_on": [date(2024, 2, 1)]},
        "accepted_on 2024-02-01 is before start 2024-03-01",
    ),
    "terminated before start": (
        {"terminated_on": [date(2024, 2, 29)]},
        "terminated_on 2024-02-29 is before start 2024-03-01",
    ),
}


@pytest.mark.parametrize("case", BAD)
def test_a_bad_row_is_kept_with_the_models_words(case: str) -> None:
    columns, message = BAD[case]
    batch = _batch(**columns)
    out = year_classes(batch, year=2025).row(0, named=True)
    assert out["issue"] == message
    assert all(out[c] is None for c in YEAR_COLUMNS[:-1])
    if case != "year repeated":  # a frame can repeat a year, a Funding cannot hold it
        with pytest.raises(ValidationError) as refused:
            tasks_from_frame(batch)
        assert MODEL_WORDS.get(case, message) in str(refused.value)
    table = budget_by_year(batch)
    assert table.rows() == [(None, None, None, 0, 0), (None, None, message, 0, 1)]
    with pytest.raises(InvalidValue, match="1 rows are not valid tasks"):
        year_classes(batch, year=2025, strict=True)
    with pytest.raises(InvalidValue, match="1 rows are not valid tasks"):
        budget_by_year(batch, strict=True)


@pytest.mark.parametrize("case", [c for c in BAD if c != "totals disagree"])
def test_a_bad_row_in_a_batch_without_totals(case: str) -> None:
    """With no total to compare, budget_by_year first tries the one-pass path of a clean
    batch: a bad row sends it to the full one."""
    columns, message = BAD[case]
    batch = _batch(n=2, counterpart=[0, 0]).vstack(_batch(**{"counterpart": [0], **columns}))
    assert budget_by_year(batch).filter(pl.col("source").is_null()).rows() == [
        (None, None, None, 0, 2),
        (None, None, message, 0, 1),
    ]


def test_every_fault_of_a_row_is_named() -> None:
    batch = _batch(end=[date(2024, 1, 1)], other=[-1], budget=[[_entry(2025, -2)]])
    assert year_classes(batch, year=2025).item(0, "issue") == (
        "end 2024-01-01 is before start 2024-03-01; funding.other: -1 (int); expected a "
        "whole number of đồng >= 0 (int); funding.state_budget[2025]: -2 (int); expected a "
        "whole number of đồng >= 0 (int)"
    )


def test_a_source_no_list_knows_is_an_issue() -> None:
    budget = pl.Series("budget", [[_entry(2025, 5, "grant")], [_entry(2025, 5, "other")]])
    batch = _batch(n=2).with_columns(budget)
    assert year_classes(batch, year=2025).get_column("issue").to_list() == [
        "funding: budget source 'grant' is unknown; expected one of state_budget, counterpart, "
        "other",
        None,
    ]


MODEL_WORDS = {  # where the model words it otherwise
    "no start": "Field required",
    "no end": "Field required",
    "no year": "Input should be a valid integer",
    "no source": "Extra inputs are not permitted",
    "negative total": "-3 (int); expected a whole number of đồng >= 0 (int)",
    "negative amount": "-5 (int); expected a whole number of đồng >= 0 (int)",
    "no amount": "None (NoneType); expected a whole number of đồng (int)",
}
FAULTS = st.sampled_from([k for k in BAD if k != "year repeated"])


@settings(deadline=None)
@given(TASK_LISTS, st.lists(st.tuples(st.integers(0, 7), FAULTS), max_size=4))
def test_a_row_is_answered_exactly_when_it_makes_a_task(
    items: list[Task], faults: list[tuple[int, str]]
) -> None:
    frame = tasks_frame(items)
    for index, fault in faults:
        if index >= len(items):
            continue
        columns, _ = BAD[fault]
        for name, values in columns.items():
            column = frame.get_column(name).to_list()
            column[index] = values[0]
            frame = frame.with_columns(pl.Series(name, column, dtype=frame.schema[name]))
    out = year_classes(frame, year=2025)
    for i, issue in enumerate(out.get_column("issue").to_list()):
        try:
            tasks_from_frame(frame.slice(i, 1))
        except ValidationError:
            assert issue is not None
        else:
            assert issue is None
    table = budget_by_year(frame)
    accounts = table.filter(pl.col("source").is_null())
    answered = accounts.filter(pl.col("issue").is_null()).get_column("tasks").sum()
    refused = accounts.filter(pl.col("issue").is_not_null()).get_column("tasks").sum()
    assert answered == out.get_column("issue").null_count()
    assert answered + refused == len(frame)


# -- inputs and batches -----------------------------------------------------------------


def _kinds(frame: Any) -> dict[str, tuple[Any, type]]:
    table = frame.to_arrow()
    return {
        "polars": (frame, pl.DataFrame),
        "table": (table, pa.Table),
        "batch": (table.combine_chunks().to_batches()[0], pa.RecordBatch),
        "pandas": (frame.to_pandas(use_pyarrow_extension_array=True), type(frame.to_pandas())),
        "dict": (frame.to_dict(as_series=False), pl.DataFrame),
    }


def as_polars(out: Any) -> Any:
    if isinstance(out, pl.DataFrame):
        return out
    if isinstance(out, pa.Table | pa.RecordBatch):
        return pl.from_arrow(out)
    return pl.from_pandas(out)


@pytest.mark.parametrize("kind", ["polars", "table", "batch", "pandas", "dict"])
def test_every_kind_of_input_gives_its_own_kind_back(kind: str) -> None:
    items = [
        task("A"),
        task(
            "B", start=date(2025, 2, 1), end=date(2026, 1, 31), funding={"state_budget": {2026: 10}}
        ),
    ]
    frame = tasks_frame(items).vstack(_batch(end=[None]))
    data, expected = _kinds(frame)[kind]
    out = year_classes(data, year=2025)
    assert isinstance(out, expected)
    want = year_classes(frame, year=2025)
    assert as_polars(out).select(YEAR_COLUMNS).equals(want.select(YEAR_COLUMNS))
    assert as_polars(out).columns == want.columns
    table = budget_by_year(data)
    assert isinstance(table, expected)
    as_text = {"source": pl.String}
    assert as_polars(table).cast(as_text).rows() == budget_by_year(frame).cast(as_text).rows()


@settings(deadline=None)
@given(TASK_LISTS, st.integers(min_value=0, max_value=8), st.integers(2017, 2029))
def test_a_batch_split_in_two_gives_the_same_rows(items: list[Task], cut: int, year: int) -> None:
    frame = tasks_frame(items)
    if items:
        frame = frame.vstack(_batch(start=[None]))  # a bad row too
    whole = year_classes(frame, year=year)
    parts = [
        year_classes(frame.slice(0, cut), year=year),
        year_classes(frame.slice(cut), year=year),
    ]
    assert pl.concat(parts).equals(whole)


def test_an_empty_batch() -> None:
    empty = pl.DataFrame(schema=task_schema())
    assert year_classes(empty, year=2025).columns == [*empty.columns, *YEAR_COLUMNS]
    assert budget_by_year(empty).rows() == [(None, None, None, 0, 0)]


# -- refusals ---------------------------------------------------------------------------


def test_a_missing_column_is_named() -> None:
    with pytest.raises(InvalidValue, match="no column 'terminated_on'"):
        year_classes(_batch().drop("terminated_on"), year=2025)


def test_a_float_amount_is_refused() -> None:
    budget = pl.Series("budget", [[{"year": 2025, "source": "state_budget", "amount": 1.5}]])
    with pytest.raises(InvalidValue, match="budget field 'amount' is Float64; expected int đồng"):
        budget_by_year(_batch().with_columns(budget))
    with pytest.raises(InvalidValue, match="'other' is Float64"):
        budget_by_year(_batch().with_columns(pl.col("other").cast(pl.Float64)))


def test_dates_must_be_dates() -> None:
    with pytest.raises(InvalidValue, match="'start' is String; expected dates"):
        year_classes(_batch().with_columns(pl.col("start").cast(pl.String)), year=2025)


@pytest.mark.parametrize("year", [2025.0, "2025", True, 0, 10_000])
def test_the_year_is_an_int(year: Any) -> None:
    with pytest.raises(InvalidValue, match="expected an int year"):
        year_classes(_batch(), year=year)


def test_a_year_repeated_in_a_long_list_is_found() -> None:
    """Lists longer than the shifts are hashed: a repeat is found however far apart."""
    distinct = [_entry(year, 1, source) for source in SOURCES for year in (2024, 2025, 2026)]
    repeated = [*distinct, _entry(2024, 2)]  # the first entry's year and source, 9 later
    batch = _batch(n=2, budget=[repeated, distinct], counterpart=[0, 0])
    assert year_classes(batch, year=2025).get_column("issue").to_list() == [
        "funding.state_budget: year 2024 is given more than once",
        None,
    ]


def test_columns_of_nulls_from_a_dict() -> None:
    """A dict whose optional columns hold only None (polars reads them as Null)."""
    batch = {
        "start": [date(2024, 1, 1), date(2025, 5, 1)],
        "end": [date(2025, 12, 31), date(2026, 4, 30)],
        "extended_to": [None, None],
        "accepted_on": [None, None],
        "terminated_on": [None, None],
        "budget": [None, None],
        "counterpart": [None, None],
        "other": [None, None],
    }
    out = year_classes(batch, year=2025)
    assert out.select("carried_over", "new", "completed", "issue").rows() == [
        (True, False, True, None),
        (False, True, False, None),
    ]
    assert budget_by_year(batch).rows() == [(None, None, None, 0, 2)]


@pytest.mark.parametrize(
    ("budget", "message"),
    [
        (pl.Series("budget", [[1, 2]]), "column 'budget' is List\\(Int64\\); expected a list"),
        (
            pl.Series("budget", [[{"year": 2025.0, "source": "other", "amount": 1}]]),
            "budget field 'year' is Float64; expected an int",
        ),
        (
            pl.Series("budget", [[{"year": 2025, "source": 1, "amount": 1}]]),
            "budget field 'source' is Int64; expected text",
        ),
    ],
)
def test_a_budget_of_another_shape_is_refused(budget: Any, message: str) -> None:
    with pytest.raises(InvalidValue, match=message):
        year_classes(_batch().with_columns(budget), year=2025)


def test_strict_is_a_bool() -> None:
    with pytest.raises(InvalidValue, match="strict='yes'"):
        year_classes(_batch(), year=2025, strict="yes")  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match="strict='yes'"):
        budget_by_year(_batch(), strict="yes")  # type: ignore[arg-type]


def test_dates_thousands_of_years_apart() -> None:
    """Over a span too long for the table of days, the years come from dt.year."""
    old = task("OLD", start=date(100, 1, 1), end=date(100, 12, 31), funding={})
    late = task(
        "LATE", start=date(9000, 1, 1), end=date(9001, 6, 30), funding={"state_budget": {9001: 7}}
    )
    out = year_classes(tasks_frame([old, late]), year=9001)
    assert out.select("running", "completed", "budget_in_year", "issue").rows() == [
        (False, False, 0, None),
        (True, True, 7, None),
    ]
