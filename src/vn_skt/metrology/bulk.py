"""Tính hàng loạt — due dates and statuses for a whole registry, as columns (polars).

Install the extra: ``pip install "vn-skt[bulk]"``. The result equals the per-object
calculation row for row (:func:`~vn_skt.metrology.valid_until`,
:func:`~vn_skt.metrology.status_of` on the row's latest verification); the tests check
it on random registries.

>>> import polars as pl
>>> from datetime import date
>>> registry = pl.DataFrame({
...     "type": ["Cân bàn", "công tơ điện xoay chiều 1 pha kiểu điện tử", "Taximet", "Cân bàn"],
...     "verified_on": [date(2025, 3, 15), date(2020, 3, 10), date(2025, 1, 31), None],
...     "passed": [True, True, False, None],
... })
>>> out = due_dates(registry, on=date(2026, 3, 1))
>>> out["valid_until"].to_list()
[datetime.date(2026, 3, 14), datetime.date(2026, 3, 9), None, None]
>>> out["status"].to_list()
['DUE_SOON', 'DUE_SOON', 'REJECTED', 'NEVER_VERIFIED']
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from vn_skt.errors import InvalidValue, RegulationNotFound

from .instrument_types import catalogue, instrument_type
from .records import InstrumentStatus

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


def _cycle_codes(plm: Any, names: Any, on: date | None) -> Any:
    """Each row's cycle in months (0: initial only), resolving every distinct name once.

    Exact catalogue names take one vectorised pass; other spellings (case, NFD, short
    names) are resolved through :func:`instrument_type` for the distinct values only.
    An unknown or missing name raises RegulationNotFound naming them.
    """
    kinds = {kind.name: kind.cycle_months or 0 for kind in catalogue(on)}
    codes = names.replace_strict(
        list(kinds), list(kinds.values()), default=-1, return_dtype=plm.Int32
    )
    if names.null_count():
        raise RegulationNotFound("due_dates: some rows have no instrument type name")
    others = names.filter(codes == -1).unique().to_list()
    if not others:
        return codes
    unknown: list[str] = []
    for name in others:
        try:
            kinds[name] = instrument_type(name, on).cycle_months or 0
        except RegulationNotFound:
            unknown.append(name)
    if unknown:
        shown = ", ".join(repr(n) for n in sorted(unknown)[:10])
        more = f" and {len(unknown) - 10} more" if len(unknown) > 10 else ""
        raise RegulationNotFound(f"due_dates: unknown instrument type names: {shown}{more}")
    return names.replace_strict(list(kinds), list(kinds.values()), return_dtype=plm.Int32)


def due_dates(
    registry: Any,
    *,
    on: date,
    type_column: str = "type",
    verified_column: str = "verified_on",
    passed_column: str = "passed",
    due_soon_days: int = 30,
    catalogue_on: date | None = None,
) -> pl.DataFrame:
    """Hạn kiểm định hàng loạt — add ``cycle_months``, ``valid_until``, ``overdue`` and
    ``status`` (a ``polars.Enum`` of :class:`~vn_skt.metrology.InstrumentStatus` names)
    to a registry.

    ``registry`` is a polars DataFrame (or anything ``polars.DataFrame`` accepts: a
    pyarrow Table, a dict of columns) with one row per instrument: its type name, the
    date of its latest verification (null if never verified) and whether it passed. A
    verification dated after ``on`` has not happened yet on that day: NEVER_VERIFIED.
    Type names are resolved once per distinct name against the list in force on
    ``catalogue_on`` (default: the latest); an unknown name raises RegulationNotFound
    listing every unknown name.
    """
    plm = _polars()
    frame = registry if isinstance(registry, plm.DataFrame) else plm.DataFrame(registry)
    for column in (type_column, verified_column, passed_column):
        if column not in frame.columns:
            raise InvalidValue(
                f"due_dates: the registry has no column {column!r}; its columns are {frame.columns}"
            )
    if type(due_soon_days) is not int or due_soon_days < 0:
        raise InvalidValue(f"due_dates: due_soon_days {due_soon_days!r}; expected an int >= 0")
    cycle_codes = _cycle_codes(plm, frame.get_column(type_column), catalogue_on)
    verified = plm.col(verified_column)
    passed = plm.col(passed_column)
    cycle = plm.col("cycle_months")
    # Staged columns, so that each piece is computed once per row.
    staged = frame.lazy().with_columns(
        cycle_months=plm.when(cycle_codes > 0).then(cycle_codes).otherwise(None).cast(plm.Int32)
    )
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
        plm.when(verified.is_null() | (verified > plm.lit(on)))
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
        .with_columns(overdue=plm.col("status") == "OVERDUE")
        .drop("_day", "_index", "_first", "_next")
        .collect()
    )
    return result
