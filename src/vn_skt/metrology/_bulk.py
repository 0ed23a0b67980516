"""Tính hàng loạt — due dates and statuses for a whole registry, as columns (polars).

Install the extra: ``pip install "vn-skt[bulk]"``. Each row follows the group-2 list in
force on its own verification date, and the result equals the per-object calculation
row for row (:func:`~vn_skt.metrology.valid_until`, :func:`~vn_skt.metrology.status_of`
on the row's latest verification); the tests check it on random registries across the
lists' boundaries. A row whose instrument is not on the list in force on its date (or
whose name no list knows, or needs a range, or whose date no list covers), and a row
verified with no result (``passed`` null), is not dropped and gets no cycle, validity or
status: its ``issue`` column says why, the same words the per-object functions raise.

Any kind of table goes in and the same kind comes out (polars, pyarrow RecordBatch or
Table, pandas; a dict of columns gives polars). The answer of a row depends only on
that row, so a registry may be cut in batches anywhere (``vn_skt.scale`` does).

>>> import polars as pl
>>> from datetime import date
>>> registry = pl.DataFrame({
...     "type": ["Cân ô tô", "Cân ô tô", "Công tơ điện xoay chiều 1 pha kiểu cảm ứng", "Taximet",
...              "Taximet"],
...     "verified_on": [date(2025, 5, 20), date(2026, 5, 20), date(2025, 1, 10), None,
...                     date(2026, 2, 3)],
...     "passed": [True, True, True, None, None],
... })
>>> out = due_dates(registry, on=date(2026, 6, 1))
>>> out.select("cycle_months", "valid_until", "status", "rule_status").rows()
[(12, datetime.date(2026, 5, 19), 'OVERDUE', 'U'),
 (24, datetime.date(2028, 5, 19), 'VALID', 'U'),
 (None, None, None, None),
 (None, None, 'NEVER_VERIFIED', None),
 (None, None, None, None)]
>>> print(out.item(2, "issue"))
'Công tơ điện xoay chiều 1 pha kiểu cảm ứng' is not on the group-2 list in force on 10/01/2025:
removed from 15/10/2024 (it was on the list until 14/10/2024); listed again from 15/04/2026
>>> print(out.item(4, "issue"))
no verification result for 'Taximet' verified on 03/02/2026 (passed is null); expected true or false
"""

from __future__ import annotations

from datetime import date
from typing import Any

from vn_skt._columns import ISSUE, frame_in, polars, require_columns
from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.regulations import Status, require_date

from ._bulk_rules import EPOCH, Keys, date_text, explain, keys_of
from ._records import InstrumentStatus

S = InstrumentStatus

__all__ = ["due_dates"]

_LAST_DAY = (date.max - EPOCH).days  # 31/12/9999: the last day a date can hold
_TABLE_LIMIT = 1 << 22  # a (day, cycle) table larger than this: plain arithmetic instead


def _valid_days(plm: Any, verified: Any, cycle: int) -> Any:
    """Days since 1970 of the last valid day of a ``cycle``-month validity from
    ``verified`` (a Date expression): the day before the same day of the target month,
    or that month's last day (as :func:`~vn_skt.metrology.valid_until_months`)."""
    end = verified.dt.offset_by(f"{cycle}mo")  # the month's last day when it is shorter
    shift = (end.dt.day() == verified.dt.day()).cast(plm.Int32)
    return end.cast(plm.Int32) - shift


def _valid_column(plm: Any, frame: Any, keys: Keys, cycles: list[int | None]) -> Any:
    """Every row's last valid day (Int32 days since 1970; null without a cycle), read in
    a small (cycle, day) table when the dates span a sane range, else computed per cycle."""
    distinct = sorted({c for c in cycles if c is not None})
    if not distinct:
        return plm.lit(None, dtype=plm.Int32)
    position = {c: i for i, c in enumerate(distinct)}
    which = keys.column(plm, [None if c is None else position[c] for c in cycles], plm.Int32)
    low, high = frame.select(
        plm.col("_d").min().alias("low"), plm.col("_d").max().alias("high")
    ).row(0)
    if low is None:
        return plm.lit(None, dtype=plm.Int32)
    span = int(high) - int(low) + 1
    if span * len(distinct) > _TABLE_LIMIT:
        day = plm.col("_d").cast(plm.Date)
        chain: Any = plm.when(which.is_null()).then(None)
        for i, cycle in enumerate(distinct):
            chain = chain.when(which == i).then(_valid_days(plm, day, cycle))
        return chain.otherwise(None)
    days = plm.DataFrame({"day": plm.int_range(low, high + 1, eager=True, dtype=plm.Int32)})
    day = plm.col("day").cast(plm.Date)
    table = plm.concat(
        [days.select(_valid_days(plm, day, cycle)).to_series() for cycle in distinct]
    )
    return plm.lit(table).gather(which * span + (plm.col("_d") - low))


