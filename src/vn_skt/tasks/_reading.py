"""Đọc tệp nhiệm vụ — a file of tasks (CSV, .xlsx, JSON), by row or by column.

The file's kind is recognised by content (:mod:`._grid`); a table is read row by row
(:mod:`._loading`) or, for a large CSV, column by column (:mod:`._by_column`, polars):
both give the same tasks and the same issues. ``engine`` chooses: ``"auto"`` (by column
for a CSV of :data:`COLUMNAR_BYTES` or more when polars is installed and the table
allows it, else by row), ``"rows"``, or ``"columns"`` (an error when the table cannot be
read by column). ``progress(rows read, rows in the file)`` is called while a table is
read, the last call with the total; the library itself never prints.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any, Literal

from vn_skt.errors import InvalidValue

from ._by_column import NotColumnar, read_csv_columns
from ._grid import Kind, detect_kind, read_bytes, read_grids
from ._loading import (
    LoadResult,
    Progress,
    _dedupe,
    _Issues,
    _load_grid,
    _Loader,
    _result,
    load_tasks,
)

__all__ = ["COLUMNAR_BYTES", "Engine", "read_tasks", "read_tasks_csv", "read_tasks_json"]

Engine = Literal["auto", "rows", "columns"]
COLUMNAR_BYTES = 1 << 20
"""From this size (1 MiB), ``engine="auto"`` reads a CSV column by column."""


def read_tasks(
    source: str | Path | bytes | IO[Any],
    *,
    sheet: str | None = None,
    delimiter: str | None = None,
    strict: bool = False,
    engine: Engine = "auto",
    progress: Progress | None = None,
) -> LoadResult:
    """Đọc bảng nhiệm vụ — tasks from a CSV, an Excel .xlsx or a JSON file, recognised by
    content. One path for every table: see the module's notes; ``sheet`` names the
    worksheet to read (default: every sheet with a header row); ``strict=True`` raises
    InvalidValue on the first issue; ``engine`` reads a CSV by row or by column (same
    result); ``progress(done, total)`` is told how many rows are read.
    """
    return _read(
        source,
        sheet=sheet,
        delimiter=delimiter,
        strict=strict,
        kind=None,
        engine=engine,
        progress=progress,
    )


def _read(
    source: str | Path | bytes | IO[Any],
    *,
    sheet: str | None,
    delimiter: str | None,
    strict: bool,
    kind: Kind | None,
    engine: Engine = "auto",
    progress: Progress | None = None,
) -> LoadResult:
    if engine not in ("auto", "rows", "columns"):
        raise InvalidValue(f"engine={engine!r}: cần 'auto', 'rows' hoặc 'columns'")
    name, data = read_bytes(source)  # type: ignore[arg-type]
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        issues = _Issues(name, None, strict=strict)
        loader = _Loader(issues)
        issues.add(None, "", None, "tệp rỗng: không có dòng nào", "the file is empty")
        return _result(loader, [], read=0)
    kind = kind or detect_kind(name, data)
    if engine == "columns" and kind != "csv":
        raise InvalidValue(f"{name}: engine='columns' chỉ đọc CSV (reads CSV only), không {kind}")
    if kind == "json":
        return _json_rows(name, data.decode("utf-8-sig"), strict=strict)
    loader = _Loader(_Issues(name, None, strict=strict))
    loader.progress = progress
    if kind == "csv" and (
        engine == "columns" or (engine == "auto" and len(data) >= COLUMNAR_BYTES)
    ):
        text = data.decode("utf-8-sig").removeprefix("\ufeff")
        try:
            read_csv_columns(name, data, text, loader, delimiter=delimiter)
        except NotColumnar as exc:
            if engine == "columns":
                raise InvalidValue(
                    f"{name}: không đọc theo cột được ({exc}); dùng engine='rows' "
                    f"(cannot be read by column)"
                ) from None
        else:
            return _result(loader, _dedupe(loader), read=loader.read)
    grids = read_grids(name, data, kind, delimiter=delimiter)
    if sheet is not None:
        chosen = [g for g in grids if g.sheet == sheet]
        if not chosen:
            names = ", ".join(repr(g.sheet) for g in grids)
            raise InvalidValue(f"{name}: không có trang {sheet!r} (the sheets are {names})")
        grids = chosen
    loader.total = sum(len(g.rows) for g in grids)
    found = False
    for grid in grids:
        start = loader.done
        loader.issues.sheet = grid.sheet
        found = _load_grid(grid, loader, named=sheet is not None or len(grids) == 1) or found
        loader.report(start + len(grid.rows))
    if not found and not loader.issues.errors:
        loader.issues.sheet = None
        loader.issues.add(
            None, "", None, "không trang nào có dòng tiêu đề", "no sheet has a header"
        )
    kept = _dedupe(loader)
    return _result(loader, kept, read=loader.read)


def read_tasks_csv(
    source: str | Path | IO[str],
    *,
    delimiter: str | None = None,
    strict: bool = False,
    engine: Engine = "auto",
    progress: Progress | None = None,
) -> LoadResult:
    """Đọc CSV — tasks from a spreadsheet's CSV export (UTF-8, with or without BOM;
    ``,``, ``;`` or tab as delimiter, detected when not given). The same path as
    :func:`read_tasks`."""
    return _read(
        source,
        sheet=None,
        delimiter=delimiter,
        strict=strict,
        kind="csv",
        engine=engine,
        progress=progress,
    )


def _json_rows(name: str, text: str, *, strict: bool) -> LoadResult:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidValue(f"{name}: not valid JSON: {exc}") from exc
    except RecursionError:
        raise InvalidValue(
            f"{name}: JSON nested too deeply to read (expected a list of task objects)"
        ) from None
    if isinstance(data, Mapping) and "tasks" in data:
        data = data["tasks"]
    if not isinstance(data, list):
        raise InvalidValue(f"{name}: expected a list of tasks (or {{'tasks': [...]}})")
    return load_tasks(data, strict=strict)


def read_tasks_json(source: str | Path) -> LoadResult:
    """Đọc JSON — tasks from a JSON file holding a list of task objects (as
    ``Task.model_dump_json`` writes them, or with Vietnamese column titles)."""
    try:
        text = Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidValue(f"{source}: cannot read the JSON file: {exc}") from exc
    return _json_rows(str(source), text, strict=False)
