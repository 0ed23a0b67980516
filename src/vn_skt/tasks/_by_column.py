"""Đọc theo cột — a CSV table of tasks read and checked column by column (polars).

The same rules as the row-by-row path of :mod:`._loading`, applied to whole columns: the
cells are read as strings by ``polars.read_csv``, the header is matched once (the same
:func:`._loading._header`), then each column is checked at once — blank rows, the row
a person sees (line breaks inside cells counted), plain amounts scaled to đồng with
integer arithmetic, and every *distinct* date, label or written-out amount read once
through the row path's own readers and joined back onto the column. Task records are
built only for the rows whose every cell passed; a row with a cell that failed, a
summary row and a row of column numbers go through the row path itself, so their issues
are the very same objects (file, sheet, row, column, value, expected).

It does not apply — :class:`NotColumnar` says why, and the caller reads row by row — to
a file with no header in its first rows, a row with more cells than the header, two
columns for one field, a missing required column, or line breaks polars reads otherwise
than Python's ``csv``.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError

from vn_skt._columns import polars
from vn_skt.errors import MissingExtra, ParseError

from ._grid import Grid, _csv_rows, _sniff_delimiter
from ._headings import REQUIRED, Column
from ._loading import (
    _DATES,
    _ENUMS,
    _SCALE,
    _WORD_FIELDS,
    _WORD_KINDS,
    PROGRESS_EVERY,
    _CellError,
    _check_header,
    _check_summary,
    _date_cell,
    _header,
    _Loader,
    _money_cell,
    _row_kind,
)
from ._models import Task

__all__ = ["NotColumnar", "read_csv_columns"]

_WHITESPACE = "".join(chr(c) for c in range(0x110000) if chr(c).isspace())
"""What Python's ``str.strip()`` strips: polars strips exactly these."""
_LINE_END = re.compile(rb"\r\n|\r|\n")
_BATCH = 16_384
"""Rows turned into Python values at a time."""
_HEAD_ROWS = 200
"""The rows searched for the header (title rows, a two-row header)."""


def _plain(scale: int) -> str:
    """An amount of plain digits that, times ``scale``, stays within int64 (10^18 đồng and
    more: read one by one, as the row path reads them)."""
    return rf"^[0-9]{{1,{19 - len(str(scale))}}}$"


class NotColumnar(Exception):
    """Không đọc theo cột được — the table cannot be read by column; the message says
    why."""


def _adapter(name: str) -> TypeAdapter[Any]:
    """The Task field's own validator (its label look-up included)."""
    field = Task.model_fields[name]
    return TypeAdapter(Annotated[(field.annotation, *field.metadata)])  # type: ignore[arg-type]


_ADAPTERS: dict[str, TypeAdapter[Any]] = {}


def _read_one(col: Column, value: str) -> Any:
    """A distinct stripped cell read for its column, as the row path reads it; raises
    _CellError (or ValidationError for a label) when it cannot be."""
    name = col.field or ""
    if col.kind == "money":
        amount = _money_cell(col, value)
        if not -(2**63) <= amount < 2**63:
            raise _CellError("", "beyond int64", "")
        return amount
    if name in _DATES:
        try:
            return _date_cell(name, value)
        except (ParseError, ValueError):
            raise _CellError("", "not a date", "") from None
    adapter = _ADAPTERS.get(name)
    if adapter is None:
        adapter = _ADAPTERS[name] = _adapter(name)
    return adapter.validate_python(value)


def _plan(text: str, name: str, delimiter: str) -> tuple[int, list[Column], int, int]:
    """(index of the first data record, columns, header line, first data line)."""
    head = tuple(itertools.islice(_csv_rows(name, text, delimiter), _HEAD_ROWS + 1))
    found = _header(Grid(name, None, head))
    if found is None:
        raise NotColumnar("no header row in the first rows")
    first, cols, line = found
    if first >= len(head):
        raise NotColumnar("no row below the header in the first rows")
    keys: set[Any] = set()
    for col in cols:
        if col.kind in ("funding", "records", "progress"):
            raise NotColumnar("a nested funding, records or progress column")
        if col.kind in ("field", "money"):
            key = (col.field, col.year) if col.kind == "money" else col.field
            if key in keys:
                raise NotColumnar("two columns for one field")
            keys.add(key)
    if any(name not in keys for name in REQUIRED):
        raise NotColumnar("a required column is missing")
    return first, cols, line, head[first][0]


