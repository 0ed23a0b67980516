"""Sổ đăng ký giả lập — synthetic registries of measuring instruments, for trying the
bulk kernels at national scale (tens of millions of electricity and water meters).

The figures are made up and the shares are fixed (below); each row's type is drawn
from the group-2 list in force on its verification date (the latest list for a row
never verified), so every version of the list is exercised, and a small share of rows
is deliberately bad (an unknown name, a missing result, a date before the first list)
so the issues path runs too. Rows are a pure function of
``seed`` and their position (polars' hash of the row number), so a part of a registry
can be made on its own: reproducible for a given polars version.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from vn_skt._columns import polars
from vn_skt.errors import InvalidValue

__all__ = ["UNKNOWN_TYPE", "synthetic_instruments", "write_synthetic_instruments"]

FIRST_DAY = date(2019, 12, 1)
"""Earliest verification date made (one month before the first list: those rows are bad)."""
LAST_DAY = date(2026, 11, 28)
"""Latest verification date made."""
UNKNOWN_TYPE = "Phương tiện đo không có trong danh mục"
"""The name given to the rows with an unknown type."""
METER_WEIGHT = 40
"""How many times more often an electricity or water meter appears than another type."""
_RECENT = 85
"""Per 100 rows: a latest verification within the two years before LAST_DAY (the rest
are spread evenly from FIRST_DAY), as in a registry that keeps its instruments verified."""
# per 10.000 rows
_NEVER_VERIFIED = 200
_REJECTED = 150
_NO_RESULT = 20
_UNKNOWN = 20


@cache
def _types() -> tuple[tuple[date, tuple[str, ...]], ...]:
    """(first day, names) of each shipped group-2 list: the names that need no range,
    meters weighted."""
    from vn_skt.metrology import catalogue, segments

    pools = []
    for span in segments():
        names = sorted({t.name for t in catalogue(on=span.start) if t.range is None})
        meters = [n for n in names if n.startswith(("Công tơ điện", "Đồng hồ đo nước"))]
        pools.append((span.start, (*names, *meters * (METER_WEIGHT - 1))))
    return tuple(pools)


@cache
def _provinces() -> tuple[str, ...]:
    from vn_skt.provinces import MERGER_DATE, provinces

    return tuple(p.short_name for p in provinces(on=MERGER_DATE))


def synthetic_instruments(
    rows: int,
    *,
    seed: int = 0,
    start: int = 0,
    provinces: Sequence[str] | None = None,
) -> Any:
    """Sổ đăng ký giả lập — ``rows`` synthetic instruments (rows ``start`` … ``start +
    rows − 1`` of the registry ``seed``) as a polars DataFrame: ``instrument_id``
    (Int64), ``province`` (Categorical: the 34 provinces' short names unless
    ``provinces`` is given; needs the ``provinces`` extra), ``type`` (Categorical),
    ``verified_on`` (Date, null: never verified) and ``passed`` (Boolean, null: a
    result missing).

    >>> frame = synthetic_instruments(100_000, provinces=["Huế", "Cần Thơ"])
    >>> frame.columns
    ['instrument_id', 'province', 'type', 'verified_on', 'passed']
    >>> frame.height, frame["verified_on"].null_count() > 0, frame["passed"].null_count() > 0
    (100000, True, True)
    >>> synthetic_instruments(3, start=5, provinces=["Huế"]).equals(
    ...     synthetic_instruments(10, provinces=["Huế"]).slice(5, 3))
    True
    """
    pl = polars("synthetic_instruments")
    for name, value in (("rows", rows), ("seed", seed), ("start", start)):
        if type(value) is not int or value < 0:
            raise InvalidValue(f"synthetic_instruments: {name}={value!r}; expected an int >= 0")
    places = tuple(provinces) if provinces is not None else _provinces()
    if not places or not all(isinstance(p, str) for p in places):
        raise InvalidValue(f"synthetic_instruments: provinces={provinces!r}; expected names")
    idx = pl.int_range(start, start + rows, dtype=pl.Int64)

    def draw(k: int, n: int) -> Any:  # a uniform integer in [0, n) per row, stream k
        return (idx.hash(seed * 16 + k) % n).cast(pl.Int64)

    span = (LAST_DAY - FIRST_DAY).days + 1
    per = draw(4, 10_000)
    spread = pl.when(draw(6, 100) < _RECENT).then(span - 1 - draw(3, 730)).otherwise(draw(3, span))
    verified = pl.when(per < _NEVER_VERIFIED).then(None).otherwise(spread)
    listed = pl.when(draw(5, 10_000) < _UNKNOWN).then(pl.lit(UNKNOWN_TYPE))
    for first_day, names in reversed(_types()):  # the list in force on the row's date
        after = (first_day - FIRST_DAY).days
        listed = listed.when(verified.is_null() | (verified >= after)).then(
            pl.lit(pl.Series(names)).gather(draw(2, len(names)))
        )
    pools = _types()
    frame = pl.select(
        instrument_id=idx,
        province=pl.lit(pl.Series(places)).gather(draw(1, len(places))),
        type=listed.otherwise(pl.lit(pl.Series(pools[0][1])).gather(draw(2, len(pools[0][1])))),
        verified_on=pl.lit(FIRST_DAY) + pl.duration(days=verified),
        passed=pl.when(per < _NEVER_VERIFIED)
        .then(None)
        .when(per < _NEVER_VERIFIED + _NO_RESULT)
        .then(None)
        .otherwise(per >= _NEVER_VERIFIED + _NO_RESULT + _REJECTED),
    )
    # names as categoricals: what a registry's Parquet holds (dictionary-encoded), and
    # what the kernels and group-bys read fastest
    return frame.with_columns(
        pl.col("province", "type").cast(pl.Categorical), pl.col("verified_on").cast(pl.Date)
    )


def write_synthetic_instruments(
    directory: str | Path,
    rows: int,
    *,
    seed: int = 0,
    rows_per_file: int = 5_000_000,
    provinces: Sequence[str] | None = None,
) -> list[Path]:
    """Ghi sổ giả lập — a registry of ``rows`` synthetic instruments written to
    ``directory`` as Parquet files of ``rows_per_file`` rows (``part-00000.parquet``, …),
    made part by part so memory stays bounded; returns the files' paths.
    """
    if type(rows_per_file) is not int or rows_per_file < 1:
        raise InvalidValue(
            f"write_synthetic_instruments: rows_per_file={rows_per_file!r}; expected an int >= 1"
        )
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, first in enumerate(range(0, rows, rows_per_file)):
        part = synthetic_instruments(
            min(rows_per_file, rows - first), seed=seed, start=first, provinces=provinces
        )
        path = folder / f"part-{number:05d}.parquet"
        part.write_parquet(path, row_group_size=1_000_000)
        paths.append(path)
    return paths
