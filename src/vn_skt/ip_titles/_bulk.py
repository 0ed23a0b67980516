"""Tính hàng loạt — expiry, status and next deadline of a whole title registry, as columns.

Install the extra: ``pip install "vn-skt[bulk]"``. Each row follows the rule versions its
own dates choose, as :class:`ProtectionTitle` does: the ``ip_terms`` version in force on
its filing date, the ``ip_renewal`` version in force on its expiry date (the renewal
window) or on the last day of the yearly term before the one whose fee is due (a
maintenance window). The rules are resolved once per distinct (type, rule version)
through the per-object functions; the dates are then column arithmetic (the same month
arithmetic as :func:`vn_skt.l10n.add_months`: 29/02 + 1 year is 28/02). A row the record
model refuses, or whose dates run out of the calendar or out of the rule tables, is kept
with null results and its ``issue`` says why, in the record's own words.

The rules of a batch are resolved in ``_bulkrules``, the month arithmetic is
``_bulkdates``; this module reads the columns, builds the batch's tables (one entry per
(type, renewals, filing day), per (grant day, yearly term) and per day a term starts,
when the batch's range is shorter than the batch) and gathers every row's answer.

>>> import polars as pl
>>> from datetime import date
>>> titles = pl.DataFrame({
...     "type": ["TRADEMARK", "PATENT", "PATENT", "GEOGRAPHICAL_INDICATION", "TRADEMARK"],
...     "filing_date": [date(2016, 2, 29), date(2015, 3, 2), date(2015, 3, 2),
...                     date(2010, 1, 5), date(2020, 1, 1)],
...     "grant_date": [date(2017, 5, 10), date(2018, 6, 1), date(2018, 6, 1),
...                    date(2012, 1, 5), date(2019, 1, 1)],
...     "maintenance_paid": [None, [{"term": k, "paid_on": date(2017 + k, 5, 2)}
...                                 for k in range(2, 9)], None, None, None],
... })
>>> out = title_deadlines(titles, on=date(2026, 5, 1))
>>> for row in out.select("expiry", "status", "next_deadline", "deadline_kind", "lapsed_on",
...                       "maintenance_term").iter_rows():
...     print(*row)
2026-02-28 GRACE 2026-08-28 RENEWAL_LATE None None
2035-03-02 IN_FORCE 2026-05-31 MAINTENANCE None 9
2035-03-02 EXPIRED None LAPSED 2019-06-01 None
None IN_FORCE None INDEFINITE None None
None None None None None None
>>> print(out.item(4, "issue"))
grant_date 2019-01-01 is before filing_date 2020-01-01
"""

from __future__ import annotations

import functools
import operator
from datetime import date
from typing import Any, Final

from vn_skt._columns import ISSUE, frame_in, polars, require_columns
from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.regulations import require_date

from ._bulkdates import _FIRST, _LAST, _MONTHS, _Calendar, _days, _segment, _where
from ._bulkrules import _KINDS, _as_sources, _bounds, _resolve_terms, _resolve_windows
from ._enums import DeadlineKind, TitleStatus, TitleType
from ._schedule import compute_schedule
from ._terms import term_rule

__all__ = ["title_deadlines"]

_WHAT: Final = "title_deadlines"
_MAX_TERMS: Final = 62  # paid yearly terms are kept as bits 2..62 of an int64
_LAYOUT: Final = _KINDS.index(TitleType.LAYOUT_DESIGN)
_OPTIONAL_DATES: Final = ("grant_date", "first_exploited", "created")
_DASHES: Final = "\u2010\u2011\u2012\u2013\u2014\u2212"

ADDED_COLUMNS: Final = (
    "expiry",
    "status",
    "lapsed_on",
    "next_deadline",
    "deadline_kind",
    "deadline_opens",
    "maintenance_term",
    "term_rule_source",
    "term_rule_status",
    "deadline_rule_source",
    "deadline_rule_status",
    ISSUE,
)


def _kinds(pl: Any, column: Any) -> tuple[Any, Any]:
    """The TitleType position of each row (null if missing or unknown), and the text of
    the unknown ones (null elsewhere)."""
    names = pl.Enum([m.name for m in TitleType])
    dtype = column.dtype
    if dtype == names:
        return column.to_physical().cast(pl.Int32), pl.repeat(
            None, column.len(), dtype=pl.String, eager=True
        )
    if dtype == pl.Null or isinstance(dtype, (pl.Enum, pl.Categorical)) or dtype == pl.String:
        column = column.cast(pl.String)
    else:
        raise InvalidValue(
            f"{_WHAT}: column 'type' is {dtype}; expected title types (a polars Enum of "
            f"TitleType names, or their names or labels as text)"
        )
    distinct = column.unique().drop_nulls().to_list()
    codes: list[int | None] = []
    for text in distinct:
        member = TitleType._missing_(text)  # a name or a label, as the record reads it
        if member is None:
            member = TitleType._missing_(text.strip())
        codes.append(None if member is None else _KINDS.index(member))
    code = column.replace_strict(distinct, codes, default=None, return_dtype=pl.Int32)
    unknown = pl.select(
        pl.when(code.is_null() & column.is_not_null()).then(column).otherwise(None)
    ).to_series()
    return code, unknown


def _date_column(pl: Any, frame: Any, name: str) -> Any:
    if name not in frame.columns:
        return pl.repeat(None, frame.height, dtype=pl.Date, eager=True)
    column = frame.get_column(name)
    if column.dtype == pl.Null:
        return column.cast(pl.Date)
    if column.dtype != pl.Date:
        raise InvalidValue(
            f"{_WHAT}: column {name!r} is {column.dtype}; expected dates (polars Date)"
        )
    return column


