"""Nạp danh mục — tasks from rows: dicts, JSON, CSV or an Excel workbook, one path.

Headers may be the field names or the Vietnamese column titles departments use
("Mã số", "Tên nhiệm vụ", "Chủ nhiệm", "Kinh phí NSNN năm 2025 (triệu đồng)", "KP NSNN
năm 2024", "Kinh phí (Tr.đồng)"...), as the one label table lists them (``labels.toml``:
titles and aliases, compared folded) and as :mod:`._headings` reads budget headings; a
unit in a heading scales its values exactly (a part of a đồng is an issue, never
rounded). Cells may be written the Vietnamese way ("1.250,5", "01/2023", "ngày 05 tháng
01 năm 2023"). Tables may have title rows above the header, a two-row header (a year row
over "Tổng / NSNN / Khác"), an STT column, blank rows and summary rows ("Tổng cộng",
"Cộng", "Tổng số"), which are checked against the rows above them and never read as
tasks.

Nothing is silent: every problem is a :class:`RowError` (file, sheet, row as a person
sees it, column heading, value, what was expected; Vietnamese with English alongside),
and the counts add up: rows read = valid + in error + skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

import attrs
import pydantic

from vn_skt.errors import InvalidValue, ParseError
from vn_skt.l10n import (
    HTML_ROWS,
    fold_text,
    format_count,
    format_number,
    html_record,
    html_table,
    month_end,
    parse_date,
    parse_money,
)

from ._grid import Grid
from ._headings import REQUIRED, Column, column, source_word
from ._labels import COLUMN_TITLES, FUNDING_LABELS, PROGRESS_LABELS, TASK_LABELS
from ._models import DATE_FIELDS, ENUM_FIELDS, Task
from ._portfolio import FieldGrouping, Portfolio

__all__ = [
    "COLUMN_TITLES",
    "LoadResult",
    "RowError",
    "load_tasks",
]

_MONTH_YEAR = re.compile(r"\s*([0-9]{1,2})\s*/\s*([0-9]{4})\s*")
_DATES = DATE_FIELDS
_SCALE = {None: 1, "đồng": 1, "nghìn": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000}
_ENUMS: Mapping[str, type[Enum]] = ENUM_FIELDS
_SUMMARY_WORDS = tuple(fold_text(w) for w in ("Tổng cộng", "Tổng số", "Tổng", "Cộng", "Total"))
_COLUMN_NUMBER = re.compile(r"\(?\s*[0-9]{1,2}\s*\)?(?:\s*=.*)?")
_SOURCE_VI = {
    "state_budget": "NSNN",
    "counterpart": "đối ứng",
    "other": "nguồn khác",
    "total": "tổng",
}


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
    """Lỗi dòng — one issue: where (file, sheet, row, column), what was there, why.

    ``row`` is the line a person sees (the Excel row, or the line of a text file on which
    the row starts; None for the whole file); ``message`` is Vietnamese (it names the
    field's Vietnamese label), ``english`` the same in English, ``expected`` what the
    cell should hold. ``value`` is the cell as given (a JSON row's may be a list or a
    dict); the issue is compared and hashed through a frozen copy of it.
    """

    row: int | None
    column: str
    value: Any = attrs.field(eq=_value_key)
    message: str
    english: str = ""
    expected: str = ""
    file: str = ""
    sheet: str | None = None

    @property
    def where(self) -> str:
        """Vị trí — "tệp, trang, dòng N, cột 'X'"."""
        parts = [p for p in (self.file, f"trang {self.sheet!r}" if self.sheet else "") if p]
        if self.row is not None:
            parts.append(f"dòng {self.row}")
        if self.column:
            parts.append(f"cột {self.column!r}")
        return ", ".join(parts)

    def __str__(self) -> str:
        value = "" if self.value is None else f" = {self.value!r}"
        text = f"{self.where}{value}: {self.message}"
        if self.expected:
            text += f" (cần: {self.expected})"
        if self.english:
            text += f" [{self.english}]"
        return text


@attrs.frozen
class LoadResult:
    """Kết quả nạp — the valid tasks, every issue found, and counts that add up.

    ``read`` rows were read below the header: ``len(tasks)`` valid, ``invalid`` in error
    (each named in ``errors``), ``skipped`` not tasks (blank, summary rows, a row of
    column numbers; or every row when the table itself cannot be read). ``warnings`` are
    issues that did not stop a row (an unknown column, a summary row that does not add
    up, two columns for one field that agree).
    """

    tasks: tuple[Task, ...]
    errors: tuple[RowError, ...] = ()
    warnings: tuple[RowError, ...] = ()
    read: int | None = None
    skipped: int = 0

    @property
    def ok(self) -> bool:
        """Không lỗi — every row was loaded."""
        return not self.errors

    @property
    def rows(self) -> int:
        """Số dòng đã đọc — the rows read (for rows given as a list, their number)."""
        return self.read if self.read is not None else len(self.tasks) + self.invalid

    @property
    def invalid(self) -> int:
        """Số dòng lỗi — rows in error (a task left out)."""
        if self.read is not None:
            return self.read - len(self.tasks) - self.skipped
        return len({e.row for e in self.errors if e.row is not None})

    @property
    def issues(self) -> tuple[RowError, ...]:
        """Mọi vấn đề — errors then warnings, by row."""
        return tuple(sorted((*self.errors, *self.warnings), key=lambda e: e.row or 0))

    def summary(self) -> str:
        """Tóm tắt — "Đọc 9.512 dòng: 9.498 hợp lệ, 14 lỗi, 0 bị bỏ qua"."""
        text = (
            f"Đọc {format_number(self.rows)} dòng: {format_number(len(self.tasks))} hợp lệ, "
            f"{format_number(self.invalid)} lỗi, {format_number(self.skipped)} bị bỏ qua"
        )
        if self.warnings:
            text += f"; {format_number(len(self.warnings))} cảnh báo"
        return text

    def __str__(self) -> str:
        return "\n".join([self.summary(), *(f"  {i}" for i in self.issues)])

    def portfolio(self, *, grouping: FieldGrouping | None = None) -> Portfolio:
        """Danh mục — a Portfolio of the valid tasks."""
        return Portfolio(self.tasks, grouping=grouping)

    def _repr_html_(self) -> str:
        figures = {
            "Tóm tắt": self.summary(),
            "Số nhiệm vụ đã nạp": format_count(len(self.tasks)),
            "Số dòng lỗi": format_count(self.invalid),
            "Số cảnh báo": format_count(len(self.warnings)),
        }
        out = html_record("Kết quả nạp danh mục nhiệm vụ", figures)
        issues = self.issues
        if issues:
            cells = ("file", "sheet", "row", "column", "value", "message", "expected")
            rows = [[getattr(i, c) for c in cells] for i in issues[:HTML_ROWS]]
            headers = ["Tệp", "Trang", "Dòng", "Cột", "Giá trị", "Vấn đề", "Cần"]
            out += html_table(headers, rows, total=len(issues), noun="vấn đề")
        return out

    def raise_for_errors(self) -> None:
        """Raise InvalidValue listing every problem, if there is any."""
        if self.errors:
            lines = "\n".join(f"  {e}" for e in self.errors)
            raise InvalidValue(f"{self.invalid} dòng lỗi ({self.invalid} invalid row(s)):\n{lines}")


class _Issues:
    """Every issue, in order; ``strict`` raises on the first."""

    def __init__(self, file: str, sheet: str | None, *, strict: bool) -> None:
        self.file, self.sheet, self.strict = file, sheet, strict
        self.errors: list[RowError] = []
        self.warnings: list[RowError] = []

    def add(
        self,
        row: int | None,
        column: str,
        value: Any,
        message: str,
        english: str,
        expected: str = "",
        *,
        error: bool = True,
    ) -> None:
        issue = RowError(row, column, value, message, english, expected, self.file, self.sheet)
        if self.strict:
            raise InvalidValue(str(issue))
        (self.errors if error else self.warnings).append(issue)


def _label_vi(name: str) -> str:
    if name in TASK_LABELS:
        return TASK_LABELS[name].vi
    if name in ("checked_on", "done", "released", "spent"):
        return PROGRESS_LABELS[name].vi
    return FUNDING_LABELS[name].vi if name in FUNDING_LABELS else name


def _money_vi(col: Column) -> str:
    year = f" năm {col.year}" if col.year else ""
    return f"Kinh phí {_SOURCE_VI[col.field or 'total']}{year}"


_DATE_MEMO: dict[tuple[str, str], date] = {}
"""Date cells already read (a sheet repeats the same months): bounded below."""


def _date_cell(name: str, value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    found = _DATE_MEMO.get((name, text))
    if found is None:
        found = _read_date(name, text)
        if len(_DATE_MEMO) < 10_000:
            _DATE_MEMO[(name, text)] = found
    return found


def _read_date(name: str, text: str) -> date:
    month_year = _MONTH_YEAR.fullmatch(text)
    if month_year:  # "01/2023": implementation periods are whole months
        month, year = int(month_year.group(1)), int(month_year.group(2))
        if 1 <= month <= 12 and 1900 <= year <= 2100:
            if name in ("end", "extended_to"):
                return month_end(year, month)
            return date(year, month, 1)
    return parse_date(text)


class _CellError(Exception):
    def __init__(self, vi: str, en: str, expected: str) -> None:
        super().__init__(en)
        self.vi, self.en, self.expected = vi, en, expected


def _money_cell(col: Column, value: Any) -> int:
    scale = _SCALE[col.unit]
    unit = f" {col.unit}" if col.unit and col.unit != "đồng" else ""
    expected = f"số tiền{unit}, ra số đồng nguyên (a whole number of đồng)"
    if isinstance(value, bool):
        raise _CellError("không phải số tiền", "not an amount", expected)
    if isinstance(value, int | float | Decimal):
        try:
            exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        except InvalidOperation:
            raise _CellError("không phải số tiền", "not an amount", expected) from None
        if not exact.is_finite():
            raise _CellError("không phải số tiền", "not a finite amount", expected)
        dong = exact * scale
        if dong != dong.to_integral_value():
            raise _CellError(
                f"{format_number(exact)}{unit} không phải số đồng nguyên — không làm tròn",
                f"{exact}{unit} is not a whole number of đồng; not rounded",
                expected,
            )
        return int(dong)
    text = str(value).strip()
    if text.isascii() and text.isdigit():  # plain digits: no separator to read
        return int(text) * scale
    try:
        return parse_money(text, unit=None if col.unit == "đồng" else col.unit)
    except ParseError as exc:
        if exc.reason == "fractional_dong":
            raise _CellError(
                f"{str(value).strip()}{unit} không phải số đồng nguyên — không làm tròn",
                str(exc),
                expected,
            ) from None
        raise _CellError("không đọc được số tiền", str(exc), expected) from None


_PERCENT_TEXT = re.compile(r"\s*([0-9]{1,3})\s*%?\s*")
_PERCENT_EXPECTED = "số nguyên phần trăm 0..100, vd 40 hoặc 40% (a whole percentage)"


def _percent_cell(value: Any) -> int:
    """Khối lượng hoàn thành — a whole percentage 0..100 ("40", "40%", 40, 40.0)."""
    number: int | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str):
        found = _PERCENT_TEXT.fullmatch(value)
        number = int(found.group(1)) if found else None
    if number is None or not 0 <= number <= 100:
        raise _CellError(
            "không phải số phần trăm nguyên từ 0 đến 100",
            "not a whole percentage from 0 to 100",
            _PERCENT_EXPECTED,
        )
    return number


def _convert(col: Column, value: Any) -> Any:
    """A cell's value for its field, or _CellError."""
    if col.kind == "money" or (col.kind == "progress" and col.field in ("released", "spent")):
        return _money_cell(col, value)
    if col.kind == "progress" and col.field == "done":
        return _percent_cell(value)
    if col.kind == "progress":  # checked_on
        try:
            return _date_cell("checked_on", value)
        except (ParseError, ValueError) as exc:
            raise _CellError("không đọc được ngày", str(exc), "ngày, vd 15/06/2026") from None
    name = col.field or ""
    if name in _DATES:
        try:
            return _date_cell(name, value)
        except (ParseError, ValueError) as exc:
            raise _CellError(
                "không đọc được ngày", str(exc), "ngày, vd 05/01/2025 hoặc 01/2025"
            ) from None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a code Excel stored as a number
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, datetime | date):
        raise _CellError("ô chứa ngày, không phải chữ", "a date where text was expected", "chữ")
    return value.strip() if isinstance(value, str) else value


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


