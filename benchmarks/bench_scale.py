"""Quy mô quốc gia — the bulk kernels against bare polars, out of core from 1 to 50
million rows, and on Dask with 1 and 2 workers.

Run: python benchmarks/bench_scale.py [--quick] [--max-rows N] [--dir DIR]

1. Each kernel's rows/s against its floor, measured in the same run: polars doing the
   bare date arithmetic (or grouping) of the same columns without any rule. Target:
   each kernel >= 0,3x its floor. The cases come from scale_metrology.py,
   scale_tasks.py and scale_titles.py (one per domain).
2. The out-of-core due-date status (examples/national_registry.py, a fresh process per
   size, so its peak memory is its own) at 1, 10 and 50 million rows. Targets: 10x
   the rows <= 12x the time; the peak resident memory stays under ~4 GB.
3. Dask on 1 and 2 workers, one thread each (POLARS_MAX_THREADS=1 per worker, so the
   comparison means something on 2 cores): the due-date status of a Parquet dataset.

Every figure is a ratio or a rate from this run; nothing is asserted in the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import _kernels
from _timing import timed

ROOT = Path(__file__).resolve().parents[1]


def kernel_cases(rows: int) -> list[_kernels.Case]:
    cases: list[_kernels.Case] = []
    for module in ("scale_metrology", "scale_tasks", "scale_titles"):
        cases.extend(__import__(module).cases(rows))
    return cases


def bench_kernels(rows: int) -> None:
    print(f"1. kernels against bare polars, {rows:,} rows (best of 5, kernel and floor in turns)")
    _kernels.report(kernel_cases(rows), rows, repeat=5)


def national(rows: int, folder: Path) -> dict[str, float]:
    """One run of examples/national_registry.py in its own process (its own peak memory)."""
    reuse = (folder / "part-00000.parquet").exists()
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "examples" / "national_registry.py"),
            "--rows",
            str(rows),
            "--dir",
            str(folder),
            *(["--reuse"] if reuse else []),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    measured: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return measured


def bench_out_of_core(sizes: list[int], base: Path) -> None:
    print("2. out of core: due-date status per province and month (national_registry.py)")
    print(f"   {'rows':>12} {'seconds':>9} {'rows/s':>12} {'peak MB':>8} {'time / 1st':>11}")
    first: float | None = None
    for rows in sizes:
        folder = base / f"registry-{rows}"
        national(rows, folder)  # makes the registry once (not timed) and warms the cache
        measured = min((national(rows, folder) for _ in range(2)), key=lambda m: m["status_s"])
        seconds = measured["status_s"]
        first = first or seconds
        print(
            f"   {rows:12,} {seconds:9.2f} {rows / seconds:12,.0f} {measured['peak_mb']:8,.0f} "
            f"{seconds / first:10.1f}x  (rows {rows / sizes[0]:.0f}x)"
        )


def bench_dask(rows: int, base: Path) -> None:
    import dask.dataframe as dd
    from distributed import Client

    from vn_skt.metrology import due_dates
    from vn_skt.scale import dask_map, local_cluster, write_synthetic_instruments

    folder = base / f"dask-{rows}"
    if not folder.exists():
        write_synthetic_instruments(folder, rows, seed=2026, rows_per_file=rows // 16)
    on = date(2026, 12, 1)
    print(f"3. Dask: due-date status of {rows:,} rows, 16 Parquet partitions")
    seconds = {}
    for workers in (1, 2):
        with local_cluster(workers) as cluster, Client(cluster) as client:

            def run() -> object:
                frame = dd.read_parquet(folder)
                result = dask_map(frame, due_dates, params={"on": on})
                return client.compute(result["status"].value_counts()).result()

            run()  # warm: workers import vn_skt and load the rule tables
            seconds[workers] = min(timed(run) for _ in range(3))
        rate = rows / seconds[workers]
        print(f"   {workers} worker(s): {seconds[workers]:6.2f} s  {rate:12,.0f} rows/s")
    print(f"   speed-up 2 workers / 1: {seconds[1] / seconds[2]:.2f}x (2 cores; ideal 2)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100.000 … 1.000.000 rows")
    parser.add_argument("--max-rows", type=int, default=50_000_000)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/vn-skt-scale"))
    parser.add_argument("--only", choices=["kernels", "out-of-core", "dask"])
    args = parser.parse_args()
    os.environ.setdefault("PYTHONHASHSEED", "0")
    if args.quick:
        kernel_rows, sizes, dask_rows = 100_000, [100_000, 1_000_000], 400_000
    else:
        kernel_rows, sizes, dask_rows = 1_000_000, [1_000_000, 10_000_000], 4_000_000
        if args.max_rows > 10_000_000:
            sizes.append(args.max_rows)
    args.dir.mkdir(parents=True, exist_ok=True)
    if args.only in (None, "kernels"):
        bench_kernels(kernel_rows)
    if args.only in (None, "out-of-core"):
        bench_out_of_core(sizes, args.dir)
    if args.only in (None, "dask"):
        bench_dask(dask_rows, args.dir)


if __name__ == "__main__":
    main()
