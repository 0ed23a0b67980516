"""Dask — a bulk kernel on every partition of a Dask DataFrame.

Dask does the scheduling and the partitioning (``map_partitions``); vn-skt only gives it
the kernel. A partition is a pandas DataFrame: the kernel reads it through Arrow and
gives back a pandas DataFrame with the same index, so a row's issue names it by that
index (and by any id column the registry carries).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vn_skt._extras import import_extra
from vn_skt.errors import InvalidValue

from ._scan import Kernel

__all__ = ["dask_map", "local_cluster"]


def _apply(partition: Any, kernel: Kernel, params: Mapping[str, Any]) -> Any:
    result = kernel(partition, **params)
    result.index = partition.index
    return result


def dask_map(frame: Any, kernel: Kernel, *, params: Mapping[str, Any] | None = None) -> Any:
    """Chạy trên Dask — ``kernel(partition, **params)`` on every partition of the Dask
    DataFrame ``frame``, lazily: a Dask DataFrame whose partitions are the kernel's
    results (``.compute()`` runs it on the cluster the client is connected to).

    >>> from datetime import date
    >>> import dask.dataframe as dd
    >>> import pandas as pd
    >>> from vn_skt.metrology import due_dates
    >>> registry = dd.from_pandas(pd.DataFrame({
    ...     "type": ["Cân ô tô", "Cân ô tô", "Cân ô tô"],
    ...     "verified_on": pd.Series(["2025-05-20", "2026-05-20", "2026-01-05"],
    ...                              dtype="date32[pyarrow]"),
    ...     "passed": [True, True, False],
    ... }), npartitions=2)
    >>> result = dask_map(registry, due_dates, params={"on": date(2026, 6, 1)})
    >>> result.compute(scheduler="synchronous")["status"].tolist()
    ['OVERDUE', 'VALID', 'REJECTED']
    """
    dd = import_extra("dask.dataframe", extra="dask", purpose="dask_map")
    if not isinstance(frame, dd.DataFrame):
        raise InvalidValue(
            f"dask_map: got {type(frame).__name__}; expected a dask.dataframe.DataFrame "
            "(for one machine use the kernel itself, or vn_skt.scale.scan_kernel)"
        )
    arguments = dict(params or {})
    pd = import_extra("pandas", extra="dask", purpose="dask_map")
    empty = pd.DataFrame({c: pd.Series([], dtype=t) for c, t in frame.dtypes.items()})
    meta = _apply(empty, kernel, arguments)
    return frame.map_partitions(_apply, kernel, arguments, meta=meta)


def local_cluster(workers: int, **options: Any) -> Any:
    """Cụm cục bộ — a ``distributed.LocalCluster`` of ``workers`` processes with one
    thread each, and polars told so (``POLARS_MAX_THREADS=1`` in each worker: otherwise
    every worker starts a polars thread per core and they fight over the cores).
    ``options`` go to ``LocalCluster`` (no dashboard unless ``dashboard_address`` is given).
    """
    if type(workers) is not int or workers < 1:
        raise InvalidValue(f"local_cluster: workers={workers!r}; expected an int >= 1")
    distributed = import_extra("distributed", extra="dask", purpose="local_cluster")
    env = {"POLARS_MAX_THREADS": "1", **options.pop("env", {})}
    options.setdefault("dashboard_address", None)
    return distributed.LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, env=env, **options
    )
