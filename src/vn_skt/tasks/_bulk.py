"""Tính hàng loạt — the year of every task, and the budget by year and source, as columns.

The bulk of :meth:`Portfolio.year <vn_skt.tasks.Portfolio.year>` over a table of
:func:`~vn_skt.tasks.task_schema` (one row per task; ``budget`` a list of ``{year,
source, amount}`` structs). Install the extra: ``pip install "vn-skt[bulk]"``.

- :func:`year_classes` adds, per row, whether the task runs in the year, is carried
  over, new, completed or only settled in it, and its state budget for the year: the
  same answers as ``Portfolio([task]).year(year)`` row by row, so the column sums are
  the figures of ``Portfolio(tasks).year(year)``.
- :func:`budget_by_year` adds up the budget per year and source, in a small table that
  adds up again across batches (a group-by sum).

A row is answered only if it would make a :class:`~vn_skt.tasks.Task` as far as the
columns read go (the dates and the funding): a row the model would refuse — no start, an
end before the start, a negative or missing amount, a budget year outside the period —
is kept, counted nowhere, and its ``issue`` says why, in the words of the model's own
error. A null ``counterpart`` or ``other`` total is read as none given (0). The answer of
a row depends on that row alone, so a batch split anywhere gives the same rows (and a
code repeated across rows, which a Portfolio refuses, is not looked for).

Money is int đồng (Int64) all the way: no float. One row's amount is an Int64; a sum
that would pass 2^63 − 1 đồng (about 9,2·10^18 đồng, nine quintillion) is added in
Int128 and reported as an issue, never wrapped (polars' own Int64 ``sum`` wraps).

>>> from datetime import date
>>> import polars as pl
>>> from vn_skt.tasks import Task, tasks_frame
>>> def task(code, start, end, budget, **more):
...     return Task(code=code, title="T", type="Đề tài", level="Cấp tỉnh",
...                 field="Khoa học xã hội", principal_investigator="X", host_organization="Y",
...                 start=start, end=end, funding={"state_budget": budget}, **more)
>>> frame = tasks_frame([
...     task("01", date(2024, 1, 1), date(2025, 6, 30), {2024: 500, 2025: 250}),
...     task("02", date(2025, 3, 1), date(2026, 2, 28), {2025: 460}),
...     task("03", date(2023, 1, 1), date(2024, 12, 31), {2025: 40}),
... ])
>>> out = year_classes(frame, year=2025)
>>> out.select("code", "carried_over", "new", "settlement", "budget_in_year").rows()
[('01', True, False, False, 250), ('02', False, True, False, 460), ('03', False, False, True, 40)]
>>> budget_by_year(frame).filter(pl.col("source").is_not_null()).rows()
[(2024, 'state_budget', None, 500, 1), (2025, 'state_budget', None, 750, 3)]
"""

from __future__ import annotations

from datetime import date
from typing import Any

from vn_skt._columns import ISSUE, frame_in, polars, require_columns
from vn_skt.errors import InvalidValue

from ._columnar import BUDGET_SOURCES

__all__ = ["BUDGET_COLUMNS", "YEAR_COLUMNS", "budget_by_year", "year_classes"]

YEAR_COLUMNS = (
    "running",
    "carried_over",
    "new",
    "completed",
    "settlement",
    "budget_in_year",
    ISSUE,
)
"""The columns :func:`year_classes` adds: five Boolean, ``budget_in_year`` Int64 (đồng),
``issue`` String."""

BUDGET_COLUMNS = ("year", "source", ISSUE, "amount", "tasks")
"""The columns of :func:`budget_by_year`: ``year`` Int16, ``source`` Enum of
:data:`~vn_skt.tasks.BUDGET_SOURCES`, ``issue`` String (the keys), ``amount`` Int64
đồng, ``tasks`` UInt32 (the values)."""

_DATES = ("start", "end", "extended_to", "accepted_on", "terminated_on")
_READ = (*_DATES, "budget", "counterpart", "other")
_INT64_MAX = 2**63 - 1
_BY_YEAR = ("state_budget", "counterpart_by_year", "other_by_year")  # Funding's fields
_UNKNOWN = 255  # the code of a source no list knows
_TABLE_DAYS = 1_000_000  # the longest span of days whose years are read from a table
_SHIFTS = 8  # duplicates are looked for by shifting up to this far; longer lists by hashing