def _renewals(pl: Any, frame: Any) -> Any:
    if "renewals" not in frame.columns:
        return pl.repeat(0, frame.height, dtype=pl.Int64, eager=True)
    column = frame.get_column("renewals")
    if column.dtype == pl.Null:
        return column.cast(pl.Int64).fill_null(0)
    if not column.dtype.is_integer():
        raise InvalidValue(
            f"{_WHAT}: column 'renewals' is {column.dtype}; expected integers (renewals granted)"
        )
    return column.cast(pl.Int64).fill_null(0)


def _bit(pl: Any, term: Any) -> Any:
    """2 ** ``term`` (Int64) for a term 2..62, else 0: the product of one factor per bit
    of the term (six ``when``s cost less than a ``pow`` per element)."""
    power = pl.lit(1, pl.Int64)
    for bit in range(6):
        factor = pl.lit(2 ** (2**bit), pl.Int64)
        power = power * pl.when((term & (1 << bit)) != 0).then(factor).otherwise(1)
    return pl.when(term.is_between(2, _MAX_TERMS)).then(power).otherwise(0)


def _paid(pl: Any, frame: Any) -> tuple[Any, Any]:
    """(bits of the yearly terms 2..62 paid, whether any term is paid) of each row, from
    ``maintenance_paid``."""
    n = frame.height
    if "maintenance_paid" not in frame.columns or frame.schema["maintenance_paid"] == pl.Null:
        zero = pl.repeat(0, n, dtype=pl.Int64, eager=True)
        return zero, zero > 0
    column = frame.get_column("maintenance_paid")
    dtype = column.dtype
    inner = dtype.inner if isinstance(dtype, pl.List) else None
    if isinstance(inner, pl.Struct) and "term" in {f.name for f in inner.fields}:
        terms = column.list.eval(pl.element().struct.field("term"))
    elif inner is not None and inner.is_integer():
        terms = column
    else:
        raise InvalidValue(
            f"{_WHAT}: column 'maintenance_paid' is {dtype}; expected a list of "
            "{term, paid_on} structs (the yearly terms paid)"
        )
    if not terms.dtype.inner.is_integer():
        raise InvalidValue(
            f"{_WHAT}: column 'maintenance_paid' has terms of type {terms.dtype.inner}; "
            "expected integers"
        )
    power = _bit(pl, pl.element())
    # one lazy query: the engine sums each morsel's bits while its terms are in cache
    t = pl.col("terms")
    paid = (
        pl.DataFrame({"terms": terms})
        .lazy()
        .select(
            bits=t.list.eval(power).list.sum().fill_null(0),
            count=t.list.len().fill_null(0),
        )
        .collect()
    )
    bits, count = paid.get_column("bits"), paid.get_column("count")
    # each term 2..62 listed once: as many bits as terms; else (a term listed twice, or
    # outside 2..62) those rows again, each term counted once
    odd = bits.bitwise_count_ones() != count.cast(pl.UInt32)
    if odd.any():
        rows = odd.arg_true()
        again = terms.gather(rows).list.unique().list.eval(power).list.sum().fill_null(0)
        bits = bits.scatter(rows, again)
    return bits, count > 0


def _schedule_error(
    kind: int, filed: date, granted: date | None, renewals: int, exploited: Any, created: Any
) -> str:
    """The error the per-object schedule raises for these dates (they are known to fail)."""
    try:
        compute_schedule(
            _KINDS[kind],
            filed,
            granted=granted,
            renewals=renewals,
            first_exploited=exploited,
            created=created,
        )
    except (InvalidValue, RegulationNotFound) as exc:
        return str(exc)
    return "the dates of this title cannot be computed"  # pragma: no cover - defensive


def title_deadlines(titles: Any, *, on: date, strict: bool = False) -> Any:
    """Hạn văn bằng hàng loạt — expiry, status on ``on`` and next deadline of every title.

    ``titles`` is a table of the title schema (:func:`title_schema`; a polars DataFrame, a
    pyarrow RecordBatch or Table, a pandas DataFrame or a dict of columns): ``type`` and
    ``filing_date`` are required; ``grant_date``, ``renewals``, ``maintenance_paid``,
    ``first_exploited``, ``created``, ``renewal_dates``, ``owner`` and
    ``application_number`` are read when present (absent or null: the record's default).
    The result is the same kind of table with every input column and these added:

    - ``expiry`` (Date): the last day in force, renewals included (null: indefinite);
    - ``status`` (Enum of :class:`TitleStatus` names): the status on ``on``;
    - ``lapsed_on`` (Date): the first day out of force, when the title has lapsed;
    - ``next_deadline`` (Date), ``deadline_kind`` (Enum of :class:`DeadlineKind` names),
      ``deadline_opens`` (Date, the window's first day for an on-time maintenance fee or
      renewal) and ``maintenance_term`` (Int16, the yearly term whose fee is due):
      what :meth:`ProtectionTitle.next_action` says;
    - ``term_rule_source`` (Enum of the versions' sources), ``term_rule_status`` (Enum
      V/V2/U): the ``ip_terms`` version the expiry rests on; ``deadline_rule_source``,
      ``deadline_rule_status``: the ``ip_renewal`` version the deadline rests on (null
      when none does);
    - ``issue`` (String): why a row has no answer (null when it has one): what the record
      refuses, in its words; a rule table with no version for the row's date, or dates
      that run past 9999, in the words of the lookup or of the month arithmetic; and one
      thing the record takes: a title renewed, or with fees paid, but never granted.

    ``on`` judges the status and never chooses the rules. ``strict=True`` raises the
    first issues instead (RegulationNotFound when a rule table has no version for a row,
    else InvalidValue). A missing column, a column of the wrong type or a bad ``on`` is
    an InvalidValue.
    """
    pl = polars(_WHAT)
    on = require_date(on, what=f"{_WHAT}(..., on=...)")
    frame, back = frame_in(titles, what=_WHAT)
    require_columns(frame, ("type", "filing_date"), what=_WHAT)
    result = _compute(pl, frame, on)
    if strict:
        issues = result.get_column(ISSUE)
        if issues.null_count() < issues.len():
            shown = issues.drop_nulls().unique(maintain_order=True)
            text = "; ".join(shown.head(5).to_list())
            more = f" (and {shown.len() - 5} more)" if shown.len() > 5 else ""
            count = issues.len() - issues.null_count()
            error = RegulationNotFound if "no version in force" in text else InvalidValue
            raise error(f"{_WHAT}: {count} rows cannot be answered: {text}{more}")
    return back(result)


