"""Quy định — versioned, cited rule tables.

Rules from regulations are data: a *table* is a named series of *versions*, each with
``effective_from``, ``effective_to`` (inclusive, or open), ``source`` (the document),
``status`` (V, V2 or U) and keyed rows. Versions of one table neither overlap nor leave
gaps. A province or a user registers its own versions (in code or from a TOML file);
they take precedence on the dates they cover.

>>> from datetime import date
>>> from vn_skt.regulations import lookup
>>> version = lookup("base_salary", on=date(2025, 3, 1))
>>> version.source, version.status.value, version.row("monthly").amount
('Nghị định 73/2024/NĐ-CP', 'V2', 2340000)

Every lookup needs its governing date: there is no "latest" default.

>>> lookup("base_salary", on=None)
Traceback (most recent call last):
...
vn_skt.errors.InvalidValue: lookup('base_salary', on=...)=None (NoneType); expected ...
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ._dates import require_date
from ._loader import load_table, table_from_dict
from ._model import Status, Table, Version
from ._registry import Registry, default_registry
from ._salary import base_salary

__all__ = [
    "Registry",
    "Status",
    "Table",
    "Version",
    "base_salary",
    "default_registry",
    "latest",
    "load_table",
    "lookup",
    "register_file",
    "register_table",
    "register_version",
    "require_date",
    "table",
    "table_from_dict",
    "tables",
    "unregister",
]


def lookup(name: str, *, on: date) -> Version[Any]:
    """Tra cứu quy định — the version of table ``name`` in force on ``on`` (required)."""
    return default_registry.lookup(name, on=on)


def latest(name: str) -> Version[Any]:
    """Phiên bản mới nhất — the newest version of ``name`` (tooling only; a calculation
    passes its own date to :func:`lookup`)."""
    return default_registry.latest(name)


def table(name: str) -> Table[Any]:
    """Bảng quy định — the table ``name`` (a user's own, else the shipped one)."""
    return default_registry.table(name)


def tables() -> list[str]:
    """Danh sách bảng — the names of every table that can be looked up."""
    return default_registry.names()


def register_version(version: Version[Any]) -> None:
    """Đăng ký phiên bản — see :meth:`Registry.register_version`."""
    default_registry.register_version(version)


def register_table(table: Table[Any]) -> None:
    """Đăng ký bảng — see :meth:`Registry.register_table`."""
    default_registry.register_table(table)


def register_file(path: str | Path) -> Table[Any]:
    """Đăng ký từ tệp — see :meth:`Registry.register_file`."""
    return default_registry.register_file(path)


def unregister(name: str) -> None:
    """Hủy đăng ký — see :meth:`Registry.unregister`."""
    default_registry.unregister(name)