def _money_dtype(pl: Any, dtype: Any) -> bool:
    return bool(dtype == pl.Null or (dtype.is_integer() and dtype != pl.UInt64))


def _columns(pl: Any, frame: Any, *, what: str) -> Any:
    """The columns read, in their working types (dates Date, totals Int64), or
    InvalidValue naming a column of the wrong dtype."""
    require_columns(frame, _READ, what=what)
    schema = frame.schema
    out: dict[str, Any] = {}
    for name in _DATES:
        dtype = schema[name]
        if dtype not in (pl.Date, pl.Null):
            raise InvalidValue(f"{what}: column {name!r} is {dtype}; expected dates (polars Date)")
        out[name] = frame.get_column(name).cast(pl.Date)
    for name in ("counterpart", "other"):
        if not _money_dtype(pl, schema[name]):
            raise InvalidValue(
                f"{what}: column {name!r} is {schema[name]}; expected int đồng (Int64): VND "
                "has no minor unit and a float cannot hold an exact amount"
            )
        out[name] = frame.get_column(name).cast(pl.Int64)
    return pl.DataFrame(out)


def _budget(pl: Any, frame: Any, *, what: str) -> Any:
    """The ``budget`` column, checked: a list of ``{year, source, amount}`` structs with
    int years and amounts and text sources (a column of nulls: no budget at all)."""
    budget = frame.get_column("budget")
    if budget.dtype == pl.Null:
        budget = budget.cast(
            pl.List(pl.Struct({"year": pl.Int16, "source": pl.String, "amount": pl.Int64}))
        )
    dtype = budget.dtype
    shape = "a list of {year, source, amount} structs, as task_schema() has it"
    inner = dtype.inner if isinstance(dtype, pl.List) else None
    fields = {f.name: f.dtype for f in inner.fields} if isinstance(inner, pl.Struct) else {}
    if not {"year", "source", "amount"} <= fields.keys():
        raise InvalidValue(f"{what}: column 'budget' is {dtype}; expected {shape}")
    if not _money_dtype(pl, fields["year"]):
        raise InvalidValue(f"{what}: budget field 'year' is {fields['year']}; expected an int")
    if not _money_dtype(pl, fields["amount"]):
        raise InvalidValue(
            f"{what}: budget field 'amount' is {fields['amount']}; expected int đồng (Int64): "
            "VND has no minor unit and a float cannot hold an exact amount"
        )
    source = fields["source"]
    if not (source in (pl.String, pl.Categorical, pl.Null) or isinstance(source, pl.Enum)):
        raise InvalidValue(
            f"{what}: budget field 'source' is {source}; expected text, one of "
            f"{', '.join(BUDGET_SOURCES)}"
        )
    return budget


def _source_of(pl: Any, budget: Any) -> Any:
    """The dtype of the ``source`` field of a checked budget column."""
    return next(f.dtype for f in budget.dtype.inner.fields if f.name == "source")


def _entries(pl: Any, budget: Any, carried: Any) -> Any:
    """The budget lists (checked by :func:`_budget`) as one row per entry: ``row``
    (UInt32, the task's position), ``year`` (Int32), ``source`` (UInt8: the position in
    BUDGET_SOURCES, 255 for a source no list knows, null if missing), ``amount``
    (Int64), ``text`` (the source as written, String, unless it is the schema's Enum),
    and ``carried``'s row columns repeated on each entry of the row."""
    source = _source_of(pl, budget)
    flat = (
        carried.with_columns(budget.alias("budget"))
        .with_row_index("row")
        .explode("budget", empty_as_null=False, keep_nulls=False)
        .unnest("budget")
    )
    text = [pl.col("source").cast(pl.String).alias("text")]
    if source == pl.Enum(list(BUDGET_SOURCES)):
        code = pl.col("source").to_physical().cast(pl.UInt8)
        text = []  # every source is known
    else:
        code = (
            pl.col("source")
            .cast(pl.String)
            .replace_strict(
                list(BUDGET_SOURCES), [0, 1, 2], default=_UNKNOWN, return_dtype=pl.UInt8
            )
        )
        code = pl.when(pl.col("source").is_null()).then(None).otherwise(code)
    return flat.select(
        "row",
        pl.col("year").cast(pl.Int32),
        code.alias("source"),
        pl.col("amount").cast(pl.Int64),
        *text,
        *carried.columns,
    )


