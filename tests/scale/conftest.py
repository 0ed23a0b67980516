"""Shared for the scale tests: a small synthetic registry on disk, and a toy kernel."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from vn_skt.scale import frame_in, synthetic_instruments, write_synthetic_instruments

ON = date(2026, 6, 1)
PLACES = ["Huế", "Cần Thơ", "Hà Nội"]


def halves(batch: Any, **params: Any) -> Any:
    """A toy kernel: ``half`` = x // 2, and an issue for odd x (a pure function of the row)."""
    frame, back = frame_in(batch, what="halves")
    x = pl.col("x")
    return back(
        frame.with_columns(
            half=pl.when(x % 2 == 0).then(x // 2),
            issue=pl.when(x % 2 == 1).then(pl.format("odd x: {}", x)),
        )
    )


@pytest.fixture(scope="session")
def registry() -> pl.DataFrame:
    return synthetic_instruments(30_000, seed=7, provinces=PLACES)


@pytest.fixture(scope="session")
def registry_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("registry")
    write_synthetic_instruments(folder, 30_000, seed=7, rows_per_file=7_000, provinces=PLACES)
    return folder
