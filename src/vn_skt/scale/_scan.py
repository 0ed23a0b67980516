"""Ngoài bộ nhớ — a bulk kernel over a dataset larger than memory, batch by batch.

polars reads the dataset in streaming mode (``LazyFrame.collect_batches``) and hands
over batches of ``batch_rows`` rows; the kernel runs on each, so memory is bounded by a
few batches whatever the dataset's size. Every row keeps its global position in the
``row_index`` column (0-based, in the dataset's order), which is how issues name rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from vn_skt._columns import ROW_INDEX, polars
from vn_skt._extras import import_extra
from vn_skt.errors import InvalidValue

from ._sources import Source, lazy_source

__all__ = ["BATCH_ROWS", "Kernel", "scan_kernel", "sink_kernel"]

Kernel = Callable[..., Any]
"""A bulk kernel: ``kernel(batch, **params)`` → the batch with its answer columns."""

BATCH_ROWS = 1_000_000
"""Rows per batch by default: about 50–100 MB of kernel columns, a few batches alive."""


def _checked_rows(batch_rows: object, what: str) -> int:
    if type(batch_rows) is not int or batch_rows < 1:
        raise InvalidValue(f"{what}: batch_rows {batch_rows!r}; expected an int >= 1")
    return batch_rows


def scan_kernel(
    kernel: Kernel,
    source: Source,
    *,
    batch_rows: int = BATCH_ROWS,
    params: Mapping[str, Any] | None = None,
) -> Iterator[Any]:
    """Quét từng lô — ``kernel(batch, **params)`` on each batch of ``source``, as an
    iterator of polars DataFrames with a global ``row_index`` column (an empty dataset
    gives one empty batch, so the result's columns are always known).

    >>> from datetime import date
    >>> import polars as pl
    >>> from vn_skt.metrology import due_dates
    >>> registry = pl.LazyFrame({
    ...     "type": ["Cân ô tô"] * 3,
    ...     "verified_on": [date(2025, 5, 20), date(2026, 5, 20), None],
    ...     "passed": [True, True, None],
    ... })
    >>> batches = scan_kernel(due_dates, registry, batch_rows=2,
    ...                       params={"on": date(2026, 6, 1)})
    >>> [b.select("row_index", "status").rows() for b in batches]
    [[(0, 'OVERDUE'), (1, 'VALID')], [(2, 'NEVER_VERIFIED')]]
    """
    what = f"scan_kernel({getattr(kernel, '__name__', kernel)!r})"
    rows = _checked_rows(batch_rows, what)  # checked now, not at the first batch
    lazy = lazy_source(source, what=what)
    pl = polars(what)
    try:  # a file polars cannot read is the caller's bad input: say which, and why
        names = lazy.collect_schema().names()
    except pl.exceptions.PolarsError as exc:
        raise InvalidValue(f"{what}: could not read the source: {exc}") from None
    if ROW_INDEX not in names:
        lazy = lazy.with_row_index(ROW_INDEX)
    return _results(kernel, lazy, rows, dict(params or {}), what)


def _results(
    kernel: Kernel, lazy: Any, rows: int, arguments: dict[str, Any], what: str
) -> Iterator[Any]:
    pl = polars(what)
    batches = iter(lazy.collect_batches(chunk_size=rows))
    seen = False
    while True:
        try:  # a row polars cannot read (a CSV cell, a corrupt page) is bad input too
            batch = next(batches)
        except StopIteration:
            break
        except pl.exceptions.PolarsError as exc:
            raise InvalidValue(f"{what}: could not read the source: {exc}") from None
        seen = True
        yield kernel(batch, **arguments)
    if not seen:  # an empty dataset: one empty batch, so the result's columns are known
        yield kernel(lazy.head(0).collect(), **arguments)


def sink_kernel(
    kernel: Kernel,
    source: Source,
    target: str | Path,
    *,
    batch_rows: int = BATCH_ROWS,
    params: Mapping[str, Any] | None = None,
) -> int:
    """Ghi kết quả — the kernel's result for every row of ``source`` written to the
    Parquet file ``target`` batch by batch (one row group per batch); returns the rows
    written, which are all the rows of ``source``.
    """
    pq = import_extra("pyarrow.parquet", extra="bulk", purpose="sink_kernel")
    written = 0
    writer = None
    try:
        for batch in scan_kernel(kernel, source, batch_rows=batch_rows, params=params):
            table = batch.to_arrow()
            if writer is None:
                writer = pq.ParquetWriter(str(target), table.schema)
            writer.write_table(table)
            written += batch.height
    finally:
        if writer is not None:
            writer.close()
    return written
