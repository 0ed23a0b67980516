"""Tính hàng loạt — due dates and statuses for a whole registry, as columns (polars).

Install the extra: ``pip install "vn-skt[bulk]"``. Each row follows the group-2 list in
force on its own verification date, and the result equals the per-object calculation
row for row (:func:`~vn_skt.metrology.valid_until`, :func:`~vn_skt.metrology.status_of`
on the row's latest verification); the tests check it on random registries across the
lists' boundaries. A row whose instrument is not on the list in force on its date (or
whose name no list knows, or needs a range) is not dropped and gets no cycle: its
``issue`` column says why, the same words the per-object functions raise.

>>> import polars as pl
>>> from datetime import date
>>> registry = pl.DataFrame({
...     "type": ["Cân ô tô", "Cân ô tô", "Công tơ điện xoay chiều 1 pha kiểu cảm ứng", "Taximet"],
...     "verified_on": [date(2025, 5, 20), date(2026, 5, 20), date(2025, 1, 10), None],
...     "passed": [True, True, True, None],
... })
>>> out = due_dates(registry, on=date(2026, 6, 1))
>>> out.select("cycle_months", "valid_until", "status", "rule_status").rows()
[(12, datetime.date(2026, 5, 19), 'OVERDUE', 'U'),
 (24, datetime.date(2028, 5, 19), 'VALID', 'U'),
 (None, None, None, None),
 (None, None, 'NEVER_VERIFIED', None)]
>>> print(out.item(2, "issue"))
'Công tơ điện xoay chiều 1 pha kiểu cảm ứng' is not on the group-2 list in force on 10/01/2025:
removed from 15/10/2024 (it was on the list until 14/10/2024); listed again from 15/04/2026
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.regulations import Status, require_date

from ._instrument_types import Segment, canonical_name, instrument_type, segments
from ._records import InstrumentStatus

S = InstrumentStatus

if TYPE_CHECKING:
    import polars as pl

__all__ = ["due_dates"]


def _polars() -> Any:
    try:
        import polars
    except ImportError:  # pragma: no cover - exercised only without the extra
        raise InvalidValue("the bulk functions need polars: pip install 'vn-skt[bulk]'") from None
    return polars


def _days_from_civil(plm: Any, month_index: Any) -> Any:
    """Days since 1970-01-01 of the first day of month ``month_index`` (= year·12 + month − 1),
    in integer column arithmetic (H. Hinnant's days_from_civil, for years >= 0)."""
    year = month_index // 12
    month = month_index % 12 + 1
    year = year - (month <= 2).cast(plm.Int64)
    era = year // 400
    yoe = year - era * 400
    shifted = plm.when(month > 2).then(month - 3).otherwise(month + 9)
    doy = (153 * shifted + 2) // 5  # the 1st of the month: day-of-year offset, day 1 → +0
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _resolve(name: Any, day: date | None, segment: Segment | None) -> tuple[Any, ...]:
    """(cycle, row status, issue) of ``name`` on ``day`` (None: no verification date),
    exactly as the per-object functions answer (their exception text as the issue)."""
    try:
        if not isinstance(name, str):
            raise RegulationNotFound("the row has no instrument type name")
        if day is None:
            canonical_name(name)  # with no verification only the name is checked
            return None, None, None
        kind = instrument_type(name, on=segment.start if segment is not None else day)
    except RegulationNotFound as exc:
        return None, None, str(exc)
    return kind.cycle_months, kind.status.value, None


def _rules(plm: Any, names: Any, verified: Any) -> tuple[Any, Any, Any]:
    """The cycle, row status and issue of every row, as three columns.

    Names and dates are resolved once per distinct (name, list in force) pair, through
    :func:`instrument_type` itself, so the bulk and per-object answers agree by
    construction; a pair that fails is explained once per distinct (name, date), since
    the explanation names the date. Rows find their pair's answer by position in small
    dense tables (no hashing per row).
    """
    spans = segments()
    epoch = date(1970, 1, 1)
    days = verified.cast(plm.Int32)
    last_end = spans[-1].end
    # 0: no date; 1: before the first list; 2..: the list in force; after a closed last one
    outside = len(spans) + 2
    width = outside + 1
    chain: Any = plm.when(days.is_null()).then(0)
    if last_end is not None:
        chain = chain.when(days > (last_end - epoch).days).then(outside)
    for number, span in reversed(list(enumerate(spans, start=2))):  # a few lists: no search
        chain = chain.when(days >= (span.start - epoch).days).then(number)
    seg = plm.select(chain.otherwise(1).cast(plm.Int64)).to_series()
    # a code per distinct name (categorical codes, made dense when they are not)
    physical = names.cast(plm.String).cast(plm.Categorical).to_physical()
    first = physical.arg_unique()
    ids = physical.gather(first)
    keep = ids.is_not_null()
    distinct: list[str] = names.gather(first).filter(keep).cast(plm.String).to_list()
    ids = ids.filter(keep)
    if len(distinct) and ids.max() < 4 * len(distinct) + 1024:
        code = physical.cast(plm.Int64)
        table_names: list[str | None] = [None] * (int(ids.max()) + 2)
        for i, name in zip(ids.to_list(), distinct, strict=True):
            table_names[i] = name
    else:
        code = physical.replace_strict(
            ids, list(range(len(distinct))), default=None, return_dtype=plm.Int64
        )
        table_names = [*distinct, None]
    code = code.fill_null(len(table_names) - 1)  # rows with no name
    index = code * width + seg
    size = len(table_names) * width
    cycles: list[int | None] = [None] * size
    statuses: list[str | None] = [None] * size
    failing = [False] * size
    for k in index.unique().to_list():
        name_code, segment_code = divmod(k, width)
        name = table_names[name_code]
        if segment_code == 0:
            cycle, status, issue = _resolve(name, None, None)
        elif 2 <= segment_code < outside:
            span = spans[segment_code - 2]
            cycle, status, issue = _resolve(name, span.start, span)
        else:
            cycle, status, issue = None, None, "?"
        cycles[k], statuses[k], failing[k] = cycle, status, issue is not None
    cycle_col = plm.Series(cycles, dtype=plm.Int32).gather(index)
    status_col = plm.Series(statuses, dtype=plm.Enum([s.value for s in Status])).gather(index)
    bad = plm.Series(failing, dtype=plm.Boolean).gather(index)
    if not bad.any():
        return cycle_col, status_col, plm.repeat(None, len(index), dtype=plm.String, eager=True)
    # the explanation names the row's date: once per distinct (name, date) that fails
    offset = 500_000
    day_key = index * 1_000_000 + (days.fill_null(-offset).cast(plm.Int64) + offset)
    issues: dict[int, str | None] = {}
    for k2 in day_key.filter(bad).unique().to_list():
        k, day = divmod(k2, 1_000_000)
        name = table_names[k // width]
        when = None if k % width == 0 else epoch.fromordinal(epoch.toordinal() + day - offset)
        issues[k2] = _resolve(name, when, None)[2]
    issue_col = day_key.replace_strict(
        list(issues), list(issues.values()), default=None, return_dtype=plm.String
    )
    return cycle_col, status_col, issue_col


def due_dates(
    registry: Any,
    *,
    on: date,
    type_column: str = "type",
    verified_column: str = "verified_on",
    passed_column: str = "passed",
    due_soon_days: int = 30,
    strict: bool = False,
) -> pl.DataFrame:
    """Hạn kiểm định hàng loạt — add ``cycle_months``, ``valid_until``, ``status`` (a
    ``polars.Enum`` of :class:`~vn_skt.metrology.InstrumentStatus` names), ``overdue``,
    ``rule_status`` (V, V2, U: the list row the answer rests on) and ``issue`` to a
    registry.

    ``registry`` is a polars DataFrame (or anything ``polars.DataFrame`` accepts: a
    pyarrow Table, a dict of columns) with one row per instrument: its type name, the
    date of its latest verification (null if never verified) and whether it passed.
    Each row follows the list in force on its verification date; ``on`` is only the day
    the status is judged on (a verification dated after it has not happened yet:
    NEVER_VERIFIED). A row whose type is not on the list in force on its date, or whose
    name is unknown or needs a range, gets null cycle, validity and status and its
    ``issue``; ``strict=True`` raises RegulationNotFound naming them instead.
    """
    plm = _polars()
    on = require_date(on, what="due_dates(..., on=...)")
    frame = registry if isinstance(registry, plm.DataFrame) else plm.DataFrame(registry)
    for column in (type_column, verified_column, passed_column):
        if column not in frame.columns:
            raise InvalidValue(
                f"due_dates: the registry has no column {column!r}; its columns are {frame.columns}"
            )
    if type(due_soon_days) is not int or due_soon_days < 0:
        raise InvalidValue(f"due_dates: due_soon_days {due_soon_days!r}; expected an int >= 0")
    if frame.schema[verified_column] == plm.Null:  # no date at all: nothing verified
        frame = frame.with_columns(plm.col(verified_column).cast(plm.Date))
    if frame.schema[passed_column] == plm.Null:
        frame = frame.with_columns(plm.col(passed_column).cast(plm.Boolean))
    if frame.schema[verified_column] != plm.Date:
        raise InvalidValue(
            f"due_dates: column {verified_column!r} is {frame.schema[verified_column]}; "
            f"expected dates (polars Date)"
        )
    cycles, rule_status, issues = _rules(
        plm, frame.get_column(type_column), frame.get_column(verified_column)
    )
    if strict and issues.null_count() < issues.len():
        problems = frame.get_column(type_column).filter(issues.is_not_null())
        first = issues.drop_nulls().unique(maintain_order=True)
        shown = "; ".join(first.head(5).to_list())
        more = f" (and {first.len() - 5} more)" if first.len() > 5 else ""
        raise RegulationNotFound(f"due_dates: {problems.len()} rows: {shown}{more}")
    verified = plm.col(verified_column)
    passed = plm.col(passed_column)
    cycle = plm.col("cycle_months")
    issue = plm.col("issue")
    staged = frame.lazy().with_columns(cycle_months=cycles, rule_status=rule_status, issue=issues)
    staged = staged.with_columns(
        _day=verified.dt.day().cast(plm.Int64),
        _index=verified.dt.year().cast(plm.Int64) * 12
        + verified.dt.month().cast(plm.Int64)
        - 1
        + cycle.cast(plm.Int64),
    )
    staged = staged.with_columns(
        _first=_days_from_civil(plm, plm.col("_index")),  # the first day of the target month
        _next=_days_from_civil(plm, plm.col("_index") + 1),
    )
    # the day before the same day of the target month, or that month's last day
    month_days = plm.col("_next") - plm.col("_first")
    valid = (
        plm.when(plm.col("_day") <= month_days)
        .then(plm.col("_first") + plm.col("_day") - 2)
        .otherwise(plm.col("_next") - 1)
        .cast(plm.Int32)
        .cast(plm.Date)
    )
    staged = staged.with_columns(
        valid_until=plm.when(passed & cycle.is_not_null()).then(valid).otherwise(None)
    )
    days_left = (plm.col("valid_until") - plm.lit(on)).dt.total_days()
    statuses = plm.Enum([s.name for s in InstrumentStatus])

    def named(status: InstrumentStatus) -> Any:
        return plm.lit(status.name, dtype=statuses)

    status = (
        plm.when(issue.is_not_null())
        .then(plm.lit(None, dtype=statuses))
        .when(verified.is_null() | (verified > plm.lit(on)))
        .then(named(S.NEVER_VERIFIED))
        .when(passed.not_())
        .then(named(S.REJECTED))
        .when(cycle.is_null())
        .then(named(S.INITIAL_ONLY))
        .when(days_left < 0)
        .then(named(S.OVERDUE))
        .when(days_left < due_soon_days)
        .then(named(S.DUE_SOON))
        .otherwise(named(S.VALID))
    )
    result: pl.DataFrame = (
        staged.with_columns(status=status)
        .with_columns(overdue=(plm.col("status") == "OVERDUE").fill_null(False))
        .drop("_day", "_index", "_first", "_next")
        .collect()
    )
    return result
