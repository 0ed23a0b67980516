"""Records and summaries in Jupyter: HTML tables, pandas frames, a chart."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import re

import matplotlib.pyplot as plt
import pytest

from vn_skt.calendar import Period
from vn_skt.data import sample_province
from vn_skt.ip_titles import TitlePortfolio
from vn_skt.l10n import format_money, html_table
from vn_skt.metrology import CampaignSummary
from vn_skt.reporting import Indicator, IndicatorGroup
from vn_skt.tasks import Portfolio

DATA = sample_province()


def test_html_escapes() -> None:
    assert "&lt;script&gt;" in html_table(["<script>"], [["a & b"]])
    assert "a &amp; b" in html_table(["x"], [["a & b"]])


def test_records_and_summaries_render() -> None:
    task = DATA.tasks[0]
    assert f"Nhiệm vụ {task.code}" in task._repr_html_()
    assert "<td>Mã số</td>" in task._repr_html_()  # fields under their label (labels.toml)
    portfolio = Portfolio(DATA.tasks)
    assert "<table>" in portfolio._repr_html_()
    summary = Portfolio(DATA.tasks, grouping=DATA.field_groups).year(2025)
    html = summary._repr_html_()
    assert "Chuyển tiếp" in html and str(len(summary.carried_over)) in html
    assert "<table>" in DATA.titles[0]._repr_html_()
    assert "<table>" in DATA.instruments[0]._repr_html_()
    assert "Chủ tịch" in DATA.meetings[0].council._repr_html_()
    assert "<table>" in TitlePortfolio(DATA.titles)._repr_html_()


def test_frames_match_the_figures() -> None:
    summary = Portfolio(DATA.tasks).year(2025)
    df = summary.to_frame()
    assert len(df) == summary.total and int(df["Mở mới"].sum()) == len(summary.new)
    assert int(df["Chuyển tiếp"].sum()) == len(summary.carried_over)
    assert len(Portfolio(DATA.tasks).to_frame()) == len(DATA.tasks)
    titles = TitlePortfolio(DATA.titles).to_frame(on=Period.year(2025).end)
    assert len(titles) == len(DATA.titles) and titles["Tình trạng"].notna().all()
    campaign = CampaignSummary.from_verifications(
        [v for i in DATA.instruments for v in i.verifications], plan={"khối lượng": 300}
    )
    frame = campaign.to_frame()
    assert int(frame["Đã kiểm định"].sum()) == campaign.total


@pytest.mark.parametrize("year", [2023, 2024, 2025])
def test_the_frames_budget_column_is_the_report_sentences(year: int) -> None:
    """Issue #16: the frame put the all-years state budget (20,6 tỷ) where the report
    said 7,44 tỷ for 2025. The year's column now sums to the sentence's figure."""
    summary = Portfolio(DATA.tasks, grouping=DATA.field_groups).year(year)
    stated = re.search(r"tổng kinh phí thực hiện (.+)\.$", str(summary))
    assert stated is not None
    df = summary.to_frame()
    column = int(df[f"Kinh phí NSNN năm {year} (đồng)"].sum())
    assert format_money(column, unit="tỷ", decimals=3) == stated.group(1)
    all_years = int(df["Tổng kinh phí NSNN cả thời gian thực hiện (đồng)"].sum())
    assert all_years > column  # the old column: what the task gets over its whole period


def test_indicator_group_plots() -> None:
    group = IndicatorGroup(
        "Kiểm định theo lĩnh vực",
        [Indicator("Khối lượng", 600, 250, unit="PTĐ"), Indicator("Điện", 400, 410, unit="PTĐ")],
    )
    ax = group.plot()
    assert [p.get_width() for p in ax.patches] == [41.7, 102.5]
    assert ax.get_title() == "Kiểm định theo lĩnh vực"
    plt.close("all")
    assert list(group.to_frame()["Tỷ lệ (%)"]) == [
        group.indicators[0].percent(1),
        group.indicators[1].percent(1),
    ]
    assert "250/600 PTĐ (đạt 42%)" in group._repr_html_()


def test_frames_can_be_headed_by_field_name() -> None:
    summary = Portfolio(DATA.tasks).year(2025)
    vi, names = summary.to_frame(), summary.to_frame(headings="names")
    assert list(names.columns)[:3] == ["code", "title", "type"]
    assert "state_budget_2025" in names.columns and "state_budget_total" in names.columns
    assert int(names["state_budget_2025"].sum()) == summary.state_budget
    assert names.shape == vi.shape
    assert list(Portfolio(DATA.tasks).to_frame(headings="names").columns)[-1] == "total"