def _duplicated(pl: Any, entries: Any, longest: int) -> tuple[Any, Any]:
    """Whether an entry repeats the (year, source) of an earlier entry of its row (an
    expression over the entries). Lists are short: each entry is compared with the few
    before it (shifts of one key: row, year, source), and only the rows of longer lists
    are hashed."""
    if longest <= 1:
        return pl.lit(None).alias("_key"), pl.lit(False)
    key = pl.col("row").cast(pl.Int64) * 2**24 + pl.col("year") * 256 + pl.col("source")
    key = key.alias("_key")
    shifted = pl.any_horizontal(
        [pl.col("_key") == pl.col("_key").shift(d) for d in range(1, min(longest, _SHIFTS))]
    ).fill_null(False)
    if longest > _SHIFTS:
        rows = entries.get_column("row")
        long_rows = rows.value_counts().filter(pl.col("count") > _SHIFTS).get_column("row")
        shifted = shifted | (pl.col("row").is_in(long_rows) & pl.col("_key").is_duplicated())
    return key, shifted


def _issues(pl: Any, cols: Any, budget: Any) -> tuple[Any, Any]:
    """The ``issue`` of every row (String, null where the row makes a Task as far as the
    columns read go) and the budget entries of the rows answered."""
    n = len(cols)
    first, last = _period(pl, cols)
    rows = cols.select(first=first, last=last, flag=_row_faults(pl))
    entries = _entries(pl, budget, rows.select("first", "last"))
    longest = int(budget.list.len().max() or 0) if n else 0
    key, duplicated = _duplicated(pl, entries, longest)
    checks = (
        entries.lazy()
        .with_columns(key)
        .select(bad=_entry_faults(pl, duplicated), dup=duplicated)
        .collect()
    )
    bad_entry, duplicated = checks.get_column("bad"), checks.get_column("dup")
    bad = rows.get_column("flag")
    if bad_entry.any():
        bad = bad.scatter(entries.get_column("row").filter(bad_entry), True)
    sums = _totals_disagree(pl, cols, entries, bad_entry)
    if len(sums):
        bad = bad.scatter(sums.get_column("row"), True)
    if not bad.any():
        return pl.repeat(None, n, dtype=pl.String, eager=True).alias(ISSUE), entries
    bad_entries = entries.with_columns(dup=duplicated).filter(bad_entry)
    if "text" not in bad_entries.columns:
        bad_entries = bad_entries.with_columns(text=pl.lit(None, dtype=pl.String))
    text = _texts(pl, cols, bad_entries, sums, bad)
    return text, entries.filter(~bad.gather(entries.get_column("row")))


def _period(pl: Any, cols: Any) -> tuple[Any, Any]:
    """Expressions of the budget years a task may have: the year of its start, and the
    year after its planned end (extension included). The years are read from a table of
    the years of every day the dates span (a gather from a small table is a few times
    faster than ``dt.year``), or by ``dt.year`` where the span is very long."""
    start = pl.col("start")
    planned = pl.coalesce(pl.col("extended_to"), pl.col("end"))
    bounds = cols.select(
        low=pl.min_horizontal(start.min(), planned.min()),
        high=pl.max_horizontal(start.max(), planned.max()),
    ).row(0)
    low, high = bounds
    if low is None or (high - low).days > _TABLE_DAYS:
        return start.dt.year(), planned.dt.year() + 1
    table = pl.lit(pl.date_range(low, high, eager=True).dt.year())
    base = (low - date(1970, 1, 1)).days
    return (
        table.gather(start.cast(pl.Int32) - base),
        table.gather(planned.cast(pl.Int32) - base) + 1,
    )


