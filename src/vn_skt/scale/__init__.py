"""Quy mô quốc gia — the bulk kernels over registries larger than memory, and on Dask.

The kernels themselves live with their domain (:func:`vn_skt.metrology.due_dates`, …):
each is a function of one batch (a polars DataFrame, an Arrow RecordBatch or Table, a
pandas DataFrame) that gives back the same kind with its answer columns and an ``issue``
column (:func:`frame_in` is the doorway a kernel of your own uses to do the same). This
package runs them

- batch by batch over a Parquet/CSV dataset through polars' streaming scans, in bounded
  memory (:func:`scan_kernel`, :func:`sink_kernel`, :func:`tally`);
- on every partition of a Dask DataFrame (:func:`dask_map`, the ``dask`` extra;
  :func:`local_cluster` starts one with a polars thread per worker);

and makes synthetic registries to try it on (:func:`write_synthetic_instruments`).
Nothing here schedules or partitions: polars and Dask do.
"""

from __future__ import annotations

from vn_skt._columns import ISSUE, ROW_INDEX, frame_in, row_issues

from ._dask import dask_map, local_cluster
from ._scan import BATCH_ROWS, Kernel, scan_kernel, sink_kernel
from ._sources import Source, lazy_source
from ._synthetic import UNKNOWN_TYPE, synthetic_instruments, write_synthetic_instruments
from ._tally import COUNT, Tally, tally

__all__ = [
    "BATCH_ROWS",
    "COUNT",
    "ISSUE",
    "ROW_INDEX",
    "UNKNOWN_TYPE",
    "Kernel",
    "Source",
    "Tally",
    "dask_map",
    "frame_in",
    "lazy_source",
    "local_cluster",
    "row_issues",
    "scan_kernel",
    "sink_kernel",
    "synthetic_instruments",
    "tally",
    "write_synthetic_instruments",
]
