"""Đọc bảng quy định — read a rule table from a TOML file (ours or a province's).

The file format (ISO dates are TOML dates)::

    name = "base_salary"
    description = "Mức lương cơ sở — ..."
    row_type = "vn_skt.regulations.rows:BaseSalary"   # the schema of every row

    [[versions]]
    effective_from = 2024-07-01
    effective_to = 2026-06-30   # inclusive; omit on the last version (open-ended)
    source = "Nghị định 73/2024/NĐ-CP"
    status = "V2"               # V, V2 or U
    note = ""                   # optional
    patch = false               # optional: true replaces only the rows it names
    rows = { monthly = { amount = 2_340_000 } }

A province's file for a shipped table may leave ``row_type`` out (the shipped table's
is used). Every error names the file, the version, the row and the field.

A version may instead read its rows from a CSV file (``rows_csv = "file.csv"``, relative
to the TOML file's folder) when its row type can read one: see the end of this module.
"""

from __future__ import annotations

import importlib
import tomllib
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from vn_skt.errors import InvalidValue

from ._model import Status, Table, Version
from ._rows import is_row_type

__all__ = ["load_table", "resolve_row_type", "table_from_dict"]

_REQUIRED_VERSION_FIELDS = ("effective_from", "source", "status", "rows")
_OPTIONAL_VERSION_FIELDS = ("effective_to", "note", "patch")