_PROGRESS_KEY = "\x00progress"
"""The key a row's progress cells wait under until :meth:`_Loader.finish` places them."""

_PYDANTIC_VI = {
    "missing": "thiếu giá trị (bắt buộc)",
    "string_too_short": "ô trống",
    "enum": "không phải giá trị được chấp nhận",
    "date_type": "không phải ngày",
    "date_from_datetime_parsing": "không phải ngày",
    "int_parsing": "không phải số nguyên",
    "extra_forbidden": "không phải trường của nhiệm vụ",
}


def _expected(name: str) -> str:
    enum = _ENUMS.get(name)
    if enum is not None:
        return ", ".join(str(getattr(m, "label", m.value)) for m in enum)
    return ""


@attrs.define
class _Table:
    """The columns of a table, and where each field is read from."""

    columns: list[Column]
    header_row: int | None = None


def _to_issue_column(columns: Sequence[Column], loc: tuple[Any, ...]) -> tuple[str, str]:
    """(column heading, field name) of a pydantic error location."""
    if not loc:
        return "(cả dòng)", ""
    name = str(loc[0])
    if name == "funding" and len(loc) > 1:
        part = str(loc[1])
        source = {"counterpart_by_year": "counterpart", "other_by_year": "other"}.get(part, part)
        year = str(loc[2]) if len(loc) > 2 else None
        for col in columns:
            if (
                col.kind == "money"
                and col.field == source
                and (year is None or str(col.year) == year)
            ):
                return col.header, part
        for col in columns:
            if col.kind in ("money", "funding"):
                return col.header, part
        return TASK_LABELS["funding"].vi, "funding"
    if name in _RECORD_COLUMNS:  # a record read from a progress column
        wanted = _RECORD_COLUMNS[name]
        if name == "checks" and len(loc) > 2 and loc[2] == "done":
            wanted = "done"
        for col in columns:
            if col.kind == "progress" and col.field == wanted:
                return col.header, name
    for col in columns:
        if col.field == name and col.kind == "field":
            return col.header, name
    return _label_vi(name), name