_NEEDED: Final = ("t_source", "t_status", "expiry", "flags", "r_opens", "r_grace", "r_span")
_PROBLEMS: Final = (
    "term_failing",
    "not_renewable",
    "too_many_renewals",
    "window_failing",
    "overflow",
)
_DENSE_RATIO = 1.0
"""A rule-and-date table over every (type, filing day, renewals) or (grant day, term) in a
batch's range is used when it has at most this many entries per row (else each row is
computed): the same function computes either (the tests run both)."""


def _dense(size: int, n: int) -> bool:
    return 0 < size <= min(n * _DENSE_RATIO, 2**31 - 1)  # an int32 index reaches every entry


def _filing(
    pl: Any,
    cal: _Calendar,
    rules: dict[str, Any],
    width: int,
    term_bounds: list[date],
    renewal: dict[str, Any],
    window_bounds: list[date],
    kind: Any,
    filed_days: Any,
    renewals: Any,
    exploited: Any = None,
    created: Any = None,
) -> Any:
    """What follows from a title's type, filing date and renewals (and a layout design's
    two other dates): the ``ip_terms`` row, the expiry, the renewal window and whether
    the per-object schedule would fail on them. ``kind``, ``filed_days`` and
    ``renewals`` are non-null."""
    n = kind.len()
    key = kind * width + _segment(pl, term_bounds, filed_days)
    failing = rules["failing"].gather(key)
    term = rules["term_years"].gather(key)
    renew_years = rules["renewal_years"].gather(key)
    max_renewals = rules["max_renewals"].gather(key)
    filed = filed_days.cast(pl.Date)
    f_month, f_day = cal.split(filed)
    e_month, e_day, e_days = cal.add(f_month, f_day, term * 12)
    overflow = (e_month >= _MONTHS).fill_null(False)
    for column, years in ((exploited, "exploitation_years"), (created, "creation_years")):
        if column is None or column.is_null().all():
            continue
        x_month, x_day = cal.split(column)
        y_month, y_day, y_days = cal.add(x_month, x_day, rules[years].gather(key) * 12)
        applies = ((kind == _LAYOUT) & y_month.is_not_null() & e_month.is_not_null()).fill_null(
            False
        )
        overflow = overflow | (applies & (y_month >= _MONTHS))
        earlier = applies & (y_days < e_days)
        e_month = _where(earlier, y_month, e_month)
        e_day = _where(earlier, y_day, e_day)
        e_days = _where(earlier, y_days, e_days)
    step = renew_years.fill_null(0) * 12
    count = _where(renewals > 0, renewals, renewals * 0)
    x_month, x_day, x_days = cal.add(e_month, e_day, count * step)
    feb29 = ((e_month % 12 == 1) & (e_day == 29) & (count * step > 0)).fill_null(False)
    if feb29.any():  # each renewal keeps a 28/02 once it has been clipped to it
        rows = feb29.arg_true()
        month, day = e_month.gather(rows), e_day.gather(rows)
        times, by = count.gather(rows), step.gather(rows)
        for j in range(int(times.max() or 0)):
            month = _where(times > j, month + by, month)
            length = cal.month_length(month)
            day = _where(day > length, length, day)
        x_day = x_day.scatter(rows, day)
        x_days = cal.number(x_month, x_day)
    overflow = overflow | (x_month >= _MONTHS).fill_null(False)
    has_expiry = e_month.is_not_null()
    renewable = (
        has_expiry
        & renew_years.is_not_null()
        & term.is_not_null()
        & (max_renewals.is_null() | (renewals < max_renewals))
    ).fill_null(False)
    r_span = _segment(pl, window_bounds, x_days)
    r_open_month, _, r_opens = cal.add(x_month, x_day, -renewal["window"].gather(r_span))
    r_grace_month, _, r_grace = cal.add(x_month, x_day, renewal["grace"].gather(r_span))
    overflow = overflow | (
        renewable & ((r_grace_month >= _MONTHS) | (r_open_month < 0)).fill_null(False)
    )
    i32 = pl.Int32
    return pl.DataFrame(
        {
            "t_key": key.cast(i32),
            "t_source": rules["source"].gather(key),
            "t_status": rules["status"].gather(key),
            "term_failing": failing,
            "maintained": rules["maintenance"].gather(key).fill_null(False),
            "has_expiry": has_expiry,
            "expiry": _where(
                has_expiry, x_days, pl.repeat(None, n, dtype=x_days.dtype, eager=True)
            ).cast(i32),
            "renewable": renewable,
            "r_opens": r_opens.cast(i32),
            "r_grace": r_grace.cast(i32),
            "r_span": r_span.cast(i32),
            "window_failing": renewable & renewal["failing"].gather(r_span),
            "not_renewable": (renewals > 0) & renew_years.is_null(),
            "too_many_renewals": ((renewals > 0) & (renewals > max_renewals)).fill_null(False),
            "overflow": overflow,
        }
    ).with_columns(
        flags=(
            pl.col("renewable").cast(pl.Int8)
            + pl.col("maintained").cast(pl.Int8) * 2
            + pl.any_horizontal(_PROBLEMS).cast(pl.Int8) * 4
        )
    )