def load_table(
    path: str | Path,
    *,
    origin: str | None = None,
    contiguous: bool = True,
    row_type: type[Any] | None = None,
) -> Table[Any]:
    """Đọc bảng từ tệp — load and check a table from a TOML file.

    ``row_type`` types the rows when the file does not name one (a province's file for a
    shipped table). Raises InvalidValue naming the file and the place (bad TOML, a
    missing field, a row of the wrong shape, overlapping or gapped versions).
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidValue(f"{path}: not valid TOML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidValue(f"{path}: cannot read the file: {exc}") from exc
    try:
        return table_from_dict(
            data,
            origin=origin or str(path),
            contiguous=contiguous,
            row_type=row_type,
            base_dir=path.parent,
        )
    except InvalidValue as exc:
        raise InvalidValue(f"{path}: {exc}") from exc


def table_from_dict(
    data: Mapping[str, Any],
    *,
    origin: str = "vn-skt",
    contiguous: bool = True,
    row_type: type[Any] | None = None,
    base_dir: Path | None = None,
) -> Table[Any]:
    """Lập bảng từ dữ liệu — build a checked table from parsed TOML/JSON-like data.

    ``base_dir`` is the folder a version's ``rows_csv`` is relative to (the TOML file's).
    """
    if not isinstance(data, Mapping):
        raise InvalidValue(f"expected a table of fields, got {type(data).__name__}")
    name = _required(data, "name", str, "the table")
    if "columns" in data:
        raise InvalidValue(
            f"table {name!r}: a [columns] list is no longer read; the row type "
            f"(row_type = 'module:Class') is the schema"
        )
    named = data.get("row_type")
    if named is not None:
        declared = resolve_row_type(_required(data, "row_type", str, f"table {name!r}"))
        if row_type is not None and declared is not row_type:
            raise InvalidValue(
                f"table {name!r}: row_type {named!r} differs from this table's "
                f"{row_type.__module__}:{row_type.__qualname__}"
            )
        row_type = declared
    if row_type is None:
        raise InvalidValue(f"table {name!r}: no row_type; expected row_type = 'module:Class'")
    raw_versions = _required(data, "versions", list, f"table {name!r}")
    versions = [
        _version(name, index, _csv_rows(name, index, raw, row_type, base_dir), origin)
        for index, raw in enumerate(raw_versions, start=1)
    ]
    return Table.build(
        name,
        description=str(data.get("description", "")),
        row_type=row_type,
        versions=versions,
        contiguous=contiguous,
    )


def resolve_row_type(spec: str) -> type[Any]:
    """Kiểu dòng — the class named ``"package.module:Class"``."""
    module_name, _, qualname = spec.partition(":")
    if not module_name or not qualname:
        raise InvalidValue(f"row_type {spec!r}: expected 'package.module:Class'")
    try:
        found: Any = importlib.import_module(module_name)
        for part in qualname.split("."):
            found = getattr(found, part)
    except (ImportError, AttributeError) as exc:
        raise InvalidValue(f"row_type {spec!r} cannot be imported: {exc}") from None
    if not isinstance(found, type):
        raise InvalidValue(f"row_type {spec!r} is not a class")
    if not is_row_type(found):
        msg = f"row_type {spec!r} is not an attrs class (a row type's fields are its schema)"
        raise InvalidValue(msg)
    return found


def _version(table: str, index: int, raw: Any, origin: str) -> Version[Any]:
    where = f"table {table!r}, version #{index}"
    if not isinstance(raw, Mapping):
        raise InvalidValue(f"{where}: expected a table of fields, got {raw!r}")
    for field in _REQUIRED_VERSION_FIELDS:
        if field not in raw:
            raise InvalidValue(f"{where}: required field {field!r} is missing")
    unknown = set(raw) - {*_REQUIRED_VERSION_FIELDS, *_OPTIONAL_VERSION_FIELDS}
    if unknown:
        raise InvalidValue(f"{where}: unknown field(s) {sorted(unknown)}")
    status = raw["status"]
    if not isinstance(status, str) or status not in Status.__members__:
        raise InvalidValue(f"{where}: status {status!r}; expected one of V, V2, U")
    rows = raw["rows"]
    if not isinstance(rows, Mapping):
        raise InvalidValue(f"{where}: rows must map a key to a table of columns, got {rows!r}")
    patch = raw.get("patch", False)
    if not isinstance(patch, bool):
        raise InvalidValue(f"{where}: patch is {patch!r}; expected true or false")
    return Version(
        table,
        _date(raw["effective_from"], f"{where}, effective_from"),
        _date(raw["effective_to"], f"{where}, effective_to") if "effective_to" in raw else None,
        _required(raw, "source", str, where),
        Status(status),
        rows,
        origin=origin,
        note=str(raw.get("note", "")),
        patch=patch,
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


# -- rows from a CSV file (rows_csv) -----------------------------------------------------
# A version may name a CSV file instead of giving ``rows``: ``rows_csv = "x.csv"``, relative
# to the TOML file's folder. The row type reads its own cells: it needs a classmethod
# ``rows_from_csv(path) -> Mapping[str, row]`` whose errors name the file, line and field
# (see vn_skt.regulations.metrology_list.Group2Row). When the rows carry a ``status``,
# the version's ``status`` may be left out: it is then the weakest of its rows'; when
# given, it may not claim more than that.


def _csv_rows(table: str, index: int, raw: Any, row_type: type[Any], base_dir: Path | None) -> Any:
    """``raw`` with ``rows_csv`` read into ``rows`` (and ``status`` filled in when absent)."""
    if not isinstance(raw, Mapping) or "rows_csv" not in raw:
        return raw
    where = f"table {table!r}, version #{index}"
    name = raw["rows_csv"]
    if "rows" in raw:
        raise InvalidValue(f"{where}: give either rows or rows_csv, not both")
    if not isinstance(name, str) or not name.strip():
        raise InvalidValue(f"{where}: rows_csv is {name!r}; expected a CSV file name")
    reader = getattr(row_type, "rows_from_csv", None)
    if not callable(reader):
        msg = f"{where}: rows of type {row_type.__qualname__} cannot be read from a CSV file"
        raise InvalidValue(msg)
    path = (base_dir or Path.cwd()) / name
    if not path.is_file():
        raise InvalidValue(f"{where}: rows_csv {name!r}: no such file {path}")
    rows: Mapping[str, Any] = reader(path)
    statuses = [Status(s) for row in rows.values() if (s := getattr(row, "status", None))]
    weakest = Status.weakest(statuses)
    status = raw.get("status")
    if status is None:
        if len(statuses) != len(rows):
            raise InvalidValue(f"{where}: required field 'status' is missing")
        status = weakest.value
    elif status in Status.__members__ and statuses and Status.weakest([status, weakest]) != status:
        msg = (
            f"{where}: status {status!r} claims more than its rows in {path.name} "
            f"(the weakest is {weakest.value}); a version is as verified as its weakest row"
        )
        raise InvalidValue(msg)
    return {**{k: v for k, v in raw.items() if k != "rows_csv"}, "rows": rows, "status": status}