def _offset(data: bytes, line: int) -> int:
    """The byte at which ``line`` (counted as ``csv`` counts) starts."""
    if line == 1:
        return 0
    for number, end in enumerate(_LINE_END.finditer(data), start=2):
        if number == line:
            return end.end()
    raise NotColumnar(f"no line {line}")  # pragma: no cover - the csv reader found it


def _lines(text: str) -> int:
    """The lines of a text as ``csv`` counts them (\\r\\n, \\r or \\n end a line)."""
    ends = text.count("\n") + text.count("\r") - text.count("\r\n")
    return ends + (0 if text.endswith(("\n", "\r")) else 1)


def read_csv_columns(
    name: str,
    data: bytes,
    text: str,
    loader: _Loader,
    *,
    delimiter: str | None,
) -> None:
    """Đọc theo cột — a CSV table into ``loader``, column by column, or NotColumnar
    (raised before any issue is recorded)."""
    try:
        pl = polars("reading large tables by column")
    except MissingExtra as exc:
        raise NotColumnar(str(exc)) from None
    delimiter = delimiter or _sniff_delimiter(text)
    first, cols, header_line, first_line = _plan(text, name, delimiter)
    width = len(cols)
    names = [f"c{j}" for j in range(width)]
    try:
        raw = pl.read_csv(
            data[_offset(data, first_line) :],
            has_header=False,
            schema=dict.fromkeys(names, pl.String),
            missing_columns="insert",  # a short (or blank) first row, as csv reads it
            separator=delimiter,
            encoding="utf8",
        )
    except Exception as exc:  # polars: more cells than the header, or unreadable
        raise NotColumnar(f"polars: {str(exc).splitlines()[0]}") from None
    height = raw.height
    breaks = pl.sum_horizontal(
        pl.col(c).str.count_matches(r"\r\n|\r|\n").fill_null(0) for c in names
    )
    frame = raw.select(
        [
            (
                pl.int_range(pl.len(), dtype=pl.Int64) + first_line + (breaks.cum_sum() - breaks)
            ).alias("line"),
            breaks.alias("breaks"),
            *(
                pl.col(c).str.strip_chars(_WHITESPACE).replace("", None).alias(f"s{j}")
                for j, c in enumerate(names)
            ),
        ]
    )
    if height and frame["line"][-1] + frame["breaks"][-1] != _lines(text):
        raise NotColumnar("polars and csv count the lines differently")
    stripped = [pl.col(f"s{j}") for j in range(width)]
    words = [j for j, c in enumerate(cols) if c.kind in _WORD_KINDS and c.field in _WORD_FIELDS]
    checks: list[Any] = [
        pl.all_horizontal(s.is_null() for s in stripped).alias("blank"),
        (
            pl.coalesce(stripped).is_in(["1", "(1)"])
            | pl.any_horizontal(
                stripped[j].str.slice(0, 1).str.to_lowercase().is_in(["t", "c"]).fill_null(False)
                for j in words
            )
        ).alias("special")
        if words
        else pl.coalesce(stripped).is_in(["1", "(1)"]).alias("special"),
    ]
    read_cols: list[tuple[int, Column]] = [
        (j, c) for j, c in enumerate(cols) if c.kind in ("field", "money")
    ]
    failed: list[Any] = []
    for j, col in read_cols:
        s = frame[f"s{j}"]
        plain = None
        if col.kind == "money":
            plain = s.str.contains(_plain(_SCALE[col.unit])).fill_null(False)
            rest = s.filter(~plain).drop_nulls().unique()
        elif col.field in _DATES or col.field in _ENUMS:
            rest = s.drop_nulls().unique()
        else:
            checks.append(pl.col(f"s{j}").alias(f"v{j}"))
            continue
        table: dict[str, Any] = {}
        for value in rest.to_list():
            with contextlib.suppress(_CellError, ValidationError):  # the row path says why
                table[value] = _read_one(col, value)
        if col.kind == "money":
            dtype = pl.Int64
            mapped = pl.col(f"s{j}").replace_strict(
                list(table), list(table.values()), default=None, return_dtype=dtype
            )
            value_expr = (
                pl.when(plain)
                .then(pl.col(f"s{j}").cast(dtype, strict=False) * _SCALE[col.unit])
                .otherwise(mapped)
            )
        elif col.field in _DATES:
            value_expr = pl.col(f"s{j}").replace_strict(
                list(table), list(table.values()), default=None, return_dtype=pl.Date
            )
        else:  # an enum: the member's name, turned into the member below
            value_expr = pl.col(f"s{j}").replace_strict(
                list(table), [m.name for m in table.values()], default=None, return_dtype=pl.String
            )
        checks.append(value_expr.alias(f"v{j}"))
        failed.append(pl.col(f"s{j}").is_not_null() & value_expr.is_null())
    checked = frame.select(
        "line", *checks, (pl.any_horizontal(failed) if failed else pl.lit(False)).alias("failed")
    )
    del frame
    _check_header(loader, cols, header_line)  # unknown columns: warnings, as by row
    loader.total = first + height
    loader.report(first)
    _build(loader, raw, checked, cols, read_cols, base=first)
    loader.report(loader.total)