_RECORD_COLUMNS = {"checks": "checked_on", "releases": "released", "spending": "spent"}
"""The progress column a record of each kind is read from."""


def _record_named(message: str) -> str | None:
    """The record kind a Task check's message opens with ("checks: … before start")."""
    text = message.removeprefix("Value error, ")
    for name in _RECORD_COLUMNS:
        if text.startswith(f"{name}: "):
            return name
    return None


Progress = Callable[[int, int], None]
"""``progress(rows read, rows in the file)``: called while a table is read."""
PROGRESS_EVERY = 4096
"""Rows between two progress reports."""

_Cells = tuple[dict[str, Any], dict[tuple[str, int | None], int], dict[Any, Any], dict[Any, Any]]


class _Loader:
    """Turns rows of cells into tasks and issues, keeping the counts."""

    def __init__(self, issues: _Issues) -> None:
        self.issues = issues
        self.tasks: list[tuple[int, Task]] = []
        self.read = 0
        self.skipped = 0
        self.bad_rows: set[int] = set()
        self.sums: dict[int, list[int]] = {}  # column index -> amounts of rows since start
        self.since: dict[int, int] = {}  # column index -> sum since the last summary row
        self.progress: Progress | None = None
        self.total = 0  # rows of the file (title and header rows included)
        self.done = 0  # rows reported so far

    def report(self, done: int) -> None:
        """Báo tiến độ — tell ``progress`` that ``done`` of ``total`` rows are read (never
        backwards)."""
        if self.progress is not None and done > self.done:
            self.done = done
            self.progress(done, self.total)

    def error(self, row: int, *args: Any, **kwargs: Any) -> None:
        self.bad_rows.add(row)
        self.issues.add(row, *args, **kwargs)

    def task(self, row: int, pairs: Sequence[tuple[int, Column, Any]]) -> None:
        """Validate one row (given as (column index, column, cell)) into a Task."""
        cells = self.cells(row, pairs)
        if cells is not None:
            self.finish(row, *cells)

    def cells(self, row: int, pairs: Sequence[tuple[int, Column, Any]]) -> _Cells | None:
        """Đọc ô — each cell read for its field: (data, money, where, raw), or None when a cell
        could not be read (the issues are recorded)."""
        data: dict[str, Any] = {}
        where: dict[Any, tuple[Column, Any]] = {}
        money: dict[tuple[str, int | None], int] = {}
        raw: dict[Any, Any] = {}
        failed = False
        for index, col, value in pairs:
            if col.kind in ("stt", "unknown") or _is_empty(value):
                continue
            if col.kind == "records":
                if isinstance(value, list | tuple):
                    data[col.field or ""] = list(value)
                else:
                    self.error(
                        row, col.header, value, "cần một danh sách", "expected a list of records"
                    )
                    failed = True
                continue
            if col.kind == "funding":
                if isinstance(value, Mapping):
                    data["funding"] = dict(value)
                else:
                    self.error(
                        row, col.header, value, "cần một bảng kinh phí", "expected a mapping"
                    )
                    failed = True
                continue
            try:
                converted = _convert(col, value)
            except _CellError as exc:
                label = _money_vi(col) if col.kind == "money" else _label_vi(col.field or "")
                self.error(row, col.header, value, f"{label}: {exc.vi}", exc.en, exc.expected)
                failed = True
                continue
            if col.kind == "progress":
                earlier = data.get(_PROGRESS_KEY, {}).get(str(col.field))
                if earlier is not None and earlier[2] != converted:
                    self.error(
                        row,
                        col.header,
                        value,
                        f"hai cột cho cùng một trường ({earlier[0].header!r}) khác nhau",
                        f"two columns for one field disagree ({earlier[0].header!r})",
                        "cùng một giá trị",
                    )
                    failed = True
                    continue
                data.setdefault(_PROGRESS_KEY, {})[str(col.field)] = (col, value, converted)
                where[("progress", col.field)] = (col, converted)
                continue
            key: Any = (col.field, col.year) if col.kind == "money" else col.field
            if col.kind == "money":
                self.sums.setdefault(index, []).append(converted)
            if key in where:
                other_col, other_value = where[key]
                if other_value != converted:
                    self.error(
                        row,
                        col.header,
                        value,
                        f"hai cột cho cùng một trường ({other_col.header!r} = {other_value!r})"
                        f" khác nhau",
                        f"two columns for one field disagree ({other_col.header!r})",
                        "cùng một giá trị",
                    )
                    failed = True
                continue
            where[key] = (col, converted)
            raw[key] = value
            if col.kind == "money":
                money[key] = converted
            else:
                data[str(col.field)] = converted
        if failed:
            return None
        return data, money, where, raw

    def finish(
        self,
        row: int,
        data: dict[str, Any],
        money: dict[tuple[str, int | None], int],
        where: dict[Any, tuple[Column, Any]],
        raw: dict[Any, Any],
    ) -> None:
        """Lập nhiệm vụ — the Task of a row whose cells were read: ``data`` by field, ``money`` by
        (source, year), ``where`` each key's (column, value), ``raw`` its cell."""
        progress = data.pop(_PROGRESS_KEY, None)
        if progress and not self._progress(row, data, progress):
            return
        if money:
            funding = self._funding(row, data, money, where)
            if funding is None:
                return
            data["funding"] = {**funding, **data.get("funding", {})}
        try:
            task = Task.model_validate(data)
        except pydantic.ValidationError as exc:
            columns = [c for c, _ in where.values()]
            for error in exc.errors(include_url=False):
                loc, value = error["loc"], error.get("input")
                record = _record_named(str(error["msg"])) if not loc else None
                if record is not None:  # the model's check of a record: its column
                    loc = (record,)
                    value = where.get(("progress", _RECORD_COLUMNS[record]), (None, value))[1]
                heading, name = _to_issue_column(columns, loc)
                reason = _PYDANTIC_VI.get(error["type"], "giá trị không hợp lệ")
                label = _label_vi(name) if name else "Dòng"
                self.error(
                    row,
                    heading,
                    value if error["type"] != "missing" else None,
                    f"{label}: {reason}",
                    error["msg"],
                    _expected(name),
                )
            return
        self._check_totals(row, task, money, where, raw)
        self.tasks.append((row, task))

    def _progress(
        self, row: int, data: dict[str, Any], cells: dict[str, tuple[Column, Any, Any]]
    ) -> bool:
        """Tiến độ — the latest check (date, % done) and the year's released and spent
        amounts of a row's progress columns, added to its dated records; False (issues
        recorded) when they cannot be placed: a % or an amount needs the check's date,
        and an amount's year is its heading's, else the check's."""
        checked = cells.get("checked_on")
        if checked is None:
            col, value, _ = next(iter(cells.values()))
            self.error(
                row,
                col.header,
                value,
                f"{_label_vi(str(col.field))}: không có ngày kiểm tra ở cột "
                f"{PROGRESS_LABELS['checked_on'].vi!r}",
                "no date of the check: the progress figures are as of that date",
                f"cột {PROGRESS_LABELS['checked_on'].vi!r} trên cùng dòng",
            )
            return False
        on: date = checked[2]
        if "done" in cells:
            check = {"on": on, "done": cells["done"][2]}
            data["checks"] = [*data.get("checks", []), check]
        for name, field in (("released", "releases"), ("spent", "spending")):
            if name not in cells:
                continue
            col, _, amount = cells[name]
            record: dict[str, Any] = {"on": on, "year": col.year or on.year, "amount": amount}
            if name == "released":
                record["instalment"] = 1
            data[field] = [*data.get(field, []), record]
        return True

    def _funding(
        self,
        row: int,
        data: dict[str, Any],
        money: dict[tuple[str, int | None], int],
        where: dict[Any, tuple[Column, Any]],
    ) -> dict[str, Any] | None:
        funding: dict[str, Any] = {}
        for (source, year), amount in money.items():
            if source == "state_budget" and year is not None:
                funding.setdefault("state_budget", {})[year] = amount
            elif source in ("counterpart", "other"):
                if year is None:
                    funding[source] = amount
                else:
                    funding.setdefault(f"{source}_by_year", {})[year] = amount
        has_years = any(s == "state_budget" and y is not None for s, y in money)
        sources_given = any(s != "total" for s, _ in money)
        nsnn = money.get(("state_budget", None))
        if nsnn is None and not sources_given:
            nsnn = money.get(("total", None))  # the only budget column: the state budget
        if nsnn is not None and not has_years and nsnn:
            start, end = data.get("start"), data.get("end")
            if isinstance(start, date) and isinstance(end, date) and start.year == end.year:
                funding["state_budget"] = {start.year: nsnn}
            else:
                col = where.get(("state_budget", None), where.get(("total", None)))
                heading = col[0].header if col else ""
                self.error(
                    row,
                    heading,
                    nsnn,
                    "Kinh phí NSNN không ghi năm, nhiệm vụ kéo dài nhiều năm: không biết "
                    "phân cho năm nào",
                    "a state budget with no year for a task over several years: "
                    "which year is it for?",
                    "cột theo năm, vd 'Kinh phí NSNN năm 2025'",
                )
                return None
        return funding

    def _check_totals(
        self,
        row: int,
        task: Task,
        money: dict[tuple[str, int | None], int],
        where: dict[Any, tuple[Column, Any]],
        raw: dict[Any, Any],
    ) -> None:
        f = task.funding
        for (source, year), amount in money.items():
            if year is None and source == "state_budget":
                want = f.state_budget_total
            elif year is None and source == "total":
                want = f.total
            elif source == "total" and year is not None:
                want = sum(f.by_source(year).values())
            else:
                continue
            if amount != want:
                heading = where[(source, year)][0].header
                self.issues.add(
                    row,
                    heading,
                    raw[(source, year)],
                    f"{_money_vi(where[(source, year)][0])} = {format_number(amount)} đồng "
                    f"nhưng các cột thành phần cộng lại {format_number(want)} đồng",
                    f"the total {amount} does not match its parts ({want})",
                    f"{format_number(want)} đồng",
                    error=False,
                )


