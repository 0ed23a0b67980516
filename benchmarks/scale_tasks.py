"""The task kernels at scale: ``year_classes`` and ``budget_by_year`` against their floors.

Run: python benchmarks/scale_tasks.py [--rows N] [--year Y]

Each kernel is timed against a floor measured in the same run, on the same frame: polars
doing the bare arithmetic without any rule. For ``year_classes`` the floor compares the
start and end years with the year (running, new, carried over); for ``budget_by_year``
it is ``explode("budget")``, ``unnest`` and a group-by sum. The target of issue #19 is
each kernel at >= 0,3x its floor (floor time / kernel time). Best of a few runs (a
shared machine only adds time).

``cases(rows)`` gives (name, run_kernel, run_floor) for the scaling script of
``vn_skt.scale``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

import polars as pl
from _timing import best

from vn_skt.tasks import BUDGET_SOURCES, budget_by_year, task_schema, year_classes

YEAR = 2025


def synthetic(rows: int, *, seed: int = 19) -> pl.DataFrame:
    """``rows`` tasks of :func:`task_schema`, made with polars expressions: starts over
    2018..2030, one to four years long, a fifth extended, a tenth terminated, a third
    accepted; zero to four budget entries each, in the funded years, from all sources."""
    schema = task_schema()
    first = (date(2018, 1, 1) - date(1970, 1, 1)).days
    rng = pl.int_range(0, rows, eager=True, dtype=pl.Int64)

    def noise(salt: int, modulo: int) -> pl.Series:
        return ((rng * 2654435761 + salt * 40503 + seed) % 4294967291 % modulo).alias("n")

    start = noise(1, 13 * 365) + first
    end = start + noise(2, 4 * 365) + 30
    extended = pl.when(noise(3, 5) == 0).then(end + noise(4, 300) + 1).otherwise(None)
    terminated = pl.when(noise(5, 10) == 0).then(start + noise(6, 200)).otherwise(None)
    accepted = pl.when(noise(7, 3) == 0).then(end + noise(8, 200)).otherwise(None)
    tasks = pl.DataFrame(
        {"start": start, "end": end, "ext": pl.select(extended).to_series(),
         "term": pl.select(terminated).to_series(), "acc": pl.select(accepted).to_series()}
    )  # fmt: skip
    tasks = tasks.with_columns(
        pl.when(pl.col("term") <= pl.col("end")).then(pl.col("term")).otherwise(None),
        pl.when(pl.col("acc") >= pl.col("start")).then(pl.col("acc")).otherwise(None),
    )
    # the budget entries: per task up to four, keyed (year, source) without repeats
    count = noise(9, 5)
    entry_rows = pl.int_range(0, rows, eager=True, dtype=pl.UInt32).gather(
        pl.int_range(0, rows, eager=True).repeat_by(count).explode().drop_nulls()
    )
    k = pl.int_range(0, len(entry_rows), eager=True, dtype=pl.Int64)
    position = k - (count.cum_sum() - count).gather(entry_rows)
    start_year = (
        pl.Series(start.cast(pl.Int32).cast(pl.Date)).dt.year().gather(entry_rows).cast(pl.Int64)
    )
    entries = pl.DataFrame(
        {
            "row": entry_rows,
            "year": (start_year + position % 2).cast(pl.Int16),
            "source": pl.Series(
                [BUDGET_SOURCES[0], BUDGET_SOURCES[0], BUDGET_SOURCES[1], BUDGET_SOURCES[2]]
            ).gather(position),
            "amount": (k * 7919 % 1_000_000 + 1) * 1_000_000,
        }
    )
    budget = (
        entries.group_by("row", maintain_order=True)
        .agg(budget=pl.struct("year", "source", "amount"))
        .with_columns(pl.col("row").cast(pl.UInt32))
    )
    frame = (
        pl.DataFrame({"row": pl.int_range(0, rows, eager=True, dtype=pl.UInt32)})
        .join(budget, on="row", how="left", maintain_order="left")
        .with_columns(pl.col("budget").fill_null([]))
    )
    totals = entries.group_by("row", "source").agg(pl.col("amount").sum())
    dates = {name: tasks.get_column(col).cast(pl.Int32).cast(pl.Date)
             for name, col in [("start", "start"), ("end", "end"), ("extended_to", "ext"),
                               ("accepted_on", "acc"), ("terminated_on", "term")]}  # fmt: skip
    del totals
    return pl.DataFrame(
        {
            "code": pl.format("NV.{}", pl.int_range(0, rows)).alias("code")
            if False
            else pl.select(pl.format("NV.{}", pl.int_range(0, rows))).to_series(),
            **dates,
            "budget": frame.get_column("budget"),
            "counterpart": pl.zeros(rows, dtype=pl.Int64, eager=True),
            "other": pl.zeros(rows, dtype=pl.Int64, eager=True),
        }
    ).with_columns(
        pl.col("budget").cast(schema["budget"]),
        pl.lit("T").alias("title"),
    )
