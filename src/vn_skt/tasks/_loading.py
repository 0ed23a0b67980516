"""Nạp danh mục — tasks from rows: dicts, JSON, or a spreadsheet's CSV export.

Headers may be the field names or the Vietnamese column titles departments use
("Mã số", "Tên nhiệm vụ", "Chủ nhiệm", "Kinh phí NSNN năm 2025 (triệu đồng)"...), as the
one label table lists them (``labels.toml``: titles and aliases, compared folded); cells
may be written the Vietnamese way ("1.250,5", "01/2023", "ngày 05 tháng 01 năm 2023").
Every valid row is kept and every invalid one is reported by row number and column;
nothing is dropped silently. Row numbers are 1-based: for CSV the line of the file
(the header is line 1), for a list of rows its position.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pydantic

from vn_skt.errors import InvalidValue, ParseError
from vn_skt.l10n import (
    HTML_ROWS,
    fold_text,
    format_count,
    html_record,
    html_table,
    month_end,
    parse_date,
    parse_money,
)

from ._labels import COLUMN_TITLES, FUNDING_LABELS, TASK_LABELS
from ._models import Funding, Task
from ._portfolio import FieldGrouping, Portfolio

__all__ = [
    "COLUMN_TITLES",
    "LoadResult",
    "RowError",
    "load_tasks",
    "read_tasks_csv",
    "read_tasks_json",
]

_UNIT_WORDS = {
    fold_text(w): w.split()[0]
    for w in ("đồng", "nghìn đồng", "ngàn đồng", "triệu đồng", "tỷ đồng", "tỉ đồng")
}
_DVT = re.escape(fold_text("đvt"))  # "(ĐVT: triệu đồng)"
_UNIT = re.compile(rf"\(\s*(?:{_DVT}:\s*)?({'|'.join(map(re.escape, _UNIT_WORDS))})\s*\)")
_MONTH_YEAR = re.compile(r"\s*([0-9]{1,2})\s*/\s*([0-9]{4})\s*")
_DATES = {"start", "end", "extended_to", "accepted_on", "terminated_on"}
_TASK_COLUMNS = frozenset(Task.model_fields) - {"funding"}  # a sheet gives funding's parts
_FUNDING_PARTS = frozenset(Funding.model_fields)  # state_budget, counterpart, other
_MONEY = {"counterpart", "other"}


def _value_key(value: Any) -> Any:
    """A hashable stand-in for a cell's value (a JSON row may hold lists and dicts), equal
    exactly when the values are equal and of the same kind."""
    if isinstance(value, Mapping):
        items = frozenset((_value_key(k), _value_key(v)) for k, v in value.items())
        return (type(value).__name__, items)
    if isinstance(value, list | tuple):
        return (type(value).__name__, tuple(_value_key(v) for v in value))
    if isinstance(value, set | frozenset):
        return (type(value).__name__, frozenset(_value_key(v) for v in value))
    try:
        hash(value)
    except TypeError:
        return (type(value).__name__, repr(value))
    return value


@attrs.frozen
class RowError:
    """Lỗi dòng — one problem in one row: where, which column, what was there, why.

    ``value`` is the cell as given (a JSON row's may be a list or a dict); the error is
    compared and hashed through a frozen copy of it, so every RowError is hashable.
    """

    row: int
    column: str
    value: Any = attrs.field(eq=_value_key)
    message: str

    def __str__(self) -> str:
        return f"dòng {self.row}, cột {self.column!r} = {self.value!r}: {self.message}"


@attrs.frozen
class LoadResult:
    """Kết quả nạp — the valid tasks, and every problem found."""

    tasks: tuple[Task, ...]
    errors: tuple[RowError, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Không lỗi — every row was loaded."""
        return not self.errors

    def portfolio(self, *, grouping: FieldGrouping | None = None) -> Portfolio:
        """Danh mục — a Portfolio of the valid tasks."""
        return Portfolio(self.tasks, grouping=grouping)

    def _repr_html_(self) -> str:
        figures = {
            "Số nhiệm vụ đã nạp": format_count(len(self.tasks)),
            "Số dòng lỗi": format_count(len(self.errors)),
            "Số cảnh báo": format_count(len(self.warnings)),
        }
        out = html_record("Kết quả nạp danh mục nhiệm vụ", figures)
        if self.errors:
            rows = [[e.row, e.column, e.value, e.message] for e in self.errors[:HTML_ROWS]]
            headers = ["Dòng", "Cột", "Giá trị", "Lỗi"]
            out += html_table(headers, rows, total=len(self.errors), noun="lỗi")
        if self.warnings:
            rows = [[w] for w in self.warnings[:HTML_ROWS]]
            out += html_table(["Cảnh báo"], rows, total=len(self.warnings), noun="cảnh báo")
        return out

    def raise_for_errors(self) -> None:
        """Raise InvalidValue listing every problem, if there is any."""
        if self.errors:
            lines = "\n".join(f"  {e}" for e in self.errors)
            raise InvalidValue(f"{len(self.errors)} invalid row(s):\n{lines}")


@attrs.frozen
class _Column:
    header: str
    field: str | None  # None: not a Task field
    year: int | None = None
    unit: str | None = None


def _column(header: str) -> _Column:
    """Which field a header names, by the label table (its unit stripped first)."""
    folded = fold_text(header)
    if folded == "funding":  # a nested mapping, as JSON carries it; a sheet gives the parts
        return _Column(header, "funding")
    unit_match = _UNIT.search(folded)
    unit = _UNIT_WORDS[unit_match.group(1)] if unit_match else None
    key = _UNIT.sub("", folded).strip()
    for labels, fields in ((TASK_LABELS, _TASK_COLUMNS), (FUNDING_LABELS, _FUNDING_PARTS)):
        found = labels.match(key)
        if found is not None and found[0].name in fields:
            label, year = found
            if label.name == "state_budget" and year is None:
                break  # a state budget column names its year
            return _Column(header, label.name, year, unit)
    return _Column(header, None, None, unit)


def _date_cell(name: str, text: str) -> date:
    month_year = _MONTH_YEAR.fullmatch(text)
    if month_year:  # "01/2023": implementation periods are whole months
        month, year = int(month_year.group(1)), int(month_year.group(2))
        if 1 <= month <= 12 and 1900 <= year <= 2100:
            if name in ("end", "extended_to"):
                return month_end(year, month)
            return date(year, month, 1)
    return parse_date(text)


def _convert(column: _Column, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    text = value.strip()
    if column.field in _DATES:
        return _date_cell(column.field, text)
    if column.field in _MONEY or column.field == "state_budget":
        return parse_money(text, unit=column.unit)
    return text


def _row_data(
    row: Mapping[str, Any], columns: list[_Column]
) -> tuple[dict[str, Any], list[tuple[_Column, Any, str]]]:
    data: dict[str, Any] = {}
    funding: dict[str, Any] = {}
    problems: list[tuple[_Column, Any, str]] = []
    for column in columns:
        if column.field is None:
            continue
        value = row.get(column.header)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        try:
            converted = _convert(column, value)
        except ParseError as exc:
            problems.append((column, value, str(exc)))
            continue
        if column.field == "state_budget":
            if column.year is None:
                funding.setdefault("state_budget", {}).update(converted)
            else:
                funding.setdefault("state_budget", {})[column.year] = converted
        elif column.field in ("counterpart", "other"):
            funding[column.field] = converted
        elif column.field == "funding" and isinstance(converted, Mapping):
            funding.update(converted)
        else:
            data[column.field] = converted
    if funding:
        data["funding"] = funding
    return data, problems


def _header_of(columns: list[_Column], loc: tuple[Any, ...]) -> str:
    if not loc:
        return "(cả dòng)"
    name = str(loc[0])
    if name == "funding" and len(loc) > 1:
        if loc[1] == "state_budget" and len(loc) > 2:
            for column in columns:
                if column.field == "state_budget" and str(column.year) == str(loc[2]):
                    return column.header
        name = str(loc[1])
    for column in columns:
        if column.field == name:
            return column.header
    return name


def load_tasks(rows: Iterable[Mapping[str, Any]], *, first_row: int = 1) -> LoadResult:
    """Nạp nhiệm vụ — validate rows into Tasks, keeping every valid one.

    Rows are mappings from a field name or a Vietnamese column title to a value; text
    cells are read the Vietnamese way. A nested ``funding`` mapping (as in JSON) is
    accepted too. ``first_row`` numbers the first row in the report.
    """
    tasks: list[tuple[int, Task]] = []
    errors: list[RowError] = []
    warnings: list[str] = []
    known: dict[tuple[str, ...], list[_Column]] = {}
    for number, row in enumerate(rows, start=first_row):
        if not isinstance(row, Mapping):
            errors.append(RowError(number, "(cả dòng)", row, "expected a mapping of columns"))
            continue
        headers = tuple(str(h) for h in row)
        columns = known.get(headers)
        if columns is None:
            columns = [_column(h) for h in headers]
            known[headers] = columns
            for column in columns:
                if column.field is None:
                    message = (
                        f"column {column.header!r} is not a Task field; its values were "
                        f"not loaded (known: {', '.join(COLUMN_TITLES.values())}, "
                        f"Kinh phí NSNN năm YYYY)"
                    )
                    if message not in warnings:
                        warnings.append(message)
        data, problems = _row_data(row, columns)
        for column, value, message in problems:
            errors.append(RowError(number, column.header, value, message))
        if problems:
            continue
        try:
            tasks.append((number, Task.model_validate(data)))
        except pydantic.ValidationError as exc:
            for error in exc.errors(include_url=False):
                errors.append(
                    RowError(
                        number, _header_of(columns, error["loc"]), error.get("input"), error["msg"]
                    )
                )
    first_seen: dict[str, int] = {}
    kept: list[Task] = []
    for number, task in tasks:
        if task.code in first_seen:
            errors.append(
                RowError(
                    number,
                    COLUMN_TITLES["code"],
                    task.code,
                    f"duplicate task code (first in row {first_seen[task.code]}, which was kept)",
                )
            )
            continue
        first_seen[task.code] = number
        kept.append(task)
    errors.sort(key=lambda e: e.row)
    return LoadResult(tuple(kept), tuple(errors), tuple(warnings))


def _sniff_delimiter(sample: str) -> str:
    first = sample.splitlines()[0] if sample else ""
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def read_tasks_csv(
    source: str | Path | io.TextIOBase, *, delimiter: str | None = None
) -> LoadResult:
    """Đọc CSV — tasks from a spreadsheet's CSV export (UTF-8, with or without BOM;
    ``,``, ``;`` or tab as delimiter, detected when not given)."""
    if isinstance(source, io.TextIOBase):
        text = source.read()
    else:
        try:
            text = Path(source).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidValue(f"{source}: cannot read the CSV file: {exc}") from exc
    text = text.removeprefix("\ufeff")
    reader = csv.DictReader(
        io.StringIO(text, newline=""), delimiter=delimiter or _sniff_delimiter(text)
    )
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise InvalidValue(f"CSV line {reader.line_num}: {exc}") from exc
    return load_tasks(rows, first_row=2)


def read_tasks_json(source: str | Path) -> LoadResult:
    """Đọc JSON — tasks from a JSON file holding a list of task objects (as
    ``Task.model_dump_json`` writes them, or with Vietnamese column titles)."""
    try:
        data = json.loads(Path(source).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidValue(f"{source}: cannot read the JSON file: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise InvalidValue(f"{source}: not valid JSON: {exc}") from exc
    if isinstance(data, Mapping) and "tasks" in data:
        data = data["tasks"]
    if not isinstance(data, list):
        raise InvalidValue(f"{source}: expected a list of tasks (or {{'tasks': [...]}})")
    return load_tasks(data)