def _row_kind(cells: Sequence[Any], columns: Sequence[Column]) -> str:
    """ "blank", "numbers" (a row of column numbers), "summary" or "data"."""
    texts = [str(c).strip() for c in cells if c is not None and c != ""]
    texts = [t for t in texts if t]
    if not texts:
        return "blank"
    if (
        texts[0] in ("1", "(1)")
        and len(texts) >= 3
        and all(_COLUMN_NUMBER.fullmatch(t) for t in texts)
    ):
        return "numbers"
    code_empty = True
    for value, col in zip(cells, columns, strict=False):
        if col.field == "code" and col.kind == "field" and not _is_empty(value):
            code_empty = False
    for value, col in zip(cells, columns, strict=False):
        if col.kind not in _WORD_KINDS or col.field not in _WORD_FIELDS:
            continue  # a summary row says so in its STT, code or title cell
        if not isinstance(value, str) or value.lstrip()[:1].lower() not in ("t", "c"):
            continue  # "Tổng…", "Cộng…": cheap before folding
        words = re.sub(r"[\s:.,]+", " ", fold_text(value)).strip()
        if words in _SUMMARY_WORDS:
            return "summary"
        if code_empty and any(words.startswith(w + " ") for w in _SUMMARY_WORDS):
            return "summary"
    return "data"


