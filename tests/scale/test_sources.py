"""lazy_source: a dataset by path, directory, glob or LazyFrame; clear errors otherwise."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from vn_skt.errors import InvalidValue
from vn_skt.scale import lazy_source


def test_a_directory_of_parquet_files_is_one_dataset(
    registry: pl.DataFrame, registry_dir: Path
) -> None:
    assert lazy_source(registry_dir, what="t").collect().equals(registry)


def test_a_glob_a_file_and_a_lazyframe(registry_dir: Path) -> None:
    first = registry_dir / "part-00000.parquet"
    assert (
        lazy_source(str(registry_dir / "part-0000[01].parquet"), what="t").collect().height
        == 14_000
    )
    assert lazy_source(first, what="t").collect().height == 7_000
    lazy = pl.scan_parquet(first)
    assert lazy_source(lazy, what="t") is lazy


def test_csv_dates_are_read_as_dates(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("type,verified_on,passed\nCân ô tô,2025-05-20,true\n", encoding="utf-8")
    assert lazy_source(path, what="t").collect_schema()["verified_on"] == pl.Date


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda d: d / "missing.parquet", "no file"),
        (lambda d: d, "holds no"),
        (lambda d: (d / "r.xlsx").write_bytes(b"x") and d / "r.xlsx", "suffix '.xlsx'"),
        (lambda d: 42, "got int"),
    ],
)
def test_a_bad_source_names_what_was_received(tmp_path: Path, make, expected: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidValue, match=expected):
        lazy_source(make(tmp_path), what="t")
