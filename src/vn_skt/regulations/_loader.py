"""Đọc bảng quy định — read a rule table from a TOML file (ours or a province's).

The file format (ISO dates are TOML dates)::

    name = "base_salary"
    description = "Mức lương cơ sở — ..."

    [columns]
    amount = "int"          # int, str, bool, date; "int?" for optional

    [[versions]]
    effective_from = 2024-07-01
    effective_to = 2026-06-30   # inclusive; omit on the last version (open-ended)
    source = "Nghị định 73/2024/NĐ-CP"
    status = "V2"               # V, V2 or U
    note = ""                   # optional
    rows = { monthly = { amount = 2_340_000 } }
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from vn_skt.errors import InvalidValue

from ._model import Status, Table, Version

__all__ = ["load_table", "table_from_dict"]

_REQUIRED_VERSION_FIELDS = ("effective_from", "source", "status", "rows")


def load_table(path: str | Path, *, origin: str | None = None, contiguous: bool = True) -> Table:
    """Đọc bảng từ tệp — load and check a table from a TOML file.

    Raises InvalidValue naming the file and the problem (bad TOML, missing field,
    a row of the wrong shape, overlapping or gapped versions).
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidValue(f"{path}: not valid TOML: {exc}") from exc
    except OSError as exc:
        raise InvalidValue(f"{path}: cannot read the file: {exc}") from exc
    try:
        return table_from_dict(data, origin=origin or str(path), contiguous=contiguous)
    except InvalidValue as exc:
        raise InvalidValue(f"{path}: {exc}") from exc


def table_from_dict(
    data: Mapping[str, Any], *, origin: str = "vn-skt", contiguous: bool = True
) -> Table:
    """Lập bảng từ dữ liệu — build a checked table from parsed TOML/JSON-like data."""
    name = _required(data, "name", str, "the table")
    columns = _required(data, "columns", dict, f"table {name!r}")
    raw_versions = _required(data, "versions", list, f"table {name!r}")
    versions = [
        _version(name, index, raw, origin) for index, raw in enumerate(raw_versions, start=1)
    ]
    return Table.build(
        name,
        description=str(data.get("description", "")),
        columns=columns,
        versions=versions,
        contiguous=contiguous,
    )


def _version(table: str, index: int, raw: Any, origin: str) -> Version:
    where = f"table {table!r}, version #{index}"
    if not isinstance(raw, Mapping):
        raise InvalidValue(f"{where}: expected a table of fields, got {raw!r}")
    for field in _REQUIRED_VERSION_FIELDS:
        if field not in raw:
            raise InvalidValue(f"{where}: required field {field!r} is missing")
    unknown = set(raw) - {*_REQUIRED_VERSION_FIELDS, "effective_to", "note"}
    if unknown:
        raise InvalidValue(f"{where}: unknown field(s) {sorted(unknown)}")
    status = raw["status"]
    if status not in Status.__members__:
        raise InvalidValue(f"{where}: status {status!r}; expected one of V, V2, U")
    rows = raw["rows"]
    if not isinstance(rows, Mapping) or not all(isinstance(r, Mapping) for r in rows.values()):
        raise InvalidValue(f"{where}: rows must map a key to a table of columns")
    return Version(
        table,
        _date(raw["effective_from"], f"{where}, effective_from"),
        _date(raw["effective_to"], f"{where}, effective_to") if "effective_to" in raw else None,
        _required(raw, "source", str, where),
        Status(status),
        rows,
        origin=origin,
        note=str(raw.get("note", "")),
    )


def _date(value: Any, where: str) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidValue(f"{where}: {value!r} is not a date; expected YYYY-MM-DD")


def _required(data: Mapping[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in data:
        raise InvalidValue(f"{where}: required field {key!r} is missing")
    value = data[key]
    if not isinstance(value, kind):
        raise InvalidValue(f"{where}: field {key!r} is {value!r}; expected {kind.__name__}")
    return value