_WORD_KINDS = frozenset({"stt", "field"})
_WORD_FIELDS = frozenset({None, "code", "title"})


def _header(grid: Grid) -> tuple[int, list[Column], int] | None:
    """(index of the first data row, columns, header line) of a sheet, or None."""
    rows = grid.rows
    for i, (line, cells) in enumerate(rows):
        cols = [column(str(c)) if not _is_empty(c) else Column("", None) for c in cells]
        known = [c for c in cols if c.kind in ("field", "money")]
        if len(known) < 2 or not any(c.kind == "field" for c in cols):
            continue
        first = i + 1
        if first < len(rows):
            sub = rows[first][1]
            if sum(1 for c in sub if not _is_empty(c) and source_word(str(c))) >= 2:
                top, filled = list(cells), []
                last: Any = None
                for j in range(max(len(top), len(sub))):
                    here = top[j] if j < len(top) else None
                    below = sub[j] if j < len(sub) else None
                    if not _is_empty(here):
                        last = here
                    elif _is_empty(below):
                        last = None
                    head = (here if not _is_empty(here) else last) or ""
                    filled.append(f"{head} {below}".strip() if not _is_empty(below) else str(head))
                cols = [column(h) if h else Column("", None) for h in filled]
                first += 1
        return first, cols, line
    return None


