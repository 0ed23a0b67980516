"""The bulk kernels on every kind of table (polars, Arrow RecordBatch and Table, pandas),
on registries crossing the 2020, 2024 and 2026 lists, bad rows included: the same rows as
the per-object API, and a batch cut in two gives the rows of the whole."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import polars as pl
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.l10n import format_date
from vn_skt.metrology import (
    Verification,
    due_dates,
    instrument_type,
    segments,
    status_of,
    valid_until,
)
from vn_skt.testing.strategies import verification_rows

Row = tuple[str | None, date | None, bool | None]
SCHEMA = {"type": pl.String, "verified_on": pl.Date, "passed": pl.Boolean}
KINDS = ["polars", "batch", "table", "pandas"]
OUTPUT = ["cycle_months", "rule_status", "issue", "valid_until", "status", "overdue"]


def frame(rows: list[Row]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "type": [r[0] for r in rows],
            "verified_on": [r[1] for r in rows],
            "passed": [r[2] for r in rows],
        },
        schema=SCHEMA,
    )


def as_kind(data: pl.DataFrame, kind: str) -> Any:
    if kind == "batch":
        return data.to_arrow().combine_chunks().to_batches()[0] if data.height else None
    if kind == "table":
        return data.to_arrow()
    if kind == "pandas":
        return data.to_pandas(use_pyarrow_extension_array=True)
    return data


def back_to_polars(out: Any, kind: str) -> pl.DataFrame:
    expected = {
        "polars": pl.DataFrame,
        "batch": pa.RecordBatch,
        "table": pa.Table,
        "pandas": type(pl.DataFrame().to_pandas()),
    }[kind]
    assert isinstance(out, expected), (kind, type(out))
    if kind == "pandas":
        return pl.from_pandas(out)
    return out if kind == "polars" else pl.from_arrow(out)  # type: ignore[return-value]


def per_object(row: Row, on: date) -> tuple[Any, ...]:
    """(valid_until, status, cycle, rule status, issue) as the per-object API answers."""
    name, verified, passed = row
    if verified is not None and passed is None:
        with pytest.raises(ValidationError):  # a verification has a result
            Verification(verified_on=verified, passed=passed)  # type: ignore[arg-type]
        shown = "a row with no type" if name is None else repr(name)
        issue = (
            f"no verification result for {shown} verified on {format_date(verified)} "
            f"(passed is null); expected true or false"
        )
        return None, None, None, None, issue
    try:
        if name is None:
            raise RegulationNotFound("the row has no instrument type name")
        if verified is None:
            return None, status_of(name, [], on).name, None, None, None
        kind = instrument_type(name, on=verified)
    except RegulationNotFound as exc:
        return None, None, None, None, str(exc)
    history = [Verification(verified_on=verified, passed=bool(passed))]
    status = status_of(kind, history, on)
    until = valid_until(kind, verified) if passed else None
    return until, status.name, kind.cycle_months, kind.status.value, None


ON_DAYS = st.sampled_from([s.start + timedelta(days=d) for s in segments() for d in (-1, 0)]) | (
    st.dates(min_value=date(2020, 1, 1), max_value=date(2032, 12, 31))
)


@given(st.lists(verification_rows(), max_size=20), ON_DAYS, st.sampled_from(KINDS))
def test_due_dates_on_every_kind_equal_per_object(rows: list[Row], on: date, kind: str) -> None:
    data = frame(rows)
    if kind == "batch" and not rows:
        return
    out = back_to_polars(due_dates(as_kind(data, kind), on=on), kind)
    assert out.height == len(rows)  # nothing dropped, order kept
    assert out.select("type", "verified_on", "passed").rows() == data.rows()
    for got, row in zip(out.iter_rows(named=True), rows, strict=True):
        until, status, cycle, rule, issue = per_object(row, on)
        assert got["issue"] == issue
        assert got["valid_until"] == until
        assert got["status"] == status
        assert got["cycle_months"] == cycle
        assert got["rule_status"] == rule
        assert got["overdue"] == (status == "OVERDUE")
        if issue is not None:  # a bad row is never valid
            assert got["status"] is None and got["valid_until"] is None


@given(st.lists(verification_rows(), max_size=30), st.integers(0, 30), ON_DAYS)
def test_due_dates_of_two_halves_are_the_rows_of_the_whole(
    rows: list[Row], cut: int, on: date
) -> None:
    data = frame(rows)
    whole = due_dates(data, on=on)
    halves = pl.concat(
        [due_dates(data.head(cut), on=on), due_dates(data.slice(cut), on=on)], how="vertical"
    )
    assert halves.equals(whole)


def test_the_kind_given_is_the_kind_returned() -> None:
    data = frame([("Cân bàn", date(2025, 1, 1), True), ("Taximet", None, None)])
    for kind in KINDS:
        out = back_to_polars(due_dates(as_kind(data, kind), on=date(2025, 6, 1)), kind)
        assert out.columns == [*data.columns, *OUTPUT]
        assert out.get_column("status").to_list() == ["VALID", "NEVER_VERIFIED"]
    plain = due_dates(data.to_dict(as_series=False), on=date(2025, 6, 1))
    assert isinstance(plain, pl.DataFrame)


def test_pandas_dates_as_midnight_datetimes_are_dates() -> None:
    data = frame([("Cân bàn", date(2025, 1, 1), True)]).to_pandas()
    assert str(data["verified_on"].dtype).startswith("datetime64")
    out = due_dates(data, on=date(2025, 6, 1))
    assert list(out["status"].astype(str)) == ["VALID"]
    data["verified_on"] = data["verified_on"] + __import__("pandas").Timedelta(hours=3)
    with pytest.raises(InvalidValue, match="times of day"):
        due_dates(data, on=date(2025, 6, 1))


def test_categorical_and_enum_names_give_the_same_rows() -> None:
    data = frame(
        [
            ("Cân bàn", date(2025, 1, 1), True),
            (None, date(2025, 1, 1), True),
            ("Cân bàn", None, None),
        ]
    )
    plain = due_dates(data, on=date(2025, 6, 1)).drop("type")
    for dtype in (pl.Categorical, pl.Enum(["Taximet", "Cân bàn"])):
        typed = data.with_columns(pl.col("type").cast(dtype))
        assert due_dates(typed, on=date(2025, 6, 1)).drop("type").equals(plain)
    with pytest.raises(InvalidValue, match="expected instrument type names"):
        due_dates(data.with_columns(type=pl.lit(3)), on=date(2025, 6, 1))
    with pytest.raises(InvalidValue, match="expected the results as booleans"):
        due_dates(data.with_columns(passed=pl.lit(1)), on=date(2025, 6, 1))
