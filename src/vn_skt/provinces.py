"""Tỉnh, thành phố — the 63 provinces before and the 34 after the 2025 merger.

Resolution 202/2025/QH15 (12/06/2025) merged 63 provinces into 34 (28 provinces, 6
cities) with new governments from 01/07/2025; a merged province takes the code of the
province hosting its new seat (Decision 19/2025/QĐ-TTg). The lists, codes and the
old → new mapping come from the maintained ``vietnamadminunits`` package (pinned 1.0.4,
the ``provinces`` extra), read from its data files without importing its geocoding
stack. Figures from before and after the merger can be combined through
:func:`successor`.

Every lookup takes the governing date ``on`` (keyword-only, required): the units, and
what a code means, depend on it — code 24 is Bắc Giang up to 30/06/2025 and Bắc Ninh
from 01/07/2025. There is no "today" default (only the CLI reads the clock).

>>> from datetime import date
>>> province("bắc kạn", on=date(2025, 6, 30)).name
'Tỉnh Bắc Kạn'
>>> successor("Tỉnh Bắc Kạn", on=date(2025, 7, 1)).name
'Tỉnh Thái Nguyên'
>>> province("24", on=date(2025, 6, 30)).short_name, province("24", on=date(2025, 7, 1)).short_name
('Bắc Giang', 'Bắc Ninh')
>>> len(provinces(on=date(2025, 6, 30))), len(provinces(on=date(2025, 7, 1)))
(63, 34)
"""

from __future__ import annotations

import importlib.util
import json
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import attrs

from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.l10n import fold_text
from vn_skt.regulations import require_date

__all__ = ["MERGER_DATE", "Province", "province", "provinces", "successor"]

MERGER_DATE = date(2025, 7, 1)
"""Ngày các tỉnh mới hoạt động — Resolution 202/2025/QH15."""
SOURCE = "Nghị quyết 202/2025/QH15; Quyết định 19/2025/QĐ-TTg (data: vietnamadminunits 1.0.4)"
_PACKAGE = "vietnamadminunits"


@attrs.frozen
class Province:
    """Tỉnh, thành phố — one province-level unit, with the dates it existed."""

    code: str
    name: str
    short_name: str
    valid_from: date | None
    valid_to: date | None
    source: str = SOURCE

    @property
    def is_city(self) -> bool:
        """Thành phố trực thuộc trung ương."""
        return self.name.startswith("Thành phố")

    def exists_on(self, on: date) -> bool:
        """Tồn tại vào ngày — whether the unit existed on ``on``."""
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )

    def __str__(self) -> str:
        return self.name


def _data_dir() -> Path:
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise InvalidValue(
            "the province lookup needs the 'vietnamadminunits' data package: "
            "pip install 'vn-skt[provinces]'"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@lru_cache(maxsize=1)
def _load() -> tuple[tuple[Province, ...], tuple[Province, ...], dict[str, str]]:
    data = _data_dir()

    def read(name: str) -> Any:
        with (data / name).open(encoding="utf-8") as handle:
            return json.load(handle)

    before = MERGER_DATE - timedelta(days=1)
    legacy_raw = read("parser_legacy.json")["DICT_PROVINCE"]
    new_raw = read("parser_from_2025.json")["DICT_PROVINCE"]
    mapping_raw = read("converter_2025.json")["DICT_PROVINCE"]
    legacy = {
        k: Province(v["provinceCode"], v["province"], v["provinceShort"], None, before)
        for k, v in legacy_raw.items()
    }
    new = {
        k: Province(v["provinceCode"], v["province"], v["provinceShort"], MERGER_DATE, None)
        for k, v in new_raw.items()
    }
    successors = {
        legacy[old].code: new[key].code for key, olds in mapping_raw.items() for old in olds
    }
    if len(legacy) != 63 or len(new) != 34 or len(successors) != 63:
        raise InvalidValue(
            f"{_PACKAGE}: expected 63 old and 34 new provinces, found "
            f"{len(legacy)} and {len(new)} ({len(successors)} mapped)"
        )
    order = lambda p: p.code  # noqa: E731
    return (
        tuple(sorted(legacy.values(), key=order)),
        tuple(sorted(new.values(), key=order)),
        successors,
    )


def provinces(*, on: date) -> list[Province]:
    """Danh sách tỉnh — the units in force on ``on`` (required): the 63 provinces up to
    30/06/2025, the 34 from 01/07/2025."""
    on = require_date(on, what="provinces(on=...)")
    legacy, new, _ = _load()
    return list(legacy if on < MERGER_DATE else new)


def _key(text: str) -> str:
    folded = fold_text(text)
    for prefix in ("thành phố ", "tp. ", "tp ", "tỉnh "):
        folded = folded.removeprefix(fold_text(prefix))
    return folded.strip()


def _find(query: str, units: tuple[Province, ...]) -> Province | None:
    text = str(query).strip()
    if text.isdigit():
        code = text.zfill(2)
        return next((p for p in units if p.code == code), None)
    key = _key(text)
    return next((p for p in units if _key(p.short_name) == key or _key(p.name) == key), None)


def _query(query: object, where: str) -> str:
    if isinstance(query, bool) or not isinstance(query, str | int):
        msg = f"{where}: query {query!r} ({type(query).__name__}); expected a name or a code"
        raise InvalidValue(msg)
    return str(query)


def province(query: str | int, *, on: date) -> Province:
    """Tra cứu tỉnh — by code ("19", 19) or name (any case, with or without "tỉnh" /
    "thành phố"), among the units in force on ``on`` (required). An old province's
    name after the merger is not found here: use :func:`successor`."""
    on = require_date(on, what="province(on=...)")
    text = _query(query, "province")
    legacy, new, _ = _load()
    units = legacy if on < MERGER_DATE else new
    found = _find(text, units)
    if found is None:
        other = _find(text, new if units is legacy else legacy)
        hint = ""
        if other is not None:
            hint = (
                f"; {other.name} existed {'before' if units is new else 'from'} "
                f"{MERGER_DATE.isoformat()} (use successor() to map it)"
            )
        count = "63 units before" if units is legacy else "34 units since"
        raise RegulationNotFound(
            f"no province {query!r} on {on.isoformat()} (among the {count} "
            f"{MERGER_DATE.isoformat()}){hint}"
        )
    return found


def successor(query: str | int, *, on: date) -> Province:
    """Tỉnh kế thừa — the unit in force on ``on`` (required) that covers province
    ``query`` (old or new): itself before the merger, the merged province from
    01/07/2025."""
    on = require_date(on, what="successor(on=...)")
    text = _query(query, "successor")
    legacy, new, successors = _load()
    old = _find(text, legacy)
    if on < MERGER_DATE:
        if old is None:
            raise RegulationNotFound(
                f"no province {query!r} on {on.isoformat()} (before {MERGER_DATE.isoformat()})"
            )
        return old
    if old is not None:
        return next(p for p in new if p.code == successors[old.code])
    found = _find(text, new)
    if found is None:
        raise RegulationNotFound(f"no province {query!r}, old or new")
    return found