def _check_header(loader: _Loader, cols: list[Column], line: int) -> bool:
    """Report the header's issues; False when the table cannot be read (a required
    column missing)."""
    issues = loader.issues
    seen: dict[Any, Column] = {}
    for col in cols:
        if not col.header:
            continue
        if col.kind == "unknown":
            issues.add(
                line,
                col.header,
                None,
                "cột không được nhận ra: giá trị của nó không được đọc",
                "unknown column: its values were not read",
                "một tiêu đề trong danh sách (xem 'Đọc bảng tính')",
                error=False,
            )
            continue
        key = (col.field, col.year) if col.kind == "money" else col.field
        if col.kind in ("field", "money", "progress") and key in seen:
            issues.add(
                line,
                col.header,
                None,
                f"hai cột cho cùng một trường (cùng {seen[key].header!r}): mỗi dòng phải "
                f"ghi giống nhau ở cả hai",
                f"two columns for one field (also {seen[key].header!r}); rows must agree",
                "một cột cho mỗi trường",
                error=False,
            )
        seen.setdefault(key, col)
    missing = [name for name in REQUIRED if name not in seen]
    if missing:
        names = ", ".join(TASK_LABELS[n].vi for n in missing)
        issues.add(
            line,
            names,
            None,
            f"thiếu cột bắt buộc: {names} — không đọc dòng nào",
            f"required column(s) missing: {', '.join(missing)}; no row was read",
            ", ".join(TASK_LABELS[n].vi for n in REQUIRED),
        )
        return False
    return True