def _build(
    loader: _Loader,
    raw: Any,
    checked: Any,
    cols: list[Column],
    read_cols: list[tuple[int, Column]],
    *,
    base: int,
) -> None:
    """Tasks from the rows that passed; the row path for the others, in row order. The
    checked columns become Python values a batch at a time (memory stays flat)."""
    members = {
        j: {m.name: m for m in _ENUMS[str(c.field)]}
        for j, c in read_cols
        if c.kind == "field" and c.field in _ENUMS
    }
    # the cell as written is kept only where an issue may quote it (a total's check)
    quoted = {
        j for j, c in read_cols if c.kind == "money" and (c.year is None or c.field == "total")
    }
    keep_sums = bool(checked["special"].any())  # a summary row needs the amounts above it
    starts: dict[int, int] = {}
    for offset in range(0, checked.height, _BATCH):
        batch = checked.slice(offset, _BATCH)
        lines = batch["line"].to_list()
        blank = batch["blank"].to_list()
        special = batch["special"].to_list()
        failed = batch["failed"].to_list()
        values = [(j, c, batch[f"v{j}"].to_list()) for j, c in read_cols]
        written = {j: raw[f"c{j}"].slice(offset, _BATCH).to_list() for j in quoted}
        for i, line in enumerate(lines):
            k = offset + i
            loader.read += 1
            if k % PROGRESS_EVERY == 0:
                loader.report(base + k)
            if blank[i]:
                loader.skipped += 1
                continue
            if special[i]:
                cells = raw.row(k)
                kind = _row_kind(cells, cols)
                if kind != "data":
                    loader.skipped += 1
                    if kind == "summary":
                        _check_summary(loader, line, cells, cols, starts)
                    continue
            if failed[i]:
                loader.task(line, list(zip(range(len(cols)), cols, raw.row(k), strict=False)))
                continue
            data: dict[str, Any] = {}
            money: dict[tuple[str, int | None], int] = {}
            where: dict[Any, tuple[Column, Any]] = {}
            cells_written: dict[Any, Any] = {}
            for j, col, column_values in values:
                value = column_values[i]
                if value is None:
                    continue
                if col.kind == "money":
                    key: Any = (col.field, col.year)
                    money[key] = value
                    if j in quoted:
                        cells_written[key] = written[j][i]
                    if keep_sums:
                        loader.sums.setdefault(j, []).append(value)
                else:
                    key = col.field
                    data[key] = members[j][value] if j in members else value
                where[key] = (col, value)
            loader.finish(line, data, money, where, cells_written)
