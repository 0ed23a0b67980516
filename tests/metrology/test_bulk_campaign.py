"""Campaign figures in bulk: the figures of CampaignSummary.from_verifications per group,
rows in error counted (never dropped), and figures that add up across batches."""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.metrology import (
    CampaignSummary,
    Verification,
    campaign_figures,
    campaign_summary,
    combine_campaign_figures,
    instrument_type,
)
from vn_skt.testing.strategies import verification_rows

from .test_bulk_kinds import KINDS, Row, as_kind, back_to_polars, frame


def counted(row: Row) -> Verification | None:
    """The row as the per-object API takes it, or None when it cannot be counted."""
    name, verified, passed = row
    try:
        v = Verification(verified_on=verified, passed=passed, instrument_type=name)  # type: ignore[arg-type]
        if name is not None:
            instrument_type(name, on=verified)  # type: ignore[arg-type]
    except (ValidationError, RegulationNotFound):
        return None
    return v


@given(
    st.lists(verification_rows(), max_size=30),
    st.sampled_from(KINDS),
    st.dictionaries(
        st.sampled_from(["khối lượng", "KHỐI LƯỢNG", "điện – điện từ"]), st.integers(0, 99)
    ),
)
def test_figures_equal_the_per_object_summary(
    rows: list[Row], kind: str, plan: dict[str, int]
) -> None:
    if kind == "batch" and not rows:
        return
    figures = back_to_polars(campaign_figures(as_kind(frame(rows), kind)), kind)
    good = [v for v in map(counted, rows) if v is not None]
    # every row is counted once: as a verification or as an error
    assert figures["total"].sum() + figures["errors"].sum() == len(rows)
    assert figures["errors"].sum() == len(rows) - len(good)
    assert (figures["total"] == figures["passed"] + figures["rejected"]).all()
    expected = CampaignSummary.from_verifications(good, plan=plan)
    assert campaign_summary(figures, plan=plan, skip_errors=True) == expected
    got = campaign_summary(figures, skip_errors=True)
    assert dict(got.by_field) == dict(expected.by_field)
    assert dict(got.by_type) == dict(expected.by_type)
    assert got.rule_status == expected.rule_status
    assert got.unverified == expected.unverified


@given(st.lists(verification_rows(), max_size=30), st.integers(0, 30))
def test_two_halves_combined_are_the_whole(rows: list[Row], cut: int) -> None:
    data = frame(rows)
    halves = [campaign_figures(data.head(cut)), campaign_figures(data.slice(cut))]
    assert combine_campaign_figures(halves).equals(campaign_figures(data))


def test_combine_gives_the_kind_of_the_first() -> None:
    data = frame([("Cân bàn", date(2025, 5, 2), True), ("Taximet", date(2025, 5, 2), False)])
    table = campaign_figures(data.to_arrow())
    both = combine_campaign_figures([table, campaign_figures(data)])
    assert type(both) is type(table)
    assert pl.from_arrow(both)["total"].to_list() == [2, 2]  # type: ignore[index]
    with pytest.raises(InvalidValue, match="got no figures"):
        combine_campaign_figures([])
    with pytest.raises(InvalidValue, match=r"no column .*'errors'"):
        combine_campaign_figures([pl.DataFrame({"field": ["x"]})])


def test_rows_that_cannot_be_counted() -> None:
    rows: list[Row] = [
        ("Cân bàn", date(2025, 5, 2), True),
        ("Cân bàn", date(2025, 5, 2), None),  # no result
        ("Cân bàn", None, None),  # no date
        ("Cân thần kỳ", date(2025, 5, 2), True),  # unknown
        ("Công tơ điện xoay chiều 1 pha kiểu cảm ứng", date(2025, 1, 10), True),  # removed
        ("Cân bàn", date(2019, 5, 2), True),  # before the first list
        (None, date(2019, 5, 2), False),  # no type: totals only, as per object
    ]
    figures = campaign_figures(frame(rows))
    nulls = figures.filter(pl.col("type").is_null())
    assert nulls.select("total", "passed", "rejected", "errors").row(0) == (1, 0, 1, 5)
    assert figures["total"].sum() + figures["errors"].sum() == len(rows)
    with pytest.raises(InvalidValue, match="5 verifications could not be counted"):
        campaign_summary(figures)
    with pytest.raises(InvalidValue, match=r"7 rows|no verification result for 'Cân bàn'"):
        campaign_figures(frame(rows[:3]), strict=True)
    with pytest.raises(RegulationNotFound, match="no instrument named 'Cân thần kỳ'"):
        campaign_figures(frame(rows[3:4]), strict=True)


def test_the_figures_columns_and_types() -> None:
    out: Any = campaign_figures(frame([("Cân ô tô", date(2026, 5, 20), True)]))
    assert out.schema == {
        "field": pl.String,
        "type": pl.String,
        "rule_status": pl.Enum(["V", "V2", "U"]),
        "total": pl.Int64,
        "passed": pl.Int64,
        "rejected": pl.Int64,
        "unverified": pl.Int64,
        "errors": pl.Int64,
    }
    assert out.rows() == [("khối lượng", "Cân ô tô", "U", 1, 1, 0, 1, 0)]
