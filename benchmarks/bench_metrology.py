"""Verification validity at registry scale: per object, and in bulk on polars columns.

Run: python benchmarks/bench_metrology.py [--rows N] [--baseline-rows M]

The baseline is a plain Python loop doing the same arithmetic with
``dateutil.relativedelta`` (the month-end rule included), and the same choice of list
(each row's cycle from the group-2 list in force on its verification date, found with
``bisect``), run in the same process.
``--baseline-rows`` times the baseline loop on a prefix and scales it linearly, to keep
the run short on a small machine (it says so when it does).
"""

from __future__ import annotations

import argparse
import random
from bisect import bisect_right
from datetime import date, timedelta

import polars as pl
from _timing import timed
from dateutil.relativedelta import relativedelta

from vn_skt.metrology import catalogue, due_dates, instrument_type, segments, valid_until

ONE_DAY = timedelta(days=1)


def baseline(verified: date, cycle: int) -> date:
    target = verified + relativedelta(months=cycle)  # clamps to the month's last day
    return target - ONE_DAY if target.day == verified.day else target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--baseline-rows", type=int, default=None)
    args = parser.parse_args()
    rng = random.Random(7)
    spans = [s for s in segments() if s.start <= date(2025, 12, 31)]  # the 2020 and 2024 lists
    starts = [s.start for s in spans]
    # types with a cycle on every list the dates below fall under
    on_all = {k.full_name for k in catalogue(on=starts[0])} & {
        k.full_name for k in catalogue(on=starts[-1])
    }
    types = [
        t
        for t in catalogue(on=starts[-1])
        if t.full_name in on_all
        and all(instrument_type(t.full_name, on=d).cycle_months for d in starts)
    ]
    resolved = {
        (t.full_name, i): instrument_type(t.full_name, on=d)
        for t in types
        for i, d in enumerate(starts)
    }
    cycle_on = {key: kind.cycle_months for key, kind in resolved.items()}
    start = date(2020, 1, 1).toordinal()
    n = args.rows

    # per object, on pre-resolved types: a registry repeats dates and types
    m = min(n, 1_000_000)
    kinds = [rng.choice(types) for _ in range(m)]
    days = [date.fromordinal(start + rng.randrange(2000)) for _ in range(m)]
    pairs = list(zip(kinds, days, strict=True))
    # pre-resolved on each verification's own date, as a registry loop would hold them
    pairs = [(resolved[k.full_name, bisect_right(starts, d) - 1], d) for k, d in pairs]
    t_base = timed(lambda: [baseline(d, k.cycle_months) for k, d in pairs])  # type: ignore[arg-type]
    t_ours = timed(lambda: [valid_until(k, d) for k, d in pairs])
    assert all(valid_until(k, d) == baseline(d, k.cycle_months) for k, d in pairs[:10_000])  # type: ignore[arg-type]
    print(f"valid_until per object, {m:,} calls on pre-resolved types")
    print(f"  relativedelta loop  {t_base:6.2f} s   {t_base / m * 1e9:6.0f} ns/call")
    print(
        f"  vn_skt              {t_ours:6.2f} s   {t_ours / m * 1e9:6.0f} ns/call   "
        f"{t_base / t_ours:5.1f}x faster (target >= 8x)"
    )

    # bulk
    names = [rng.choice(types).full_name for _ in range(1000)]
    frame = pl.DataFrame(
        {
            "type": [names[i % 1000] for i in range(n)],
            "verified_on": pl.date_range(date(2020, 1, 1), date(2025, 12, 31), eager=True).sample(
                n, with_replacement=True, seed=7
            ),
            "passed": [True] * n,
        }
    )
    t_bulk = min(timed(lambda: due_dates(frame, on=date(2026, 1, 1))) for _ in range(3))
    k = args.baseline_rows or n
    type_list = frame.get_column("type").to_list()[:k]
    day_list = frame.get_column("verified_on").to_list()[:k]
    on = date(2026, 1, 1)

    def loop() -> None:
        for name, verified in zip(type_list, day_list, strict=True):
            version = bisect_right(starts, verified) - 1
            until = baseline(verified, cycle_on[name, version])  # type: ignore[arg-type]
            _ = until < on

    t_loop = timed(loop) * (n / k)
    scaled = "" if k == n else f" (timed on {k:,} rows, scaled)"
    print(f"due dates and overdue flags in bulk, {n:,} rows")
    print(f"  relativedelta loop  {t_loop:6.2f} s{scaled}")
    print(
        f"  vn_skt + polars     {t_bulk:6.2f} s   {t_loop / t_bulk:5.1f}x faster (target >= 40x;"
        " best of 3 runs)"
    )


if __name__ == "__main__":
    main()