def _row_faults(pl: Any) -> Any:
    """Whether a row's own columns are ones the Task model refuses (Boolean)."""
    start, end = pl.col("start"), pl.col("end")
    return pl.any_horizontal(
        start.is_null(),
        end.is_null(),
        end < start,
        pl.col("extended_to") <= end,
        pl.col("accepted_on") < start,
        pl.col("terminated_on") < start,
        pl.col("counterpart") < 0,
        pl.col("other") < 0,
    ).fill_null(False)


def _entry_faults(pl: Any, duplicated: Any) -> Any:
    """Whether a budget entry is one the Task model refuses, against its row's budget
    years ``first``..``last`` (Boolean)."""
    year, amount, source = pl.col("year"), pl.col("amount"), pl.col("source")
    return (
        year.is_null()
        | source.is_null()
        | (source == _UNKNOWN)
        | amount.is_null()
        | (amount < 0)
        | (year < pl.col("first")).fill_null(False)
        | (year > pl.col("last")).fill_null(False)
        | duplicated
    )


def _totals_disagree(pl: Any, cols: Any, entries: Any, bad_entry: Any) -> Any:
    """(row, source, sum, total) where a counterpart or other total (not 0: 0 is "the
    sum of the years") differs from the sum of its years (added in Int128)."""
    schema = {"row": pl.UInt32, "source": pl.UInt8, "sum": pl.Int128, "total": pl.Int64}
    totals = cols.select(
        pl.when(pl.col("counterpart") != 0).then(pl.col("counterpart")),
        pl.when(pl.col("other") != 0).then(pl.col("other")),
    )
    if totals.null_count().sum_horizontal().item() == 2 * len(cols):
        return pl.DataFrame(schema=schema)  # every total is 0 (or none): nothing to check
    source = pl.col("source")
    checked = entries.filter(source.is_in([1, 2]) & ~bad_entry).select("row", "source", "amount")
    rows = checked.get_column("row")
    total = pl.when(source == 1).then(pl.col("tc")).otherwise(pl.col("to"))
    return (
        checked.with_columns(
            tc=totals.get_column("counterpart").gather(rows),
            to=totals.get_column("other").gather(rows),
        )
        .filter(total.is_not_null())
        .group_by("row", "source")
        .agg(pl.col("amount").cast(pl.Int128).sum().alias("sum"), total.first().alias("total"))
        .filter(pl.col("sum") != pl.col("total"))
        .select(pl.col(name).cast(dtype) for name, dtype in schema.items())
    )


