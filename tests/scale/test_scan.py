"""scan_kernel / sink_kernel: batch by batch gives the rows the whole gives, in order."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.errors import InvalidValue
from vn_skt.scale import ROW_INDEX, row_issues, scan_kernel, sink_kernel

from .conftest import halves


@given(
    xs=st.lists(st.integers(-(10**6), 10**6), max_size=60),
    batch_rows=st.integers(1, 25),
)
def test_batches_together_are_the_kernel_on_the_whole(xs: list[int], batch_rows: int) -> None:
    lazy = pl.LazyFrame({"x": xs}, schema={"x": pl.Int64})
    batches = list(scan_kernel(halves, lazy, batch_rows=batch_rows))
    assert all(b.height <= batch_rows for b in batches)
    joined = pl.concat(batches)
    whole = halves(pl.DataFrame({"x": xs}, schema={"x": pl.Int64})).with_row_index(ROW_INDEX)
    assert joined.equals(whole)
    assert len(batches) == max(1, -(-len(xs) // batch_rows))  # empty input: one empty batch


def test_row_index_is_global_across_files(registry_dir: Path) -> None:
    indices = pl.concat(
        b.select(ROW_INDEX) for b in scan_kernel(lambda b: b, registry_dir, batch_rows=4_000)
    )[ROW_INDEX]
    assert indices.to_list() == list(range(30_000))


def test_a_dataset_s_own_row_index_is_kept() -> None:
    lazy = pl.LazyFrame({ROW_INDEX: [10, 20, 31], "x": [2, 4, 5]})
    (result,) = scan_kernel(halves, lazy)
    assert row_issues(result).rows() == [(31, "odd x: 5")]


def test_sink_writes_every_row(tmp_path: Path) -> None:
    target = tmp_path / "out.parquet"
    rows = sink_kernel(halves, pl.LazyFrame({"x": list(range(1000))}), target, batch_rows=300)
    written = pl.read_parquet(target)
    assert rows == written.height == 1000
    assert written["issue"].null_count() == 500
    assert written[ROW_INDEX].to_list() == list(range(1000))


def test_sink_of_an_empty_dataset_writes_the_columns(tmp_path: Path) -> None:
    target = tmp_path / "out.parquet"
    assert sink_kernel(halves, pl.LazyFrame({"x": []}, schema={"x": pl.Int64}), target) == 0
    assert pl.read_parquet(target).columns == [ROW_INDEX, "x", "half", "issue"]


@pytest.mark.parametrize("rows", [0, -1, 1.5, "10", True])
def test_batch_rows_is_checked(rows: object) -> None:
    with pytest.raises(InvalidValue, match="batch_rows"):
        scan_kernel(halves, pl.LazyFrame({"x": [1]}), batch_rows=rows)  # type: ignore[arg-type]


def test_a_file_polars_cannot_read_is_an_invalid_value(tmp_path: Path) -> None:
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1 this is not a parquet file PAR1")
    with pytest.raises(InvalidValue, match="could not read the source"):
        list(scan_kernel(halves, path))


def test_a_csv_cell_polars_cannot_read_is_an_invalid_value(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("x\n" + "1\n" * 2000 + "not a number\n", encoding="utf-8")
    with pytest.raises(InvalidValue, match="could not read the source"):
        list(scan_kernel(halves, path))


def test_a_kernel_s_own_error_is_not_taken_for_a_reading_error() -> None:
    def refuse(batch: object) -> object:
        raise InvalidValue("the kernel's own words")

    with pytest.raises(InvalidValue, match="the kernel's own words"):
        list(scan_kernel(refuse, pl.LazyFrame({"x": [1]})))
