"""Cột — the one doorway between a caller's columns and the bulk kernels.

A bulk kernel (``metrology.due_dates``, ``tasks.year_classes``, …) computes on a polars
DataFrame and gives back the kind of table it was given: a pyarrow ``RecordBatch`` for a
``RecordBatch`` (what Spark's ``mapInArrow`` and Arrow Flight hand over), a pyarrow
``Table`` for a ``Table``, a pandas DataFrame for a pandas DataFrame (a Dask partition),
and a polars DataFrame for a polars DataFrame or a plain dict of columns. No row is ever
dropped: a row a kernel cannot answer keeps its place, with its reason in the ``issue``
column (:data:`ISSUE`), and :func:`row_issues` lists them with their row index.

>>> import polars as pl
>>> frame, back = frame_in({"a": [1, 2]}, what="example")
>>> back(frame.with_columns(issue=pl.Series([None, "bad"]))).rows()
[(1, None), (2, 'bad')]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from vn_skt._extras import import_extra
from vn_skt.errors import InvalidValue

__all__ = ["ISSUE", "ROW_INDEX", "frame_in", "polars", "require_columns", "row_issues"]

ISSUE = "issue"
"""The column every kernel adds: null when the row is answered, else why it is not."""

ROW_INDEX = "row_index"
"""The column :func:`row_issues` names rows by (a caller's own, or the row's position)."""


def polars(purpose: str) -> Any:
    """polars, or :class:`~vn_skt.errors.MissingExtra` naming the ``bulk`` extra."""
    return import_extra("polars", extra="bulk", purpose=purpose)


def _arrow_kind(data: Any) -> str | None:
    module = type(data).__module__
    if module.startswith("pyarrow"):
        name = type(data).__name__
        if name in {"RecordBatch", "Table"}:
            return name
    return None


def frame_in(data: Any, *, what: str) -> tuple[Any, Callable[[Any], Any]]:
    """Vào — ``data`` as a polars DataFrame, and the function that turns a result frame
    back into ``data``'s own kind (RecordBatch, Table, pandas or polars).

    ``what`` names the caller in the error for anything else (a LazyFrame is refused
    here: run a kernel over a dataset larger than memory with
    :func:`vn_skt.scale.scan_kernel`).
    """
    pl = polars(what)
    if isinstance(data, pl.DataFrame):
        return data, _same
    if isinstance(data, dict):
        try:
            return pl.DataFrame(data), _same
        except (TypeError, ValueError, pl.exceptions.PolarsError) as exc:
            raise InvalidValue(f"{what}: could not read the columns given: {exc}") from None
    kind = _arrow_kind(data)
    if kind == "RecordBatch":
        return pl.from_arrow(data), _to_batch
    if kind == "Table":
        return pl.from_arrow(data), _to_table
    if type(data).__module__.startswith("pandas") and type(data).__name__ == "DataFrame":
        return pl.from_pandas(data), _to_pandas
    if isinstance(data, pl.LazyFrame):
        raise InvalidValue(
            f"{what}: got a polars LazyFrame; a kernel takes one batch in memory. For a "
            "dataset larger than memory use vn_skt.scale.scan_kernel(kernel, source, ...)"
        )
    raise InvalidValue(
        f"{what}: got {type(data).__name__}; expected a polars DataFrame, a pyarrow "
        "RecordBatch or Table, a pandas DataFrame, or a dict of columns"
    )


def _same(frame: Any) -> Any:
    return frame


def _arrow(frame: Any) -> Any:
    # the oldest compatible layout (large_string, not string_view): what pandas, Spark
    # and older Arrow readers all take
    pl = polars("Arrow output")
    return frame.to_arrow(compat_level=pl.CompatLevel.oldest())


def _to_table(frame: Any) -> Any:
    return _arrow(frame)


def _to_batch(frame: Any) -> Any:
    table = _arrow(frame).combine_chunks()
    batches = table.to_batches()
    if batches:
        return batches[0]
    pa = import_extra("pyarrow", extra="bulk", purpose="Arrow output")
    return pa.RecordBatch.from_pylist([], schema=table.schema)


def _to_pandas(frame: Any) -> Any:
    # Arrow-backed columns (no copy to NumPy objects, nulls kept), except Enums and
    # categoricals, which become pandas categoricals: Dask's shuffles cannot carry
    # an Arrow dictionary dtype
    pa = import_extra("pyarrow", extra="bulk", purpose="pandas output")
    pd = import_extra("pandas", extra="bulk", purpose="pandas output")

    def dtype(arrow_type: Any) -> Any:
        return None if pa.types.is_dictionary(arrow_type) else pd.ArrowDtype(arrow_type)

    return _arrow(frame).to_pandas(types_mapper=dtype)


def require_columns(frame: Any, columns: tuple[str, ...], *, what: str) -> None:
    """Raise :class:`~vn_skt.errors.InvalidValue` naming every column of ``columns`` that
    ``frame`` lacks, and the columns it has."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InvalidValue(
            f"{what}: the table has no column {', '.join(map(repr, missing))}; "
            f"its columns are {frame.columns}"
        )


def row_issues(result: Any) -> Any:
    """Dòng có vấn đề — the rows of a kernel's result that carry an issue, as a polars
    DataFrame of ``row_index`` (the result's own ``row_index`` column if it has one, else
    the row's position in it) and ``issue``.

    >>> import polars as pl
    >>> row_issues(pl.DataFrame({"issue": [None, "no date", None, "unknown type"]})).rows()
    [(1, 'no date'), (3, 'unknown type')]
    """
    frame, _ = frame_in(result, what="row_issues")
    require_columns(frame, (ISSUE,), what="row_issues")
    pl = polars("row_issues")
    if ROW_INDEX not in frame.columns:
        frame = frame.with_row_index(ROW_INDEX)
    return frame.filter(pl.col(ISSUE).is_not_null()).select(pl.col(ROW_INDEX).cast(pl.Int64), ISSUE)