def _load_grid(grid: Grid, loader: _Loader, *, named: bool) -> bool:
    """Read one sheet; False when it has no header (and ``named`` is False)."""
    found = _header(grid)
    if found is None:
        if named or any(not all(_is_empty(c) for c in cells) for _, cells in grid.rows):
            loader.issues.add(
                None,
                "",
                None,
                "không tìm thấy dòng tiêu đề (vd 'Mã số', 'Tên nhiệm vụ'): trang không được đọc",
                "no header row found; the sheet was not read",
                "một dòng tiêu đề với các cột của nhiệm vụ",
                error=named,
            )
        return False
    first, cols, line = found
    data = grid.rows[first:]
    if not _check_header(loader, cols, line):
        loader.read += len(data)
        loader.skipped += len(data)
        return True
    width = len(cols)
    starts: dict[int, int] = {}  # column index -> number of amounts when the last "Cộng" closed
    base = loader.done + first
    for i, (number, cells) in enumerate(data):
        loader.read += 1
        if i % PROGRESS_EVERY == 0:
            loader.report(base + i)
        kind = _row_kind(cells, cols)
        if kind != "data":
            loader.skipped += 1
            if kind == "summary":
                _check_summary(loader, number, cells, cols, starts)
            continue
        extra = [(j, v) for j, v in enumerate(cells[width:], width) if not _is_empty(v)]
        for j, value in extra:
            loader.error(
                number,
                f"(cột {j + 1}, không có tiêu đề)",
                value,
                "ô thừa ngoài các cột có tiêu đề",
                "an extra cell beyond the headed columns",
                f"tối đa {width} ô",
            )
        if extra:
            continue
        loader.task(number, [(j, c, v) for j, (c, v) in enumerate(zip(cols, cells, strict=False))])
    return True


