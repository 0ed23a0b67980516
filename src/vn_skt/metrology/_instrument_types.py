"""Danh mục phương tiện đo nhóm 2 — the instrument types of the list in force on a date.

The list is the ``metrology_group2`` regulation table: three versions (from 01/01/2020,
15/10/2024 and 15/04/2026), each row with its own source and status (V, V2, U). A
verification follows the list in force on its date; an instrument that is not on that
list is a RegulationNotFound that says which: removed (and since when), not yet listed
(and from when), or unknown (with the closest names). Names: see
:mod:`vn_skt.metrology._names`.

>>> from datetime import date
>>> truck = instrument_type("Cân ô tô", on=date(2026, 5, 1))
>>> truck.cycle_months, truck.status.value, truck.controls, truck.field
(24, 'U', None, 'khối lượng')
>>> instrument_type("cân ô tô", on=date(2025, 5, 1)).cycle_months
12
>>> instrument_type("Huyết áp kế", on=date(2025, 5, 1)).name
'Huyết áp kế gồm: huyết áp kế thủy ngân; huyết áp kế lò xo; huyết áp kế điện tử'
>>> instrument_type("Công tơ điện xoay chiều 1 pha kiểu cảm ứng", on=date(2025, 5, 1))
Traceback (most recent call last):
...
vn_skt.errors.RegulationNotFound: 'Công tơ điện xoay chiều 1 pha kiểu cảm ứng' is not on the
group-2 list in force on 01/05/2025: removed from 15/10/2024 (it was on the list until
14/10/2024); listed again from 15/04/2026
"""

from __future__ import annotations

import difflib
from datetime import date, timedelta

import attrs

from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.l10n import format_date
from vn_skt.regulations import Status, Version, default_registry, lookup, require_date
from vn_skt.regulations.metrology_list import Control, Group2Row, row_key

from ._fields import field_of
from ._names import ALIASES, Choices, index_of, name_key

__all__ = [
    "TABLE",
    "InstrumentType",
    "Segment",
    "canonical_name",
    "catalogue",
    "governing_type",
    "instrument_type",
    "segment_on",
    "segments",
]

TABLE = "metrology_group2"
_ONE_DAY = timedelta(days=1)


@attrs.frozen
class InstrumentType:
    """Loại phương tiện đo — one row of the group-2 list, as in force on a date.

    ``cycle_months`` is None when only initial verification applies; ``controls`` the
    controls that apply, None when not known for this version; ``range`` the measuring
    range or condition when the list splits the instrument; ``source`` and ``status``
    (V, V2, U) those of the row: an answer resting on a U row is unverified and says so;
    ``field`` the report grouping (our own, U; None if the grouping has no row for the
    item). ``effective_from``..``effective_to`` is the span over which this row is the
    one in force (a verification outside it follows another list).
    """

    name: str
    item: int
    cycle_months: int | None
    controls: tuple[Control, ...] | None
    source: str
    status: Status
    effective_from: date
    effective_to: date | None = None
    range: str | None = None
    field: str | None = None

    @property
    def full_name(self) -> str:
        """Tên đầy đủ — the name, with ``(range)`` when the list splits the instrument."""
        return row_key(self.name, self.range)

    @property
    def initial_only(self) -> bool:
        """Chỉ kiểm định ban đầu — no periodic verification."""
        return self.cycle_months is None

    @property
    def verified(self) -> bool:
        """Đã kiểm chứng — the row is V or V2 (read in the text, or agreeing sources)."""
        return self.status.verified

    @property
    def cycle_text(self) -> str:
        """Chu kỳ — ``"12 tháng"`` or ``"chỉ kiểm định ban đầu"``."""
        if self.cycle_months is None:
            return "chỉ kiểm định ban đầu"
        return f"{self.cycle_months} tháng"

    def covers(self, on: date) -> bool:
        """Áp dụng — whether this row is the one in force on ``on``."""
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    def __str__(self) -> str:
        return self.full_name


@attrs.frozen
class Segment:
    """Khoảng hiệu lực — a span of days over which one (possibly patched) version rules."""

    start: date
    end: date | None
    version: Version[Group2Row]

    def label(self) -> str:
        """Nhãn — ``"từ 15/04/2026"`` or ``"01/01/2020–14/10/2024"``."""
        if self.end is None:
            return f"từ {format_date(self.start)}"
        return f"{format_date(self.start)}–{format_date(self.end)}"