def _term_starts(pl: Any, cal: _Calendar, granted: Any, first_unpaid: Any) -> Any:
    """The day (Int32) the yearly term ``first_unpaid`` starts: the grant day's
    anniversary ``first_unpaid − 1`` years on (grant day and term non-null)."""
    g_month, g_day = cal.split(granted.cast(pl.Date))
    _, _, s_days = cal.add(g_month, g_day, (first_unpaid.cast(pl.Int64) - 1) * 12)
    return s_days.cast(pl.Int32)


def _term_windows(
    pl: Any, cal: _Calendar, upkeep: dict[str, Any], window_bounds: list[date], start: Any
) -> Any:
    """The window and grace (``m_opens``, ``m_grace``) of the fee of a yearly term, due
    the day before it starts, and the ``ip_renewal`` span they rest on (``m_span``),
    from the day the term starts (non-null)."""
    p_days = start.cast(pl.Int64) - 1
    # the term before ends the day before: that day's (month, day)
    p_month, p_day = cal.split(p_days.cast(pl.Int32).cast(pl.Date))
    m_span = _segment(pl, window_bounds, p_days)
    _, _, m_opens = cal.add(p_month, p_day, -upkeep["window"].gather(m_span))
    _, _, m_grace = cal.add(p_month, p_day, upkeep["grace"].gather(m_span))
    i32 = pl.Int32
    return pl.DataFrame(
        {
            "m_opens": m_opens.cast(i32),
            "m_grace": m_grace.cast(i32),
            "m_span": m_span.cast(i32),
        }
    )


def _upkeep(
    pl: Any,
    cal: _Calendar,
    upkeep: dict[str, Any],
    window_bounds: list[date],
    start: Any,
    has_terms: Any,
) -> Any:
    """:func:`_term_windows` of every row's ``start`` (those of ``has_terms`` rows
    matter): once per day of their range when it is shorter than the batch, else row
    by row; with ``start`` itself."""
    n = start.len()
    held = start.filter(has_terms)
    low = int(held.min() or 0)
    high = int(held.max() or 0)
    if held.len() and _dense(high - low + 1, n):
        days = pl.int_range(low, high + 1, dtype=pl.Int32, eager=True)
        table = _term_windows(pl, cal, upkeep, window_bounds, days)
        kept = table[(start - low).clip(0, high - low)]
    else:
        kept = _term_windows(pl, cal, upkeep, window_bounds, start)
    return kept.with_columns(start=start, closes=start - 1)


def _upkeep_checks(
    pl: Any,
    cal: _Calendar,
    upkeep: dict[str, Any],
    window_bounds: list[date],
    granted: Any,
    expiry: Any,
) -> tuple[Any, Any]:
    """(the schedule fails, more yearly terms than covered) for titles with yearly terms:
    every term's window must find an ``ip_renewal`` version (the term before the second
    ends a year after the grant, the last's the day before the last term starts), and
    the last term's end and grace must stay in the calendar (as the schedule computes
    them)."""
    g_month, g_day = cal.split(granted.cast(pl.Date))
    years = expiry.cast(pl.Date).dt.year().cast(pl.Int64) - 1 - g_month // 12
    _, _, a_days = cal.add(g_month, g_day, years * 12)
    whole = years - (a_days > expiry).cast(pl.Int64)
    terms = _where(granted <= expiry, whole + 1, whole * 0)
    many = terms >= 2
    last_month, last_day, last_start = cal.add(g_month, g_day, (terms - 1) * 12)
    _, _, second_start = cal.add(g_month, g_day, 12)
    gaps = upkeep["failing"].cast(pl.Int64).cum_sum()
    span_first = _segment(pl, window_bounds, second_start - 1)
    span_last = _segment(pl, window_bounds, last_start - 1)
    failing = many & (
        gaps.gather(span_last)
        - gaps.gather(span_first)
        + upkeep["failing"].gather(span_first).cast(pl.Int64)
        > 0
    )
    end_month, _, _ = cal.add(g_month, g_day, terms * 12)
    grace_month = _where(last_day > 1, last_month, last_month - 1) + upkeep["grace"].gather(
        span_last
    )
    overflow = ((end_month >= _MONTHS) | (many & (grace_month >= _MONTHS))).fill_null(False)
    return failing.fill_null(False) | overflow, terms


def _overlay(whole: Any, rows: Any, part: Any) -> Any:
    """``whole`` with the rows at ``rows`` replaced by ``part`` (same columns)."""
    return whole.with_columns(
        [whole.get_column(c).scatter(rows, part.get_column(c)) for c in part.columns]
    )


