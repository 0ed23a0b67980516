"""The task kernels at scale: ``year_classes`` and ``budget_by_year`` against their floors.

Run: python benchmarks/scale_tasks.py [--rows N] [--repeat R]

Each kernel is timed against a floor measured in the same run, on the same frame: polars
doing the bare arithmetic without any rule. For ``year_classes`` the floor compares the
start and end years with the year (running, carried over, new, completed); for
``budget_by_year`` it is ``explode("budget")``, ``unnest`` and a group-by sum. The
target of issue #19 is each kernel at >= 0,3 of its floor's speed (floor time / kernel
time). Best of a few runs: a shared machine only adds time.

``cases(rows)`` gives (name, run_kernel, run_floor) on one synthetic frame, for any
script that times the kernels (the scaling runs of ``vn_skt.scale``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import _kernels
import polars as pl

from vn_skt.tasks import BUDGET_SOURCES, budget_by_year, task_schema, year_classes

YEAR = 2025
_EPOCH = date(1970, 1, 1)


def synthetic(rows: int, *, seed: int = 19) -> pl.DataFrame:
    """``rows`` valid tasks of :func:`task_schema`, made with polars expressions (no
    Task objects): starts over 2018..2030, one month to four years long, a fifth
    extended, a tenth terminated, a third accepted; zero to four budget entries each, in
    the funded years, from every source."""
    index = pl.int_range(0, rows, dtype=pl.Int64)

    def noise(salt: int, modulo: int) -> pl.Expr:
        return (index * 2654435761 + salt * 40503 + seed) % 4294967291 % modulo

    first = (date(2018, 1, 1) - _EPOCH).days
    start = noise(1, 13 * 365) + first
    end = start + noise(2, 4 * 365) + 30
    days = pl.select(
        start=start,
        end=end,
        extended_to=pl.when(noise(3, 5) == 0).then(end + noise(4, 300) + 1),
        terminated_on=pl.when(noise(5, 10) == 0).then(start + noise(6, 200)),
        accepted_on=pl.when(noise(7, 3) == 0).then(end + noise(8, 200)),
        count=noise(9, 5).cast(pl.UInt32),
    )
    days = days.with_columns(
        # a termination within the period, extension included
        pl.when(pl.col("terminated_on") <= pl.coalesce("extended_to", "end")).then(
            pl.col("terminated_on")
        )
    )
    # the budget entries: per task 0..4, each (year, source) once, in the funded years
    entries = (
        days.select(pl.col("start"), pl.col("count"))
        .with_row_index("row")
        .with_columns(pl.int_ranges(0, pl.col("count"), dtype=pl.Int64).alias("k"))
        .explode("k", empty_as_null=False, keep_nulls=False)
        .select(
            "row",
            (pl.col("start").cast(pl.Int32).cast(pl.Date).dt.year() + pl.col("k") % 2)
            .cast(pl.Int16)
            .alias("year"),
            pl.col("k")
            .replace_strict([0, 1, 2, 3], ["state_budget", "state_budget", "counterpart", "other"])
            .cast(pl.Enum(list(BUDGET_SOURCES)))
            .alias("source"),
            (
                ((pl.col("row").cast(pl.Int64) * 7919 + pl.col("k")) % 1_000_000 + 1) * 1_000_000
            ).alias("amount"),
        )
    )
    budget = entries.group_by("row").agg(pl.struct("year", "source", "amount").alias("budget"))
    frame = (
        days.with_row_index("row")
        .join(budget, on="row", how="left")
        .sort("row")
        .select(
            pl.format("NV.{}", pl.col("row")).alias("code"),
            *(
                pl.col(name).cast(pl.Int32).cast(pl.Date)
                for name in ("start", "end", "extended_to", "accepted_on", "terminated_on")
            ),
            pl.col("budget").fill_null([]),
            pl.lit(0, dtype=pl.Int64).alias("counterpart"),
            pl.lit(0, dtype=pl.Int64).alias("other"),
        )
    )
    schema = task_schema()
    filler = {  # the columns no kernel reads: one value each
        name: pl.lit(dtype.categories[0] if isinstance(dtype, pl.Enum) else "Nhiệm vụ")
        for name, dtype in schema.items()
        if name not in frame.columns
    }
    filler |= {name: pl.lit(None) for name in ("selection", "approved_by", "acceptance_rating")}
    frame = frame.with_columns(**filler)
    return frame.select(pl.col(name).cast(dtype) for name, dtype in schema.items())


def floor_year(frame: pl.DataFrame, year: int = YEAR) -> pl.DataFrame:
    """The bare comparisons of the start and end years with the year."""
    start = pl.col("start").dt.year()
    end = pl.coalesce("extended_to", "end").dt.year()
    return frame.select(
        running=(start <= year) & (end >= year),
        carried_over=(start < year) & (end >= year),
        new=start == year,
        completed=end == year,
    )


def floor_budget(frame: pl.DataFrame) -> pl.DataFrame:
    """explode, unnest, group-by sum."""
    return (
        frame.select("budget")
        .explode("budget")
        .unnest("budget")
        .group_by("year", "source")
        .agg(pl.col("amount").sum())
    )


def cases(rows: int) -> list[tuple[str, Callable[[], object], Callable[[], object]]]:
    """(name, run_kernel, run_floor) of each task kernel on one synthetic frame."""
    frame = synthetic(rows)
    return [
        (
            "tasks.year_classes",
            lambda: year_classes(frame, year=YEAR),
            lambda: floor_year(frame),
        ),
        ("tasks.budget_by_year", lambda: budget_by_year(frame), lambda: floor_budget(frame)),
    ]


if __name__ == "__main__":
    _kernels.main(cases, __doc__)