def _bounds() -> list[date]:
    versions = default_registry.versions(TABLE)
    starts = {v.effective_from for v in versions}
    ends = {v.effective_to + _ONE_DAY for v in versions if v.effective_to is not None}
    return sorted(starts | ends)


def _earliest_error(on: date) -> RegulationNotFound:
    versions = default_registry.versions(TABLE)
    first, last = versions[0], versions[-1]
    if on >= first.effective_from and last.effective_to is not None:  # after a closed last list
        return RegulationNotFound(
            f"no group-2 list known for {format_date(on)}: the lists vn-skt has are in force "
            f"from {format_date(first.effective_from)} to {format_date(last.effective_to)}; "
            f"register a {TABLE!r} version to add a later one"
        )
    return RegulationNotFound(
        f"no group-2 list known for {format_date(on)}: the earliest vn-skt ships is in force "
        f"from {format_date(first.effective_from)} ({first.source}); earlier lists are not "
        f"shipped (register a {TABLE!r} version to add one)"
    )


def segment_on(on: date) -> Segment:
    """Khoảng hiệu lực ngày — the segment (version and its span) in force on ``on``."""
    try:
        version = lookup(TABLE, on=on)
    except RegulationNotFound:
        raise _earliest_error(on) from None
    bounds = _bounds()
    start = max(b for b in bounds if b <= on)
    after = [b for b in bounds if b > on]
    return Segment(start, after[0] - _ONE_DAY if after else None, version)


def segments() -> list[Segment]:
    """Các khoảng hiệu lực — every span with one list in force, oldest first (a user's
    versions and patches included)."""
    out: list[Segment] = []
    bounds = _bounds()
    for i, start in enumerate(bounds):
        end = bounds[i + 1] - _ONE_DAY if i + 1 < len(bounds) else None
        try:
            version = lookup(TABLE, on=start)
        except RegulationNotFound:
            continue
        if out and out[-1].version is version and out[-1].end == start - _ONE_DAY:
            out[-1] = Segment(out[-1].start, end, version)
        else:
            out.append(Segment(start, end, version))
    return out


def _type(row: Group2Row, segment: Segment, on: date) -> InstrumentType:
    try:
        field = field_of(row.item, on=on)
    except RegulationNotFound:
        field = None
    return InstrumentType(
        name=row.name,
        item=row.item,
        cycle_months=row.cycle_months,
        controls=row.controls,
        source=row.source or segment.version.source,
        status=row.status or segment.version.status,
        effective_from=segment.start,
        effective_to=segment.end,
        range=row.range,
        field=field,
    )


def _checked_name(name: object, range: str | None, what: str) -> None:
    if not isinstance(name, str):
        msg = f"{what}: name {name!r} ({type(name).__name__}); expected an instrument name (str)"
        raise InvalidValue(msg)
    if range is not None and not isinstance(range, str):
        raise InvalidValue(f"{what}: range {range!r}; expected a str (the range or condition)")


def instrument_type(name: str, *, on: date, range: str | None = None) -> InstrumentType:
    """Tra loại phương tiện đo — the type ``name`` in the group-2 list in force on ``on``.

    ``on`` is required (a verification's date). ``range`` picks one row where the list
    splits an instrument by range or condition (or a label of a common name it splits);
    the full form ``"name (range)"`` works too. Raises RegulationNotFound: for a date
    before the earliest list; for a name not on the list that day, saying whether it was
    removed or is not yet listed; for a name that needs a range, listing the choices;
    for an unknown name, with the closest names.
    """
    on = require_date(on, what="instrument_type(..., on=...)")
    _checked_name(name, range, "instrument_type")
    segment = segment_on(on)
    found = index_of(segment.version).find(name, range)
    if isinstance(found, Group2Row):
        return _type(found, segment, on)
    raise _not_found(name, range, on, segment, found)


def governing_type(kind: InstrumentType | str, on: date) -> InstrumentType:
    """Loại áp dụng — ``kind`` as the list in force on ``on`` has it: ``kind`` itself when
    its row is the one in force that day, else the same name looked up on ``on``."""
    if isinstance(kind, InstrumentType):
        if kind.covers(on):
            return kind
        return instrument_type(kind.name, on=on, range=kind.range)
    return instrument_type(kind, on=on)


