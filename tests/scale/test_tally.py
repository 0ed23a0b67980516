"""tally: counts per group over batches equal the counts over the whole; nothing lost."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from vn_skt.errors import InvalidValue
from vn_skt.metrology import due_dates
from vn_skt.scale import COUNT, row_issues, tally

from .conftest import ON, halves


def test_counts_over_batches_equal_the_counts_over_the_whole(
    registry: pl.DataFrame, registry_dir: Path
) -> None:
    month = pl.col("valid_until").dt.truncate("1mo").alias("month")
    found = tally(
        due_dates,
        registry_dir,
        by=["province", month, "status"],
        batch_rows=4_000,
        params={"on": ON},
    )
    whole = due_dates(registry, on=ON)
    expected = (
        whole.group_by("province", month, "status")
        .agg(pl.len().cast(pl.Int64).alias(COUNT))
        .sort("province", "month", "status", nulls_last=False)
    )
    assert found.counts.equals(expected)
    assert found.counts[COUNT].sum() == found.rows == registry.height
    assert found.rows == found.answered + found.with_issue
    assert found.issues.equals(row_issues(whole))
    assert found.with_issue > 0  # the synthetic registry has bad rows on purpose
    assert found.batches == 8


def test_every_issue_row_keeps_its_index() -> None:
    found = tally(halves, pl.LazyFrame({"x": [1, 2, 3, 4, 5]}), by=["half"], batch_rows=2)
    assert found.issues.rows() == [(0, "odd x: 1"), (2, "odd x: 3"), (4, "odd x: 5")]
    assert found.counts.rows() == [(None, 3), (1, 1), (2, 1)]


@pytest.mark.parametrize("by", ["status", [], [1], None])
def test_by_is_checked(by: object) -> None:
    with pytest.raises(InvalidValue, match="by"):
        tally(halves, pl.LazyFrame({"x": [1]}), by=by)  # type: ignore[arg-type]


def test_a_kernel_without_an_issue_column_is_refused() -> None:
    with pytest.raises(InvalidValue, match="no 'issue' column"):
        tally(lambda b: b, pl.LazyFrame({"x": [1]}), by=["x"])
