"""Sổ quy định — the registry: shipped tables, and a user's versions that take precedence."""

from __future__ import annotations

import threading
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from vn_skt.errors import InvalidValue, RegulationNotFound

from ._dates import require_date
from ._loader import load_table
from ._model import Status, Table, Version

__all__ = ["Registry", "default_registry"]

_DATA_PACKAGE = "vn_skt.regulations.data"


class Registry:
    """Sổ quy định — where tables are looked up.

    Shipped tables are read lazily from the package's data files on first use. A
    user's (a province's) own versions are kept apart and win on the dates they cover;
    a user's own table with a new name is looked up like a shipped one.

    >>> from datetime import date
    >>> reg = Registry()
    >>> reg.lookup("base_salary", on=date(2025, 1, 1)).row("monthly").amount
    2340000
    >>> reg.register_version(Version("base_salary", date(2025, 1, 1), date(2025, 12, 31),
    ...     "Quyết định số 01/QĐ-UBND (thử)", "U", {"monthly": {"amount": 9}}))
    >>> reg.lookup("base_salary", on=date(2025, 6, 1)).row("monthly").amount
    9
    >>> reg.lookup("base_salary", on=date(2024, 12, 31)).row("monthly").amount
    2340000
    """

    def __init__(self, *, shipped: bool = True) -> None:
        self._shipped_enabled = shipped
        self._shipped: dict[str, Table[Any]] = {}
        self._overlays: dict[str, Table[Any]] = {}
        self._user_tables: dict[str, Table[Any]] = {}
        self._patched: dict[tuple[int, int], Version[Any]] = {}
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

    def table(self, name: str) -> Table[Any]:
        """Bảng — the base table (a user's own, else the shipped one), without overlays."""
        if name in self._user_tables:
            return self._user_tables[name]
        return self._shipped_table(name)

    def versions(self, name: str) -> list[Version[Any]]:
        """Các phiên bản — every version of ``name``, the user's first where they overlap."""
        overlay = self._overlays.get(name)
        base = list(self.table(name).versions)
        return sorted(
            [*(overlay.versions if overlay else ()), *base],
            key=lambda v: (v.effective_from, v.origin == "vn-skt"),
        )

    # -- lookup ------------------------------------------------------------------------
    def lookup(self, name: str, *, on: date) -> Version[Any]:
        """Tra cứu — the version of ``name`` in force on ``on`` (required: a rule is never
        applied "as of the latest" by default; see :meth:`latest` for tooling).

        A user's version covering ``on`` wins over the base table; a user's *patch*
        version replaces only its rows in the version beneath it. Raises InvalidValue for
        a ``datetime`` or a missing date, RegulationNotFound for an unknown table or a date
        no version covers.
        """
        on = require_date(on, what=f"lookup({name!r}, on=...)")
        base = self.table(name)
        found = base.version_on(on)
        overlay = self._overlays.get(name)
        mine = overlay.version_on(on) if overlay is not None else None
        if mine is not None and not mine.patch:
            return mine
        if found is None:
            first, last = base.versions[0], base.versions[-1]
            end = last.effective_to.isoformat() if last.effective_to else "open"
            raise RegulationNotFound(
                f"table {name!r} has no version in force on {on.isoformat()}; "
                f"known versions cover {first.effective_from.isoformat()}..{end}"
            )
        if mine is not None:
            return self._patch(found, mine)
        return found

    def latest(self, name: str) -> Version[Any]:
        """Mới nhất — the version of ``name`` with the latest start, a user's included.

        For tooling (listing, documentation); a calculation asks :meth:`lookup` its own
        date. A patch is shown applied to the version it patches.
        """
        versions = self.versions(name)
        last = versions[-1]
        if last.patch:
            beneath = self.table(name).version_on(last.effective_from)
            if beneath is not None:
                return self._patch(beneath, last)
        return last

    def _patch(self, base: Version[Any], patch: Version[Any]) -> Version[Any]:
        key = (id(base), id(patch))
        cached = self._patched.get(key)
        if cached is not None:
            return cached
        merged = attrs.evolve(
            base,
            rows={**base.rows, **patch.rows},
            source=f"{base.source}; rows {', '.join(patch.rows)}: {patch.source}",
            status=Status.weakest([base.status, patch.status]),
            origin=patch.origin,
            note="; ".join(n for n in (base.note, patch.note) if n),
        )
        with self._lock:
            self._patched[key] = merged
        return merged

    # -- registration -----------------------------------------------------------------
    def register_version(self, version: Version[Any]) -> None:
        """Đăng ký phiên bản — add a user's version of an existing table; it takes precedence.

        It must have the table's columns and must not overlap another user version of
        the same table (it may overlap shipped versions: that is the point).
        """
        base = self.table(version.table)
        with self._lock:
            current = self._overlays.get(version.table)
            existing = current.versions if current else ()
            self._overlays[version.table] = Table.build(
                version.table,
                description=base.description,
                row_type=base.row_type,
                versions=[*existing, version],
                contiguous=False,
            )
            self._patched.clear()

    def register_table(self, table: Table[Any]) -> None:
        """Đăng ký bảng — add a user's table; with a shipped table's name, its versions
        are registered as overlays on that table (they take precedence where they cover)."""
        if table.name in self.shipped_names() or table.name in self._user_tables:
            base = self.table(table.name)
            if base.row_type is not table.row_type:
                raise InvalidValue(
                    f"table {table.name!r}: rows of type {table.row_type.__qualname__} "
                    f"differ from the existing table's {base.row_type.__qualname__}"
                )
            for version in table.versions:
                self.register_version(version)
            return
        with self._lock:
            self._user_tables[table.name] = table

    def register_file(self, path: str | Path) -> Table[Any]:
        """Đăng ký từ tệp — load a TOML table file and register it (see register_table).

        A file for a shipped table may leave ``row_type`` out: the shipped one is used.
        """
        row_type = None
        try:
            import tomllib

            with Path(path).open("rb") as handle:
                name = tomllib.load(handle).get("name")
            if isinstance(name, str) and name in self.names():
                row_type = self.table(name).row_type
        except (OSError, ValueError):
            pass  # load_table below reports the problem with the file's name
        table = load_table(path, contiguous=False, row_type=row_type)
        self.register_table(table)
        return table

    def unregister(self, name: str) -> None:
        """Hủy đăng ký — drop a user's versions and table of that name (shipped data stays)."""
        with self._lock:
            self._overlays.pop(name, None)
            self._user_tables.pop(name, None)
            self._patched.clear()

    def clear_user(self) -> None:
        """Xóa đăng ký — drop every user version and table."""
        with self._lock:
            self._overlays.clear()
            self._user_tables.clear()
            self._patched.clear()

    # -- internals --------------------------------------------------------------------
    def _shipped_table(self, name: str) -> Table[Any]:
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