def catalogue(*, on: date) -> list[InstrumentType]:
    """Danh mục — every instrument type of the list in force on ``on``, in list order."""
    on = require_date(on, what="catalogue(on=...)")
    segment = segment_on(on)
    return [_type(row, segment, on) for row in index_of(segment.version).rows]


def canonical_name(name: str, *, listed_on: date | None = None) -> str:
    """Tên chuẩn — the full name a record stores for ``name``.

    The row the name stands for in the list in force on ``listed_on`` (a verification's
    date) when given and the name is on it; else the newest list that has it under its
    own spelling; else the first name of its alias group that a list has. Raises
    RegulationNotFound for a name no list knows, or that needs a range.
    """
    _checked_name(name, None, "instrument name")
    if listed_on is not None:
        try:
            return instrument_type(name, on=listed_on).full_name
        except RegulationNotFound:
            pass
    newest_first = segments()[::-1]
    for candidate in (name, *ALIASES.group(name)):  # its own spelling, then its group's
        for segment in newest_first:
            found = index_of(segment.version).direct(candidate)
            if isinstance(found, Group2Row):
                return found.key
    for segment in newest_first:
        found = index_of(segment.version).find(name)
        if isinstance(found, Group2Row):  # pragma: no cover - found above
            return found.key
        if found is not None:
            raise _choose(name, None, segment.start, segment, found)
    raise _unknown(name, newest_first[0], None)


# -- why a name is not found ---------------------------------------------------------------


def _not_found(
    name: str, range: str | None, on: date, segment: Segment, found: Choices | None
) -> RegulationNotFound:
    if found is not None:
        return _choose(name, range, on, segment, found)
    present = [s for s in segments() if index_of(s.version).find(name, range) is not None]
    earlier = [s for s in present if s.start < segment.start]
    later = [s for s in present if s.start > segment.start]
    shown = name if range is None else f"{name} ({range})"
    where = f"{shown!r} is not on the group-2 list in force on {format_date(on)}"
    if earlier:
        last = earlier[-1]
        assert last.end is not None  # an earlier segment is closed
        text = (
            f"{where}: removed from {format_date(last.end + _ONE_DAY)} "
            f"(it was on the list until {format_date(last.end)})"
        )
        if later:
            text += f"; listed again from {format_date(later[0].start)}"
        return RegulationNotFound(text)
    if later:
        return RegulationNotFound(
            f"{where}: not yet listed (it is on the list from {format_date(later[0].start)}, "
            f"{later[0].version.source})"
        )
    return _unknown(name, segment, range)


def _choose(
    name: str, range: str | None, on: date, segment: Segment, found: Choices
) -> RegulationNotFound:
    options = "; ".join(
        f"{label!r} ({row.key}: {_cycle(row)})" for label, row in found.options if label
    )
    when = f"in the group-2 list in force on {format_date(on)}"
    if found.given is not None and len(found.options) == 1 and not found.options[0][1].range:
        row = found.options[0][1]
        return RegulationNotFound(
            f"{row.key!r} is not split by range or condition {when}; range={range!r} does "
            f"not apply (leave it out)"
        )
    if found.given is not None:
        return RegulationNotFound(
            f"range {found.given!r} of {name!r} is not one of the choices {when}: {options}"
        )
    return RegulationNotFound(
        f"{name!r} stands for several rows {when}: choose one with range=…: {options}; "
        f"or pass a full name such as {found.options[0][1].key!r}"
    )


def _cycle(row: Group2Row) -> str:
    return "initial verification only" if row.cycle_months is None else f"{row.cycle_months} months"


def _unknown(name: str, segment: Segment, range: str | None) -> RegulationNotFound:
    index = index_of(segment.version)
    candidates = [row.key for row in index.rows] + ALIASES.names()
    keys = {name_key(c): c for c in reversed(candidates)}
    close = difflib.get_close_matches(name_key(name), list(keys), n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(repr(keys[c]) for c in close)}?" if close else ""
    shown = name if range is None else f"{name} ({range})"
    return RegulationNotFound(
        f"no instrument named {shown!r} in the group-2 list "
        f"({segment.label()}: {segment.version.source}){hint}"
    )
