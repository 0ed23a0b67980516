"""dask_map: the kernel on every partition equals the kernel on one machine; on a real
LocalCluster of 2 single-threaded workers too (marked slow: it starts 2 processes)."""

from __future__ import annotations

import dask.dataframe as dd
import pandas as pd
import polars as pl
import pytest

from vn_skt.errors import InvalidValue
from vn_skt.metrology import due_dates
from vn_skt.scale import dask_map, local_cluster

from .conftest import ON, halves


def _pandas(frame: pl.DataFrame) -> pd.DataFrame:
    return frame.to_pandas(use_pyarrow_extension_array=True)


def _same(dask_result: pd.DataFrame, expected: pl.DataFrame) -> None:
    got = pl.from_pandas(dask_result.reset_index(drop=True))
    assert got.equals(expected.cast(got.schema))  # type: ignore[arg-type]


def test_partitions_give_what_one_machine_gives(registry: pl.DataFrame) -> None:
    frame = dd.from_pandas(_pandas(registry), npartitions=5)
    result = dask_map(frame, due_dates, params={"on": ON}).compute(scheduler="synchronous")
    _same(result, due_dates(registry, on=ON))


def test_the_partition_index_names_the_rows() -> None:
    pdf = pd.DataFrame({"x": [1, 2, 3, 4]}, index=[10, 11, 12, 13])
    result = dask_map(dd.from_pandas(pdf, npartitions=2), halves).compute(scheduler="synchronous")
    assert result.index.tolist() == [10, 11, 12, 13]
    assert result["issue"].dropna().to_dict() == {10: "odd x: 1", 12: "odd x: 3"}


def test_only_a_dask_frame_is_taken(registry: pl.DataFrame) -> None:
    with pytest.raises(InvalidValue, match=r"expected a dask\.dataframe\.DataFrame"):
        dask_map(registry, due_dates, params={"on": ON})


@pytest.mark.slow
def test_two_workers_on_a_local_cluster(registry: pl.DataFrame) -> None:
    from distributed import Client

    with local_cluster(2) as cluster, Client(cluster) as client:
        frame = dd.from_pandas(_pandas(registry), npartitions=4)
        mapped = dask_map(frame, due_dates, params={"on": ON})
        result = client.compute(mapped).result()
        # a group-by across workers shuffles the Enum column (a pandas categorical)
        counts = client.compute(mapped["status"].value_counts()).result()
        workers = client.run(lambda: __import__("polars").thread_pool_size())
    assert len(workers) == 2 and set(workers.values()) == {1}
    _same(result, due_dates(registry, on=ON))
    expected = due_dates(registry, on=ON)["status"].value_counts()
    assert counts.to_dict() == {
        k: n for k, n in expected.rows() if k is not None
    }  # pandas drops nulls


@pytest.mark.parametrize("workers", [0, -1, 1.0, "2"])
def test_local_cluster_needs_a_count(workers: object) -> None:
    with pytest.raises(InvalidValue, match="workers"):
        local_cluster(workers)  # type: ignore[arg-type]
