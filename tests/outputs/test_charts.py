"""The charts: Vietnamese titles and labels, Vietnamese number formats, the right bars."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from vn_skt.errors import InvalidValue  # noqa: E402
from vn_skt.outputs import plot_budget, plot_campaign, plot_tasks, plot_titles_expiring  # noqa: E402
from vn_skt.reporting import AnnualData  # noqa: E402


@pytest.fixture(autouse=True)
def _close() -> Any:
    yield
    plt.close("all")


def _ticks(axis: Any) -> list[str]:
    axis.figure.canvas.draw()
    return [t.get_text() for t in axis.get_ticklabels()]


def test_tasks_by_field_and_status(data: AnnualData) -> None:
    ax = plot_tasks(data.tasks, 2025)
    assert "theo lĩnh vực và tình trạng" in ax.get_title()
    assert ax.get_xlabel() == "Số nhiệm vụ"
    assert {t.get_text() for t in ax.get_legend().get_texts()} == {
        "Đang thực hiện",
        "Dừng thực hiện",
    }
    totals = sum(p.get_width() for p in ax.patches)
    assert totals == 16  # every task of 2025 once


def test_budget_by_year_in_ty_dong_with_decimal_commas(data: AnnualData) -> None:
    ax = plot_budget(data.tasks)
    assert ax.get_ylabel() == "Tỷ đồng"
    labels = [t.get_text() for t in ax.texts]
    assert "7,89" in labels  # 2025: 7.890.000.000 đồng
    assert any("," in t for t in _ticks(ax.yaxis))
    assert not any("." in t for t in _ticks(ax.yaxis))


def test_campaign_pass_rate_by_field(data: AnnualData) -> None:
    verifications = [v for i in data.instruments for v in i.verifications]
    ax = plot_campaign(verifications)
    labels = [t.get_text() for t in ax.texts]
    assert all("%" in t and "PTĐ" in t for t in labels)
    assert any(t.startswith("100,0%") for t in labels)
    assert "khối lượng" in _ticks(ax.yaxis)


def test_titles_expiring_by_month(data: AnnualData) -> None:
    ax = plot_titles_expiring(data.titles, on=date(2025, 12, 31), months=12)
    heights = [p.get_height() for p in ax.patches]
    assert len(heights) == 13 and sum(heights) == 2
    assert "04/2026" in _ticks(ax.xaxis)
    with pytest.raises(InvalidValue, match="on"):
        plot_titles_expiring(data.titles, on="2025-12-31")  # type: ignore[arg-type]
