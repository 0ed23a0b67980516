"""Hàm tính hàng loạt — timing a bulk kernel against its floor (bare polars on the same
frame), for the scale_*.py scripts and bench_scale.py (imported as a sibling)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from _timing import timed

Case = tuple[str, Callable[[], object], Callable[[], object]]
"""(name, run the kernel, run its floor) on one prepared frame."""


def in_turns(
    kernel: Callable[[], object], floor: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """The best (kernel, floor) seconds of ``repeat`` rounds, the two run in turn in each
    round, so that a load that comes and goes on a shared machine weighs on both alike."""
    kernel()  # warm: rule tables, caches and polars' pools load once
    best_kernel = best_floor = float("inf")
    for _ in range(repeat):
        best_kernel = min(best_kernel, timed(kernel))
        best_floor = min(best_floor, timed(floor))
    return best_kernel, best_floor


def report(cases: list[Case], rows: int, repeat: int) -> None:
    """One line per kernel: its rows/s, its floor's, and floor time / kernel time."""
    print(f"   {'kernel':26} {'rows/s':>14} {'floor rows/s':>14} {'ratio':>7}  target >= 0.3")
    for name, kernel, floor in cases:
        t_kernel, t_floor = in_turns(kernel, floor, repeat)
        print(
            f"   {name:26} {rows / t_kernel:14,.0f} {rows / t_floor:14,.0f} "
            f"{t_floor / t_kernel:7.2f}"
        )


def main(cases: Callable[[int], list[Case]], description: str | None) -> None:
    """The command line of a scale_*.py script: ``--rows N [N …] --repeat R``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--rows", type=int, nargs="*", default=[1_000_000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    for rows in args.rows:
        print(f"{rows:,} rows, best of {args.repeat} (kernel and floor in turns)")
        report(cases(rows), rows, args.repeat)