def _texts(pl: Any, cols: Any, bad_entries: Any, sums: Any, bad: Any) -> Any:
    """The issue text of the rows flagged ``bad``: every check the row fails, in the
    words of the Task model's errors, joined by "; " (built on those rows only)."""
    start, end, ext = pl.col("start"), pl.col("end"), pl.col("extended_to")
    field = pl.col("source").replace_strict(
        [0, 1, 2], list(_BY_YEAR), default=None, return_dtype=pl.String
    )
    year, amount, first, last = pl.col("year"), pl.col("amount"), pl.col("first"), pl.col("last")
    where = pl.format("funding.{}[{}]", field, year)
    entry = (
        pl.when(year.is_null())
        .then(pl.lit("funding: a budget year is missing (null); expected an int year"))
        .when(pl.col("source").is_null())
        .then(
            pl.lit("funding: a budget entry has no source; expected one of ")
            + ", ".join(BUDGET_SOURCES)
        )
        .when(pl.col("source") == _UNKNOWN)
        .then(
            pl.format(
                "funding: budget source '{}' is unknown; expected one of "
                + ", ".join(BUDGET_SOURCES),
                pl.col("text"),
            )
        )
        .when(amount.is_null())
        .then(pl.format("{}: None (NoneType); expected a whole number of đồng (int)", where))
        .when(amount < 0)
        .then(pl.format("{}: {} (int); expected a whole number of đồng >= 0 (int)", where, amount))
        .when(pl.col("dup"))
        .then(pl.format("funding.{}: year {} is given more than once", field, year))
        .otherwise(
            pl.format(
                "{} year {} is outside {}..{} (the implementation period, extension "
                "included, and the year after it)",
                field,
                year,
                first,
                last,
            )
        )
    )
    per_entry = (  # the first faulty entry of each row
        bad_entries.unique(subset="row", keep="first", maintain_order=True).select(
            "row", entry.alias("entry")
        )
    )
    name = pl.col("source").replace_strict([1, 2], ["counterpart", "other"], return_dtype=pl.String)
    per_total = (
        sums.select(
            "row",
            pl.format(
                "{} = {} but {}_by_year adds up to {}", name, pl.col("total"), name, pl.col("sum")
            ).alias("total"),
        )
        .group_by("row")
        .agg(pl.col("total").sort().str.join("; "))
    )

    def money(column: str) -> Any:
        return pl.when(pl.col(column) < 0).then(
            pl.format(
                "funding.{}: {} (int); expected a whole number of đồng >= 0 (int)",
                pl.lit(column),
                pl.col(column),
            )
        )

    rows = (
        cols.with_row_index("row")
        .filter(bad)
        .join(per_entry, on="row", how="left")
        .join(per_total, on="row", how="left")
    )
    text = rows.select(
        "row",
        pl.concat_str(
            pl.when(start.is_null()).then(pl.lit("start: Field required; expected a date")),
            pl.when(end.is_null()).then(pl.lit("end: Field required; expected a date")),
            pl.when(end < start).then(pl.format("end {} is before start {}", end, start)),
            pl.when(ext <= end).then(pl.format("extended_to {} is not after end {}", ext, end)),
            money("counterpart"),
            money("other"),
            pl.col("entry"),
            pl.col("total"),
            *(
                pl.when(pl.col(n) < start).then(
                    pl.format(f"{n} {{}} is before start {{}}", pl.col(n), start)
                )
                for n in ("accepted_on", "terminated_on")
            ),
            separator="; ",
            ignore_nulls=True,
        ).alias(ISSUE),
    )
    return (
        pl.repeat(None, len(cols), dtype=pl.String, eager=True)
        .scatter(text.get_column("row"), text.get_column(ISSUE))
        .alias(ISSUE)
    )


def _strict(what: str, issues: Any) -> None:
    found = issues.drop_nulls()
    if found.len():
        first = found.unique(maintain_order=True)
        shown = "; ".join(first.head(5).to_list())
        more = f" (and {first.len() - 5} more)" if first.len() > 5 else ""
        raise InvalidValue(f"{what}: {found.len()} rows are not valid tasks: {shown}{more}")


def _checked(pl: Any, frame: Any, *, what: str) -> tuple[Any, Any, Any]:
    cols = _columns(pl, frame, what=what)
    issues, good = _issues(pl, cols, _budget(pl, frame, what=what))
    return cols, issues, good