def _compute(pl: Any, frame: Any, on: date) -> Any:
    n = frame.height
    cal = _Calendar(pl)
    i32 = pl.Int32
    kind, unknown = _kinds(pl, frame.get_column("type"))
    filed = _date_column(pl, frame, "filing_date")
    granted, exploited, created = (_date_column(pl, frame, c) for c in _OPTIONAL_DATES)
    renewals = _renewals(pl, frame)
    bits, any_paid = _paid(pl, frame)
    on_days = _days(on)
    layout = kind == _LAYOUT

    def out_of_range(column: Any) -> Any:
        days = column.to_physical()
        if column.null_count() == n or (days.min() >= _days(_FIRST) and days.max() <= _days(_LAST)):
            return falses  # the common case: no row to mark, no pass over the rows
        return (column.is_not_null() & ((column < _FIRST) | (column > _LAST))).fill_null(False)

    falses = pl.repeat(False, n, dtype=pl.Boolean, eager=True)
    ranges = {
        name: out_of_range(column)
        for name, column in zip(
            ("filing_date", *_OPTIONAL_DATES), (filed, granted, exploited, created), strict=True
        )
    }
    # a row the arithmetic cannot take is computed as if it had these values, and masked
    if kind.null_count() == 0 and filed.null_count() == 0 and ranges["filing_date"] is falses:
        usable = ~falses
        safe_kind = kind
        filed_days = filed.cast(i32)
    else:
        usable = (kind.is_not_null() & filed.is_not_null() & ~ranges["filing_date"]).fill_null(
            False
        )
        safe_kind = _where(usable, kind, kind * 0).fill_null(0)
        filed_days = _where(
            usable, filed.cast(i32), pl.repeat(_days(_LAST), n, dtype=i32, eager=True)
        ).fill_null(0)
    least, most_renewals = renewals.min(), renewals.max()
    if n and (least < 0 or most_renewals > 10_000):
        safe_renewals = renewals.clip(0, 10_000)
    else:
        safe_renewals = renewals

    # -- the ip_terms row of the filing date, the expiry and the renewal window ------------
    term_bounds = _bounds("ip_terms")
    window_bounds = _bounds("ip_renewal")
    rules, labels = _resolve_terms(pl, term_bounds)
    width = len(term_bounds) + 1
    renewal = _resolve_windows(pl, window_bounds, "renewal")
    upkeep = _resolve_windows(pl, window_bounds, "maintenance")
    _as_sources(pl, rules, renewal, upkeep)
    parts = (pl, cal, rules, width, term_bounds, renewal, window_bounds)
    known = filed_days if usable is not None and usable.all() else filed_days.filter(usable)
    low = known.min() if known.len() else 0
    high = known.max() if known.len() else 0
    most = int(safe_renewals.max() or 0) + 1
    spread = int(high) - int(low)
    # the (type, renewals) pairs the batch holds, each over every filing day of its range
    combo = safe_kind * most + safe_renewals.cast(i32)
    seen = pl.repeat(False, len(_KINDS) * most, dtype=pl.Boolean, eager=True)
    present = seen.scatter(combo, True).arg_true().cast(pl.Int64)
    size = (spread + 1) * present.len()

    def filing_of(rows: Any) -> Any:  # the per-row path, on the rows named
        columns = (safe_kind, filed_days, safe_renewals, exploited, created)
        return _filing(*parts, *(column.gather(rows) for column in columns))

    if _dense(size, n):
        index = pl.int_range(size, dtype=pl.Int64, eager=True)
        pair = present.gather(index // (spread + 1))
        table = _filing(
            *parts,
            (pair // most).cast(i32),
            (index % (spread + 1) + low).cast(i32),
            pair % most,
        )
        place = pl.repeat(0, len(_KINDS) * most, dtype=i32, eager=True).scatter(
            present, pl.int_range(present.len(), dtype=i32, eager=True)
        )
        offset = filed_days - low
        if not usable.all():
            offset = offset.clip(0, spread)
        at = place.gather(combo) * (spread + 1) + offset
        dated = table.select(_NEEDED)[at]
        odd = falses
        if exploited.null_count() < n or created.null_count() < n:
            odd = (layout & (exploited.is_not_null() | created.is_not_null()) & usable).fill_null(
                False
            )
        if odd.any():  # a layout design's own dates: those rows one by one (as columns)
            rows = odd.arg_true()
            own = filing_of(rows)
            dated = _overlay(dated, rows, own.select(_NEEDED))
    else:
        dated = _filing(*parts, safe_kind, filed_days, safe_renewals, exploited, created)
        dated = dated.select(_NEEDED)
    d = dated.get_column
    expiry_days, flags = d("expiry"), d("flags")
    has_expiry = expiry_days.is_not_null()
    renewable = (flags & 1) > 0
    maintained = (flags & 2) > 0
    # the rare rows the rules or the calendar fail: each reason, on those rows only
    problem = ((flags & 4) > 0) & usable
    fails = dict.fromkeys(_PROBLEMS, falses)
    if problem.any():
        rows = problem.arg_true()
        own = filing_of(rows)
        fails = {name: falses.clone().scatter(rows, own.get_column(name)) for name in _PROBLEMS}

    # -- maintenance: the first unpaid yearly term (2..), its start and window -------------
    g_days = granted.cast(i32)
    has_terms = granted.is_not_null() & has_expiry & maintained
    if ranges["grant_date"] is not falses:
        has_terms = has_terms & ~ranges["grant_date"]
    if not usable.all():
        has_terms = has_terms & usable
    has_terms = has_terms.fill_null(False)
    first_unpaid = (bits // 4).bitwise_trailing_ones().cast(i32) + 2
    g_held = _where(has_terms, g_days, pl.repeat(None, n, dtype=i32, eager=True))
    g_low = int(g_held.min() or 0)
    g_high = int(g_held.max() or 0)
    g_safe = g_held.fill_null(g_low)
    f_safe = _where(has_terms, first_unpaid, pl.repeat(2, n, dtype=i32, eager=True))
    f_high = int(f_safe.max() or 2)
    size = (g_high - g_low + 1) * (f_high - 1)
    if has_terms.any() and _dense(size, n):
        index = pl.int_range(size, dtype=pl.Int64, eager=True)
        starts = _term_starts(
            pl, cal, (index // (f_high - 1) + g_low).cast(i32), index % (f_high - 1) + 2
        )
        start = starts.gather((g_safe - g_low) * (f_high - 1) + (f_safe - 2))
    else:
        g_any = _where(
            has_terms, g_safe, pl.repeat(_days(date(2000, 1, 1)), n, dtype=i32, eager=True)
        )
        start = _term_starts(pl, cal, g_any, f_safe)
    kept = _upkeep(pl, cal, upkeep, window_bounds, start, has_terms)
    u = kept.get_column
    due = has_terms & (u("start") <= expiry_days)
    # rarely: yearly terms before the first ip_renewal version or in a gap of it, past the
    # calendar, or more than 62 of them: those titles are checked term by term
    first_window = _days(window_bounds[0]) if window_bounds else 0
    gapped = bool(upkeep["failing"].slice(1).any())
    suspect = has_terms & (
        (g_days < first_window + 400)
        | (expiry_days > _days(date(9900, 1, 1)))
        | (expiry_days - g_days > (_MAX_TERMS - 1) * 365)
        | gapped
    ).fill_null(False)
    upkeep_failing = too_many = falses
    terms = None
    if suspect.any():
        rows = suspect.arg_true()
        failing_rows, term_rows = _upkeep_checks(
            pl, cal, upkeep, window_bounds, g_days.gather(rows), expiry_days.gather(rows)
        )
        upkeep_failing = falses.clone().scatter(rows, failing_rows)
        terms = pl.repeat(0, n, dtype=pl.Int64, eager=True).scatter(rows, term_rows)

    # -- checks, in the record's order; the first that fails is the row's issue ------------
    owner_bad = None
    if "owner" in frame.columns:
        owner = frame.get_column("owner")
        if owner.dtype == pl.Null:
            owner = owner.cast(pl.String)
        if owner.dtype != pl.String:
            raise InvalidValue(f"{_WHAT}: column 'owner' is {owner.dtype}; expected text")
        owner_bad = owner.is_null() | (owner.str.strip_chars().str.len_chars() == 0)
    number_text = None
    number_bad = number_year = None
    if "application_number" in frame.columns:
        number_text = frame.get_column("application_number")
        if number_text.dtype == pl.Null:
            number_text = number_text.cast(pl.String)
        if number_text.dtype != pl.String:
            raise InvalidValue(
                f"{_WHAT}: column 'application_number' is {number_text.dtype}; expected text"
            )
        plain = number_text.str.replace_all(f"[{_DASHES}]", "-").str.replace_all(r"\s", "")
        shape = plain.str.contains(r"^[1-9]-[0-9]{4}-[0-9]{5}$")
        number_year = plain.str.slice(2, 4).cast(pl.Int32, strict=False)
        serial = plain.str.slice(7, 5).cast(pl.Int32, strict=False)
        number_bad = number_text.is_not_null() & (
            ~shape | (number_year < 1900) | (number_year > 2100) | (serial < 1)
        ).fill_null(True)
        number_year = _where(
            ~number_bad, number_year, pl.repeat(None, n, dtype=pl.Int32, eager=True)
        )
    dates_len = None
    if "renewal_dates" in frame.columns and frame.schema["renewal_dates"] != pl.Null:
        column = frame.get_column("renewal_dates")
        if not isinstance(column.dtype, pl.List):
            raise InvalidValue(
                f"{_WHAT}: column 'renewal_dates' is {column.dtype}; expected a list of dates"
            )
        dates_len = column.list.len().fill_null(0).cast(pl.Int64)
    # each check of the record, in its order; one that cannot fail here (its column absent
    # or empty, or nothing found) is left out, and costs no pass over the rows
    none_granted = granted.null_count() == n
    all_granted = granted.null_count() == 0
    renewed = bool(most_renewals) if n else False
    paid = bool(any_paid.any())
    checks: list[tuple[str, Any]] = []

    def check(name: str, condition: Any) -> None:
        if condition is not None and condition is not falses:
            checks.append((name, condition))

    check("type_missing", kind.is_null() & unknown.is_null() if kind.null_count() else None)
    check("type_unknown", unknown.is_not_null() if unknown.null_count() < n else None)
    check("filed_missing", filed.is_null() if filed.null_count() else None)
    check("filed_range", ranges["filing_date"])
    for name in _OPTIONAL_DATES:
        check(f"{name}_range", ranges[name])
    check("owner", owner_bad)
    check("renewals_negative", renewals < 0 if n and least < 0 else None)
    check("number", number_bad)
    check("granted_early", None if none_granted else granted < filed)
    check("term_rule", fails["term_failing"])
    check("not_renewable", fails["not_renewable"])
    check("too_many_renewals", fails["too_many_renewals"])
    if dates_len is not None:
        check("renewal_dates", (dates_len > 0) & (dates_len != renewals))
    has_exploited = exploited.null_count() < n
    has_created = created.null_count() < n
    check("exploited_layout", exploited.is_not_null() & ~layout if has_exploited else None)
    check("created_layout", created.is_not_null() & ~layout if has_created else None)
    check("created_late", created > filed if has_created else None)
    check("exploited_early", exploited < created if has_exploited and has_created else None)
    check("no_maintenance", any_paid & ~maintained if paid else None)
    if number_year is not None:
        check("number_year", number_year != filed.dt.year())
    check(
        "renewed_ungranted",
        None if all_granted or not renewed else granted.is_null() & (renewals > 0),
    )
    check("paid_ungranted", None if all_granted or not paid else granted.is_null() & any_paid)
    schedule_fails = [
        f for f in (fails["window_failing"], upkeep_failing, fails["overflow"]) if f is not falses
    ]
    if schedule_fails:
        check("schedule", functools.reduce(operator.or_, schedule_fails))
    check("too_many_terms", too_many)
    checks = [(name, c.fill_null(False)) for name, c in checks]
    bad = falses
    for _, condition in checks:
        bad = bad | condition
    ok = ~bad

    # -- status, lapse and next deadline ---------------------------------------------------
    statuses = pl.Enum([s.name for s in TitleStatus])
    kinds = pl.Enum([k.name for k in DeadlineKind])
    work = pl.DataFrame(
        {
            "ok": ok,
            "granted": g_days,
            "expiry": expiry_days,
            "renewable": renewable,
            "r_opens": d("r_opens"),
            "r_grace": d("r_grace"),
            "r_span": d("r_span"),
            "due": due,
            "f": first_unpaid,
            "start": u("start"),
            "closes": u("closes"),
            "m_opens": u("m_opens"),
            "m_grace": u("m_grace"),
            "m_span": u("m_span"),
            "t_source": d("t_source"),
            "t_status": d("t_status"),
        }
    )
    c = pl.col
    day = pl.lit(on_days, dtype=i32)
    unpaid = c("due") & (c("start") <= day)
    pending = c("granted").is_null() | (day < c("granted"))

    def as_status(status: TitleStatus) -> Any:
        return pl.lit(status.name, dtype=statuses)

    def as_kind(what: DeadlineKind) -> Any:
        return pl.lit(what.name, dtype=kinds)

    status = (
        pl.when(pending)
        .then(as_status(TitleStatus.PENDING))
        .when(unpaid & (day <= c("m_grace")))
        .then(as_status(TitleStatus.GRACE))
        .when(unpaid)
        .then(as_status(TitleStatus.EXPIRED))
        .when(c("expiry").is_null() | (day <= c("expiry")))
        .then(as_status(TitleStatus.IN_FORCE))
        .when(c("renewable") & (day <= c("r_grace")))
        .then(as_status(TitleStatus.GRACE))
        .otherwise(as_status(TitleStatus.EXPIRED))
    )
    work = work.lazy().with_columns(status=status, unpaid=unpaid)
    s = c("status")
    late_upkeep = c("unpaid") & (s == "GRACE")
    upkeep_ahead = c("due") & ~c("unpaid")
    what = (
        pl.when(s == "PENDING")
        .then(as_kind(DeadlineKind.AWAIT_GRANT))
        .when(s == "EXPIRED")
        .then(as_kind(DeadlineKind.LAPSED))
        .when(c("expiry").is_null())
        .then(as_kind(DeadlineKind.INDEFINITE))
        .when(late_upkeep)
        .then(as_kind(DeadlineKind.MAINTENANCE_LATE))
        .when(s == "GRACE")
        .then(as_kind(DeadlineKind.RENEWAL_LATE))
        .when(upkeep_ahead)
        .then(as_kind(DeadlineKind.MAINTENANCE))
        .when(~c("renewable"))
        .then(as_kind(DeadlineKind.TERM_ENDS))
        .otherwise(as_kind(DeadlineKind.RENEWAL))
    )
    work = work.with_columns(kind=what)
    k = c("kind")
    upkeep_kind = (k == "MAINTENANCE") | (k == "MAINTENANCE_LATE")
    renewal_kind = (k == "RENEWAL") | (k == "RENEWAL_LATE")
    to_date = pl.Date
    # a deadline on no ip_renewal version reads the null entry after the last span
    nowhere = pl.lit(renewal["source"].len(), dtype=i32)
    d_span = (
        pl.when(upkeep_kind)
        .then(c("m_span"))
        .when(renewal_kind)
        .then(c("r_span"))
        .otherwise(nowhere)
    )

    everyone = not bad.any()

    def answer(expr: Any) -> Any:
        return expr if everyone else pl.when(c("ok")).then(expr).otherwise(None)

    if not everyone:
        d_span = answer(d_span)

    added = work.select(
        expiry=answer(c("expiry").cast(to_date)),
        status=answer(s),
        lapsed_on=answer(
            pl.when(s != "EXPIRED")
            .then(None)
            .when(c("unpaid"))
            .then(c("start"))
            .otherwise(c("expiry") + 1)
            .cast(to_date)
        ),
        next_deadline=answer(
            pl.when(k == "MAINTENANCE_LATE")
            .then(c("m_grace"))
            .when(k == "RENEWAL_LATE")
            .then(c("r_grace"))
            .when(k == "MAINTENANCE")
            .then(c("closes"))
            .when(k.is_in(["RENEWAL", "TERM_ENDS"]))
            .then(c("expiry"))
            .otherwise(None)
            .cast(to_date)
        ),
        deadline_kind=answer(k),
        deadline_opens=answer(
            pl.when(k == "MAINTENANCE")
            .then(c("m_opens"))
            .when(k == "RENEWAL")
            .then(c("r_opens"))
            .otherwise(None)
            .cast(to_date)
        ),
        maintenance_term=answer(pl.when(upkeep_kind).then(c("f")).cast(pl.Int16)),
        term_rule_source=answer(c("t_source")),
        term_rule_status=answer(c("t_status")),
        # the renewal and the maintenance rows of one ip_renewal version share its source
        deadline_rule_source=pl.lit(renewal["source"].extend_constant(None, 1)).gather(d_span),
        deadline_rule_status=pl.lit(renewal["status"].extend_constant(None, 1)).gather(d_span),
    ).collect()
    issues = _issues(
        pl,
        bad,
        checks,
        {
            "kind": kind,
            "unknown": unknown,
            "filed": filed,
            "granted": granted,
            "exploited": exploited,
            "created": created,
            "renewals": renewals,
            "max_renewals": lambda rows: rules["max_renewals"].gather(
                safe_kind.gather(rows) * width + _segment(pl, term_bounds, filed_days.gather(rows))
            ),
            "dates_len": dates_len,
            "number": number_text,
            "number_year": number_year,
            "terms": pl.repeat(0, n, dtype=pl.Int64, eager=True) if terms is None else terms,
        },
        labels,
    )
    return frame.with_columns(*added.get_columns(), issues.alias(ISSUE))


def _issues(
    pl: Any, bad: Any, checks: list[tuple[str, Any]], values: dict[str, Any], labels: list[str]
) -> Any:
    """The issue text of every ``bad`` row (null elsewhere): the first of ``checks`` that
    fails, built on those rows only."""
    n = bad.len()
    rows = bad.arg_true()
    if rows.len() == 0:
        return pl.repeat(None, n, dtype=pl.String, eager=True)
    names = [name for name, _ in checks]
    code = pl.repeat(0, rows.len(), dtype=pl.Int8, eager=True)
    for number, (_, condition) in reversed(list(enumerate(checks, start=1))):
        code = _where(
            condition.gather(rows), pl.repeat(number, rows.len(), dtype=pl.Int8, eager=True), code
        )
    most = values.pop("max_renewals")
    columns = {k: v.gather(rows) for k, v in values.items() if v is not None}
    columns["max_renewals"] = most(rows)
    bad = pl.DataFrame({"code": code, **columns})
    number = {name: i for i, name in enumerate(names, start=1)}
    c = pl.col
    label = c("kind").replace_strict(
        list(range(len(labels))), labels, default=None, return_dtype=pl.String
    )

    def iso(name: str) -> Any:
        return c(name).dt.to_string("%Y-%m-%d")

    kinds = ", ".join(k.name for k in TitleType)
    texts: dict[str, Any] = {
        "type_missing": pl.lit("type: missing; expected a title type"),
        "type_unknown": pl.format(
            "type: '{}' is not a title type; expected one of {} (or their labels)",
            c("unknown"),
            pl.lit(kinds),
        ),
        "filed_missing": pl.lit("filing_date: missing; expected a date"),
        "filed_range": pl.format(
            "filing_date {} is out of range; expected 0001-01-01..9999-12-31", iso("filed")
        ),
        "grant_date_range": pl.format(
            "grant_date {} is out of range; expected 0001-01-01..9999-12-31", iso("granted")
        ),
        "first_exploited_range": pl.format(
            "first_exploited {} is out of range; expected 0001-01-01..9999-12-31",
            iso("exploited"),
        ),
        "created_range": pl.format(
            "created {} is out of range; expected 0001-01-01..9999-12-31", iso("created")
        ),
        "owner": pl.lit("owner: missing or empty; expected the title's owner"),
        "renewals_negative": pl.format(
            "renewals {}: expected a number of renewals >= 0", c("renewals")
        ),
        "number": pl.format(
            "application_number '{}' is not an application number; expected T-YYYY-NNNNN, "
            "e.g. 4-2025-20619",
            c("number") if "number" in columns else pl.lit(""),
        ),
        "granted_early": pl.format(
            "grant_date {} is before filing_date {}", iso("granted"), iso("filed")
        ),
        "term_rule": pl.lit(""),  # the lookup's own words, per date: below
        "not_renewable": pl.format(
            "renewals {}: a {} title cannot be renewed", c("renewals"), label
        ),
        "too_many_renewals": pl.format(
            "renewals {}: a {} title can be renewed at most {} times",
            c("renewals"),
            label,
            c("max_renewals"),
        ),
        "renewal_dates": pl.format(
            "renewal_dates has {} dates but renewals is {}",
            c("dates_len") if "dates_len" in columns else pl.lit(0),
            c("renewals"),
        ),
        "exploited_layout": pl.format(
            "first_exploited applies to layout designs only, not {}", label
        ),
        "created_layout": pl.format("created applies to layout designs only, not {}", label),
        "created_late": pl.format(
            "created {} is after filing_date {}", iso("created"), iso("filed")
        ),
        "exploited_early": pl.format(
            "first_exploited {} is before created {}", iso("exploited"), iso("created")
        ),
        "no_maintenance": pl.format("maintenance_paid: a {} title has no maintenance fees", label),
        "number_year": pl.format(
            "application_number {} is of year {}, but filing_date is {}",
            c("number") if "number" in columns else pl.lit(""),
            c("number_year") if "number_year" in columns else pl.lit(0),
            iso("filed"),
        ),
        "renewed_ungranted": pl.format(
            "grant_date: missing, but renewals is {} (a title is renewed only after its grant)",
            c("renewals"),
        ),
        "paid_ungranted": pl.lit(
            "grant_date: missing, but maintenance fees are paid (a fee is due only on a "
            "granted title)"
        ),
        "schedule": pl.lit(""),  # the schedule's own words, per title: below
        "too_many_terms": pl.format(
            "{} yearly maintenance terms: the bulk calculation covers terms up to {}",
            c("terms"),
            pl.lit(_MAX_TERMS),
        ),
    }
    chain: Any = pl.when(pl.lit(False)).then(pl.lit(None, dtype=pl.String))
    for name in names:
        chain = chain.when(c("code") == number[name]).then(texts[name])
    bad = bad.with_columns(text=chain.otherwise(None), row=rows)
    # the words of the per-object code, once per distinct key that fails
    for name, columns_used in (
        ("term_rule", ("kind", "filed")),
        ("schedule", ("kind", "filed", "granted", "renewals", "exploited", "created")),
    ):
        if name not in number:
            continue
        failing = bad.filter(c("code") == number[name])
        if failing.height == 0:
            continue
        found: dict[tuple[Any, ...], str] = {}
        for key in failing.select(columns_used).unique().iter_rows():
            if name == "term_rule":
                try:
                    term_rule(_KINDS[key[0]], on=key[1])
                    found[key] = "no ip_terms row for this type"  # pragma: no cover
                except RegulationNotFound as exc:
                    found[key] = str(exc)
            else:
                found[key] = _schedule_error(*key)
        table = pl.DataFrame(
            [(*key, text) for key, text in found.items()],
            schema={**{u: failing.schema[u] for u in columns_used}, "found": pl.String},
            orient="row",
        )
        keyed = failing.select("row", *columns_used).join(
            table, on=list(columns_used), how="left", nulls_equal=True
        )
        bad = bad.update(keyed.select("row", text="found"), on="row")
    full = pl.repeat(None, n, dtype=pl.String, eager=True)
    return full.scatter(bad.get_column("row"), bad.get_column("text"))
