"""The due-date status of a registry on a Dask cluster (a LocalCluster of 2 workers here;
a real cluster takes only another address), checked against one machine.

Dask does the scheduling and the partitioning; vn-skt gives it the kernel
(``vn_skt.scale.dask_map``). Each worker runs one thread, and polars is told so.

Run: python examples/dask_cluster.py [--rows N]
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import date

import dask.dataframe as dd
from distributed import Client

from vn_skt.l10n import format_number
from vn_skt.metrology import due_dates
from vn_skt.scale import dask_map, local_cluster, tally, write_synthetic_instruments

ON = date(2026, 12, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        write_synthetic_instruments(folder, args.rows, seed=1, rows_per_file=args.rows // 8)
        with local_cluster(2) as cluster, Client(cluster) as client:
            status = dask_map(dd.read_parquet(folder), due_dates, params={"on": ON})
            on_cluster = client.compute(status["status"].value_counts()).result()
            issues = client.compute(status["issue"].count()).result()
            workers = len(client.scheduler_info()["workers"])
        one_machine = tally(due_dates, folder, by=["status"], params={"on": ON})

    expected = {s: n for s, n in one_machine.counts.rows() if s is not None}
    assert on_cluster.to_dict() == expected, (on_cluster.to_dict(), expected)
    assert issues == one_machine.with_issue
    print(f"{workers} worker(s), {format_number(args.rows)} phương tiện đo, ngày {ON:%d/%m/%Y}:")
    for name, rows in sorted(expected.items(), key=lambda item: -item[1]):
        print(f"  {name:15} {format_number(rows):>10}")
    print(f"  {'(có vấn đề)':15} {format_number(issues):>10}")
    print("Kết quả trên cụm Dask trùng với kết quả tính trên một máy.")


if __name__ == "__main__":
    main()