def year_classes(batch: Any, *, year: int, strict: bool = False) -> Any:
    """Phân loại nhiệm vụ theo năm — add to a task table, per row, the task's place in
    ``year``: what ``Portfolio([task]).year(year)`` says of it.

    ``batch`` is a table of :func:`~vn_skt.tasks.task_schema` (a polars DataFrame, a
    pyarrow RecordBatch or Table, a pandas DataFrame or a dict of columns; the result is
    of the same kind); it needs the columns ``start``, ``end``, ``extended_to``,
    ``accepted_on``, ``terminated_on``, ``budget``, ``counterpart`` and ``other``. Every
    input column is kept, in order, and these are added (:data:`YEAR_COLUMNS`; an input
    column of the same name is replaced):

    - ``running`` (Boolean): the task runs on at least one day of the year (extension
      included, termination counted: :meth:`Task.is_running_in`);
    - ``carried_over`` / ``new`` (Boolean): running and started before the year / in it;
    - ``completed`` (Boolean): running, not terminated, and its period (extension
      included) ends in the year — or accepted in the year;
    - ``settlement`` (Boolean): not running but funded for the year;
    - ``budget_in_year`` (Int64, đồng): the state budget for the year
      (``funding.for_year(year)``);
    - ``issue`` (String): null, or why the row is not a valid task; then every other
      added column is null (the row counts in no figure). ``strict=True`` raises
      :class:`~vn_skt.errors.InvalidValue` instead.

    The sums of the columns are the figures of ``Portfolio(tasks).year(year)``:
    ``running`` its ``total``, ``budget_in_year`` its ``state_budget``.

    >>> from datetime import date
    >>> batch = {"start": [date(2024, 3, 1), date(2025, 2, 1), None],
    ...          "end": [date(2025, 2, 28), date(2024, 12, 31), date(2026, 1, 1)],
    ...          "extended_to": [None, None, None], "accepted_on": [None, None, None],
    ...          "terminated_on": [None, None, None],
    ...          "budget": [[{"year": 2025, "source": "state_budget", "amount": 90}], [], []],
    ...          "counterpart": [0, 0, 0], "other": [0, 0, 0]}
    >>> out = year_classes(batch, year=2025)
    >>> out.select("running", "carried_over", "completed", "budget_in_year").row(0)
    (True, True, True, 90)
    >>> out.get_column("issue").to_list()
    [None, 'end 2024-12-31 is before start 2025-02-01', 'start: Field required; expected a date']
    """
    what = "year_classes"
    frame, back = frame_in(batch, what=what)
    pl = polars(what)
    if type(year) is not int or not 1 <= year <= 9999:
        raise InvalidValue(f"{what}: year={year!r}; expected an int year (1..9999)")
    if type(strict) is not bool:
        raise InvalidValue(f"{what}: strict={strict!r}; expected True or False")
    cols, issues, good = _checked(pl, frame, what=what)
    if strict:
        _strict(what, issues)
    n = len(frame)
    allocated = good.filter((pl.col("source") == 0) & (pl.col("year") == year))
    budget = pl.zeros(n, dtype=pl.Int64, eager=True).scatter(
        allocated.get_column("row"), allocated.get_column("amount")
    )
    jan1, dec31 = date(year, 1, 1), date(year, 12, 31)
    start, term = pl.col("start"), pl.col("terminated_on")
    planned = pl.coalesce(pl.col("extended_to"), pl.col("end"))
    ok = pl.col(ISSUE).is_null()
    # the effective end (the day before a termination, if earlier) is on or after 1/1
    # and on or after the start: without the subtraction, a termination is after both
    stopped_after = (term > pl.max_horizontal(start, pl.lit(jan1))).fill_null(True)
    running = (start <= dec31) & (planned >= jan1) & stopped_after
    accepted = pl.col("accepted_on").is_between(jan1, dec31).fill_null(False)
    ends = running & term.is_null() & planned.is_between(jan1, dec31)
    added = (
        cols.lazy()
        .with_columns(issues, budget.alias("budget_in_year"))
        .select(
            running=pl.when(ok).then(running),
            carried_over=pl.when(ok).then(running & (start < jan1)),
            new=pl.when(ok).then(running & (start >= jan1)),
            completed=pl.when(ok).then(ends | accepted),
            settlement=pl.when(ok).then(~running & (pl.col("budget_in_year") > 0)),
            budget_in_year=pl.when(ok).then(pl.col("budget_in_year")),
            issue=pl.col(ISSUE),
        )
        .collect()
    )
    return back(frame.with_columns(added))