def _check_summary(
    loader: _Loader,
    row: int,
    cells: Sequence[Any],
    cols: Sequence[Column],
    starts: dict[int, int],
) -> None:
    """A summary row: each amount it gives must be the sum of the rows above (since the
    last summary row, or since the top)."""
    for j, (col, value) in enumerate(zip(cols, cells, strict=False)):
        if col.kind != "money" or _is_empty(value):
            continue
        amounts = loader.sums.get(j, [])
        try:
            given = _money_cell(col, value)
        except _CellError as exc:
            loader.issues.add(
                row, col.header, value, f"dòng tổng: {exc.vi}", exc.en, exc.expected, error=False
            )
            continue
        since = amounts[starts.get(j, 0) :]
        whole, part = sum(amounts), sum(since)
        starts[j] = len(amounts)
        want = part if since else whole  # "Cộng" closes a group; a grand total follows one
        if given not in (whole, part):
            loader.issues.add(
                row,
                col.header,
                value,
                f"dòng tổng ghi {format_number(given)} đồng nhưng các dòng bên trên cộng lại "
                f"{format_number(want)} đồng (chênh {format_number(given - want)})",
                f"the summary row says {given} but the rows above add up to {want}",
                f"{format_number(want)} đồng",
                error=False,
            )


def _dedupe(loader: _Loader) -> list[Task]:
    first_seen: dict[str, int] = {}
    kept: list[Task] = []
    for number, task in loader.tasks:
        if task.code in first_seen:
            loader.error(
                number,
                COLUMN_TITLES["code"],
                task.code,
                f"Mã số trùng (dòng {first_seen[task.code]} đã được giữ)",
                f"duplicate task code (first in row {first_seen[task.code]}, which was kept)",
                "một mã số chưa dùng",
            )
            continue
        first_seen[task.code] = number
        kept.append(task)
    return kept


def _result(loader: _Loader, kept: list[Task], *, read: int | None) -> LoadResult:
    errors = sorted(loader.issues.errors, key=lambda e: e.row or 0)
    warnings = sorted(loader.issues.warnings, key=lambda e: e.row or 0)
    result = LoadResult(tuple(kept), tuple(errors), tuple(warnings), read, loader.skipped)
    if read is not None and result.invalid != len(loader.bad_rows):
        raise AssertionError(f"counts do not add up: {result.summary()}")  # pragma: no cover
    return result


def load_tasks(
    rows: Iterable[Mapping[str, Any]], *, first_row: int = 1, strict: bool = False
) -> LoadResult:
    """Nạp nhiệm vụ — validate rows into Tasks, keeping every valid one.

    Rows are mappings from a field name or a Vietnamese column title to a value; text
    cells are read the Vietnamese way. A nested ``funding`` mapping (as in JSON) is
    accepted too. ``first_row`` numbers the first row in the report; ``strict=True``
    raises InvalidValue on the first issue.
    """
    loader = _Loader(_Issues("", None, strict=strict))
    known: dict[tuple[str, ...], list[Column]] = {}
    reported: set[str] = set()
    count = 0
    for number, row in enumerate(rows, start=first_row):
        count += 1
        if not isinstance(row, Mapping):
            loader.error(
                number,
                "(cả dòng)",
                row,
                "expected a mapping of columns",
                "expected a mapping of columns",
            )
            continue
        headers = tuple(str(h) for h in row)
        cols = known.get(headers)
        if cols is None:
            cols = known[headers] = [column(h) for h in headers]
            for col in cols:
                if col.kind == "unknown" and col.header not in reported:
                    reported.add(col.header)
                    loader.issues.add(
                        number,
                        col.header,
                        None,
                        f"cột {col.header!r} không được nhận ra: giá trị của nó không được đọc",
                        f"column {col.header!r} is not a Task field; its values were not loaded",
                        "một tiêu đề trong danh sách (xem 'Đọc bảng tính')",
                        error=False,
                    )
        loader.task(
            number, [(j, c, row[h]) for j, (c, h) in enumerate(zip(cols, row, strict=True))]
        )
    kept = _dedupe(loader)
    return _result(loader, kept, read=count)
