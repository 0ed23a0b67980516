"""Sổ quy định — the registry: shipped tables, and a user's versions that take precedence."""

from __future__ import annotations

import threading
from datetime import date
from importlib import resources
from pathlib import Path

from vn_skt.errors import InvalidValue, RegulationNotFound

from ._loader import load_table
from ._model import Table, Version, check_rows

__all__ = ["Registry", "default_registry"]

_DATA_PACKAGE = "vn_skt.regulations.data"


class Registry:
    """Sổ quy định — where tables are looked up.

    Shipped tables are read lazily from the package's data files on first use. A
    user's (a province's) own versions are kept apart and win on the dates they cover;
    a user's own table with a new name is looked up like a shipped one.

    >>> from datetime import date
    >>> reg = Registry()
    >>> reg.lookup("base_salary", on=date(2025, 1, 1)).row("monthly")["amount"]
    2340000
    >>> reg.register_version(Version("base_salary", date(2025, 1, 1), date(2025, 12, 31),
    ...     "Quyết định số 01/QĐ-UBND (thử)", "U", {"monthly": {"amount": 9}}))
    >>> reg.lookup("base_salary", on=date(2025, 6, 1)).row("monthly")["amount"]
    9
    >>> reg.lookup("base_salary", on=date(2024, 12, 31)).row("monthly")["amount"]
    2340000
    """

    def __init__(self, *, shipped: bool = True) -> None:
        self._shipped_enabled = shipped
        self._shipped: dict[str, Table] = {}
        self._overlays: dict[str, Table] = {}
        self._user_tables: dict[str, Table] = {}
        self._lock = threading.Lock()

    # -- what is known ---------------------------------------------------------------
    def shipped_names(self) -> list[str]:
        """Tên bảng có sẵn — names of the tables that ship with vn-skt."""
        if not self._shipped_enabled:
            return []
        files = resources.files(_DATA_PACKAGE).iterdir()
        return sorted(f.name.removesuffix(".toml") for f in files if f.name.endswith(".toml"))

    def names(self) -> list[str]:
        """Tên bảng — every table that can be looked up."""
        return sorted({*self.shipped_names(), *self._user_tables})

    def table(self, name: str) -> Table:
        """Bảng — the base table (a user's own, else the shipped one), without overlays."""
        if name in self._user_tables:
            return self._user_tables[name]
        return self._shipped_table(name)

    def versions(self, name: str) -> list[Version]:
        """Các phiên bản — every version of ``name``, the user's first where they overlap."""
        overlay = self._overlays.get(name)
        base = list(self.table(name).versions)
        return sorted(
            [*(overlay.versions if overlay else ()), *base],
            key=lambda v: (v.effective_from, v.origin == "vn-skt"),
        )

    # -- lookup ------------------------------------------------------------------------
    def lookup(self, name: str, on: date | None = None) -> Version:
        """Tra cứu — the version of ``name`` in force on ``on`` (``None``: the latest).

        A user's version covering ``on`` wins over the base table. Raises
        RegulationNotFound for an unknown table or a date no version covers.
        """
        base = self.table(name)
        overlay = self._overlays.get(name)
        if on is None:
            if overlay is not None and overlay.latest.effective_from >= base.latest.effective_from:
                return overlay.latest
            return base.latest
        if not isinstance(on, date):
            raise InvalidValue(f"lookup({name!r}, on={on!r}): expected a datetime.date or None")
        if overlay is not None:
            found = overlay.version_on(on)
            if found is not None:
                return found
        found = base.version_on(on)
        if found is None:
            first, last = base.versions[0], base.versions[-1]
            end = last.effective_to.isoformat() if last.effective_to else "open"
            raise RegulationNotFound(
                f"table {name!r} has no version in force on {on.isoformat()}; "
                f"known versions cover {first.effective_from.isoformat()}..{end}"
            )
        return found

    # -- registration -----------------------------------------------------------------
    def register_version(self, version: Version) -> None:
        """Đăng ký phiên bản — add a user's version of an existing table; it takes precedence.

        It must have the table's columns and must not overlap another user version of
        the same table (it may overlap shipped versions: that is the point).
        """
        base = self.table(version.table)
        check_rows(version.table, base.columns, version)
        with self._lock:
            current = self._overlays.get(version.table)
            existing = current.versions if current else ()
            self._overlays[version.table] = Table.build(
                version.table,
                description=base.description,
                columns=base.columns,
                versions=[*existing, version],
                contiguous=False,
            )

    def register_table(self, table: Table) -> None:
        """Đăng ký bảng — add a user's table; with a shipped table's name, its versions
        are registered as overlays on that table (they take precedence where they cover)."""
        if table.name in self.shipped_names() or table.name in self._user_tables:
            base = self.table(table.name)
            if dict(base.columns) != dict(table.columns):
                raise InvalidValue(
                    f"table {table.name!r}: columns {dict(table.columns)} differ from the "
                    f"existing table's {dict(base.columns)}"
                )
            for version in table.versions:
                self.register_version(version)
            return
        with self._lock:
            self._user_tables[table.name] = table

    def register_file(self, path: str | Path) -> Table:
        """Đăng ký từ tệp — load a TOML table file and register it (see register_table)."""
        table = load_table(path, contiguous=False)
        self.register_table(table)
        return table

    def unregister(self, name: str) -> None:
        """Hủy đăng ký — drop a user's versions and table of that name (shipped data stays)."""
        with self._lock:
            self._overlays.pop(name, None)
            self._user_tables.pop(name, None)

    def clear_user(self) -> None:
        """Xóa đăng ký — drop every user version and table."""
        with self._lock:
            self._overlays.clear()
            self._user_tables.clear()

    # -- internals --------------------------------------------------------------------
    def _shipped_table(self, name: str) -> Table:
        table = self._shipped.get(name)
        if table is not None:
            return table
        if not self._shipped_enabled or name not in self.shipped_names():
            known = ", ".join(self.names()) or "none"
            raise RegulationNotFound(f"no regulation table named {name!r}; known tables: {known}")
        resource = resources.files(_DATA_PACKAGE).joinpath(f"{name}.toml")
        with resources.as_file(resource) as path:
            table = load_table(path, origin="vn-skt")
        with self._lock:
            self._shipped[name] = table
        return table


default_registry = Registry()
"""The process-wide registry used by :func:`vn_skt.regulations.lookup` and friends."""