def _clean_sums(pl: Any, frame: Any, *, what: str) -> Any:
    """The sums per year and source of a batch with nothing to report, in one lazy pass,
    or None where a row needs the full path (:func:`_issues`).

    The pass asks only whether anything at all fails, by reductions (a null, the least
    amount, the years below and above their rows' periods) rather than a Boolean per
    entry; a repeated year is ruled out by each row's entries being strictly ordered by
    source, then year — the order ``tasks_frame`` writes. Anything else takes the full
    path: a row or an entry that fails, entries in another order, a total to compare
    with its years, a source given as text, a sum that could pass Int64. A clean
    registry, the common case, costs little more than the bare sums."""
    cols = _columns(pl, frame, what=what)
    budget = _budget(pl, frame, what=what)
    if _source_of(pl, budget) != pl.Enum(list(BUDGET_SOURCES)):
        return None
    given = cols.select(((pl.col("counterpart") != 0) | (pl.col("other") != 0)).any()).item()
    if given:
        return None
    first, last = _period(pl, cols)
    rows = (
        cols.with_columns(budget.alias("budget"))
        .lazy()
        .select("budget", first=first, last=last, flag=_row_faults(pl))
        .with_row_index("row")
    )
    row, year, source, amount = pl.col("row"), pl.col("year"), pl.col("source"), pl.col("amount")
    entries = (
        rows.select("row", "first", "last", "budget")
        .explode("budget", empty_as_null=False, keep_nulls=False)
        .unnest("budget")
        .with_columns(
            year.cast(pl.Int32), source.to_physical().cast(pl.UInt8), amount.cast(pl.Int64)
        )
    )
    order = source.cast(pl.Int32) * 65536 + year
    flagged, found, sums = pl.collect_all(
        [
            rows.select(pl.col("flag").any()),
            entries.select(
                nulls=year.null_count() + source.null_count() + amount.null_count(),
                least=amount.min(),
                below=(year - pl.col("first")).min(),
                above=(year - pl.col("last")).max(),
                unordered=((row == row.shift(1)) & (order <= order.shift(1))).any(),
                largest=amount.max(),
                count=pl.len(),
            ),
            entries.group_by("year", "source").agg(amount.sum(), (amount > 0).sum().alias("tasks")),
        ],
        # each query explodes the lists itself: cheaper than caching the entries for all
        optimizations=pl.QueryOptFlags(comm_subplan_elim=False),
    )
    f = found.row(0, named=True)
    if (
        flagged.item()
        or f["nulls"]
        or (f["least"] or 0) < 0
        or (f["below"] or 0) < 0
        or (f["above"] or 0) > 0
        or f["unordered"]
        or (f["largest"] or 0) * f["count"] > _INT64_MAX
    ):
        return None
    return sums.with_columns(amount.cast(pl.Int128), pl.col("tasks").cast(pl.UInt32))


def _sums(pl: Any, part: Any) -> Any:
    """``amount`` (Int128) and ``tasks`` (the amounts > 0, UInt32) per year and source.
    Added in Int64 when no sum can pass 2^63 - 1 (the largest amount times the number of
    amounts does not), else in Int128."""
    amounts = part.get_column("amount")
    largest = amounts.max()
    fits = largest is None or int(largest) * len(amounts) <= _INT64_MAX
    total = pl.col("amount") if fits else pl.col("amount").cast(pl.Int128)
    return (
        part.group_by("year", "source")
        .agg(total.sum(), (pl.col("amount") > 0).sum().alias("tasks"))
        .with_columns(pl.col("amount").cast(pl.Int128), pl.col("tasks").cast(pl.UInt32))
    )  # (the casts on the few sums: inside the group-by they leave its fast path)


def _parts(pl: Any, cols: Any, issues: Any, good: Any) -> list[Any]:
    """(year, source, amount) to add up: the entries of the rows answered, then the
    counterpart and other totals given without years (year null) — a total whose source
    has entries in the row is their sum, already among them."""
    ok = issues.is_null()
    parts = [good.select("year", "source", "amount")]
    for code, name in ((1, "counterpart"), (2, "other")):
        total = cols.get_column(name)
        given = ok & (total != 0)
        if not given.any():
            continue
        dated = good.filter(pl.col("source") == code).get_column("row")
        alone = given.scatter(dated, False)
        parts.append(
            pl.DataFrame(
                {"year": None, "source": code, "amount": total.filter(alone)},
                schema={"year": pl.Int32, "source": pl.UInt8, "amount": pl.Int64},
            )
        )
    return parts


