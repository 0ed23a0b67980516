"""Luật theo khóa — the rules of a whole batch, resolved once per distinct (name, span).

Shared by the bulk kernels (:mod:`._bulk`, :mod:`._bulk_campaign`). A row's answer
depends on its type name and on which *span* its verification date falls in: a span is a
stretch of days over which neither the group-2 list nor the field grouping changes (so
cycle, row status and field are constant in it). Every distinct (name, span) pair of a
batch is resolved through :func:`instrument_type` itself — so bulk and per-object agree
by construction — and the rows find their pair's answer by position in small dense
tables (integer keys, no hashing per row beyond one categorical cast of the names).

A pair that fails keeps the per-object error text as a *template*: the text split where
the row's own date goes (found by resolving two different days of the span and checking
that they differ only there), so a million failing rows cost one string concatenation
each, not a Python call each.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import attrs

from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.l10n import format_date
from vn_skt.regulations import default_registry

from ._fields import FIELDS_TABLE
from ._instrument_types import TABLE, InstrumentType, canonical_name, instrument_type, segments

__all__ = [
    "EPOCH",
    "KeyColumn",
    "Keys",
    "Resolved",
    "Span",
    "date_text",
    "explain",
    "key_column",
    "keys_of",
    "spans",
]

EPOCH = date(1970, 1, 1)
_ONE_DAY = timedelta(days=1)
NO_NAME = "the row has no instrument type name"


@attrs.frozen
class Span:
    """Khoảng — days ``start``..``end`` (None: open) with one list and one grouping."""

    start: date
    end: date | None


def spans() -> tuple[Span, ...]:
    """The spans of the lists and groupings registered now, oldest first."""
    bounds: set[date] = set()
    for table in (TABLE, FIELDS_TABLE):
        for version in default_registry.versions(table):
            bounds.add(version.effective_from)
            if version.effective_to is not None:
                bounds.add(version.effective_to + _ONE_DAY)
    first = segments()[0].start
    last = segments()[-1].end
    ordered = sorted(b for b in bounds if b >= first and (last is None or b <= last))
    out = []
    for i, start in enumerate(ordered):
        end = ordered[i + 1] - _ONE_DAY if i + 1 < len(ordered) else last
        if last is not None and start > last:
            break
        out.append(Span(start, end))
    return tuple(out)


class _Same:
    """A version as a cache key: by identity, and held (so its id is never reused while
    the cache remembers it)."""

    __slots__ = ("version",)

    def __init__(self, version: object) -> None:
        self.version = version

    def __hash__(self) -> int:
        return id(self.version)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.version is self.version


def _state() -> tuple[_Same, ...]:
    """What is registered now (a user's version changes the answers: caches key on it)."""
    versions = (v for table in (TABLE, FIELDS_TABLE) for v in default_registry.versions(table))
    return tuple(_Same(v) for v in versions)


@attrs.frozen
class Resolved:
    """The answer for one (name, span): the type (None with no date), or ``failed`` and
    the error text as a template (its pieces, joined by the row's date as
    ``dd/mm/yyyy``; None when the text must be made per date)."""

    kind: InstrumentType | None
    failed: bool = False
    template: tuple[str, ...] | None = None


def _template(
    make: Callable[[date], str], day: date, others: Sequence[date]
) -> tuple[str, ...] | None:
    """``make``'s text split where its date argument goes, for any day like ``day`` (None
    when two days cannot tell: the caller then explains each date itself)."""
    text = make(day)
    if not others:
        return (text,)
    for other in others:
        written = format_date(other)
        if written in text:
            continue
        pieces = tuple(make(other).split(written))
        return pieces if format_date(day).join(pieces) == text else None
    return None  # pragma: no cover - forty days always hold one not in the text


def _error_text(name: str | None, on: date) -> str:
    if name is None:
        return NO_NAME
    try:
        instrument_type(name, on=on)
    except RegulationNotFound as exc:
        return str(exc)
    raise AssertionError(f"{name!r} resolves on {on}")  # pragma: no cover - callers check


@lru_cache(maxsize=1 << 14)
def _resolve(name: str | None, code: int, state: tuple[_Same, ...]) -> Resolved:
    """(name, span code): 0 no date, 1 before the first list, 2.. a span, last: after a
    closed last list. Cached: every batch of a scan asks the same pairs."""
    table = spans()
    outside = len(table) + 2
    if code == 0:  # no verification date: only the name is checked
        if name is None:
            return Resolved(None, True, (NO_NAME,))
        try:
            canonical_name(name)
        except RegulationNotFound as exc:
            return Resolved(None, True, (str(exc),))
        return Resolved(None)
    if code == 1:  # read going back from the day before the first list
        day = table[0].start - _ONE_DAY
        others = [day - _ONE_DAY * i for i in range(1, 40)]
    elif code == outside:
        end = table[-1].end
        assert end is not None  # an outside span exists only after a closed list
        day = end + _ONE_DAY
        others = [day + _ONE_DAY * i for i in range(1, 40)]
    else:
        span = table[code - 2]
        if name is not None:
            try:
                return Resolved(instrument_type(name, on=span.start))
            except RegulationNotFound:
                pass
        day = span.start
        last = span.end or span.start + _ONE_DAY * 40
        others = [d for i in range(1, 40) if (d := day + _ONE_DAY * i) <= last]
    return Resolved(None, True, _template(lambda d: _error_text(name, d), day, others))


def date_text(days: Any) -> Any:
    """``dd/mm/yyyy`` of a Date expression, as :func:`format_date` writes it."""
    return days.dt.strftime("%d/%m/%Y")


@attrs.frozen
class Keys:
    """Every row's (name, span) key, and the answer of each key present in the batch.

    ``key`` is a UInt32 column (one per row); ``table`` a list indexed by key holding
    the :class:`Resolved` of the keys present (None elsewhere); ``names`` the given name
    of each key (None for a row with no name); ``width`` the number of span codes."""

    key: Any
    table: list[Resolved | None]
    names: list[str | None]
    width: int

    def column(self, plm: Any, values: Sequence[Any], dtype: Any) -> Any:
        """A per-key value as a per-row column expression (a gather in a small table)."""
        return plm.lit(plm.Series(values, dtype=dtype)).gather(plm.col("_key"))


def _name_codes(plm: Any, names: Any, *, what: str) -> Any:
    """Dense-enough UInt32 codes of a name column (null for no name)."""
    dtype = names.dtype
    if dtype == plm.Null:
        return plm.Series(names.name, [None] * names.len(), dtype=plm.UInt32)
    if isinstance(dtype, plm.Enum):
        return names.to_physical().cast(plm.UInt32)
    if dtype == plm.String or isinstance(dtype, plm.Categorical):
        return names.cast(plm.Categorical).to_physical().cast(plm.UInt32)
    raise InvalidValue(
        f"{what}: the type column {names.name!r} is {dtype}; expected instrument type "
        f"names (polars String, Categorical or Enum)"
    )


@attrs.frozen
class KeyColumn:
    """Every row's (name, span) key as a UInt32 column: ``name code × width + span code``
    (the rows with no name share the code ``null_code``)."""

    key: Any
    width: int
    null_code: int
    state: tuple[_Same, ...]

    def resolve(self, key: int, written: str | None) -> tuple[str | None, Resolved]:
        """The name a key stands for (``written`` is a row's own spelling) and its answer."""
        name_code, span_code = divmod(key, self.width)
        name = None if name_code == self.null_code else written
        return name, _resolve(name, span_code, self.state)


def key_column(plm: Any, names: Any, verified: Any, *, what: str) -> KeyColumn:
    """The (name, span) key of every row (one categorical cast of the names, a few
    comparisons of the dates)."""
    table = spans()
    days = verified.cast(plm.Int32)
    outside = len(table) + 2
    width = outside + 1
    chain: Any = plm.when(plm.col("d").is_null()).then(0)
    last_end = table[-1].end
    if last_end is not None:
        chain = chain.when(plm.col("d") > (last_end - EPOCH).days).then(outside)
    for number, span in reversed(list(enumerate(table, start=2))):  # a few spans: no search
        chain = chain.when(plm.col("d") >= (span.start - EPOCH).days).then(number)
    codes = _name_codes(plm, names, what=what)
    top = codes.max()
    top = -1 if top is None else int(top)
    if top >= 1 << 20:  # global categories grew large: make the codes dense
        present = codes.unique().drop_nulls()
        codes = codes.replace_strict(
            present, plm.int_range(present.len(), eager=True), return_dtype=plm.UInt32
        )
        top = present.len() - 1
    null_code = top + 1
    key = (
        plm.DataFrame({"d": days, "c": codes})
        .select(
            _key=plm.col("c").fill_null(null_code).cast(plm.UInt32) * width
            + chain.otherwise(1).cast(plm.UInt32)
        )
        .to_series()
    )
    return KeyColumn(key, width, null_code, _state())


def keys_of(plm: Any, names: Any, verified: Any, *, what: str) -> Keys:
    """The (name, span) key of every row, resolved once per distinct key."""
    column = key_column(plm, names, verified, what=what)
    first = column.key.arg_unique()
    present_keys = column.key.gather(first).to_list()
    given = names.gather(first).cast(plm.String).to_list()
    size = (column.null_code + 1) * column.width
    resolved: list[Resolved | None] = [None] * size
    key_names: list[str | None] = [None] * size
    for k, written in zip(present_keys, given, strict=True):
        key_names[k], resolved[k] = column.resolve(k, written)
    return Keys(column.key, resolved, key_names, column.width)


def explain(plm: Any, frame: Any, keys: Keys, rows: Any) -> Any:
    """The per-object error text of ``rows`` (a UInt32 column of row positions whose key
    failed), as a String Series in that order: template pieces joined by the row's date."""
    sub = frame.select(plm.col("_key"), plm.col("_day")).gather(rows)
    templates = [r.template if r is not None else None for r in keys.table]
    widest = max((len(t) for t in templates if t is not None), default=1)
    pieces = [
        [None if t is None or len(t) <= i else t[i] for t in templates] for i in range(widest)
    ]
    when = date_text(plm.col("_day"))
    parts: list[Any] = [plm.lit(plm.Series(pieces[0], dtype=plm.String)).gather(plm.col("_key"))]
    for i in range(1, widest):
        piece = plm.lit(plm.Series(pieces[i], dtype=plm.String)).gather(plm.col("_key"))
        parts.append(plm.when(piece.is_not_null()).then(when).otherwise(plm.lit("")))
        parts.append(piece.fill_null(""))
    text = sub.select(issue=plm.concat_str(parts)).to_series()
    failing = [
        k for k, r in enumerate(keys.table) if r is not None and r.failed and r.template is None
    ]
    if failing:  # a text the two-day reading could not split: explained per distinct date
        hit = sub.with_row_index("_i").filter(plm.col("_key").is_in(failing))
        pairs = hit.select("_key", "_day").unique().rows()
        fixed = {
            (k, d): _error_text(keys.names[k], d) if d is not None else NO_NAME for k, d in pairs
        }
        own = [fixed[k, d] for k, d in hit.select("_key", "_day").rows()]
        text = text.scatter(hit.get_column("_i"), own)
    return text
