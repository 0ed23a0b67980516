"""Ratio benchmarks: vn_skt against a baseline run in the same process.

Run: python benchmarks/run.py [--quick]

It runs format_number, import time, a title's status per call (``bench_titles.py``)
and reading a task sheet (``bench_sheets.py``, 200.000 rows; 20.000 with --quick); the
other bulk scripts (tasks, audit, metrology) run on their own.

Every figure is a ratio against a baseline measured in the same run, so the numbers
mean the same on a slow and a fast machine. Nothing here is asserted in the test suite;
the targets are printed beside the figures.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import timeit
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from bench_real_text import bench_real_text
from bench_scanners import bench_ordinary, bench_shapes  # sibling scripts: benchmarks/ is
from bench_titles import bench_status_on  # sys.path[0]


def best_per_call(func: Callable[[], object], number: int, repeat: int = 5) -> float:
    """Best-of-``repeat`` seconds per call (the least disturbed run)."""
    return min(timeit.repeat(func, number=number, repeat=repeat)) / number


def bench_format_number(quick: bool) -> None:
    from babel import Locale
    from babel.numbers import format_decimal

    from vn_skt.l10n import format_number

    locale = Locale.parse("vi_VN")
    ints = [0, 7, 12418, -1234, 5_000_000, 18_460_000_000, 999, 1_234_567_890_123]
    decimals = [Decimal("18.46"), Decimal("0.5"), Decimal("-1234.125"), Decimal("12418.3")]
    n = 2_000 if quick else 20_000

    def ours_int() -> None:
        for x in ints:
            format_number(x)

    def babel_int() -> None:
        for x in ints:
            format_decimal(x, locale=locale)

    def bare_int() -> None:
        for x in ints:
            f"{x:,}"

    def ours_dec() -> None:
        for x in decimals:
            format_number(x)

    def babel_dec() -> None:
        for x in decimals:
            format_decimal(x, locale=locale)

    t_ours, t_babel, t_bare = (best_per_call(f, n) for f in (ours_int, babel_int, bare_int))
    t_ours_d, t_babel_d = (best_per_call(f, n) for f in (ours_dec, babel_dec))
    per = len(ints)
    print("format_number (ints)")
    print(f"  vn_skt          {t_ours / per * 1e9:8.0f} ns/call")
    print(
        f"  babel (Locale)  {t_babel / per * 1e9:8.0f} ns/call   vn_skt is "
        f"{t_babel / t_ours:5.1f}x faster (target >= 10x)"
    )
    print(
        f"  f'{{n:,}}'        {t_bare / per * 1e9:8.0f} ns/call   vn_skt takes "
        f"{t_ours / t_bare:5.2f}x its time (target <= 2.5x)"
    )
    print("format_number (Decimals)")
    print(
        f"  vn_skt          {t_ours_d / len(decimals) * 1e9:8.0f} ns/call   "
        f"babel takes {t_babel_d / t_ours_d:5.1f}x vn_skt's time"
    )


IMPORTS = {
    "vn_skt": "import vn_skt",
    "vn_skt + l10n": "import vn_skt.l10n",
    "baseline: pydantic, attrs, babel, dateutil": (
        "from pydantic import BaseModel; import attrs, babel.numbers, babel.dates; "
        "import dateutil.relativedelta"
    ),
}


def import_time(statement: str, runs: int) -> float:
    """Median wall time of a fresh interpreter doing ``statement``, less an empty one."""

    def once(code: str) -> float:
        script = f"import time; t=time.perf_counter(); {code}; print(time.perf_counter()-t)"
        out = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        )
        return float(out.stdout)

    return statistics.median(once(statement) for _ in range(runs))


def bench_imports(quick: bool) -> None:
    runs = 5 if quick else 15
    times = {name: import_time(code, runs) for name, code in IMPORTS.items()}
    base = times[next(k for k in IMPORTS if k.startswith("baseline"))]
    print("import time (fresh interpreter, median)")
    for name, seconds in times.items():
        print(
            f"  {name[:40]:40s} {seconds * 1e3:7.1f} ms   {seconds / base:5.2f}x baseline"
            + ("  (target <= 1.5x)" if name == "vn_skt" else "")
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    bench_format_number(args.quick)
    bench_status_on(args.quick)
    bench_imports(args.quick)
    bench_sheets(args.quick)
    bench_shapes(args.quick)
    bench_ordinary(args.quick)
    bench_real_text()


def bench_sheets(quick: bool) -> None:
    """Reading a task sheet against polars + a plain pydantic model (its own script,
    which runs each side in its own process for peak memory)."""
    script = Path(__file__).with_name("bench_sheets.py")
    rows = "20000" if quick else "200000"
    print("reading a task sheet (bench_sheets.py)")
    subprocess.run([sys.executable, str(script), "--rows", rows], check=True)


if __name__ == "__main__":
    main()