def budget_by_year(batch: Any, *, strict: bool = False) -> Any:
    """Kinh phí theo năm và nguồn — the budget of a task table added up per year and
    source, with the table's rows accounted for.

    ``batch`` is as for :func:`year_classes` (the result is of the same kind). The result
    is a small table (:data:`BUDGET_COLUMNS`) keyed by ``year`` (Int16), ``source``
    (Enum: state_budget, counterpart, other) and ``issue`` (String), with ``amount``
    (Int64, đồng) and ``tasks`` (UInt32) — of three kinds of rows:

    - figures (``source`` set): the đồng every valid task gives that year from that
      source, and how many tasks give it more than 0. A row with a null ``year`` holds
      the counterpart and other funding given only as a total, with no years;
    - row accounting (``source`` null): ``tasks`` counts the batch's rows answered
      (``issue`` null) and refused, one row per distinct issue (``amount`` 0) — together
      they are the batch's row count; the rows themselves are listed by
      :func:`year_classes` (and ``vn_skt.scale.row_issues`` on its result);
    - a sum past 2^63 − 1 đồng (9,2·10^18) for a year and source: ``amount`` null and
      the ``issue`` says so (never a wrapped sum).

    Two batches' tables combine by a group-by sum over the keys, in Int128 so the sum
    cannot wrap (then check it against 2^63 − 1)::

        pl.concat(parts).group_by("year", "source", "issue").agg(
            pl.col("amount").cast(pl.Int128).sum(), pl.col("tasks").sum())

    >>> batch = {"start": [date(2024, 3, 1), date(2025, 2, 1)],
    ...          "end": [date(2025, 2, 28), date(2024, 12, 31)],
    ...          "extended_to": [None, None], "accepted_on": [None, None],
    ...          "terminated_on": [None, None],
    ...          "budget": [[{"year": 2024, "source": "state_budget", "amount": 90},
    ...                      {"year": 2025, "source": "other", "amount": 10}], []],
    ...          "counterpart": [40, 0], "other": [0, 0]}
    >>> for row in budget_by_year(batch).rows():
    ...     print(row)
    (2024, 'state_budget', None, 90, 1)
    (2025, 'other', None, 10, 1)
    (None, 'counterpart', None, 40, 1)
    (None, None, None, 0, 1)
    (None, None, 'end 2024-12-31 is before start 2025-02-01', 0, 1)
    """
    what = "budget_by_year"
    frame, back = frame_in(batch, what=what)
    pl = polars(what)
    if type(strict) is not bool:
        raise InvalidValue(f"{what}: strict={strict!r}; expected True or False")
    clean = _clean_sums(pl, frame, what=what)
    if clean is not None:  # nothing to report: the sums are all
        issues = pl.repeat(None, len(frame), dtype=pl.String, eager=True)
        summed = [clean]
    else:
        cols, issues, good = _checked(pl, frame, what=what)
        if strict:
            _strict(what, issues)
        summed = [_sums(pl, part) for part in _parts(pl, cols, issues, good)]
    ok = issues.is_null()
    # the parts' keys are apart: entries have a year, totals alone none
    figures = pl.concat(summed).sort("year", "source", nulls_last=True)
    sources = pl.Enum(list(BUDGET_SOURCES))
    too_big = pl.col("amount") > _INT64_MAX
    figures = figures.select(
        pl.col("year").cast(pl.Int16),
        pl.col("source").replace_strict([0, 1, 2], list(BUDGET_SOURCES), return_dtype=sources),
        pl.when(too_big)
        .then(pl.format("the sum is more than 2^63 - 1 = {} đồng (Int64)", pl.lit(_INT64_MAX)))
        .cast(pl.String)
        .alias(ISSUE),
        pl.when(too_big).then(None).otherwise(pl.col("amount")).cast(pl.Int64).alias("amount"),
        "tasks",
    )
    schema = dict(
        zip(BUDGET_COLUMNS, [pl.Int16, sources, pl.String, pl.Int64, pl.UInt32], strict=True)
    )
    answered = pl.DataFrame(
        {"year": [None], "source": [None], ISSUE: [None], "amount": [0], "tasks": [int(ok.sum())]},
        schema=schema,
    )
    refused = (
        pl.DataFrame({ISSUE: issues.drop_nulls()})
        .group_by(ISSUE)
        .agg(pl.len().cast(pl.UInt32).alias("tasks"))
        .sort(ISSUE)
        .select(
            pl.lit(None, dtype=pl.Int16).alias("year"),
            pl.lit(None, dtype=sources).alias("source"),
            ISSUE,
            pl.lit(0, dtype=pl.Int64).alias("amount"),
            "tasks",
        )
    )
    return back(pl.concat([figures, answered, refused]))
