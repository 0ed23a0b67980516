"""Tổng hợp — counts of a kernel's answers over a dataset larger than memory.

Each batch is counted on its own (a group-by on the kernel's result) and the partial
counts are added up at the end, so only the counts and the rows with an issue stay in
memory. The counts cover every row, answered or not (a row with an issue counts under
null answer columns), so they add up to the dataset's rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from vn_skt._columns import ISSUE, ROW_INDEX, polars
from vn_skt.errors import InvalidValue

from ._scan import BATCH_ROWS, Kernel, scan_kernel
from ._sources import Source

__all__ = ["COUNT", "Tally", "tally"]

COUNT = "rows"
"""The column of :attr:`Tally.counts` that holds each group's number of rows."""


@attrs.frozen
class Tally:
    """Bảng đếm — what :func:`tally` found: the counts per group, and every row with an
    issue (its ``row_index`` and ``issue``). ``rows == answered + with_issue``."""

    counts: Any
    """polars DataFrame: the ``by`` columns and ``rows``, sorted by the ``by`` columns
    (nulls first; an Enum column in its members' order)."""
    issues: Any
    """polars DataFrame: ``row_index`` (Int64) and ``issue`` (String), in row order."""
    rows: int
    batches: int

    @property
    def with_issue(self) -> int:
        """Dòng có vấn đề — rows the kernel could not answer."""
        return int(self.issues.height)

    @property
    def answered(self) -> int:
        """Dòng đã tính — rows with an answer."""
        return self.rows - self.with_issue


def _keys(by: Sequence[Any], what: str) -> list[Any]:
    pl = polars(what)
    if isinstance(by, str) or not isinstance(by, Sequence) or not by:
        raise InvalidValue(
            f"{what}: by={by!r}; expected a non-empty list of column names or named "
            "polars expressions"
        )
    keys = []
    for key in by:
        if isinstance(key, str):
            keys.append(pl.col(key))
        elif isinstance(key, pl.Expr):
            keys.append(key)
        else:
            raise InvalidValue(f"{what}: by holds {key!r}; expected a column name or an Expr")
    return keys


def tally(
    kernel: Kernel,
    source: Source,
    *,
    by: Sequence[Any],
    batch_rows: int = BATCH_ROWS,
    params: Mapping[str, Any] | None = None,
) -> Tally:
    """Đếm theo nhóm — run ``kernel`` over ``source`` batch by batch and count its rows by
    ``by`` (column names of the result, or named polars expressions on it).

    >>> from datetime import date
    >>> import polars as pl
    >>> from vn_skt.metrology import due_dates
    >>> registry = pl.LazyFrame({
    ...     "province": ["Huế", "Huế", "Cần Thơ", "Cần Thơ"],
    ...     "type": ["Cân ô tô", "Cân ô tô", "Cân ô tô", "Không có tên này"],
    ...     "verified_on": [date(2025, 5, 20), date(2026, 5, 20), None, date(2026, 1, 5)],
    ...     "passed": [True, True, None, True],
    ... })
    >>> found = tally(due_dates, registry, by=["province", "status"], batch_rows=3,
    ...               params={"on": date(2026, 6, 1)})
    >>> for row in found.counts.rows():
    ...     print(row)
    ('Cần Thơ', None, 1)
    ('Cần Thơ', 'NEVER_VERIFIED', 1)
    ('Huế', 'VALID', 1)
    ('Huế', 'OVERDUE', 1)
    >>> found.rows, found.answered, found.with_issue, found.batches
    (4, 3, 1, 2)
    >>> found.issues.item(0, "row_index")
    3
    """
    what = f"tally({getattr(kernel, '__name__', kernel)!r})"
    pl = polars(what)
    keys = _keys(by, what)
    partial: list[Any] = []
    issues: list[Any] = []
    rows = batches = 0
    for result in scan_kernel(kernel, source, batch_rows=batch_rows, params=params):
        if ISSUE not in result.columns:
            raise InvalidValue(f"{what}: the kernel's result has no {ISSUE!r} column")
        partial.append(result.group_by(keys).agg(pl.len().alias(COUNT)))
        issues.append(
            result.filter(pl.col(ISSUE).is_not_null()).select(
                pl.col(ROW_INDEX).cast(pl.Int64), pl.col(ISSUE).cast(pl.String)
            )
        )
        rows += result.height
        batches += 1
    names = partial[0].columns[:-1]
    counts = (
        pl.concat(partial)
        .group_by(names)
        .agg(pl.col(COUNT).sum().cast(pl.Int64))
        .sort(names, nulls_last=False)
    )
    return Tally(counts=counts, issues=pl.concat(issues), rows=rows, batches=batches)
