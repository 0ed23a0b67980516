"""Tên phương tiện đo — how a name as users type it finds its row in one version of the
group-2 list.

A name matches in the official form or the common abbreviation ("Phương tiện đo độ ồn"
⇔ "PTĐ độ ồn", "Phương tiện …" ⇔ "PT …"), in any case, NFC or NFD, old or new tone
placement, with any spacing around dashes and punctuation (``thủy tinh- thủy ngân`` ⇔
``thủy tinh - thủy ngân``), ``m³`` as ``m3``; a row's name without its trailing
parenthesised qualifier matches when only one row has it. The rest is data, in
``aliases.toml`` next to this module:

- ``[abbreviations]``: ``"PTĐ" = "Phương tiện đo"``, …;
- ``[[alias]] names = [...]``: names of one instrument — the official ones first, then
  names the library accepted before and names a later list changed. A name that matches
  no row of a version directly stands for the first name of its group that does;
- ``[[split]]``: a common name the list splits into several rows (EV-charging meters,
  water meters, …), with a short label per choice: it needs ``range=`` (the label), and
  without it the error lists the choices.

>>> name_key("PTĐ  độ ồn") == name_key("phương tiện đo độ ồn")
True
>>> name_key("thủy tinh- thủy ngân") == name_key("THUỶ TINH - THUỶ NGÂN")
True
>>> ALIASES.group("Huyết áp kế")[0]
'Huyết áp kế gồm: huyết áp kế thủy ngân; huyết áp kế lò xo; huyết áp kế điện tử'
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeGuard

import attrs

from vn_skt.errors import InvalidValue
from vn_skt.l10n import fold_text
from vn_skt.regulations import Version
from vn_skt.regulations.metrology_list import Group2Row

__all__ = [
    "ALIASES",
    "Aliases",
    "Choices",
    "ListIndex",
    "Split",
    "index_of",
    "load_aliases",
    "name_key",
    "without_qualifier",
]

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_AROUND_PUNCTUATION = re.compile(r"\s*([-:;,./()<>=≤≥+])\s*")
_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")


def without_qualifier(name: str) -> str:
    """Bỏ phần trong ngoặc — the name without its trailing parenthesised qualifier."""
    return _QUALIFIER.sub("", name)


@lru_cache(maxsize=8192)
def _folded(text: str) -> str:
    text = fold_text(unicodedata.normalize("NFKC", text))
    return _AROUND_PUNCTUATION.sub(r"\1", _DASHES.sub("-", text))


def _expand(key: str, abbreviations: tuple[tuple[str, str], ...]) -> str:
    for short, full in abbreviations:
        if key.startswith(short):
            return full + key[len(short) :]
    return key


def name_key(text: str) -> str:
    """Khóa tên — the comparison key of an instrument name (abbreviation expanded)."""
    return _expand(_folded(text), ALIASES.abbreviations)


# -- the aliases file --------------------------------------------------------------------


@attrs.frozen
class Split:
    """Tên chung được tách — a common name the list splits: ``choices`` maps a short label
    (what ``range=`` takes) to the name of one row."""

    name: str
    choices: tuple[tuple[str, str], ...]


@attrs.frozen
class Aliases:
    """Tên gọi khác — alias groups, splits and abbreviations (see the module docstring).

    ``abbreviations`` are (folded short form + space, folded full form + space), longest
    first.
    """

    groups: tuple[tuple[str, ...], ...]
    splits: tuple[Split, ...]
    abbreviations: tuple[tuple[str, str], ...]
    _groups_by_key: Mapping[str, tuple[str, ...]] = attrs.field(repr=False, factory=dict)
    _splits_by_key: Mapping[str, Split] = attrs.field(repr=False, factory=dict)

    def group(self, name: str) -> tuple[str, ...]:
        """Nhóm — the names that denote the same instrument as ``name`` (empty if none)."""
        return self._groups_by_key.get(_expand(_folded(name), self.abbreviations), ())

    def split(self, name: str) -> Split | None:
        """Tách — the split ``name`` is the common name of, if any."""
        return self._splits_by_key.get(_expand(_folded(name), self.abbreviations))

    def names(self) -> list[str]:
        """Mọi tên — every name the file mentions (for suggestions)."""
        return [n for g in self.groups for n in g] + [s.name for s in self.splits]


def load_aliases(path: str | Path | None = None) -> Aliases:
    """Đọc tên gọi khác — read and check an aliases file (default: the shipped one).

    Raises InvalidValue naming the file and the entry: not TOML, an unknown section or
    field, a group of fewer than two names, a name in two groups or splits.
    """
    if path is None:
        resource = resources.files(__package__).joinpath("aliases.toml")
        text, where = resource.read_text(encoding="utf-8"), "vn_skt/metrology/aliases.toml"
    else:
        where = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidValue(f"{where}: cannot read the file: {exc}") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidValue(f"{where}: not valid TOML: {exc}") from exc
    unknown = set(data) - {"abbreviations", "alias", "split"}
    if unknown:
        raise InvalidValue(f"{where}: unknown section(s) {sorted(unknown)}")
    abbreviations = _abbreviations(data.get("abbreviations", {}), where)

    def key(name: str) -> str:
        return _expand(_folded(name), abbreviations)

    seen: dict[str, str] = {}

    def claim(name: str, entry: str) -> str:
        k = key(name)
        if k in seen and seen[k] != entry:
            raise InvalidValue(f"{where}, {entry}: {name!r} is already in {seen[k]}")
        seen[k] = entry
        return k

    groups: list[tuple[str, ...]] = []
    groups_by_key: dict[str, tuple[str, ...]] = {}
    for number, entry in enumerate(_entries(data, "alias", where), start=1):
        names = entry.get("names")
        if set(entry) - {"names", "note"} or not _names(names) or len(names) < 2:
            msg = f"{where}, alias #{number}: expected names = [two or more names], note = '…'"
            raise InvalidValue(msg)
        group = tuple(_nfc(n) for n in names)
        groups.append(group)
        for name in group:
            groups_by_key[claim(name, f"alias #{number}")] = group
    splits: list[Split] = []
    splits_by_key: dict[str, Split] = {}
    for number, entry in enumerate(_entries(data, "split", where), start=1):
        common, choices = entry.get("name"), entry.get("choices")
        if (
            set(entry) - {"name", "choices", "note"}
            or not isinstance(common, str)
            or not common.strip()
            or not isinstance(choices, Mapping)
            or len(choices) < 2
            or not (_names(list(choices)) and _names(list(choices.values())))
        ):
            msg = (
                f"{where}, split #{number}: expected name = '…', choices = "
                f"{{label = 'name of one row', …}} (two or more), note = '…'"
            )
            raise InvalidValue(msg)
        split = Split(_nfc(common), tuple((_nfc(k), _nfc(v)) for k, v in choices.items()))
        splits.append(split)
        splits_by_key[claim(common, f"split #{number}")] = split
    return Aliases(tuple(groups), tuple(splits), abbreviations, groups_by_key, splits_by_key)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


def _names(values: Any) -> TypeGuard[list[str]]:
    return isinstance(values, list) and all(isinstance(n, str) and n.strip() for n in values)


def _entries(data: Mapping[str, Any], section: str, where: str) -> list[Mapping[str, Any]]:
    entries = data.get(section, [])
    if not isinstance(entries, list) or not all(isinstance(e, Mapping) for e in entries):
        raise InvalidValue(f"{where}: [[{section}]] must be a list of tables")
    return entries


def _abbreviations(raw: Any, where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(raw, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip()
        for k, v in raw.items()
    ):
        raise InvalidValue(f"{where}, [abbreviations]: expected short = 'full form' pairs")
    pairs = [(_folded(k) + " ", _folded(v) + " ") for k, v in raw.items()]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))  # "ptđ " before "pt "


ALIASES = load_aliases()
"""The shipped aliases (``aliases.toml``)."""


# -- one version's index ---------------------------------------------------------------


@attrs.frozen
class Choices:
    """Cần chọn — a name that stands for several rows: (label, row) per choice; ``given``
    is the range the caller passed, when it matched none of them."""

    name: str
    options: tuple[tuple[str, Group2Row], ...]
    given: str | None = None


@attrs.frozen
class ListIndex:
    """Chỉ mục một phiên bản — one version's rows by folded key, name and short name."""

    rows: tuple[Group2Row, ...]
    by_key: Mapping[str, Group2Row]
    by_name: Mapping[str, tuple[Group2Row, ...]]
    by_short: Mapping[str, tuple[Group2Row, ...]]

    @classmethod
    def build(cls, version: Version[Group2Row]) -> ListIndex:
        """Lập chỉ mục — index a version; two rows with the same key are an InvalidValue
        (a patch row must use the key of the row it replaces)."""
        by_key: dict[str, Group2Row] = {}
        by_name: dict[str, list[Group2Row]] = {}
        by_short: dict[str, list[Group2Row]] = {}
        for key, row in version.rows.items():
            folded = name_key(row.key)
            if folded in by_key:
                msg = (
                    f"{version!r}: two rows for {row.key!r} (keys {by_key[folded].key!r} and "
                    f"{key!r}); a patch row must use the key of the row it replaces"
                )
                raise InvalidValue(msg)
            by_key[folded] = row
            by_name.setdefault(name_key(row.name), []).append(row)
            short = without_qualifier(row.name)
            if short != row.name:
                by_short.setdefault(name_key(short), []).append(row)
        return cls(
            tuple(version.rows.values()),
            by_key,
            {k: tuple(v) for k, v in by_name.items()},
            {k: tuple(v) for k, v in by_short.items() if k not in by_name},
        )

    def direct(self, name: str) -> Group2Row | Choices | None:
        """Khớp trực tiếp — a row by its key, its name or its short name (no aliases)."""
        key = name_key(name)
        if key in self.by_key:
            return self.by_key[key]
        for table in (self.by_name, self.by_short):
            rows = table.get(key, ())
            if len(rows) == 1:
                return rows[0]
            if rows:
                return Choices(name, tuple((r.range or r.key, r) for r in rows))
        return None

    def find(self, name: str, range: str | None = None) -> Group2Row | Choices | None:
        """Tìm — the row ``name`` (and ``range``) stands for in this version: a row, the
        choices when it needs a range, or None when it is not in this version."""
        if range is None:
            return self._find(name)
        found = self._find(f"{name} ({range})")
        if isinstance(found, Group2Row):
            return found
        broad = self._find(name)
        wanted = name_key(range)
        if isinstance(broad, Choices):
            for label, row in broad.options:
                if name_key(label) == wanted or (row.range and name_key(row.range) == wanted):
                    return row
            return attrs.evolve(broad, given=range)
        if isinstance(broad, Group2Row):
            if broad.range is not None and name_key(broad.range) == wanted:
                return broad
            return Choices(name, ((broad.range or "", broad),), given=range)
        return None

    def _find(self, name: str) -> Group2Row | Choices | None:
        found = self.direct(name)
        if found is not None:
            return found
        for other in ALIASES.group(name):
            found = self.direct(other)
            if found is not None:
                return found
        split = ALIASES.split(name)
        if split is not None:
            options = []
            for label, target in split.choices:
                row = self.direct(target) or next(
                    (r for o in ALIASES.group(target) if (r := self.direct(o)) is not None), None
                )
                if isinstance(row, Group2Row):
                    options.append((label, row))
            if options:
                return Choices(split.name, tuple(options))
        return None


_INDEXES: dict[int, tuple[Version[Any], ListIndex]] = {}


def index_of(version: Version[Group2Row]) -> ListIndex:
    """Chỉ mục — the index of ``version`` (built once per version object)."""
    cached = _INDEXES.get(id(version))
    if cached is not None and cached[0] is version:
        return cached[1]
    if len(_INDEXES) > 64:
        _INDEXES.clear()
    index = ListIndex.build(version)
    _INDEXES[id(version)] = (version, index)
    return index
