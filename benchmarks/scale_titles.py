"""Title deadlines at registry scale: the bulk kernel against a floor, in the same run.

Run: python benchmarks/scale_titles.py [--rows N] [--repeat R]

The synthetic registry is built with polars expressions (no Python loop per row): every
title type (half of them marks, a fifth patents, a tenth utility solutions …), filed
from 2006-07-01 to 2030 (across the ``ip_terms`` version of 01/04/2026; expiries across
the ``ip_renewal`` version of 23/08/2023), nine in ten granted within four years,
renewals where the type allows them, and the maintenance fees of a run of yearly terms
paid for most patents and utility solutions (a list of ``{term, paid_on}`` structs).

The floor is polars doing the bare date arithmetic without any rule on the same frame:
expiry = grant (or filing) date + a fixed 10 years − 1 day, compared with the day asked.
The ratio printed is floor time / kernel time (1 would be "as fast as the floor"), each
the best of ``--repeat`` runs taken in turns, so that a load on the machine meets both.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import _kernels
import polars as pl

from vn_skt.ip_titles import TitleType, title_deadlines, title_schema

ON = date(2026, 6, 1)
FIRST = date(2006, 7, 1)
LAST = date(2030, 12, 31)
# the share of each type, in TitleType order
SHARES = {
    TitleType.PATENT: 20,
    TitleType.UTILITY_SOLUTION: 10,
    TitleType.INDUSTRIAL_DESIGN: 15,
    TitleType.TRADEMARK: 50,
    TitleType.LAYOUT_DESIGN: 2,
    TitleType.GEOGRAPHICAL_INDICATION: 3,
}


def registry(rows: int, *, seed: int = 7) -> pl.DataFrame:
    """A synthetic title registry of ``rows`` rows in the title schema (polars only)."""
    span = (LAST - FIRST).days
    kinds = pl.Enum([k.name for k in TitleType])
    weights = [SHARES[k] for k in TitleType]
    bounds = [sum(weights[: i + 1]) for i in range(len(weights))]
    pick = pl.col("i").hash(seed) % 100
    code = sum(((pick >= edge).cast(pl.Int64) for edge in bounds[:-1]), pl.lit(0, pl.Int64))
    base = pl.DataFrame({"i": pl.int_range(rows, eager=True)})
    h = pl.col("i").hash(seed + 1)
    frame = base.select(
        code=code,
        filing_date=(pl.lit(FIRST) + pl.duration(days=(h % span))).cast(pl.Date),
        granted=(h // 7 % 10) > 0,
        delay=(h // 70 % 1500),
        renew=(h // 105_000 % 3),
        paid=(h // 315_000 % 22),
    )
    names = [k.name for k in TitleType]
    frame = frame.with_columns(
        type=pl.col("code").replace_strict(list(range(len(names))), names).cast(kinds),
        grant_date=pl.when(pl.col("granted"))
        .then(pl.col("filing_date") + pl.duration(days=pl.col("delay")))
        .cast(pl.Date),
        renewals=pl.when(pl.col("granted") & pl.col("code").is_in([2, 3]))
        .then(pl.min_horizontal(pl.col("renew"), 2))
        .otherwise(0)
        .cast(pl.Int32),
    )
    maintained = pl.col("granted") & pl.col("code").is_in([0, 1])
    last = pl.when(maintained).then(pl.min_horizontal(pl.col("paid"), 21)).otherwise(1)
    frame = frame.with_columns(
        maintenance_paid=pl.int_ranges(2, last + 1, dtype=pl.Int16).list.eval(
            pl.struct(term=pl.element(), paid_on=pl.lit(None, dtype=pl.Date))
        )
    )
    schema = title_schema()
    keep = ["type", "filing_date", "grant_date", "renewals", "maintenance_paid"]
    return frame.select(keep).cast({k: schema[k] for k in keep})


def cases(rows: int) -> list[tuple[str, Callable[[], object], Callable[[], object]]]:
    """(name, run the kernel, run its floor) on a synthetic registry of ``rows`` rows."""
    frame = registry(rows)

    def kernel() -> Any:
        return title_deadlines(frame, on=ON)

    def floor() -> Any:
        start = pl.coalesce("grant_date", "filing_date")
        expiry = start.dt.offset_by("10y") - pl.duration(days=1)
        return frame.with_columns(expiry=expiry).with_columns(
            in_force=pl.col("expiry") >= pl.lit(ON)
        )

    return [("ip_titles.title_deadlines", kernel, floor)]


if __name__ == "__main__":
    _kernels.main(cases, __doc__)