def due_dates(
    registry: Any,
    *,
    on: date,
    type_column: str = "type",
    verified_column: str = "verified_on",
    passed_column: str = "passed",
    due_soon_days: int = 30,
    strict: bool = False,
) -> Any:
    """Hạn kiểm định hàng loạt — add ``cycle_months`` (Int32), ``rule_status`` (a
    ``polars.Enum`` of V, V2, U: the list row the answer rests on), ``issue`` (String),
    ``valid_until`` (Date), ``status`` (a ``polars.Enum`` of
    :class:`~vn_skt.metrology.InstrumentStatus` names) and ``overdue`` (Boolean) to a
    registry.

    ``registry`` is a polars DataFrame, a pyarrow RecordBatch or Table, a pandas DataFrame
    or a dict of columns, with one row per instrument: its type name (String,
    Categorical or Enum), the date of its latest verification (Date; null if never
    verified) and whether it passed (Boolean); the result is the same kind of table, the
    input columns and row order kept. Each row follows the list in force on its
    verification date; ``on`` is only the day the status is judged on (a verification
    dated after it has not happened yet: NEVER_VERIFIED). A row whose type is not on the
    list in force on its date, whose name is unknown or needs a range, whose date no
    list covers, or that has a date but no result, gets null cycle, validity, status and
    rule status and its ``issue``; ``strict=True`` raises instead (RegulationNotFound
    for the list, InvalidValue for a missing result).
    """
    plm = polars("due_dates")
    on = require_date(on, what="due_dates(..., on=...)")
    frame, back = frame_in(registry, what="due_dates")
    require_columns(frame, (type_column, verified_column, passed_column), what="due_dates")
    if type(due_soon_days) is not int or due_soon_days < 0:
        raise InvalidValue(f"due_dates: due_soon_days {due_soon_days!r}; expected an int >= 0")
    frame = _typed(plm, frame, verified_column, passed_column, what="due_dates")
    keys = keys_of(
        plm, frame.get_column(type_column), frame.get_column(verified_column), what="due_dates"
    )
    kinds = [r.kind if r is not None else None for r in keys.table]
    cycles = [k.cycle_months if k is not None else None for k in kinds]
    rules = [k.status.value if k is not None else None for k in kinds]
    failed = [r is not None and r.failed for r in keys.table]
    verified = plm.col(verified_column)
    passed = plm.col(passed_column)
    work = frame.lazy().with_columns(keys.key, _d=verified.cast(plm.Int32))
    work = work.with_columns(
        _failed=keys.column(plm, failed, plm.Boolean),
        _valid=_valid_column(plm, frame.select(_d=verified.cast(plm.Int32)), keys, cycles),
        cycle_months=keys.column(plm, cycles, plm.Int32),
        rule_status=keys.column(plm, rules, plm.Enum([s.value for s in Status])),
    )
    missing = verified.is_not_null() & passed.is_null()
    overflow = plm.col("_valid") > _LAST_DAY
    bad = plm.col("_failed") | missing | overflow.fill_null(False)
    work = work.with_columns(_bad=bad, _missing=missing, _overflow=overflow.fill_null(False))
    statuses = plm.Enum([s.name for s in InstrumentStatus])

    def named(status: InstrumentStatus) -> Any:
        return plm.lit(status.name, dtype=statuses)

    on_day = (on - EPOCH).days
    valid = plm.col("_valid")
    cycle = plm.col("cycle_months")
    status = (
        plm.when(plm.col("_bad"))
        .then(plm.lit(None, dtype=statuses))
        .when(verified.is_null() | (plm.col("_d") > on_day))
        .then(named(S.NEVER_VERIFIED))
        .when(passed.not_())
        .then(named(S.REJECTED))
        .when(cycle.is_null())
        .then(named(S.INITIAL_ONLY))
        .when(valid < on_day)
        .then(named(S.OVERDUE))
        .when(valid - on_day < due_soon_days)
        .then(named(S.DUE_SOON))
        .otherwise(named(S.VALID))
    )
    done = work.with_columns(
        cycle_months=plm.when(plm.col("_bad")).then(None).otherwise(cycle),
        rule_status=plm.when(plm.col("_bad")).then(None).otherwise(plm.col("rule_status")),
        valid_until=plm.when(passed & plm.col("_bad").not_())
        .then(valid.cast(plm.Int32).cast(plm.Date))
        .otherwise(plm.lit(None, dtype=plm.Date)),
        status=status,
    ).collect()
    issues = _issues(plm, done, keys, type_column, verified_column)
    if strict and issues.null_count() < issues.len():
        _raise(plm, done, issues)
    result = done.with_columns(
        plm.lit(None, dtype=plm.String).alias(ISSUE)
        if issues.null_count() == issues.len()
        else issues.alias(ISSUE),
        overdue=(plm.col("status") == "OVERDUE").fill_null(False),
    )
    ordered = [c for c in frame.columns if c not in _ADDED]
    return back(result.select(*ordered, *_ADDED))


