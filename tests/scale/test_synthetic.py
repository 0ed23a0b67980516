"""The synthetic registry: reproducible by position, names from the list in force."""

from __future__ import annotations

from collections import Counter

import polars as pl
import pytest

from vn_skt.errors import InvalidValue
from vn_skt.metrology import due_dates
from vn_skt.scale import UNKNOWN_TYPE, synthetic_instruments

from .conftest import ON, PLACES


def test_a_part_equals_the_slice_of_the_whole(registry: pl.DataFrame) -> None:
    part = synthetic_instruments(1_000, seed=7, start=12_345, provinces=PLACES)
    assert part.equals(registry.slice(12_345, 1_000))
    assert not synthetic_instruments(1_000, seed=8, provinces=PLACES).equals(registry.head(1_000))


def test_bad_rows_are_the_deliberate_ones_only(registry: pl.DataFrame) -> None:
    issues = due_dates(registry, on=ON).filter(pl.col("issue").is_not_null())
    kinds = Counter(
        "unknown"
        if row["type"] == UNKNOWN_TYPE
        else "before the first list"
        if row["verified_on"] is not None and row["verified_on"].year < 2020
        else "no result"
        if row["passed"] is None
        else "other"
        for row in issues.iter_rows(named=True)
    )
    assert kinds["other"] == 0
    assert 0 < kinds["unknown"] < registry.height * 0.01


def test_provinces_and_shares(registry: pl.DataFrame) -> None:
    assert set(registry["province"].unique()) == set(PLACES)
    assert registry["instrument_id"].to_list() == list(range(30_000))
    meters = registry["type"].cast(pl.String).str.starts_with("Công tơ điện").mean()
    assert 0.3 < meters < 0.6  # type: ignore[operator]


@pytest.mark.parametrize(
    "kwargs", [{"rows": -1}, {"rows": 1.0}, {"rows": 1, "seed": -2}, {"rows": 1, "provinces": []}]
)
def test_bad_arguments(kwargs: dict[str, object]) -> None:
    with pytest.raises(InvalidValue):
        synthetic_instruments(**kwargs)  # type: ignore[arg-type]
