"""Quy mô quốc gia — a synthetic national registry of measuring instruments: make it,
compute every instrument's due-date status out of core, count it per province and month
of the due date, and plot it.

Run: python examples/national_registry.py                 (100.000 rows, as CI does)
     python examples/national_registry.py --rows 50000000 --dir /tmp/registry \
         --plot docs/images/quy-mo-quoc-gia.png           (the docs page's figures)

Memory stays bounded whatever --rows is: the registry is written part by part, and
read back batch by batch (polars streaming); only the counts and the rows with an
issue are kept. The last line is a JSON record of what was measured (rows, seconds,
rows/s, the peak resident memory of this process) that benchmarks/bench_scale.py reads.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import polars as pl

from vn_skt.l10n import format_number as vn
from vn_skt.metrology import due_dates
from vn_skt.scale import COUNT, tally, write_synthetic_instruments

ON = date(2026, 12, 1)


def peak_mb() -> float:
    """This process's peak resident memory, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def plot(counts: pl.DataFrame, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    due = (
        counts.filter(pl.col("status").is_in(["VALID", "DUE_SOON"]))
        .filter(pl.col("month") < date(2027, 12, 1))
        .group_by("province", "month")
        .agg(pl.col(COUNT).sum())
        .pivot(on="month", index="province", values=COUNT, sort_columns=True)
        .sort("province")
        .fill_null(0)
    )
    months = due.columns[1:]  # ISO dates, the first of each month
    overdue = (
        counts.group_by("province")
        .agg(share=pl.col(COUNT).filter(pl.col("status") == "OVERDUE").sum() / pl.col(COUNT).sum())
        .sort("province")
    )
    fig, (left, right) = plt.subplots(
        1, 2, figsize=(14, 9), gridspec_kw={"width_ratios": [3, 1]}, sharey=True
    )
    image = left.imshow(due.drop("province").to_numpy(), aspect="auto", cmap="YlOrRd")
    left.set_yticks(range(due.height), due["province"].to_list(), fontsize=8)
    left.set_xticks(range(len(months)), [m[5:7] + "/" + m[:4] for m in months], rotation=90)
    left.set_title(f"Phương tiện đo đến hạn kiểm định theo tháng (từ {ON:%d/%m/%Y})")
    fig.colorbar(image, ax=left, label="số phương tiện đo")
    right.barh(range(overdue.height), (overdue["share"] * 100).to_list(), color="#b22222")
    right.set_title("Tỷ lệ quá hạn (%)")
    fig.tight_layout()
    fig.savefig(path, dpi=80)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, help="where the registry's Parquet files go")
    parser.add_argument("--reuse", action="store_true", help="the registry is already there")
    parser.add_argument("--batch-rows", type=int, default=1_000_000)
    parser.add_argument("--plot", type=Path, help="write the figure to this PNG")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.dir or Path(scratch)
        started = time.perf_counter()
        if not args.reuse:
            write_synthetic_instruments(folder, args.rows, seed=2026)
        made = time.perf_counter() - started

        started = time.perf_counter()
        found = tally(
            due_dates,
            folder,
            by=["province", pl.col("valid_until").dt.truncate("1mo").alias("month"), "status"],
            batch_rows=args.batch_rows,
            params={"on": ON},
        )
        seconds = time.perf_counter() - started
        figure = args.plot or Path(scratch) / "quy-mo-quoc-gia.png"  # drawn either way
        plot(found.counts, figure)
        assert figure.stat().st_size > 0

    assert found.rows == args.rows == found.answered + found.with_issue
    assert found.counts[COUNT].sum() == found.rows  # every row is counted once
    by_status = found.counts.group_by("status").agg(pl.col(COUNT).sum()).sort("status")
    print(f"Sổ đăng ký giả lập: {vn(found.rows)} phương tiện đo, {found.batches} lô")
    for status, rows in by_status.iter_rows():
        print(f"  {status or '(có vấn đề)':15} {vn(rows):>12}")
    # the reasons, by their words before the first name or figure
    reasons = found.issues.group_by(pl.col("issue").str.extract(r"^(.*?)(?: '| \d)"))
    print(f"  {vn(found.with_issue)} dòng có vấn đề, mỗi dòng một lý do:")
    for reason, rows in reasons.len().sort("len", descending=True).iter_rows():
        print(f"    {vn(rows):>10}  {reason} …")
    if args.plot:
        print(f"  hình: {args.plot}")
    measured = {
        "rows": found.rows,
        "make_s": round(made, 2),
        "status_s": round(seconds, 2),
        "rows_per_s": round(found.rows / seconds),
        "peak_mb": round(peak_mb()),
    }
    print(json.dumps(measured))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