_ADDED = ("cycle_months", "rule_status", ISSUE, "valid_until", "status", "overdue")


def _typed(plm: Any, frame: Any, verified_column: str, passed_column: str, *, what: str) -> Any:
    """``frame`` with an all-null date or result column typed, and the types checked."""
    if frame.schema[verified_column] == plm.Null:  # no date at all: nothing verified
        frame = frame.with_columns(plm.col(verified_column).cast(plm.Date))
    if frame.schema[passed_column] == plm.Null:
        frame = frame.with_columns(plm.col(passed_column).cast(plm.Boolean))
    dtype = frame.schema[verified_column]
    if isinstance(dtype, plm.Datetime) and dtype.time_zone is None:  # pandas has no dates
        column = plm.col(verified_column)
        if frame.select((column.dt.truncate("1d") != column).any()).item():
            raise InvalidValue(
                f"{what}: column {verified_column!r} holds times of day; expected dates "
                f"(a verification is done on a day: pass the dates)"
            )
        frame = frame.with_columns(column.dt.date())
    if frame.schema[verified_column] != plm.Date:
        raise InvalidValue(
            f"{what}: column {verified_column!r} is {frame.schema[verified_column]}; "
            f"expected dates (polars Date, Arrow date32)"
        )
    if frame.schema[passed_column] != plm.Boolean:
        raise InvalidValue(
            f"{what}: column {passed_column!r} is {frame.schema[passed_column]}; "
            f"expected the results as booleans (polars Boolean)"
        )
    return frame


def missing_result(plm: Any, type_column: str, verified_column: str) -> Any:
    """The text of a row verified with no result (``passed`` null)."""
    name = plm.col(type_column).cast(plm.String)
    who = (
        plm.when(name.is_null())
        .then(plm.lit("a row with no type"))
        .otherwise(plm.concat_str(plm.lit("'"), name, plm.lit("'")))
    )
    return plm.concat_str(
        plm.lit("no verification result for "),
        who,
        plm.lit(" verified on "),
        date_text(plm.col(verified_column)),
        plm.lit(" (passed is null); expected true or false"),
    )


def _issues(plm: Any, done: Any, keys: Keys, type_column: str, verified_column: str) -> Any:
    """The ``issue`` of every row: null when answered (no second pass without bad rows)."""
    height = done.height
    bad_rows = done.get_column("_bad").arg_true()
    issues = (
        plm.Series(ISSUE, [None], dtype=plm.String).extend_constant(None, height - 1)
        if height
        else plm.Series(ISSUE, [], dtype=plm.String)
    )
    if bad_rows.len() == 0:
        return issues
    sub = (
        done.select(
            "_key",
            "_missing",
            "_failed",
            "_overflow",
            "cycle_months",
            "_valid",
            plm.col(type_column),
            _day=plm.col(verified_column),
        )
        .with_row_index("_row")
        .gather(bad_rows)
    )
    rules = sub.filter(plm.col("_failed") & plm.col("_missing").not_())
    if rules.height:
        issues = issues.scatter(
            rules.get_column("_row"),
            explain(plm, rules, keys, plm.int_range(rules.height, eager=True)),
        )
    missing = sub.filter(plm.col("_missing"))
    if missing.height:
        issues = issues.scatter(
            missing.get_column("_row"),
            missing.select(missing_result(plm, type_column, "_day")).to_series(),
        )
    overflow = sub.filter(
        plm.col("_overflow") & plm.col("_missing").not_() & plm.col("_failed").not_()
    )
    if overflow.height:
        cycle = keys.column(
            plm,
            [r.kind.cycle_months if r is not None and r.kind else None for r in keys.table],
            plm.Int64,
        )
        text = overflow.select(
            plm.concat_str(
                plm.lit("add_months: "),
                plm.col("_day").dt.strftime("%Y-%m-%d"),
                plm.lit(" + "),
                cycle.cast(plm.String),
                plm.lit(" months falls in the year "),
                plm.col("_valid").cast(plm.Int32).cast(plm.Date).dt.year().cast(plm.String),
                plm.lit("; expected a result in 1..9999"),
            )
        ).to_series()
        issues = issues.scatter(overflow.get_column("_row"), text)
    return issues


def _raise(plm: Any, done: Any, issues: Any) -> None:
    failed = done.get_column("_failed").fill_null(False) & done.get_column("_missing").not_()
    first = issues.drop_nulls().unique(maintain_order=True)
    shown = "; ".join(first.head(5).to_list())
    more = f" (and {first.len() - 5} more)" if first.len() > 5 else ""
    text = f"due_dates: {issues.len() - issues.null_count()} rows: {shown}{more}"
    if failed.any():
        raise RegulationNotFound(text)
    raise InvalidValue(text)
