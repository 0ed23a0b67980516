"""Danh mục phương tiện đo nhóm 2 — the row types of the ``metrology_group2`` table (the
legal list of group-2 measuring instruments, one version per circular) and of the
``metrology_fields`` table (our grouping of the list for reports: not legal data, U).

Each version of the list ships as one CSV file in the shared format (one row per
instrument, or per range/condition where the list splits one instrument)::

    item_no,name_vi,measuring_range_or_condition,cycle_months,controls,source,status
    10,Cân ô tô,,24,,"TT 04/2026/TT-BKHCN, Điều 4, mục 10",U

``cycle_months`` blank: initial verification only; ``controls`` (``;``-separated
``pattern_approval``, ``initial``, ``periodic``, ``after_repair``) blank: not known;
``status`` V, V2 or U grades the row. :meth:`Group2Row.rows_from_csv` reads such a file
and checks every cell; an error names the file, the line and the field.

>>> row = Group2Row(item=23, name="Đồng hồ đo khí dân dụng", range="Qmax < 16 m3/h",
...                 cycle_months=60, source="TT 07/2019/TT-BKHCN", status="V")
>>> row.key, row.controls
('Đồng hồ đo khí dân dụng (Qmax < 16 m3/h)', None)
>>> Group2Row(item=10, name="Cân ô tô", cycle_months=0)
Traceback (most recent call last):
...
ValueError: cycle_months is 0; expected a whole number of months >= 1 (None: initial
verification only)
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any

import attrs

from vn_skt.errors import InvalidValue

from ._model import Status
from ._rows import to_row

__all__ = ["CSV_COLUMNS", "Control", "Group2Row", "ReportField", "row_key"]


class Control(StrEnum):
    """Hình thức kiểm soát — a control the list applies to an instrument."""

    PATTERN_APPROVAL = "pattern_approval"
    """Phê duyệt mẫu — pattern approval."""
    INITIAL = "initial"
    """Kiểm định ban đầu — initial verification."""
    PERIODIC = "periodic"
    """Kiểm định định kỳ — periodic verification."""
    AFTER_REPAIR = "after_repair"
    """Kiểm định sau sửa chữa — verification after repair."""

    @property
    def label(self) -> str:
        """Nhãn — the Vietnamese name of the control."""
        return _CONTROL_LABELS[self]

    def __str__(self) -> str:
        return self.label


_CONTROL_LABELS = {
    Control.PATTERN_APPROVAL: "phê duyệt mẫu",
    Control.INITIAL: "kiểm định ban đầu",
    Control.PERIODIC: "kiểm định định kỳ",
    Control.AFTER_REPAIR: "kiểm định sau sửa chữa",
}


def _item(_: Any, attribute: attrs.Attribute[Any], value: int) -> None:
    if value < 1:
        raise ValueError(f"item is {value!r}; expected the list's item number (>= 1)")


def _cycle(_: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and value < 1:
        msg = (
            f"cycle_months is {value!r}; expected a whole number of months >= 1 "
            f"(None: initial verification only)"
        )
        raise ValueError(msg)


def _not_blank(_: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not value.strip():
        raise ValueError(f"{attribute.name} is blank; expected text")


def _controls(_: Any, attribute: attrs.Attribute[Any], value: Sequence[Control] | None) -> None:
    if value is not None and (not value or len(set(value)) != len(value)):
        msg = f"controls {list(value)!r}: expected one or more distinct controls (None: not known)"
        raise ValueError(msg)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def row_key(name: str, range: str | None) -> str:
    """Khóa dòng — ``name``, and ``(range)`` after it when a range is given that the name
    does not already say (the key of a row of the list, and the name a record stores).

    >>> row_key("Đồng hồ đo khí dân dụng", "Qmax < 16 m3/h")
    'Đồng hồ đo khí dân dụng (Qmax < 16 m3/h)'
    >>> row_key("Quả cân cấp chính xác E2", "cấp chính xác E2")
    'Quả cân cấp chính xác E2'
    """
    if range is None or _fold(range) in _fold(name):
        return name
    return f"{name} ({range})"


@attrs.frozen
class Group2Row:
    """Một dòng danh mục PTĐ nhóm 2 — one instrument (or one range of it) of the list.

    ``name`` as printed; ``range`` the measuring range or condition where the list
    splits one instrument (None otherwise); ``cycle_months`` None when only initial
    verification applies; ``controls`` None when not known for this version (never
    "all False"); ``source`` and ``status`` grade this row (None: the version's own).
    """

    item: int = attrs.field(validator=_item)
    name: str = attrs.field(validator=_not_blank)
    source: str | None = attrs.field(default=None, validator=_not_blank)
    status: Status | None = None
    range: str | None = attrs.field(default=None, validator=_not_blank)
    cycle_months: int | None = attrs.field(default=None, validator=_cycle)
    controls: tuple[Control, ...] | None = attrs.field(default=None, validator=_controls)

    def __attrs_post_init__(self) -> None:
        if self.controls is not None and (Control.PERIODIC in self.controls) != (
            self.cycle_months is not None
        ):
            msg = (
                f"cycle_months is {self.cycle_months!r} but controls are "
                f"{[c.value for c in self.controls]}: a periodic cycle goes with the "
                f"'periodic' control, and only with it"
            )
            raise ValueError(msg)

    @property
    def key(self) -> str:
        """Khóa — the row's key in its version: the name, and ``(range)`` after it when
        the list splits the instrument and the name does not already say the range."""
        return row_key(self.name, self.range)

    @classmethod
    def rows_from_csv(cls, path: str | Path) -> dict[str, Group2Row]:
        """Đọc tệp CSV — the rows of one version from a CSV file in the shared format,
        keyed by :attr:`key`. Raises InvalidValue naming the file, the line and the field
        (a missing or unknown column, a cell that is not a number, an unknown control or
        status, two rows with the same key)."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidValue(f"{path}: cannot read the file: {exc}") from exc
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = list(reader.fieldnames or [])
        missing = [c for c in CSV_COLUMNS if c not in header]
        unknown = [c for c in header if c not in CSV_COLUMNS]
        if missing or unknown:
            msg = (
                f"{path}, line 1: columns {header}; expected {list(CSV_COLUMNS)}"
                f"{f' (missing {missing})' if missing else ''}"
                f"{f' (unknown {unknown})' if unknown else ''}"
            )
            raise InvalidValue(msg)
        rows: dict[str, Group2Row] = {}
        lines: dict[str, int] = {}
        for record in reader:
            where = f"{path}, line {reader.line_num}"
            if None in record or any(v is None for v in record.values()):
                msg = f"{where}: {len(header)} cells expected, one per column {list(CSV_COLUMNS)}"
                raise InvalidValue(msg)
            row = to_row(cls, _cells(record, where), where=f"{where} ({record['name_vi']!r})")
            same = " ".join(_fold(row.key).split())
            if same in lines:
                msg = f"{where}: a second row {row.key!r} (the first is on line {lines[same]})"
                raise InvalidValue(msg)
            rows[row.key], lines[same] = row, reader.line_num
        if not rows:
            raise InvalidValue(f"{path}: no rows; expected one row per instrument")
        return rows


CSV_COLUMNS = (
    "item_no",
    "name_vi",
    "measuring_range_or_condition",
    "cycle_months",
    "controls",
    "source",
    "status",
)
"""The columns of a list file, in the shared format's order."""


def _cells(record: dict[str, str], where: str) -> dict[str, Any]:
    """The CSV cells as row values: numbers parsed, blanks as None, controls split."""
    cells = {key: value.strip() for key, value in record.items()}
    raw: dict[str, Any] = {
        "item": _whole(cells["item_no"], where, "item_no", blank_ok=False),
        "name": unicodedata.normalize("NFC", cells["name_vi"]),
        "cycle_months": _whole(cells["cycle_months"], where, "cycle_months", blank_ok=True),
    }
    if cells["measuring_range_or_condition"]:
        raw["range"] = unicodedata.normalize("NFC", cells["measuring_range_or_condition"])
    if cells["controls"]:
        raw["controls"] = [c.strip() for c in cells["controls"].split(";")]
    if cells["source"]:
        raw["source"] = cells["source"]
    if not cells["status"]:
        raise InvalidValue(f"{where}, field 'status': blank; expected V, V2 or U")
    raw["status"] = cells["status"]
    return raw


def _whole(cell: str, where: str, column: str, *, blank_ok: bool) -> int | None:
    if not cell and blank_ok:
        return None
    if cell.isdigit() and cell.isascii():
        return int(cell)
    blank = " (blank: initial verification only)" if blank_ok else ""
    raise InvalidValue(f"{where}, field {column!r}: {cell!r} is not a whole number{blank}")


@attrs.frozen
class ReportField:
    """Lĩnh vực báo cáo — the report field of one item of the list (key: the item number).

    A practical grouping (khối lượng, điện – điện từ, …), not in the legal list: U.
    """

    field: str = attrs.field(validator=_not_blank)
